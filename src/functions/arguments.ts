/**
 * Shapes Excel arguments for the core. Excel passes ranges as 2-D arrays, an omitted optional
 * argument as null, and a single cell given to a matrix parameter as [[value]].
 */
import { cellText, showCell } from "../core/cell";
import { arrangeRow, isIdentityPlan, planByName } from "../core/columnMatch";
import { readCriteria } from "../core/criteriaTable";
import { invalid } from "../core/errors";
import { describeProblem, type CriteriaModel, type Tier } from "../core/model";
import {
  MISSING_POLICIES,
  relativeWeights,
  resolveProfile,
  type MissingPolicy,
} from "../core/score";
import { checkRequirements, type PartnerValues } from "../core/tiers";
import { readTiers } from "../core/tiersTable";
import { memoByContent } from "./memo";

export type Range = readonly (readonly unknown[])[];

/**
 * A range argument as rows of cells. Excel passes a range as a 2-D array, but an argument
 * written empty, `=PRM.CERTSTATUS(,DATE(2027,1,1))`, may arrive as null even where a range
 * is expected: it reads as one blank cell, never a TypeError.
 */
export function rangeOf(argument: unknown): Range {
  return Array.isArray(argument) ? argument : [[argument ?? null]];
}

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

/** The partners' values, one row per partner, each row in the criteria's order. */
export interface PartnerRows {
  readonly length: number;
  /** Row `i` in criteria order: a row of its own, safe to keep. */
  row(i: number): readonly unknown[];
  /** Row `i` in criteria order, possibly in a buffer the next call overwrites (a spill's loop). */
  passingRow(i: number): readonly unknown[];
}

/**
 * The values argument matched to the criteria: by position, or by name when `names` gives
 * the values' header cells (DESIGN section 3). A single column as tall as the criteria (or
 * as the names) is one partner laid out vertically, which is how a breakdown is often written.
 */
export function partnerRows(
  values: Range,
  model: CriteriaModel,
  names: Range | null | undefined,
): PartnerRows {
  const criteria = model.criteria.map((c) => c.name);
  const headers = names == null ? null : headerCells(names);
  const count = headers?.length ?? criteria.length;
  const width = values[0]?.length ?? 0;
  let rows: Range;
  if (width === count) rows = values;
  else if (width === 1 && values.length === count && count > 1)
    rows = [values.map((row) => row[0])];
  else if (headers)
    return invalid(
      `values has ${width} columns but names has ${count} headers: give the header cells of the same columns as values`,
    );
  else
    return invalid(
      `values has ${width} columns but there are ${count} criteria: give one column per criterion, in the table's order, or their headers as names`,
    );
  const plan = headers ? planByName(criteria, headers) : null;
  if (plan === null || isIdentityPlan(plan, count))
    return {
      length: rows.length,
      row: (i) => rows[i],
      passingRow: (i) => rows[i],
    };
  const buffer = new Array<unknown>(plan.length);
  return {
    length: rows.length,
    row: (i) => arrangeRow(rows[i], plan),
    passingRow: (i) => arrangeRow(rows[i], plan, buffer),
  };
}

/** The names argument: one row (or one column) of header cells. */
function headerCells(names: Range): readonly unknown[] {
  if (names.length === 1) return names[0];
  if (names.every((row) => row.length === 1)) return names.map((row) => row[0]);
  return invalid(
    `names must be one row of header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]], not ${names.length} x ${names[0]?.length ?? 0}`,
  );
}

/**
 * An argument that may be given once for all rows (one cell, or omitted) or once per row
 * (a column as tall as the rows): the per-partner profile, for example. Gives the cell of
 * row `row`, reading the argument where it is rather than copying 100,000 cells into a list.
 */
