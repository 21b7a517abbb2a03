/**
 * The live effect of a draft: every partner of the Partners table scored and tiered with the
 * core, once under the model the workbook holds now and once under the draft, then counted
 * per tier and compared. Partners that cannot be scored (missing data, an unknown rating...)
 * are counted as "not scored" with the core's message, never dropped.
 *
 * Values are taken from the Partners columns named like the criteria (a renamed criterion is
 * still found under its old name, or by its position, see matchColumns); a `Type` column
 * picks each partner's profile as PRM.PARTNERSCORE's profile argument does: a blank type means
 * the default profile and an unknown one is not scored (the function's #VALUE!), with the
 * same message. The missing-data policy is the functions' default, skip.
 */
import {
  CellError,
  DEFAULT_PROFILE,
  catchCellError,
  cellText,
  headerKey,
  isMissing,
  notAvailable,
  rankTiers,
  readCriteria,
  readTiers,
  relativeWeights,
  resolveProfile,
  tierFor,
  NormalizedRows,
  type CriteriaModel,
  type Tier,
} from "../core";
import type { TableData } from "../workbook/store";

export interface Scenario {
  model: CriteriaModel;
  tiers: Tier[];
  /** Per criterion, the Partners headers to look for, in order of preference. */
  columns: string[][];
}

export interface PartnerResult {
  /** Row among the Partners data rows (0-based). */
  row: number;
  partner: string;
  /** Index in the scenario's tiers, or null when not scored. */
  tier: number | null;
  score: number | null;
  error: string | null;
}

/** Partners scored under one model, with that model's tiers (results name them by index). */
export interface Scoring {
  results: PartnerResult[];
  tiers: Tier[];
}

/**
 * The scenario the functions would see in these tables (their rules, not the pane's), or
 * null when they would reject the tables. Columns default to each criterion's own name.
 */
export function scenarioOf(
  criteria: TableData,
  tiers: TableData,
  columns?: string[][],
): Scenario | null {
  const c = readCriteria([criteria.header, ...criteria.rows]);
  const t = readTiers([tiers.header, ...tiers.rows]);
  if (
    c.problems.length > 0 ||
    t.problems.length > 0 ||
    c.model.criteria.length === 0
  )
    return null;
  return {
    model: c.model,
    tiers: t.tiers,
    columns: columns ?? c.model.criteria.map((x) => [x.name]),
  };
}

export interface ColumnMatch {
  /** Index of the Partners column, or -1. */
  column: number;
  /** How it was found: the criterion's name, an older name, its position, or not at all. */
  by: "name" | "old name" | "position" | "none";
}

/**
 * Finds each criterion's Partners column: by its name, else by an older name (a rename).
 * A criterion still without a column that sits between criteria whose columns all line up by
 * position (the block a PARTNERSCORE range covers) takes the column at its position there,
 * as the formulas do.
 */
export function matchColumns(
  partners: TableData,
  columns: readonly string[][],
): ColumnMatch[] {
  const keys = partners.header.map(headerKey);
  const matches = columns.map((names): ColumnMatch => {
    for (let k = 0; k < names.length; k++) {
      const at = keys.indexOf(headerKey(names[k]));
      if (at >= 0) return { column: at, by: k === 0 ? "name" : "old name" };
    }
    return { column: -1, by: "none" };
  });
  const offsets = matches.flatMap((m, i) =>
    m.column >= 0 ? [m.column - i] : [],
  );
  if (offsets.length > 0 && offsets.every((o) => o === offsets[0])) {
    const offset = offsets[0];
    const first = matches.findIndex((m) => m.column >= 0);
    const last =
      matches.length -
      1 -
      [...matches].reverse().findIndex((m) => m.column >= 0);
    matches.forEach((m, i) => {
      const at = offset + i;
      // A column named like a criterion would have matched that criterion by name, and so
      // be at another offset: a consistent block holds no such column at a gap.
      if (m.column < 0 && i > first && i < last && at < keys.length)
        matches[i] = { column: at, by: "position" };
    });
  }
  return matches;
}

