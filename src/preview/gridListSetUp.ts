/**
 * Set-up from the user's own list in the browser workbook, as the Excel adapter does it
 * (src/workbook/excelListSetUp.ts): the list on the active sheet, the new Scorecard sheet
 * and the list made the Partners table with the added columns, and the undo of that.
 */
import type { ListSetUp, PartnerList } from "../workbook/store";
import { TABLE } from "../workbook/names";
import { cellName, parseCellName, quoteSheetName } from "./a1";
import type { TableExtent } from "./tableReferences";
import { cellsOnlyIn, type GridTableIo } from "./gridTableIo";
import type { SelectionSource } from "./gridWatch";
import type { Workbook } from "./workbook";

/** As the Excel adapter: the active sheet's first table, else its block of used cells. */
export async function readList(
  io: GridTableIo,
  selection: SelectionSource | undefined,
): Promise<PartnerList | null> {
  const sheet = selection?.selection.sheet ?? io.workbook.sheetNames[0];
  const table = io.workbook.tables.all().find((t) => t.sheet === sheet);
  const extent = table ?? usedBlock(io.workbook, sheet);
  if (!extent) return null;
  const { topLeft, width, height } = extent;
  const [header, ...rows] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) =>
      io.workbook.valueForStore({
        sheet,
        row: topLeft.row + r,
        col: topLeft.col + c,
      }),
    ),
  );
  return {
    sheet,
    topLeft: cellName(topLeft),
    header: header.map(String),
    rows,
    table: table?.name ?? null,
    sheetNames: io.workbook.sheetNames,
  };
}

/** The block of filled cells on `sheet` (first to last filled row and column), or undefined when empty. */
function usedBlock(workbook: Workbook, sheet: string): TableExtent | undefined {
  const { rows, cols } = workbook.usedSize(sheet);
  const filled = { top: rows, left: cols, bottom: -1, right: -1 };
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++)
      if (workbook.isFilled({ sheet, row, col })) {
        filled.top = Math.min(filled.top, row);
        filled.left = Math.min(filled.left, col);
        filled.bottom = Math.max(filled.bottom, row);
        filled.right = Math.max(filled.right, col);
      }
  if (filled.bottom < 0) return undefined;
  return {
    name: "",
    sheet,
    topLeft: { row: filled.top, col: filled.left },
    width: filled.right - filled.left + 1,
    height: filled.bottom - filled.top + 1,
  };
}

/** Where the list lies now, and as the Partners table with the added columns. */
function listExtents({ list, added }: ListSetUp): {
  before: TableExtent;
  after: TableExtent;
} {
  const before = {
    name: list.table ?? TABLE.partners,
    sheet: list.sheet,
    topLeft: parseCellName(list.topLeft),
    width: list.width,
    height: list.height,
  };
  const width = list.width + added.header.length;
  return { before, after: { ...before, name: TABLE.partners, width } };
}

/** As the Excel adapter: refuses before writing anything, then writes in one batch. */
export async function setUpFromList(
  io: GridTableIo,
  setUp: ListSetUp,
): Promise<void> {
  const { before, after } = listExtents(setUp);
  for (const table of setUp.tables) {
    if (io.workbook.hasSheet(table.sheet))
      throw new Error(
        `The workbook already has a sheet named ${table.sheet}; nothing was changed. Choose Look again.`,
      );
    if (io.workbook.tables.get(table.name))
      throw new Error(
        `The workbook already has a table named ${table.name}; nothing was changed.`,
      );
  }
  const partners = io.workbook.tables.get(TABLE.partners);
  if (partners && partners.name.toLowerCase() !== before.name.toLowerCase())
    throw new Error(
      `The workbook already has a table named ${TABLE.partners} elsewhere; nothing was changed.`,
    );
  const current = setUp.list.table
    ? io.workbook.tables.get(setUp.list.table)
    : undefined;
  io.refuseOverlap(after, current ? [current] : []);
  for (const cell of cellsOnlyIn(after, before))
    if (io.workbook.cell(cell).value !== null)
      throw new Error(
        `${quoteSheetName(cell.sheet)}!${cellName(cell)} holds data where the Score and Tier columns go; nothing was changed. Move it, then choose Look again.`,
      );
  io.workbook.batch(() => {
    for (const table of setUp.tables) {
      io.workbook.addSheet(table.sheet);
      const extent = {
        name: table.name,
        sheet: table.sheet,
        topLeft: parseCellName(table.topLeft),
        width: table.header.length,
        height: table.rows.length + 1,
      };
      io.workbook.setTable(extent);
      io.writeTable(table.header, table.rows, extent);
    }
    if (current) io.workbook.removeTable(current.name);
    io.workbook.setTable(after);
    io.writeTable(setUp.added.header, setUp.added.rows, {
      ...after,
      topLeft: { ...after.topLeft, col: after.topLeft.col + before.width },
    });
  });
  io.workbook.activate(before.sheet);
}

/** As the Excel adapter: the new sheet and the added columns go, the list is as it was. */
export async function undoSetUp(
  io: GridTableIo,
  setUp: ListSetUp,
): Promise<void> {
  const { before, after } = listExtents(setUp);
  io.workbook.batch(() => {
    for (const sheet of new Set(setUp.tables.map((t) => t.sheet)))
      if (io.workbook.hasSheet(sheet)) io.workbook.removeSheet(sheet);
    for (const cell of cellsOnlyIn(after, before)) {
      io.workbook.write(cell, null);
      io.workbook.setNumberFormat(cell, null);
    }
    io.workbook.removeTable(TABLE.partners);
    if (setUp.list.table) io.workbook.setTable(before);
  });
  io.workbook.activate(before.sheet);
}
