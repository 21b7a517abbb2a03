/**
 * The browser workbook's side of the pane's Review section (issue 22), as the Excel adapter
 * does it (src/workbook/excelReview.ts): the review columns added at the Partners table's
 * right, as TableColumnCollection.add adds them; the review cells and the decision rows in
 * one batch. Where each write goes is decided by src/workbook/reviewLayout.ts. Everything is
 * read and checked before the batch: a refusal writes nothing.
 */
import { writtenCell } from "../workbook/cellWrite";
import { SHEET, TABLE } from "../workbook/names";
import { numberFormatFor } from "../workbook/numberFormats";
import {
  historyLayout,
  refuseTakenColumns,
  reviewCellWrites,
} from "../workbook/reviewLayout";
import type { ReviewColumns, ReviewWrite } from "../workbook/store";
import { cellName, quoteSheetName } from "./a1";
import { partnerColumnsWrite } from "./gridPartnerColumns";
import type { TableExtent } from "./tableReferences";
import type { CellAddress, CellInput, Workbook } from "./workbook";

/** A cell to write, with the number format its column calls for (none: left as it is). */
interface Put {
  cell: CellAddress;
  input: CellInput;
  format: string | null;
}

function headerOf(workbook: Workbook, table: TableExtent): string[] {
  return Array.from({ length: table.width }, (_, c) =>
    String(
      workbook.valueForStore({
        sheet: table.sheet,
        row: table.topLeft.row,
        col: table.topLeft.col + c,
      }),
    ),
  );
}

function partnersTable(workbook: Workbook): TableExtent {
  const table = workbook.tables.get(TABLE.partners);
  if (!table)
    throw new Error(
      `The workbook has no ${TABLE.partners} table: create the scorecard first`,
    );
  return table;
}

function put(workbook: Workbook, puts: readonly Put[]): void {
  for (const { cell, input, format } of puts) {
    workbook.write(cell, input);
    if (format !== null) workbook.setNumberFormat(cell, format);
  }
}

/** The columns inserted at the table's right (gridPartnerColumns.ts), then filled, in one batch. */
export function gridAddReviewColumns(
  workbook: Workbook,
  columns: ReviewColumns,
): void {
  const table = partnersTable(workbook);
  refuseTakenColumns(headerOf(workbook, table), columns, table.height - 1);
  const insert = partnerColumnsWrite(workbook, table, {
    renames: [],
    inserts: { before: table.width, headers: columns.header },
  });
  const puts = columns.rows.flatMap((row, r) =>
    columns.header.map((name, i): Put => ({
      cell: {
        sheet: table.sheet,
        row: table.topLeft.row + 1 + r,
        col: table.topLeft.col + table.width + i,
      },
      input: writtenCell(row[i]),
      format: numberFormatFor(name),
    })),
  );
  workbook.batch(() => {
    insert.write();
    put(workbook, puts);
  });
}

/** The Partners cells, History's new columns and rows (or the new History table), in one batch. */
export function gridWriteReview(workbook: Workbook, write: ReviewWrite): void {
  const partners = partnersTable(workbook);
  const cells: Put[] = reviewCellWrites(
    headerOf(workbook, partners),
    partners.height - 1,
    write.partners,
  ).map(({ row, column, value, header }) => ({
    cell: {
      sheet: partners.sheet,
      row: partners.topLeft.row + 1 + row,
      col: partners.topLeft.col + column,
    },
    input: writtenCell(value),
    format: numberFormatFor(header),
  }));
  const existing = workbook.tables.get(TABLE.history);
  if (!existing && workbook.hasSheet(SHEET.history))
    throw new Error(
      `Sheet ${SHEET.history} exists without the History table; nothing was written. Take a snapshot from the Sharing section first, or rename that sheet.`,
    );
  const layout = historyLayout(
    existing ? headerOf(workbook, existing) : null,
    write.history,
  );
  const history: TableExtent = existing ?? {
    name: TABLE.history,
    sheet: SHEET.history,
    topLeft: { row: 0, col: 0 },
    width: 0,
    height: 0,
  };
  const grown: TableExtent = {
    ...history,
    width: layout.header.length,
    height: Math.max(history.height, 1) + layout.rows.length,
  };
  const at = (row: number, col: number): CellAddress => ({
    sheet: history.sheet,
    row: history.topLeft.row + row,
    col: history.topLeft.col + col,
  });
  const headerPuts = layout.added.map((name, i): Put => ({
    cell: at(0, history.width + i),
    input: writtenCell(name),
    format: null,
  }));
  const rowPuts = layout.rows.flatMap((row, r) =>
    row.map((value, c): Put => ({
      cell: at(grown.height - layout.rows.length + r, c),
      input: writtenCell(value),
      format: numberFormatFor(layout.header[c]),
    })),
  );
  if (layout.rows.length === 0) headerPuts.length = 0;
  // The table grows over cells right of it and below it: they must be empty, as a table
  // may not take in the user's data (the other writes refuse it the same way).
  if (existing)
    for (const { cell } of [...headerPuts, ...rowPuts])
      if (
        workbook.cell(cell).value !== null &&
        !(
          cell.row < history.topLeft.row + history.height &&
          cell.col < history.topLeft.col + history.width
        )
      )
        throw new Error(
          `The History table would grow over ${quoteSheetName(cell.sheet)}!${cellName(cell)}, which holds data; nothing was written.`,
        );
  workbook.batch(() => {
    put(workbook, cells);
    if (layout.rows.length === 0) return;
    workbook.addSheet(history.sheet);
    put(workbook, [...headerPuts, ...rowPuts]);
    workbook.setTable(grown);
  });
}