/** Per criterion, the index of its Partners column, or -1. */
export function partnerColumns(
  partners: TableData,
  columns: readonly string[][],
): number[] {
  return matchColumns(partners, columns).map((m) => m.column);
}

/** The Partners column that names each partner: Partner, Name or Partner name, else the first. */
export function nameColumn(partners: TableData): number {
  const keys = partners.header.map(headerKey);
  for (const name of ["partner", "name", "partner name"])
    if (keys.includes(name)) return keys.indexOf(name);
  return 0;
}

/** What the pane calls the partner of Partners data row `r`: its name, or "row N" without one. */
export function partnerLabel(
  row: readonly unknown[],
  nameAt: number,
  r: number,
): string {
  return String(row[nameAt] ?? "").trim() || `row ${r + 1}`;
}

/** The Partners column whose Type picks each partner's profile, or -1 without one. */
export function typeColumn(partners: TableData): number {
  return partners.header.map(headerKey).indexOf("type");
}

/** The profile a Type cell picks (any case; blank is the default), or null for an unknown type. */
export function profileForType(
  model: CriteriaModel,
  type: unknown,
): string | null {
  const profile = catchCellError(() =>
    resolveProfile(model, cellText(type) ?? ""),
  );
  return profile instanceof CellError ? null : profile;
}

/** How many (non-blank) partners each profile scores, by their Type; the default profile under "". Unknown types score under none. */
export function partnersPerProfile(
  partners: TableData,
  profiles: readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>([
    [DEFAULT_PROFILE, 0],
    ...profiles.map((p) => [p, 0] as [string, number]),
  ]);
  const typeAt = typeColumn(partners);
  const model = { criteria: [], profiles: [...profiles] };
  for (const row of partners.rows) {
    if (isBlankRow(row)) continue;
    const profile =
      typeAt < 0 ? DEFAULT_PROFILE : profileForType(model, row[typeAt]);
    if (profile !== null) counts.set(profile, (counts.get(profile) ?? 0) + 1);
  }
  return counts;
}

/**
 * The profile most partners use (by their Type), where the pane opens its weights: a list of
 * resellers opens on Reseller, not on "Default · 0 partners". Ties go to the default profile,
 * then to the first profile in the Criteria table.
 */
export function mostUsedProfile(
  partners: TableData | null,
  profiles: readonly string[],
): string {
  if (!partners) return DEFAULT_PROFILE;
  let best = DEFAULT_PROFILE;
  let most = -1;
  for (const [profile, count] of partnersPerProfile(partners, profiles))
    if (count > most) [best, most] = [profile, count];
  return best;
}

function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isMissing);
}

/** A partner's values in the criteria's order, from its Partners columns. */
function partnerValues(
  row: readonly unknown[],
  map: readonly number[],
): unknown[] {
  return map.map((column) => (column < 0 ? null : row[column]));
}

/**
 * The Partners as a scenario reads them, kept while only the weights change: a slider step
 * then costs one weighted sum and one tier per partner. Keyed by the Partners table (a new
 * one on every load) and by everything of the criteria that reading depends on.
 */
export interface ReadPartners {
  key: string;
  /** Each data row's values on 0-100, by its index in Partners. */
  normalized: NormalizedRows;
  /** The partners: the data rows that are not blank, in order. */
  rows: number[];
  names: string[];
  /** Each partner's Type cell ("" without a Type column), which picks its weights. */
  types: unknown[];
  /** Each partner's raw values in the criteria's order, which tiers' Requires read. */
  values: unknown[][];
}

const readPartners = new WeakMap<TableData, ReadPartners>();

