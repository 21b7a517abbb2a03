/**
 * How a partner's values are laid against the criteria (DESIGN section 3): by position (the
 * i-th value is the i-th criterion) or, given the values' header cells, by name. One plan,
 * criterion index -> column index, serves every function that reads partner values, so
 * PARTNERSCORE, SCOREBREAKDOWN, PARTNERTIER and NEXTTIER can never match differently.
 */
import { cellText, showCell } from "./cell";
import { invalid } from "./errors";

/** For each criterion, the index of its column among the values, or -1 when it has none. */
export type ColumnPlan = readonly number[];

/** A name as matched: case and surrounding spaces do not matter; a number is its text. */
export function columnKey(cell: unknown): string {
  return (cellText(cell) ?? "").trim().toLowerCase();
}

/** The plan of matching by position: criterion i reads column i. */
export function planByPosition(criteriaCount: number): ColumnPlan {
  return Array.from({ length: criteriaCount }, (_, i) => i);
}

/**
 * The plan of matching by name: each criterion reads the column whose header is its name.
 * Columns no criterion names are ignored (a partner's notes, the Score column); a criterion
 * no column names reads as missing data. A header that names a criterion twice is an error:
 * which of the two columns is meant cannot be guessed.
 */
export function planByName(
  criteria: readonly string[],
  headers: readonly unknown[],
): ColumnPlan {
  const columnOf = new Map<string, number>();
  headers.forEach((header, column) => {
    const key = columnKey(header);
    if (key === "") return;
    if (columnOf.has(key) && criteria.some((c) => columnKey(c) === key))
      invalid(
        `names has the header ${showCell(header)} twice (columns ${columnOf.get(key)! + 1} and ${column + 1}): a criterion must have one column`,
      );
    if (!columnOf.has(key)) columnOf.set(key, column);
  });
  const plan = criteria.map((name) => columnOf.get(columnKey(name)) ?? -1);
  if (criteria.length > 0 && plan.every((column) => column < 0))
    invalid(
      `none of the names (${headers.map((h) => cellText(h) ?? "").join(", ")}) is a criterion; the criteria are ${criteria.join(", ")}`,
    );
  return plan;
}

/** Whether a plan reads every column in criteria order, so rows need no rearranging. */
export function isIdentityPlan(plan: ColumnPlan, width: number): boolean {
  return plan.length === width && plan.every((column, i) => column === i);
}

/**
 * One partner's cells in criteria order under `plan`: a criterion without a column gets
 * null, a blank cell. `into`, when given, is filled and returned instead of a new array (a
 * spill over many rows reuses one).
 */
export function arrangeRow(
  cells: readonly unknown[],
  plan: ColumnPlan,
  into: unknown[] = new Array<unknown>(plan.length),
): unknown[] {
  for (let i = 0; i < plan.length; i++) {
    const column = plan[i];
    into[i] = column < 0 ? null : cells[column];
  }
  return into;
}
