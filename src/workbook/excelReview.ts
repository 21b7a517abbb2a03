/* global Excel */
/**
 * The Excel adapter's side of the pane's Review section (issue 22): the review columns of
 * Partners and the decisions, each in one write sync after its reads. Where each write goes
 * is decided by reviewLayout.ts, as in the browser workbook.
 *
 * Microsoft's Excel.TableColumnCollection page: add(index, values, name) inserts a column,
 * `values` holding the header cell then one cell per row; Excel.TableRowCollection: add(index,
 * values) at the end when index is omitted. Dates go in as serials with a date numberFormat
 * (Range.numberFormat), so Excel compares and sorts them as dates.
 */
import { writtenCell } from "./cellWrite";
import { queueSampleTable } from "./excelTable";
import { queueRows } from "./excelSharingWrites";
import { SHEET, TABLE } from "./names";
import { numberFormatFor } from "./numberFormats";
import {
  historyLayout,
  refuseTakenColumns,
  reviewCellWrites,
} from "./reviewLayout";
import type { ReviewColumns, ReviewWrite } from "./store";

/** Queues the Partners table's header and row count to load: read after the caller's sync. */
function partnersShape(context: Excel.RequestContext) {
  const table = context.workbook.tables.getItem(TABLE.partners);
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("rowCount");
  return {
    table,
    header: () => header.values[0] ?? [],
    rows: () => body.rowCount,
  };
}

/** One read sync (the Partners header and row count), then one write sync. */
export async function addReviewColumnsIn(
  context: Excel.RequestContext,
  columns: ReviewColumns,
): Promise<void> {
  const partners = partnersShape(context);
  const { table } = partners;
  await context.sync();
  refuseTakenColumns(partners.header(), columns, partners.rows());
  // Checked before anything is queued: a cell that cannot be written writes nothing.
  const written = columns.rows.map((row) => row.map(writtenCell));
  const width = partners.header().length;
  columns.header.forEach((name, i) => {
    table.columns.add(
      undefined,
      [[writtenCell(name)], ...written.map((row) => [row[i]])],
      name,
    );
    const format = numberFormatFor(name);
    if (format !== null && written.length > 0)
      table
        .getDataBodyRange()
        .getCell(0, width + i)
        .getResizedRange(written.length - 1, 0).numberFormat = written.map(
        () => [format],
      );
  });
  await context.sync();
}

/**
 * Two read syncs (the Partners header and size with whether History exists; History's
 * header), then one write sync: the Partners cells, History's missing columns, its rows.
 */
export async function writeReviewIn(
  context: Excel.RequestContext,
  write: ReviewWrite,
): Promise<void> {
  const partners = partnersShape(context);
  const history = context.workbook.tables.getItemOrNullObject(TABLE.history);
  const sheet = context.workbook.worksheets.getItemOrNullObject(SHEET.history);
  await context.sync();
  let historyHeader: string[] | null = null;
  if (!history.isNullObject) {
    const header = history.getHeaderRowRange().load("values");
    await context.sync();
    historyHeader = (header.values[0] ?? []).map(String);
  }
  // Everything is decided and checked before anything is queued: a refusal writes nothing.
  const cells = reviewCellWrites(
    partners.header(),
    partners.rows(),
    write.partners,
  ).map((cell) => ({ ...cell, written: writtenCell(cell.value) }));
  const layout = historyLayout(historyHeader, write.history);
  const rows = layout.rows.map((row) => row.map(writtenCell));
  if (history.isNullObject && !sheet.isNullObject && rows.length > 0)
    throw new Error(
      `Sheet ${SHEET.history} exists without the History table; nothing was written. Take a snapshot from the Sharing section first, or rename that sheet.`,
    );

  const body = partners.table.getDataBodyRange();
  for (const { row, column, written, header } of cells) {
    const cell = body.getCell(row, column);
    cell.values = [[written]];
    const format = numberFormatFor(header);
    if (format !== null) cell.numberFormat = [[format]];
  }
  if (rows.length > 0) {
    if (history.isNullObject) {
      const target = context.workbook.worksheets.add(SHEET.history);
      queueSampleTable(
        target,
        {
          sheet: SHEET.history,
          name: TABLE.history,
          topLeft: "A1",
          header: layout.header,
          rows: layout.rows,
        },
        writtenCell,
      );
    } else {
      for (const name of layout.added)
        history.columns.add(undefined, undefined, name);
      queueRows(history, layout.header, rows);
    }
  }
  await context.sync();
}
