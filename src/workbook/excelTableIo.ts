/* global Excel */
/**
 * Reading the scorecard's tables from the workbook (in few syncs, long tables in slices),
 * how far an edited table can grow, and queueing a table's write: the Excel calls
 * ExcelScorecardStore (excelStore.ts) builds its loads and saves from.
 */
import { hasFormulas, type WrittenCell } from "./cellWrite";
import { TABLE } from "./names";
import { FIRST_SLICE_ROWS, remainingSlices, rowsPerReadSlice } from "./payload";
import type { SheetTable, TableData } from "./store";

/** The tables the pane edits (and so writes and watches), in this order. */
export const EDITED_TABLES = [TABLE.criteria, TABLE.tiers] as const;

interface PendingTable {
  table: Excel.Table;
  range: Excel.Range;
  header: Excel.Range;
  body: Excel.Range;
  /** The body's first rows (FIRST_SLICE_ROWS), read with the rest of the load's second sync. */
  first: Excel.Range;
  protection: Excel.WorksheetProtection;
  /** The first used cells below and to the right of the table, for tables that may grow. */
  below?: Excel.Range;
  after?: Excel.Range;
}

/**
 * How many rows below and columns beside an edited table a load looks at. Excel's
 * Table.resize takes in whatever cells it grows over, and the write then overwrites them, so
 * save() refuses to grow a table over used cells; a pane's Apply adds a few rows at most.
 */
const ROOM_LOOKED_AT = 50;

/** How far a table can grow without covering a used cell, and what is in the way. */
export interface TableRoom {
  /** Rows of the table as it is (header, data, totals). */
  rows: number;
  columns: number;
  freeRowsBelow: number;
  freeColumnsAfter: number;
  /** Where the used cells below / beside start, e.g. "Scorecard!A9:C9". */
  blockedBelow: string | null;
  blockedAfter: string | null;
}

/**
 * Reads tables by name in two syncs: one to learn which exist, one for their cells, up to
 * FIRST_SLICE_ROWS data rows a table; a longer table's further rows follow in slices of one
 * sync each, within Excel on the web's 5 MB per response (payload.ts). A missing table is
 * null. Cells are as Excel gives them (a blank is ""). Also reports each found table's
 * showTotals, which save() needs.
 */
export async function readTables(
  context: Excel.RequestContext,
  names: readonly string[],
  measureRoomOf: readonly string[] = [],
  formulasOf: readonly string[] = [],
): Promise<{
  data: (TableData | null)[];
  totals: Map<string, boolean>;
  room: Map<string, TableRoom>;
}> {
  const tables = names.map((name) =>
    context.workbook.tables.getItemOrNullObject(name),
  );
  await context.sync();
  const pending = tables.map((table, i): PendingTable | null => {
    if (table.isNullObject) return null;
    const range = table.getRange();
    const body = table.getDataBodyRange().load("rowCount");
    const withFormulas = formulasOf.includes(names[i]);
    const measured = measureRoomOf.includes(names[i]);
    if (measured)
      range.load("address,rowIndex,columnIndex,rowCount,columnCount");
    else range.load("address");
    return {
      table: table.load("showTotals"),
      range,
      header: table.getHeaderRowRange().load("values"),
      body,
      // Formulas ride in the same sync as the values, where asked for.
      first: firstRowsOf(body, withFormulas).load(cellProperties(withFormulas)),
      // ExcelApi 1.2; read in the same sync, so a protected sheet costs no extra round trip.
      protection: table.worksheet.protection.load("protected"),
      // The same sync again: the first used cells just below and beside the table.
      ...(measured
        ? {
            below: range
              .getRowsBelow(ROOM_LOOKED_AT)
              .getUsedRangeOrNullObject(true)
              .load("address,rowIndex"),
            after: range
              .getColumnsAfter(ROOM_LOOKED_AT)
              .getUsedRangeOrNullObject(true)
              .load("address,columnIndex"),
          }
        : {}),
    };
  });
  if (pending.some((p) => p !== null)) await context.sync();
  const totals = new Map<string, boolean>();
  const room = new Map<string, TableRoom>();
  const data: (TableData | null)[] = [];
  for (const [i, p] of pending.entries()) {
    if (p === null) {
      data.push(null);
      continue;
    }
    totals.set(names[i], p.table.showTotals);
    if (p.below && p.after)
      room.set(names[i], roomOf(p.range, p.below, p.after));
    const header = (p.header.values[0] ?? []).map((cell) => String(cell));
    const withFormulas = formulasOf.includes(names[i]);
    const cells = await bodyCells(context, p, header.length, withFormulas);
    data.push({
      header,
      rows: cells.values,
      address: p.range.address,
      // Only when protected, so that an ordinary table reads as it always did.
      ...(p.protection.protected ? { sheetProtected: true } : {}),
      ...(withFormulas ? { formulas: cells.formulas } : {}),
    });
  }
  return { data, totals, room };
}

