/**
 * Every partner of the Partners table scored and tiered with the core under one scenario (a
 * model, its tiers and the Partners columns of its criteria). Partners that cannot be scored
 * (missing data, an unknown rating, an unknown Type...) get the core's message, never dropped.
 * The missing-data policy is the functions' default, skip.
 */
import {
  CellError,
  catchCellError,
  cellText,
  notAvailable,
  readCriteria,
  readTiers,
  relativeWeights,
  resolveProfile,
  tierFor,
  NormalizedRows,
  type CriteriaModel,
  type Tier,
} from "../../core";
import type { TableData } from "../../workbook/store";
import {
  isBlankRow,
  nameColumn,
  partnerColumns,
  partnerLabel,
  typeColumn,
} from "./partnersTable";

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
