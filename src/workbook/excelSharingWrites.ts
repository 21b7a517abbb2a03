/* global Excel */
/**
 * What the sharing actions write in the real workbook, each in as few syncs as it says: a
 * sheet the add-in owns (the copy for colleagues), rows appended to the History table, the
 * Evaluation date, and the values-only export; a large one in slices that each fit one
 * request (payload.ts).
 */
import { rangeAddress, tableAddress } from "./address";
import { tableRectangle, writtenCell, type WrittenCell } from "./cellWrite";
import { EVALUATION_DATE, SHEET, TABLE } from "./names";
import { evaluationDateFormula, NO_EVALUATION_TABLE } from "./evaluationDate";
import { numberFormatFor } from "./numberFormats";
import { freeSheetName } from "./sheetNames";
import { HISTORY_HEADER, historyRowsFor } from "../core/history";
import { jsonBytes, writeSlices } from "./payload";
import { queueSampleTable } from "./excelTable";
import { addCharts, replaceCharts } from "./excelCharts";
import { writeOwnedSheetIn } from "./excelOwnedSheet";
import type {
  ChartedSheet,
  OwnedSheet,
  OwnedSheetWrite,
  SheetTable,
  ValuesSheet,
} from "./store";

/**
 * Writes a sheet the add-in owns (the copy for colleagues): one or two reads to find the
 * sheet and its marker, then one write sync (excelOwnedSheet.ts). A sheet of that name
 * without the marker in A1 is the user's and is left alone.
 */
export function writeOwnedSheet(
  sheet: OwnedSheet,
  onlyIfPresent: boolean,
): Promise<OwnedSheetWrite> {
  return Excel.run((context) =>
    writeOwnedSheetIn(context, sheet, onlyIfPresent),
  );
}

/**
 * Writes the Dashboard: the owned sheet as writeOwnedSheet does, the charts the add-in drew
 * on it before (by name) deleted and `sheet.charts` added with the one write sync.
 */
export function writeChartedSheet(
  sheet: ChartedSheet,
  onlyIfPresent: boolean,
): Promise<OwnedSheetWrite> {
  return Excel.run((context) =>
    writeOwnedSheetIn(context, sheet, onlyIfPresent, {
      read: (existing) => replaceCharts(existing, sheet.charts),
      created: (added) => addCharts(added, sheet.charts),
    }),
  );
}

/**
 * One sync to learn whether the History table (or sheet) exists, one more to read the
 * table's header (or to check a Tier history sheet without the table for data), then one write:
 * rows are added at the table's end under the columns of those names (Excel shifts nothing
 * of the rows already there), or the sheet and table are created holding them.
 */
export async function appendHistory(rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const spec: SheetTable = {
    sheet: SHEET.history,
    name: TABLE.history,
    topLeft: "A1",
    header: [...HISTORY_HEADER],
    rows,
  };
  // Checked before anything is queued: a malformed row writes nothing at all.
  const [, ...written] = tableRectangle(TABLE.history, spec);
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.history);
    const sheet = context.workbook.worksheets.getItemOrNullObject(
      SHEET.history,
    );
    await context.sync();
    if (!table.isNullObject) {
      // Its columns as they are now: a user may have added some, or reordered them.
      const header = table.getHeaderRowRange().load("values");
      await context.sync();
      const columns = (header.values[0] ?? []).map(String);
      await appendRows(
        context,
        table,
        columns,
        historyRowsFor(columns, written) as WrittenCell[][],
      );
      return;
    }
    if (!sheet.isNullObject) {
      const used = sheet
        .getRange(tableAddress(spec))
        .getUsedRangeOrNullObject(true);
      await context.sync();
      if (!used.isNullObject)
        throw new Error(
          `Sheet ${SHEET.history} already has data in ${tableAddress(spec)}, where the History table goes; nothing was written. Rename that sheet, or make its data a table named History with the columns ${HISTORY_HEADER.join(", ")}.`,
        );
    }
    const target = sheet.isNullObject
      ? context.workbook.worksheets.add(SHEET.history)
      : sheet;
    // A snapshot of many partners is more than one request carries: the table is made
    // with the first slice, and the rest are added to it (appendRows).
    // (Sliced as given: queueSampleTable makes the written cells itself.)
    const [first] = writeSlices(rows, (_, i) => 2 * jsonBytes(written[i]));
    const created = queueSampleTable(
      target,
      { ...spec, rows: first },
      writtenCell,
    );
    await context.sync();
    await appendRows(
      context,
      created,
      spec.header,
      written.slice(first.length),
    );
  });
}