export function perRow(
  argument: unknown,
  rows: number,
  what: string,
): (row: number) => unknown {
  if (!Array.isArray(argument)) return () => argument;
  const range = argument as unknown[][];
  // Excel passes every range as a rectangle (a 2-D array of equal rows), so its size is known
  // from its first row, without a pass over 100,000 rows of one cell each.
  const width = range[0]?.length ?? 0;
  const count = range.length * width;
  const column = width === 1;
  if (count === 1) {
    const only = range[0][0];
    return () => only;
  }
  if (count !== rows)
    invalid(
      `${what} must be one cell or one cell per partner row (${rows}), not ${count} cells`,
    );
  // A column, one cell per row (the usual case), is read directly; a row or any other shape
  // of `rows` cells is read in reading order.
  if (column) return (row) => range[row][0];
  const cells = range.flat();
  return (row) => cells[row];
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
  type Entry = { profile: string; weights: number[] };
  // Keyed by the cell as given: a spilling call over thousands of rows sees a handful of
  // distinct Type values, so each is read and resolved once.
  const cache = new Map<unknown, Entry>();
  const entryOf = (argument: unknown): Entry => {
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
  // Most rows of a Type column are blank or repeat the text above them: both are found
  // without the map. Each check compares one kind of value (a cell with null, a text with
  // the last text), which the engine compiles to a pointer comparison; one check of the
  // cell against the last cell, text or blank, called its generic equality once per row.
  let blank: Entry | undefined;
  let lastText: string | undefined;
  let lastTextEntry: Entry | undefined;
  return (argument) => {
    if (argument === null || argument === undefined)
      return (blank ??= entryOf(argument));
    if (typeof argument !== "string") return entryOf(argument);
    if (argument !== lastText || lastTextEntry === undefined) {
      lastTextEntry = entryOf(argument);
      lastText = argument;
    }
    return lastTextEntry;
  };
}

/** Partners' values for checking tier requirements, when both values and criteria are given. */
export function partnersFor(
  scoreCount: number,
  values: Range | null | undefined,
  criteria: Range | null | undefined,
  names: Range | null | undefined,
): (row: number) => PartnerValues | null {
  if (names != null && (values == null || criteria == null))
    invalid(
      "names is the values' header cells: give values and criteria with it",
    );
  if (values == null && criteria == null) return () => null;
  if (values == null || criteria == null)
    invalid(
      "give both values and criteria to check the tiers' Requires, or neither",
    );
  const model = criteriaArgument(criteria);
  const rows = partnerRows(values, model, names);
  if (rows.length !== scoreCount)
    invalid(
      `${scoreCount} scores but ${rows.length} rows of values: give one row of values per score`,
    );
  return (i) => ({ model, values: rows.row(i) });
}

/** One cell per partner, as one cell, one column or one row, read where it is. */
export interface CellList {
  readonly length: number;
  cell(i: number): unknown;
}

/**
 * An argument of one cell per partner (a tier spill's scores, a review's tiers) as one cell,
 * one column or one row. Read in place: copying it into a list with `flat()` was about half
 * of a 100,000-row PARTNERTIER (bench/README.md, "Thirteenth pass"). Excel passes every range
 * as a rectangle, so its first row gives its shape. `mustBe` starts the message for any other.
 */
export function cellList(range: Range, mustBe: string): CellList {
  if (range.length <= 1) {
    const row = range[0] ?? [];
    return { length: row.length, cell: (i) => row[i] };
  }
  if (range[0].length === 1)
    return { length: range.length, cell: (i) => range[i][0] };
  return invalid(`${mustBe}, not ${range.length} x ${range[0].length}`);
}

/** The arguments PARTNERTIER and NEXTTIER share: the tiers, the score cells, and each score's partner (its values, when given). */
export function tierArguments(
  score: Range | null,
  tiers: Range | null,
  values: Range | null | undefined,
  criteria: Range | null | undefined,
  names: Range | null | undefined,
): {
  tiers: Tier[];
  scores: CellList;
  partnerOf: (row: number) => PartnerValues | null;
} {
  const tierList = tiersArgument(rangeOf(tiers));
  const scores = cellList(
    rangeOf(score),
    "score must be one cell or a single column of scores",
  );
  const partnerOf = partnersFor(scores.length, values, criteria, names);
  // Every tier's Requires is checked once for the call, not only those a score reaches: a
  // bad condition is the formula's #VALUE! for every partner alike.
  const model = scores.length > 0 ? partnerOf(0)?.model : undefined;
  if (model) checkRequirements(tierList, model);
  return { tiers: tierList, scores, partnerOf };
}
