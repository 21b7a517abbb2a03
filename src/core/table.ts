/** Helpers shared by the readers of the Criteria and Tiers tables. */
import { cellText, isMissing } from "./cell";
import type { Problem } from "./model";

/** Header text as compared: case and spacing do not matter ("Min  score" = "min score"). */
export function headerKey(cell: unknown): string {
  return (cellText(cell) ?? "").replace(/\s+/g, " ").toLowerCase();
}

/** Drops the fully blank rows at the end: a range drawn larger than the table. */
export function withoutTrailingBlankRows(
  rows: readonly (readonly unknown[])[],
): (readonly unknown[])[] {
  let end = rows.length;
  while (end > 0 && rows[end - 1].every(isMissing)) end--;
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
