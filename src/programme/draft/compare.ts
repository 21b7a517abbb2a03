/** Comparing tables: the same cell once read back, the same tables, and what changed. */
import { CRITERIA_HEADERS, TIER_HEADERS } from "../../core";
import type { TableData } from "../../workbook/store";
import { textAt, width, type Tables } from "./table";

/** Whether two cells hold the same thing once read back from a workbook (blank = blank). */
export function sameCell(a: unknown, b: unknown): boolean {
  const blank = (x: unknown) =>
    x === null || x === undefined || (typeof x === "string" && x.trim() === "");
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "object" || typeof b === "object")
    return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

export function sameTable(a: TableData | null, b: TableData | null): boolean {
  if (a === null || b === null) return a === b;
  const w = Math.max(width(a), width(b));
  const rows = Math.max(a.rows.length, b.rows.length);
  for (let c = 0; c < w; c++)
    if (!sameCell(a.header[c], b.header[c])) return false;
  if (a.rows.length !== b.rows.length) return false;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < w; c++)
      if (!sameCell(a.rows[r]?.[c], b.rows[r]?.[c])) return false;
  return true;
}

export function sameTables(a: Tables, b: Tables): boolean {
  return sameTable(a.criteria, b.criteria) && sameTable(a.tiers, b.tiers);
}

/**
 * What changed from `before` to `after`, one line each, rows compared by position (the
 * workbook says nothing about row identity): for the notice shown when the workbook changed
 * under a draft.
 */
export function describeChanges(
  table: "Criteria" | "Tiers",
  before: TableData,
  after: TableData,
): string[] {
  const lines: string[] = [];
  const nameColumn =
    table === "Criteria" ? CRITERIA_HEADERS.name : TIER_HEADERS.name;
  const show = (x: unknown) =>
    x === null || x === undefined || x === "" ? "(blank)" : String(x);
  const w = Math.max(width(before), width(after));
  for (let c = 0; c < w; c++) {
    if (!sameCell(before.header[c], after.header[c]))
      lines.push(
        `${table} column ${c + 1} header: ${show(before.header[c])} → ${show(after.header[c])}`,
      );
  }
  const common = Math.min(before.rows.length, after.rows.length);
  for (let r = 0; r < common; r++) {
    const name = textAt(after, r, nameColumn) || textAt(before, r, nameColumn);
    for (let c = 0; c < w; c++) {
      if (!sameCell(before.rows[r][c], after.rows[r][c])) {
        lines.push(
          `${table} row ${r + 1}${name ? ` (${name})` : ""}, ${show(after.header[c] ?? before.header[c])}: ${show(before.rows[r][c])} → ${show(after.rows[r][c])}`,
        );
      }
    }
  }
  for (let r = common; r < after.rows.length; r++)
    lines.push(
      `${table} row ${r + 1} added (${textAt(after, r, nameColumn) || "no name"})`,
    );
  for (let r = common; r < before.rows.length; r++)
    lines.push(
      `${table} row ${r + 1} removed (${textAt(before, r, nameColumn) || "no name"})`,
    );
  return lines;
}
