/**
 * Shapes Excel arguments for the core. Excel passes ranges as 2-D arrays, an omitted optional
 * argument as null, and a single cell given to a matrix parameter as [[value]].
 */
import {
  MISSING_POLICIES,
  cellText,
  checkRequirements,
  describeProblem,
  invalid,
  readCriteria,
  readTiers,
  relativeWeights,
  resolveProfile,
  showCell,
  type CriteriaModel,
  type MissingPolicy,
  type PartnerValues,
  type Tier,
} from "../core";
import { memoByContent } from "./memo";

export type Range = readonly (readonly unknown[])[];

/** A scalar argument as text, or null when omitted or blank. */
export function optionalText(argument: unknown, what: string): string | null {
  if (argument === null || argument === undefined || argument === "")
    return null;
  const text = cellText(argument);
  return text ?? invalid(`${what} must be text, not ${showCell(argument)}`);
}

/** A scalar argument as a number, or `fallback` when omitted or blank. */
export function optionalNumber(
  argument: unknown,
  what: string,
  fallback: number,
): number {
  if (argument === null || argument === undefined || argument === "")
    return fallback;
  if (typeof argument === "number" && Number.isFinite(argument))
    return argument;
  return invalid(`${what} must be a number, not ${showCell(argument)}`);
}

const readCriteriaOnce = memoByContent(readCriteria);
const readTiersOnce = memoByContent(readTiers);

/** The Criteria argument read into a model; its first problem becomes the formula's error. */
export function criteriaArgument(range: Range): CriteriaModel {
  const { model, problems } = readCriteriaOnce(range);
  if (problems.length > 0) invalid(describeProblem(problems[0]));
  return model;
}

export function tiersArgument(range: Range): Tier[] {
  const { tiers, problems } = readTiersOnce(range);
  if (problems.length > 0) invalid(describeProblem(problems[0]));
  return tiers;
}

/**
 * One row of values per partner. A single column as tall as the criteria list is one
 * partner laid out vertically, which is how a breakdown is often written.
 */
export function partnerRows(values: Range, criteriaCount: number): Range {
  const width = values[0]?.length ?? 0;
  if (width === criteriaCount) return values;
  if (width === 1 && values.length === criteriaCount)
    return [values.map((row) => row[0])];
  return invalid(
    `values has ${width} columns but there are ${criteriaCount} criteria: give one column per criterion, in the table's order`,
  );
}

/**
 * An argument that may be given once for all rows (one cell, or omitted) or once per row
 * (a column as tall as the rows): the per-partner profile, for example.
 */
export function perRow(
  argument: unknown,
  rows: number,
  what: string,
): unknown[] {
  if (!Array.isArray(argument)) return new Array<unknown>(rows).fill(argument);
  // Plain loops: Array.flat over 100,000 one-cell rows costs more than scoring them.
  const range = argument as unknown[][];
  let count = 0;
  for (const line of range) count += line.length;
  if (count === 1) return new Array<unknown>(rows).fill(range.flat()[0]);
  if (count !== rows)
    invalid(
      `${what} must be one cell or one cell per partner row (${rows}), not ${count} cells`,
    );
  const cells = new Array<unknown>(count);
  let k = 0;
  for (const line of range) for (const cell of line) cells[k++] = cell;
  return cells;
}

export function missingPolicy(argument: unknown): MissingPolicy {
  const text = (optionalText(argument, "missing") ?? "skip").toLowerCase();
  if ((MISSING_POLICIES as readonly string[]).includes(text))
    return text as MissingPolicy;
  return invalid(`missing must be skip, zero or error, not "${text}"`);
}

/** Weights per distinct profile, computed once per call rather than once per partner. */
export function weightsByProfile(
  model: CriteriaModel,
): (profile: unknown) => { profile: string; weights: number[] } {
  // Keyed by the cell as given: a spilling call over thousands of rows sees a handful of
  // distinct Type values, so each is read and resolved once.
  const cache = new Map<unknown, { profile: string; weights: number[] }>();
  return (argument) => {
    let entry = cache.get(argument);
    if (!entry) {
      const profile = resolveProfile(
        model,
        optionalText(argument, "profile") ?? "",
      );
      entry = { profile, weights: relativeWeights(model, profile) };
      cache.set(argument, entry);
    }
    return entry;
  };
}

/** Partners' values for checking tier requirements, when both values and criteria are given. */
export function partnersFor(
  scoreCount: number,
  values: Range | null | undefined,
  criteria: Range | null | undefined,
): (PartnerValues | null)[] {
  if (values == null && criteria == null)
    return new Array<null>(scoreCount).fill(null);
  if (values == null || criteria == null)
    invalid(
      "give both values and criteria to check the tiers' Requires, or neither",
    );
  const model = criteriaArgument(criteria);
  const rows = partnerRows(values, model.criteria.length);
  if (rows.length !== scoreCount)
    invalid(
      `${scoreCount} scores but ${rows.length} rows of values: give one row of values per score`,
    );
  return rows.map((row) => ({ model, values: row }));
}

export function scoresOf(score: Range): unknown[] {
  if (score.every((row) => row.length === 1) || score.length === 1)
    return score.flat();
  return invalid(
    `score must be one cell or a single column of scores, not ${score.length} x ${score[0].length}`,
  );
}

/** A score cell of PARTNERTIER or NEXTTIER with that partner's values, when given. */
export interface ScoreToTier {
  score: unknown;
  partner: PartnerValues | null;
}

/** The arguments PARTNERTIER and NEXTTIER share: the tiers, and each score with its partner. */
export function tierArguments(
  score: Range,
  tiers: Range,
  values: Range | null | undefined,
  criteria: Range | null | undefined,
): { tiers: Tier[]; scores: ScoreToTier[] } {
  const tierList = tiersArgument(tiers);
  const scores = scoresOf(score);
  const partners = partnersFor(scores.length, values, criteria);
  // Every tier's Requires is checked once for the call, not only those a score reaches: a
  // bad condition is the formula's #VALUE! for every partner alike.
  const model = partners[0]?.model;
  if (model) checkRequirements(tierList, model);
  return {
    tiers: tierList,
    scores: scores.map((cell, i) => ({ score: cell, partner: partners[i] })),
  };
}
