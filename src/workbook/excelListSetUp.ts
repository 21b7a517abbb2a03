/* global Excel */
/**
 * Set-up from the user's own list in Excel (issue 21): read the list on the active sheet,
 * write the scorecard for it in one write sync, and take that write back in one more.
 *
 * Excel JavaScript API (Microsoft's reference, learn.microsoft.com/javascript/api/excel):
 * WorksheetCollection.getActiveWorksheet and Worksheet.delete (ExcelApi 1.1),
 * Table.convertToRange (1.2), Worksheet.getUsedRangeOrNullObject (1.4), Table.resize (1.13, as
 * save() needs already). A table's range grows with Table.resize; "the headers must remain in
 * the same row".
 */
import {
  parseSheetRange,
  rangeAddress,
  cellAddress,
  offsetCell,
  parseCell,
} from "./address";
import { formulaOrWrittenCell, writtenCell } from "./cellWrite";
import { queueSampleTable } from "./excelTable";
import { TABLE } from "./names";
import { numberFormatFor } from "./numberFormats";
import type { ListSetUp, PartnerList } from "./store";

/**
 * The list on the active sheet: its first table, else its used cells (values only), whose
 * first row is the header. Two syncs at most, reads only.
 */
export async function readListIn(
  context: Excel.RequestContext,
): Promise<PartnerList | null> {
  const { worksheets } = context.workbook;
  const sheet = worksheets.getActiveWorksheet().load("name");
  const tables = sheet.tables.load("items/name");
  const used = sheet.getUsedRangeOrNullObject(true).load("address");
  used.load("values");
  worksheets.load("items/name");
  await context.sync();
  const sheetNames = worksheets.items.map((s) => s.name);
  let range: Excel.Range = used;
  const table = tables.items[0] ?? null;
  if (table) {
    range = table.getRange().load("address");
    range.load("values");
    await context.sync();
  } else if (used.isNullObject) return null;
  const place = parseSheetRange(range.address);
  if (place === null) return null;
  const [header, ...rows] = range.values;
  return {
    sheet: sheet.name,
    topLeft: cellAddress(place.topLeft),
    header: header.map(String),
    rows,
    table: table ? table.name : null,
    sheetNames,
  };
}

/** The added columns' block (header included), at the right of the list. */
function addedAddress({ list, added }: ListSetUp): string {
  const right = offsetCell(parseCell(list.topLeft), 0, list.width);
  return rangeAddress(right, list.height, added.header.length);
}

/** The list with the added columns: the Partners table's range after set-up. */
function partnersAddress({ list, added }: ListSetUp): string {
  return rangeAddress(
    list.topLeft,
    list.height,
    list.width + added.header.length,
  );
}

/**
 * Writes the set-up: one sync of reads to refuse what would overwrite or clash, then one
 * write sync. Nothing is written when a check fails.
 */
export async function setUpIn(
  context: Excel.RequestContext,
  setUp: ListSetUp,
): Promise<void> {
  const { worksheets, tables } = context.workbook;
  const { list, added } = setUp;
  const newSheets = [...new Set(setUp.tables.map((t) => t.sheet))];
  const existingSheets = newSheets.map((name) =>
    worksheets.getItemOrNullObject(name),
  );
  const clashing = setUp.tables.map((t) => tables.getItemOrNullObject(t.name));
  const partners = tables.getItemOrNullObject(TABLE.partners);
  const listSheet = worksheets.getItem(list.sheet);
  const beside = listSheet
    .getRange(addedAddress(setUp))
    .getUsedRangeOrNullObject(true)
    .load("address");
  await context.sync();

  const takenSheet = newSheets.find((_, i) => !existingSheets[i].isNullObject);
  if (takenSheet !== undefined)
    throw new Error(
      `The workbook already has a sheet named ${takenSheet}; nothing was changed. Choose Look again.`,
    );
  const takenTable = setUp.tables.find((_, i) => !clashing[i].isNullObject);
  if (takenTable)
    throw new Error(
      `The workbook already has a table named ${takenTable.name}; nothing was changed.`,
    );
  if (
    !partners.isNullObject &&
    list.table?.toLowerCase() !== TABLE.partners.toLowerCase()
  )
    throw new Error(
      `The workbook already has a table named ${TABLE.partners} elsewhere; nothing was changed.`,
    );
  if (!beside.isNullObject)
    throw new Error(
      `${beside.address} holds data where the Score and Tier columns go; nothing was changed. Move it, then choose Look again.`,
    );

  const sheets = new Map(newSheets.map((name) => [name, worksheets.add(name)]));
  for (const spec of setUp.tables)
    queueSampleTable(sheets.get(spec.sheet) as Excel.Worksheet, spec);
  // The headers first, so the table over the grown range takes them as its column names;
  // then the formulas, which name the table.
  const right = offsetCell(parseCell(list.topLeft), 0, list.width);
  const width = added.header.length;
  listSheet.getRange(rangeAddress(right, 1, width)).values = [
    added.header.map(writtenCell),
  ];
  const table =
    list.table === null
      ? listSheet.tables.add(partnersAddress(setUp), true)
      : tables.getItem(list.table);
  if (list.table !== null) table.resize(partnersAddress(setUp));
  table.name = TABLE.partners;
  const firstBody = offsetCell(right, 1, 0);
  listSheet.getRange(
    rangeAddress(firstBody, added.rows.length, width),
  ).formulas = added.rows.map((row) => row.map(formulaOrWrittenCell));
  added.header.forEach((header, column) => {
    const format = numberFormatFor(header);
    if (format === null) return;
    const cells = rangeAddress(
      offsetCell(firstBody, 0, column),
      added.rows.length,
      1,
    );
    listSheet.getRange(cells).numberFormat = added.rows.map(() => [format]);
  });
  listSheet.activate();
  await context.sync();
}

/** Takes a set-up back in one write sync: the new sheet goes, the list is as it was. */
export async function undoSetUpIn(
  context: Excel.RequestContext,
  setUp: ListSetUp,
): Promise<void> {
  const { worksheets, tables } = context.workbook;
  const { list } = setUp;
  for (const sheet of new Set(setUp.tables.map((t) => t.sheet)))
    worksheets.getItem(sheet).delete();
  const table = tables.getItem(TABLE.partners);
  if (list.table === null) table.convertToRange();
  else {
    table.resize(rangeAddress(list.topLeft, list.height, list.width));
    table.name = list.table;
  }
  const listSheet = worksheets.getItem(list.sheet);
  listSheet.getRange(addedAddress(setUp)).clear("All");
  listSheet.activate();
  await context.sync();
}
