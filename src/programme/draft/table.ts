/**
 * The pane's draft of the Criteria and Tiers tables: a copy of the TableData the store
 * loaded (header + rows, unknown columns included), edited cell by cell, by header name.
 * Nothing here knows the DOM or Office; every function returns a new table and leaves its
 * input untouched, so the app can compare a draft with what it was loaded from.
 *
 * Each draft row carries an id that survives moves: rows loaded from the workbook have the
 * id of their position in the loaded table (so `originOf` finds where a row came from, for
 * the what-if's "now" column and the Partners column of a renamed criterion); added rows get
 * ids past the loaded rows.
 *
 * This module holds the table itself: copying, finding cells by header, setting cells and
 * inserting, removing and swapping rows.
 */
import {
  DEFAULT_PROFILE,
  TIER_HEADERS,
  headerKey,
  profileInWeightHeader,
} from "../../core";
import type { TableData } from "../../workbook/store";

export interface DraftTable extends TableData {
  /** One id per row, stable across moves. */
  ids: number[];
  /** How many rows the table had when loaded: ids below this are loaded rows. */
  baseCount: number;
  /** The id the next added row gets. */
  nextId: number;
}

/** Both tables the pane edits. */
export interface Tables {
  criteria: TableData;
  tiers: TableData;
}

export interface Draft {
  criteria: DraftTable;
  tiers: DraftTable;
}

/** What a workbook without a Tiers table starts from. */
export const EMPTY_TIERS: TableData = {
  header: [TIER_HEADERS.name, TIER_HEADERS.minScore, TIER_HEADERS.requires],
  rows: [],
};

/** A copy of a table (rows copied, cells shared: cells are immutable values). */
export function copyTable(table: TableData): TableData {
  return { header: [...table.header], rows: table.rows.map((r) => [...r]) };
}

export function draftOf(table: TableData): DraftTable {
  const { header, rows } = copyTable(table);
  const ids = rows.map((_, i) => i);
  return { header, rows, ids, baseCount: rows.length, nextId: rows.length };
}

export function draftTables(tables: Tables): Draft {
  return { criteria: draftOf(tables.criteria), tiers: draftOf(tables.tiers) };
}

/** A copy of `row` with blank cells ("") added up to `length` cells. */
export function padded<T>(row: readonly T[], length: number): (T | "")[] {
  return [...row, ...new Array<"">(Math.max(0, length - row.length)).fill("")];
}

/** The plain TableData to save: header and rows only, each row as wide as the header. */
export function tableOf(draft: TableData): TableData {
  const { header, rows } = copyTable(draft);
  return {
    header,
    rows: rows.map((r) => padded(r, header.length)),
  };
}

export function tablesOf(draft: Draft): Tables {
  return { criteria: tableOf(draft.criteria), tiers: tableOf(draft.tiers) };
}

/** Index in the loaded table of the row now at `row`, or null for an added row. */
export function originOf(draft: DraftTable, row: number): number | null {
  const id = draft.ids[row];
  return id !== undefined && id < draft.baseCount ? id : null;
}

/** The row that has `id`, or -1. */
export function rowOfId(draft: DraftTable, id: number): number {
  return draft.ids.indexOf(id);
}

// ---- cells ----

/** Index of the column whose header is `name` (case and spacing ignored), or -1. */
export function columnIndex(table: TableData, name: string): number {
  const key = headerKey(name);
  return table.header.findIndex((h) => headerKey(h) === key);
}

/** The Weight column of a profile: `Weight` for the default profile, `Weight (X)` otherwise. */
export function profileColumn(table: TableData, profile: string): number {
  if (profile === DEFAULT_PROFILE) return columnIndex(table, "Weight");
  const wanted = profile.trim().toLowerCase();
  return table.header.findIndex(
    (h) => profileInWeightHeader(h)?.toLowerCase() === wanted,
  );
}

/** The profiles that have a Weight (X) column, in column order, spelled as in the header. */
export function profilesOf(table: TableData): string[] {
  return table.header
    .map(profileInWeightHeader)
    .filter((p): p is string => !!p);
}