export function readPartnersOnce(
  partners: TableData,
  model: CriteriaModel,
  map: readonly number[],
): ReadPartners {
  const key = JSON.stringify([
    map,
    model.criteria.map((c) => [
      c.name,
      c.method,
      c.better,
      c.min,
      c.max,
      c.scale,
    ]),
  ]);
  const kept = readPartners.get(partners);
  if (kept?.key === key) return kept;
  const typeAt = typeColumn(partners);
  const nameAt = nameColumn(partners);
  const read: ReadPartners = {
    key,
    normalized: new NormalizedRows(model, partners.rows.length),
    rows: [],
    names: [],
    types: [],
    values: [],
  };
  partners.rows.forEach((row, r) => {
    const values = partnerValues(row, map);
    read.normalized.read(r, values);
    if (isBlankRow(row)) return; // a blank row, not a partner
    read.rows.push(r);
    read.names.push(partnerLabel(row, nameAt, r));
    read.types.push(typeAt < 0 ? "" : row[typeAt]);
    read.values.push(values);
  });
  readPartners.set(partners, read);
  return read;
}

/**
 * Scores and tiers every non-blank Partners row under one scenario. This runs for every
 * partner on every slider step, so per partner it allocates only its result: the partners
 * were read once (see readPartnersOnce), and the profile's weights are looked up by the
 * Type cell as given.
 */
export function scorePartners(
  partners: TableData,
  scenario: Scenario,
): PartnerResult[] {
  const { model, tiers } = scenario;
  const map = partnerColumns(partners, scenario.columns);
  const weightsByType = new Map<unknown, number[] | CellError>();
  const weightsFor = (type: unknown) => {
    let w = weightsByType.get(type);
    if (w === undefined) {
      w = catchCellError(() =>
        relativeWeights(model, resolveProfile(model, cellText(type) ?? "")),
      );
      weightsByType.set(type, w);
    }
    return w;
  };
  const read = readPartnersOnce(partners, model, map);
  const { normalized, rows, names, types, values } = read;
  const partner = { model, values: values[0] };
  const results: PartnerResult[] = new Array<PartnerResult>(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    partner.values = values[k];
    try {
      const weights = weightsFor(types[k]);
      if (weights instanceof CellError) throw weights;
      const score = normalized.score(r, weights, "skip");
      if (score === null) notAvailable("it has no values for the criteria");
      const tier = tiers.indexOf(tierFor(tiers, score, partner));
      results[k] = { row: r, partner: names[k], tier, score, error: null };
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      results[k] = {
        row: r,
        partner: names[k],
        tier: null,
        score: null,
        error: e.message,
      };
    }
  }
  return results;
}

export interface TierCount {
  name: string;
  count: number;
  /** How many partners the tier holds now (the tier it was loaded as), null for a new tier or no comparison. */
  before: number | null;
}

export interface WhatIf {
  /** The draft's tiers, highest first. */
  tiers: TierCount[];
  notScored: number;
  notScoredBefore: number | null;
  /** The first few partners not scored, with the reason. */
  unscored: { partner: string; row: number; message: string }[];
  /** Whether the workbook's current model could be read, so that moves mean something. */
  compared: boolean;
  up: number;
  down: number;
  /** Partners whose tier is unchanged (or only renamed). */
  same: number;
  /** Partners scored under one model but not the other. */
  newlyScored: number;
  noLongerScored: number;
  partners: number;
  blankRows: number;
}

/**
 * Compares the draft with the workbook's current model. `tierOrigin[i]` is the index among
 * the current tiers that the draft's tier i was loaded from (null for an added tier).
 */
