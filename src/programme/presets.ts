/**
 * Programme presets: one click turns the draft into an exclusive, an inclusive or an
 * influencer-aware programme. A preset changes weights, Min scores and Requires only: it never
 * adds or removes a criterion or a tier, and leaves every cell it does not name as it is. It is
 * a draft edit like any other, so the what-if shows its effect before Apply, Revert drops it and
 * Undo last apply restores the model before it. No DOM.
 *
 * Criteria are matched by what they measure, read from their name first and their perspective
 * second (a criterion the user added is matched the same way; one that matches nothing keeps
 * its weight):
 * - capability: names with accredit, certif, train, skill, staff, competenc, speciali, qualif,
 *   expert; else the Capability perspective;
 * - volume and growth: names with growth, grow, deal, registration, pipeline, lead, volume,
 *   revenue, sales, booking, margin, profit, turnover; else the Growth or Financial perspective;
 * - revenue and margin (for Influencer): names with revenue, sales, booking, margin, profit,
 *   turnover, or the Financial perspective.
 */
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  cellNumber,
  formatRequires,
  parseRequires,
  parseScale,
  type Condition,
} from "../core";
import {
  cellAt,
  largestRemainders,
  profileColumn,
  profilesOf,
  setCell,
  setWeight,
  textAt,
  weightAt,
  type Draft,
  type DraftTable,
} from "./draft";

export type PresetId = "exclusive" | "inclusive" | "influencer";

export interface Preset {
  id: PresetId;
  label: string;
  /** What it changes, in a sentence the pane shows before the user previews it. */
  description: string;
}

export const PRESETS: readonly Preset[] = [
  {
    id: "exclusive",
    label: "Exclusive",
    description:
      "For an early-life or specialist product: capability and accreditation criteria weigh twice as much, every tier above the lowest needs a third more of the way to 100, and the upper half of the tiers require each capability criterion.",
  },
  {
    id: "inclusive",
    label: "Inclusive",
    description:
      "For a mainstream product: volume and growth criteria weigh twice as much, every tier's Min score drops by a fifth, and only the top tier keeps requirements.",
  },
  {
    id: "influencer",
    label: "Influencer profile",
    description:
      "Adds (or resets) the Weight (Influencer) column: the Weight column's weights, with revenue and margin criteria at 0, for referral partners who do not resell.",
  },
];

type Theme = "capability" | "volume" | "other";

const CAPABILITY =
  /accredit|certif|train|skill|staff|competenc|speciali|qualif|expert/i;
const REVENUE = /revenue|sales|booking|margin|profit|turnover/i;
const VOLUME = /growth|grow|deal|registration|pipeline|lead|volume/i;

export function themeOf(name: string, perspective: string): Theme {
  if (CAPABILITY.test(name)) return "capability";
  if (VOLUME.test(name) || REVENUE.test(name)) return "volume";
  const p = perspective.trim().toLowerCase();
  if (p === "capability") return "capability";
  if (p === "growth" || p === "financial") return "volume";
  return "other";
}

export function isRevenueOrMargin(name: string, perspective: string): boolean {
  return REVENUE.test(name) || perspective.trim().toLowerCase() === "financial";
}

export interface PresetResult {
  draft: Draft;
  /** One line per changed cell, e.g. "Gold: Min score 70 → 80". */
  changes: string[];
}

interface CriterionRow {
  row: number;
  name: string;
  perspective: string;
}

function criterionRows(table: DraftTable): CriterionRow[] {
  return table.rows.map((_, row) => ({
    row,
    name: textAt(table, row, CRITERIA_HEADERS.name).trim(),
    perspective: textAt(table, row, CRITERIA_HEADERS.perspective),
  }));
}

/**
 * `weights` scaled to add up to `total`: whole numbers (largest remainders) when the column
 * held whole numbers, else two decimals. Zeros stay zero.
 */