export function cellAt(table: TableData, row: number, column: string): unknown {
  const c = columnIndex(table, column);
  return c < 0 ? undefined : table.rows[row]?.[c];
}

/** A cell as text for an input (blank for a missing cell). */
export function textAt(table: TableData, row: number, column: string): string {
  const cell = cellAt(table, row, column);
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "object") return "";
  return String(cell);
}

/** The widest row or header: the width the store writes. */
export function width(table: TableData): number {
  return Math.max(table.header.length, ...table.rows.map((r) => r.length));
}

/** The table with a column named `name` (added at the end when absent) and its index. */
export function withColumn<T extends TableData>(
  table: T,
  name: string,
): { table: T; column: number } {
  const existing = columnIndex(table, name);
  if (existing >= 0) return { table, column: existing };
  // A known column the table lacks (e.g. Min) is added at the end; nothing else moves.
  // Every row is padded to the new width: the store writes rectangles.
  const column = width(table);
  const header = [...padded(table.header, column), name];
  const rows = table.rows.map((r) => padded(r, column + 1));
  return { table: { ...table, header, rows }, column };
}

/** Sets one cell, found by row index and header name (adding the column when absent). */
export function setCell<T extends TableData>(
  table: T,
  row: number,
  column: string,
  value: unknown,
): T {
  if (row < 0 || row >= table.rows.length)
    throw new RangeError(`no row ${row} in a table of ${table.rows.length}`);
  const { table: t, column: c } = withColumn(table, column);
  const rows = t.rows.map((r, i) => {
    if (i !== row) return r;
    const copy = padded(r, c);
    copy[c] = value;
    return copy;
  });
  return { ...t, rows };
}

// ---- rows ----

/** A new blank row as wide as the table, with `values` set by header name. */
function blankRow(
  table: TableData,
  values: Record<string, unknown>,
): unknown[] {
  const row = padded<unknown>([], width(table));
  for (const [name, value] of Object.entries(values)) {
    const c = columnIndex(table, name);
    if (c >= 0) row[c] = value;
  }
  return row;
}

/** Inserts a row at `at` (default: the end); returns the table and the new row's id. */
export function insertRow(
  draft: DraftTable,
  values: Record<string, unknown>,
  at = draft.rows.length,
): { draft: DraftTable; id: number } {
  let table = draft;
  for (const name of Object.keys(values)) table = withColumn(table, name).table;
  const rows = [...table.rows];
  const ids = [...table.ids];
  const id = table.nextId;
  rows.splice(at, 0, blankRow(table, values));
  ids.splice(at, 0, id);
  return { draft: { ...table, rows, ids, nextId: id + 1 }, id };
}

export function removeRow(draft: DraftTable, row: number): DraftTable {
  if (row < 0 || row >= draft.rows.length) return draft;
  return {
    ...draft,
    rows: draft.rows.filter((_, i) => i !== row),
    ids: draft.ids.filter((_, i) => i !== row),
  };
}

/** Swaps the rows at `a` and `b` (their ids travel with them). */
export function swapRows(draft: DraftTable, a: number, b: number): DraftTable {
  const n = draft.rows.length;
  if (a === b || a < 0 || b < 0 || a >= n || b >= n) return draft;
  const rows = [...draft.rows];
  const ids = [...draft.ids];
  [rows[a], rows[b]] = [rows[b], rows[a]];
  [ids[a], ids[b]] = [ids[b], ids[a]];
  return { ...draft, rows, ids };
}

/** A name not yet used in `column` (case-insensitively): "New tier", "New tier 2", ... */
export function uniqueName(
  table: TableData,
  column: string,
  base: string,
): string {
  const c = columnIndex(table, column);
  const used = new Set(
    table.rows.map((r) =>
      String(c < 0 ? "" : (r[c] ?? ""))
        .trim()
        .toLowerCase(),
    ),
  );
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++)
    if (!used.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}