function cellProperties(withFormulas: boolean): string {
  return withFormulas ? "values,formulas" : "values";
}

/** The body's first rows: FIRST_SLICE_ROWS, half as many where formulas are read as well. */
function firstRowsOf(body: Excel.Range, withFormulas: boolean): Excel.Range {
  const rows = withFormulas ? FIRST_SLICE_ROWS / 2 : FIRST_SLICE_ROWS;
  // Clipped to the body: a short table reads its rows and nothing below it.
  return body.getIntersectionOrNullObject(
    body.getRow(0).getResizedRange(rows - 1, 0),
  );
}

/**
 * All of a table's data rows: the first slice, read already, then the rest in slices of one
 * sync each, sized from the table's width (payload.ts).
 */
export async function bodyCells(
  context: Excel.RequestContext,
  p: PendingTable,
  columns: number,
  withFormulas: boolean,
): Promise<{ values: unknown[][]; formulas: unknown[][] }> {
  // An empty first slice (a body of no rows) is a null object, whose cells cannot be read.
  const values = p.first.isNullObject ? [] : [...p.first.values];
  const formulas =
    p.first.isNullObject || !withFormulas ? [] : [...p.first.formulas];
  const perSlice = rowsPerReadSlice(columns, withFormulas ? 2 : 1);
  for (const slice of remainingSlices(
    p.body.rowCount,
    values.length,
    perSlice,
  )) {
    const part = p.body
      .getRow(slice.start)
      .getResizedRange(slice.rows - 1, 0)
      .load(cellProperties(withFormulas));
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
    await context.sync();
    for (const row of part.values) values.push(row);
    if (withFormulas) for (const row of part.formulas) formulas.push(row);
  }
  return { values, formulas };
}

function roomOf(
  range: Excel.Range,
  below: Excel.Range,
  after: Excel.Range,
): TableRoom {
  return {
    rows: range.rowCount,
    columns: range.columnCount,
    freeRowsBelow: below.isNullObject
      ? ROOM_LOOKED_AT
      : below.rowIndex - (range.rowIndex + range.rowCount),
    freeColumnsAfter: after.isNullObject
      ? ROOM_LOOKED_AT
      : after.columnIndex - (range.columnIndex + range.columnCount),
    blockedBelow: below.isNullObject ? null : below.address,
    blockedAfter: after.isNullObject ? null : after.address,
  };
}

/**
 * Why writing `rectangle` (header and rows) would cover used cells next to `name`'s table, or
 * null when it fits. The totals row, put back after the write, needs its row too.
 */
export function noRoomFor(
  name: string,
  rectangle: readonly (readonly unknown[])[],
  totalsShown: boolean,
  room: TableRoom | undefined,
): string | null {
  if (!room) return null;
  const moreRows = rectangle.length + (totalsShown ? 1 : 0) - room.rows;
  const moreColumns = (rectangle[0]?.length ?? 0) - room.columns;
  const blocked = (more: number, unit: string, used: string, where: string) =>
    `The ${name} table needs ${more} more ${unit}${more === 1 ? "" : "s"}, but ${used} right ${where} it holds data that Apply would overwrite.`;
  if (moreRows > room.freeRowsBelow && room.blockedBelow)
    return blocked(moreRows, "row", room.blockedBelow, "below");
  if (moreColumns > room.freeColumnsAfter && room.blockedAfter)
    return blocked(moreColumns, "column", room.blockedAfter, "beside");
  return null;
}

/**
 * Queues the writes that make `table` hold exactly `rectangle` (header, then rows). Nothing is
 * read: the body is cleared (so rows beyond a shrunk table do not stay behind as loose cells),
 * the table is resized from its header's first cell, and the whole rectangle is written as
 * values. The totals row is switched off meanwhile, so the new range counts header and data
 * rows only, and switched back on when the last load saw it.
 */
export function queueTableWrite(
  table: Excel.Table,
  rectangle: WrittenCell[][],
  totalsShown: boolean,
): void {
  table.showTotals = false;
  table.getDataBodyRange().clear("Contents");
  const columns = rectangle[0].length;
  const range = table
    .getHeaderRowRange()
    .getCell(0, 0)
    .getResizedRange(rectangle.length - 1, columns - 1);
  table.resize(range);
  range.values = rectangle;
  if (totalsShown) table.showTotals = true;
}

/** Tables whose rows hold formulas go last: their formulas refer to the others by name. */
export function formulasLast(tables: readonly SheetTable[]): SheetTable[] {
  return [
    ...tables.filter((t) => !hasFormulas(t)),
    ...tables.filter(hasFormulas),
  ];
}