export function rescale(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return [...weights];
  const exact = weights.map((w) => (w * total) / sum);
  if (!Number.isInteger(total)) return exact.map((w) => round(w, 2));
  return largestRemainders(exact, total);
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Every weight column (default first): each criterion's weight times its theme's factor. */
function reweigh(
  table: DraftTable,
  factor: Record<Theme, number>,
  changes: string[],
): DraftTable {
  const rows = criterionRows(table);
  let result = table;
  for (const profile of [DEFAULT_PROFILE, ...profilesOf(table)]) {
    if (profileColumn(table, profile) < 0) continue;
    const old = rows.map((c) => weightAt(table, c.row, profile));
    if (old.some((w) => !Number.isFinite(w) || w < 0)) continue; // the pane lists the bad cell
    const total = old.reduce((s, w) => s + w, 0);
    const next = rescale(
      rows.map((c, i) => old[i] * factor[themeOf(c.name, c.perspective)]),
      total,
    );
    result = setWeights(result, rows, profile, old, next, changes);
  }
  return result;
}

function setWeights(
  table: DraftTable,
  rows: readonly CriterionRow[],
  profile: string,
  old: readonly number[],
  next: readonly number[],
  changes: string[],
): DraftTable {
  let result = table;
  const column = profile === DEFAULT_PROFILE ? "Weight" : `Weight (${profile})`;
  rows.forEach((c, i) => {
    const blank = profileColumn(table, profile) < 0;
    if (next[i] === old[i] && !blank) return;
    result = setWeight(result, c.row, profile, next[i]);
    if (next[i] !== old[i])
      changes.push(`${column}: ${c.name} ${old[i]} → ${next[i]}`);
  });
  return result;
}

interface TierRow {
  row: number;
  name: string;
  minScore: number;
}

/** The tiers with a numeric Min score, highest first (equal scores keep the table's order). */
function rankedTiers(table: DraftTable): TierRow[] {
  return table.rows
    .map((_, row) => ({
      row,
      name: textAt(table, row, TIER_HEADERS.name).trim(),
      minScore: cellNumber(cellAt(table, row, TIER_HEADERS.minScore)),
    }))
    .filter((t): t is TierRow => t.minScore !== null)
    .sort((a, b) => b.minScore - a.minScore || a.row - b.row);
}

/** Every tier but the lowest gets `move(minScore)`, kept within 0-100 and in whole points. */
function moveThresholds(
  table: DraftTable,
  move: (minScore: number) => number,
  changes: string[],
): DraftTable {
  const ranked = rankedTiers(table);
  let result = table;
  for (const tier of ranked.slice(0, -1)) {
    const next = Math.min(100, Math.max(0, Math.round(move(tier.minScore))));
    if (next === tier.minScore) continue;
    result = setCell(result, tier.row, TIER_HEADERS.minScore, next);
    changes.push(`${tier.name}: Min score ${tier.minScore} → ${next}`);
  }
  return result;
}

function setRequires(
  table: DraftTable,
  tier: TierRow,
  conditions: readonly Condition[],
  changes: string[],
): DraftTable {
  const before = textAt(table, tier.row, TIER_HEADERS.requires).trim();
  const after = formatRequires(conditions);
  if (before === after) return table;
  changes.push(
    `${tier.name}: Requires ${before === "" ? "(none)" : before} → ${after === "" ? "(none)" : after}`,
  );
  return setCell(table, tier.row, TIER_HEADERS.requires, after);
}

/**
 * The bar a capability criterion sets for the upper tiers: a rating at its first label worth
 * 50 points or more (the last of equal labels, so `Expiring` rather than `Active` when both
 * are worth 100), a number at the middle of Min-Max, a yes/no at Yes. Null when it cannot say.
 */
export function capabilityCondition(
  criteria: DraftTable,
  row: number,
): Condition | null {
  const at = (column: string) => textAt(criteria, row, column).trim();
  const criterion = at(CRITERIA_HEADERS.name);
  const method = at(CRITERIA_HEADERS.method).toLowerCase();
  if (method === "rating") {
    const steps = parseScale(at(CRITERIA_HEADERS.scale));
    if (typeof steps === "string" || steps.length === 0) return null;
    const sorted = steps
      .map((s, i) => ({ ...s, i }))
      .sort((a, b) => a.points - b.points || b.i - a.i);
    const bar = sorted.find((s) => s.points >= 50) ?? sorted[sorted.length - 1];
    return { criterion, op: ">=", value: bar.label };
  }
  if (method === "yesno") return { criterion, op: "=", value: "Yes" };
  if (method === "range" || method === "target") {
    const max = cellNumber(cellAt(criteria, row, CRITERIA_HEADERS.max));
    const min = cellNumber(cellAt(criteria, row, CRITERIA_HEADERS.min)) ?? 0;
    if (max === null || max <= min) return null;
    const lower = at(CRITERIA_HEADERS.better).toLowerCase() === "lower";
    const middle = round(min + (max - min) / 2, 2);
    return { criterion, op: lower ? "<=" : ">=", value: String(middle) };
  }
  return null;
}

/** The upper half of the tiers require each capability criterion they do not constrain yet. */
function requireCapability(draft: Draft, changes: string[]): DraftTable {
  const wanted = criterionRows(draft.criteria)
    .filter(
      (c) => c.name !== "" && themeOf(c.name, c.perspective) === "capability",
    )
    .map((c) => capabilityCondition(draft.criteria, c.row))
    .filter((c): c is Condition => c !== null);
  const ranked = rankedTiers(draft.tiers);
  let tiers = draft.tiers;
  for (const tier of ranked.slice(0, Math.ceil(ranked.length / 2))) {
    const current = parseRequires(
      textAt(tiers, tier.row, TIER_HEADERS.requires),
    );
    if (typeof current === "string") continue; // unreadable: left for the user (the pane lists it)
    const named = new Set(current.map((c) => c.criterion.toLowerCase()));
    const added = wanted.filter((c) => !named.has(c.criterion.toLowerCase()));
    tiers = setRequires(tiers, tier, [...current, ...added], changes);
  }
  return tiers;
}

/** Every tier but the top one loses its requirements. */
function requirementsAtTopOnly(
  table: DraftTable,
  changes: string[],
): DraftTable {
  let result = table;
  for (const tier of rankedTiers(table).slice(1)) {
    const text = textAt(result, tier.row, TIER_HEADERS.requires).trim();
    if (text !== "") result = setRequires(result, tier, [], changes);
  }
  return result;
}

/** The Influencer profile: the default weights with revenue and margin at 0, same total. */
function influencerWeights(table: DraftTable, changes: string[]): DraftTable {
  const profile =
    profilesOf(table).find((p) => p.toLowerCase() === "influencer") ??
    "Influencer";
  const rows = criterionRows(table);
  const defaults = rows.map((c) => weightAt(table, c.row, DEFAULT_PROFILE));
  if (defaults.some((w) => !Number.isFinite(w) || w < 0)) return table;
  const kept = rows.map((c, i) =>
    isRevenueOrMargin(c.name, c.perspective) ? 0 : defaults[i],
  );
  const next = rescale(
    kept,
    defaults.reduce((s, w) => s + w, 0),
  );
  const old = rows.map((c) => weightAt(table, c.row, profile));
  return setWeights(table, rows, profile, old, next, changes);
}

/** The draft with the preset applied, and what it changed (empty when nothing). */
export function applyPreset(draft: Draft, id: PresetId): PresetResult {
  const changes: string[] = [];
  switch (id) {
    case "exclusive": {
      const criteria = reweigh(
        draft.criteria,
        { capability: 2, volume: 1, other: 1 },
        changes,
      );
      const tiers = requireCapability(
        {
          criteria,
          tiers: moveThresholds(draft.tiers, (m) => m + (100 - m) / 3, changes),
        },
        changes,
      );
      return { draft: { criteria, tiers }, changes };
    }
    case "inclusive": {
      const criteria = reweigh(
        draft.criteria,
        { capability: 1, volume: 2, other: 1 },
        changes,
      );
      const moved = moveThresholds(draft.tiers, (m) => m * 0.8, changes);
      return {
        draft: { criteria, tiers: requirementsAtTopOnly(moved, changes) },
        changes,
      };
    }
    case "influencer":
      return {
        draft: {
          ...draft,
          criteria: influencerWeights(draft.criteria, changes),
        },
        changes,
      };
  }
}
