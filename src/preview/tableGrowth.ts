/**
 * Excel's table auto-expansion, for the browser workbook: what a user types or pastes into
 * the rows right below a table (or the columns right after it) becomes the table's new rows
 * (or columns, named Column1... where no header was typed), and its calculated columns (a
 * column whose every row holds the same formula, as Score and Tier do in Partners) get that
 * formula in the new rows. So a partner typed under the list is scored, and read by the pane,
 * as in Excel. Pure: the workbook applies what this decides.
 */
import { movedFormula } from "./clipboardText";
import { overlaps, type TableExtent } from "./tableReferences";
import type { CellAddress } from "./workbook";

/** A table before and after the rows written below it, or the columns after it, joined it. */
export interface TableGrowth {
  before: TableExtent;
  after: TableExtent;
}

/** How many of the lines from `from` on are in `lines`, one after another, none `taken`. */
function run(
  lines: Set<number>,
  from: number,
  taken: (line: number) => boolean,
): number {
  let end = from;
  while (lines.has(end) && !taken(end)) end++;
  return end - from;
}

/**
 * The tables that grow by `written` (the cells given content): a table with written cells in
 * the row right below it, within its columns, grows over the unbroken run of such rows; with
 * written cells in the column right after it, within its rows, over the run of such columns.
 * Never into another table (as Excel, which grows a table only over free cells).
 */
export function tableGrowth(
  tables: readonly TableExtent[],
  written: readonly CellAddress[],
): TableGrowth[] {
  return tables.flatMap((table) => {
    const { topLeft } = table;
    const mine = written.filter((cell) => cell.sheet === table.sheet);
    // A row below the table, or a column after it, that another table holds.
    const taken = (line: TableExtent) =>
      tables.some((other) => other !== table && overlaps(other, line));
    const rows = new Set(
      mine
        .filter(
          (c) => c.col >= topLeft.col && c.col < topLeft.col + table.width,
        )
        .map((c) => c.row),
    );
    const cols = new Set(
      mine
        .filter(
          (c) => c.row >= topLeft.row && c.row < topLeft.row + table.height,
        )
        .map((c) => c.col),
    );
    const height =
      table.height +
      run(rows, topLeft.row + table.height, (row) =>
        taken({ ...table, topLeft: { row, col: topLeft.col }, height: 1 }),
      );
    const width =
      table.width +
      run(cols, topLeft.col + table.width, (col) =>
        taken({ ...table, topLeft: { row: topLeft.row, col }, width: 1 }),
      );
    if (height === table.height && width === table.width) return [];
    return [{ before: table, after: { ...table, height, width } }];
  });
}

/**
 * Headers for the columns a table grew by where the user wrote none, as Excel names them:
 * Column1, Column2, ..., each a name the table's headers do not have yet (any case).
 * `headerAt` gives what a header cell holds now.
 */
export function newColumnHeaders(
  growth: TableGrowth,
  headerAt: (cell: CellAddress) => string,
  isWritten: (cell: CellAddress) => boolean,
): { cell: CellAddress; text: string }[] {
  const { before, after } = growth;
  const header = (col: number): CellAddress => ({
    sheet: after.sheet,
    row: after.topLeft.row,
    col,
  });
  const first = before.topLeft.col + before.width;
  const last = after.topLeft.col + after.width;
  const names = new Set<string>();
  for (let col = after.topLeft.col; col < last; col++)
    names.add(headerAt(header(col)).trim().toLowerCase());
  const headers: { cell: CellAddress; text: string }[] = [];
  let n = 1;
  for (let col = first; col < last; col++) {
    if (isWritten(header(col)) || headerAt(header(col)).trim() !== "") continue;
    while (names.has(`column${n}`)) n++;
    names.add(`column${n}`);
    headers.push({ cell: header(col), text: `Column${n}` });
  }
  return headers;
}

/**
 * Column `col` of `table` as a calculated column: a function giving its formula placed in any
 * row, or undefined when the column is not one. A column is calculated when it has data rows
 * and each holds a formula that is the last row's moved to it (relative references follow the
 * row; structured references such as `[@Revenue]` are the same text in every row). Every row
 * is read once here, so callers place the formula in many rows at no further cost.
 * `formulaAt` gives a cell's formula as written, or undefined for a value.
 */
export function calculatedColumn(
  table: TableExtent,
  col: number,
  formulaAt: (cell: CellAddress) => string | undefined,
): ((row: number) => string) | undefined {
  const firstData = table.topLeft.row + 1;
  const lastData = table.topLeft.row + table.height - 1;
  if (lastData < firstData) return undefined;
  const at = (r: number): CellAddress => ({ sheet: table.sheet, row: r, col });
  const last = formulaAt(at(lastData));
  if (last === undefined) return undefined;
  for (let r = firstData; r < lastData; r++) {
    const formula = formulaAt(at(r));
    if (
      formula === undefined ||
      movedFormula(formula, lastData - r, 0) !== last
    )
      return undefined;
  }
  return (row) => movedFormula(last, row - lastData, 0);
}

/**
 * The formulas of a grown table's calculated columns (calculatedColumn) for its new rows,
 * except in the cells `isWritten` says the user wrote.
 */
export function calculatedFills(
  growth: TableGrowth,
  formulaAt: (cell: CellAddress) => string | undefined,
  isWritten: (cell: CellAddress) => boolean,
): { cell: CellAddress; text: string }[] {
  const { before, after } = growth;
  const fills: { cell: CellAddress; text: string }[] = [];
  const end = before.topLeft.col + before.width;
  for (let col = before.topLeft.col; col < end; col++) {
    const formulaIn = calculatedColumn(before, col, formulaAt);
    if (!formulaIn) continue;
    for (
      let row = before.topLeft.row + before.height;
      row < after.topLeft.row + after.height;
      row++
    ) {
      const cell = { sheet: before.sheet, row, col };
      if (!isWritten(cell)) fills.push({ cell, text: formulaIn(row) });
    }
  }
  return fills;
}