export function whatIf(
  partners: TableData,
  draft: Scenario,
  current: Scenario | null,
  tierOrigin: readonly (number | null)[],
  listLimit = 5,
  /** The partners already scored under `current` (it changes less often than the draft). */
  scoredNow?: PartnerResult[],
): WhatIf {
  const after = scorePartners(partners, draft);
  const before = current
    ? (scoredNow ?? scorePartners(partners, current))
    : null;
  const counts = draft.tiers.map(() => 0);
  for (const p of after) if (p.tier !== null) counts[p.tier]++;
  const beforeCounts = current ? current.tiers.map(() => 0) : null;
  if (before && beforeCounts)
    for (const p of before) if (p.tier !== null) beforeCounts[p.tier]++;

  const ranked = rankTiers(draft.tiers).map((t) => draft.tiers.indexOf(t));
  const rankOf = (i: number) => ranked.indexOf(i);
  const tiers = ranked.map((i): TierCount => {
    const origin = tierOrigin[i] ?? null;
    return {
      name: draft.tiers[i].name,
      count: counts[i],
      before:
        beforeCounts && origin !== null ? (beforeCounts[origin] ?? null) : null,
    };
  });

  const result: WhatIf = {
    tiers,
    notScored: after.filter((p) => p.tier === null).length,
    notScoredBefore: before
      ? before.filter((p) => p.tier === null).length
      : null,
    unscored: after
      .filter((p) => p.error !== null)
      .slice(0, listLimit)
      .map((p) => ({ partner: p.partner, row: p.row, message: p.error ?? "" })),
    compared: before !== null,
    up: 0,
    down: 0,
    same: 0,
    newlyScored: 0,
    noLongerScored: 0,
    partners: after.length,
    // One result per partner, a partner per non-blank row: the rest are blank rows.
    blankRows: partners.rows.length - after.length,
  };
  if (!before || !current) return result;

  after.forEach((p, k) => {
    const was = before[k].tier;
    const now = p.tier;
    if (was === null && now === null) return;
    if (was === null) return void result.newlyScored++;
    if (now === null) return void result.noLongerScored++;
    const direction = compareTiers(now, was);
    if (direction > 0) result.up++;
    else if (direction < 0) result.down++;
    else result.same++;
  });
  return result;

  /** > 0 when the draft's tier `now` is above the current tier `was`. */
  function compareTiers(now: number, was: number): number {
    if (tierOrigin[now] === was) return 0;
    const still = tierOrigin.indexOf(was);
    if (still >= 0) return rankOf(still) - rankOf(now); // the old tier is still there: compare ranks
    return draft.tiers[now].minScore - current!.tiers[was].minScore; // it was removed: compare thresholds
  }
}

export interface PartnerLayout {
  /** Criteria with no Partners column found. */
  missing: string[];
  /** Criteria read from a column of another name (an older name, or by position). */
  otherNames: {
    criterion: string;
    column: string;
    by: "old name" | "position";
  }[];
  /** Whether the criteria's columns appear in Partners in another order than the criteria. */
  outOfOrder: boolean;
  /** Blank cells in each criterion's Partners column (non-blank rows only). */
  blanks: { criterion: string; count: number }[];
}

/**
 * How the Partners table lines up with the draft's criteria. PRM formulas match values to
 * criteria by position, so a missing or out-of-order column breaks them even though the
 * what-if (which matches by name) can still score.
 */
export function partnerLayout(
  partners: TableData,
  names: readonly string[],
  columns: readonly string[][],
): PartnerLayout {
  const matches = matchColumns(partners, columns);
  const rows = partners.rows.filter((r) => !isBlankRow(r));
  const found = matches.map((m) => m.column).filter((c) => c >= 0);
  return {
    missing: names.filter((_, i) => matches[i].column < 0),
    otherNames: names.flatMap((criterion, i) => {
      const { column, by } = matches[i];
      return by === "old name" || by === "position"
        ? [{ criterion, column: String(partners.header[column]), by }]
        : [];
    }),
    outOfOrder: found.some((c, k) => k > 0 && c <= found[k - 1]),
    blanks: names
      .map((criterion, i) => ({
        criterion,
        count:
          matches[i].column < 0
            ? 0
            : rows.filter((r) => isMissing(r[matches[i].column])).length,
      }))
      .filter((b) => b.count > 0),
  };
}