/** One sync to find the Evaluation table, one to write its date. */
export async function setEvaluationDate(serial: number): Promise<void> {
  await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.evaluation);
    await context.sync();
    if (table.isNullObject) throw new Error(NO_EVALUATION_TABLE);
    const cell = table.getDataBodyRange().getCell(0, 0);
    cell.formulas = [[evaluationDateFormula(serial)]];
    cell.numberFormat = [[numberFormatFor(EVALUATION_DATE) ?? "yyyy-mm-dd"]];
    await context.sync();
  });
}

/**
 * One sync for the sheet names, one to write the new sheet (one per slice of a large one),
 * its charts (a partner's points per perspective) added with the last.
 */
export async function writeValuesSheet(values: ValuesSheet): Promise<string> {
  const cells = values.cells.map((row) => row.map(writtenCell));
  const columns = Math.max(1, ...cells.map((row) => row.length));
  if (cells.some((row) => row.length !== columns))
    throw new Error("Every row of a values sheet needs as many cells");
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const name = freeSheetName(
      values.name,
      sheets.items.map((sheet) => sheet.name),
    );
    const sheet = sheets.add(name);
    const slices = writeSlices(
      cells.map((_, row) => row),
      (row) => jsonBytes(cells[row]) + jsonBytes(values.numberFormats[row]),
    );
    for (const [i, rows] of slices.entries()) {
      if (rows.length > 0) {
        const range = sheet.getRange(
          rangeAddress({ row: rows[0], column: 0 }, rows.length, columns),
        );
        range.values = rows.map((row) => cells[row]);
        range.numberFormat = rows.map((row) => values.numberFormats[row]);
      }
      if (i === slices.length - 1) {
        sheet
          .getRange(rangeAddress("A1", Math.max(1, cells.length), columns))
          .format.autofitColumns();
        addCharts(sheet, values.charts ?? []);
        sheet.activate();
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
      await context.sync();
    }
    return name;
  });
}

/** The number format of each column (dates as dates), General where it calls for none. */
function formatsOf(columns: readonly string[]): string[] {
  return columns.map((h) => numberFormatFor(h) ?? "General");
}

/**
 * Adds `rows` at the end of `table` (laid out as its `columns`), with the number formats its
 * columns call for: one sync per slice that one request can carry (payload.ts).
 */
async function appendRows(
  context: Excel.RequestContext,
  table: Excel.Table,
  columns: readonly string[],
  rows: WrittenCell[][],
): Promise<void> {
  const formats = formatsOf(columns);
  const rowBytes = (row: WrittenCell[]) => jsonBytes(row) + jsonBytes(formats);
  for (const slice of writeSlices(rows, rowBytes)) {
    if (slice.length === 0) continue;
    queueRows(table, columns, slice);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
    await context.sync();
  }
}

/**
 * Queues `rows` added at the table's end (under `columns`, the table's header), each cell
 * with its column's number format (dates as dates): no sync.
 */
export function queueRows(
  table: Excel.Table,
  columns: readonly string[],
  rows: WrittenCell[][],
): void {
  const formats = formatsOf(columns);
  table.rows.add(undefined, rows);
  table
    .getDataBodyRange()
    .getLastRow()
    .getOffsetRange(1 - rows.length, 0)
    .getResizedRange(rows.length - 1, 0).numberFormat = rows.map(() => formats);
}
