/** Helpers shared by the readers of the Criteria and Tiers tables. */
import { cellText, isMissing } from "./cell";
import type { Problem } from "./model";

/** Header text as compared: case and spacing do not matter ("Min  score" = "min score"). */
export function headerKey(cell: unknown): string {
  return (cellText(cell) ?? "").replace(/\s+/g, " ").toLowerCase();
}

/**
 * A cell of a model table (Criteria, Tiers) where 0 cannot mean anything (a Scale, a Method,
 * Better, a Perspective, a Requires): older desktop builds pass a blank cell as 0 (DESIGN
 * section 3), so there a 0 is read as the blank it was, null. Any other cell as it is.
 */
export function modelCell(cell: unknown): unknown {
  return cell === 0 ? null : cell;
}

/** A model-table cell where 0 cannot mean anything, as trimmed text ("" when blank). */
export function modelText(cell: unknown): string {
  return cellText(modelCell(cell)) ?? "";
}

/** Whether a model-table cell is blank, counting an older build's blank-as-0. */
export function isBlankInModel(cell: unknown): boolean {
  return isMissing(modelCell(cell));
}

/**
 * Drops the fully blank rows at the end: a range drawn larger than the table. In a table
 * (`inTable`), a row of blanks that arrive as 0 is blank too: a row of zeros cannot be a
 * criterion (its Method would be 0) nor a tier worth keeping (a tier named 0 at 0 with no
 * Requires, last). A plain list of weights keeps its zeros: there 0 is a weight.
 */
export function withoutTrailingBlankRows(
  rows: readonly (readonly unknown[])[],
  inTable = false,
): (readonly unknown[])[] {
  const blank = inTable ? isBlankInModel : isMissing;
  let end = rows.length;
  while (end > 0 && rows[end - 1].every(blank)) end--;
  return rows.slice(0, end);
}

/** Finds duplicates among names (case-insensitively): the index of each later copy. */
export function duplicateIndexes(names: readonly string[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    if (name !== "" && seen.has(key)) duplicates.push(i);
    seen.add(key);
  });
  return duplicates;
}

/** A maker of the problems of one table, so each reader names its table once. */
export function problemsOf(table: Problem["table"]) {
  return (
    row: number,
    column: string | null,
    message: string,
    name?: string,
  ): Problem => ({
    table,
    row,
    column,
    message,
    ...(name ? { name } : {}),
  });
}
