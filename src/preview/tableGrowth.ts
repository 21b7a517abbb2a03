/**
 * Excel's table auto-expansion, for the browser workbook: what a user types or pastes into
 * the rows right below a table becomes the table's new rows, and its calculated columns (a
 * column whose every row holds the same formula, as Score and Tier do in Partners) get that
 * formula in the new rows. So a partner typed under the list is scored, and read by the pane,
 * as in Excel. Pure: the workbook applies what this decides.
 */
import { movedFormula } from "./clipboardText";
import type { TableExtent } from "./tableReferences";
import type { CellAddress } from "./workbook";

/** A table before and after the rows written below it joined it. */
export interface TableGrowth {
  before: TableExtent;
  after: TableExtent;
}

/**
 * The tables that grow by `written` (the cells given content): those with written cells in
 * the row right below them, within their columns; each grows over the unbroken run of such
 * rows from there, never into another table (as Excel, which grows a table only over free rows).
 */
export function tableGrowth(
  tables: readonly TableExtent[],
  written: readonly CellAddress[],
): TableGrowth[] {
  return tables.flatMap((table) => {
    const rows = new Set(
      written
        .filter(
          (cell) =>
            cell.sheet === table.sheet &&
            cell.col >= table.topLeft.col &&
            cell.col < table.topLeft.col + table.width,
        )
        .map((cell) => cell.row),
    );
    const taken = (row: number) =>
      tables.some(
        (other) =>
          other !== table &&
          other.sheet === table.sheet &&
          row >= other.topLeft.row &&
          row < other.topLeft.row + other.height &&
          other.topLeft.col < table.topLeft.col + table.width &&
          table.topLeft.col < other.topLeft.col + other.width,
      );
    const below = table.topLeft.row + table.height;
    let end = below;
    while (rows.has(end) && !taken(end)) end++;
    if (end === below) return [];
    return [
      { before: table, after: { ...table, height: end - table.topLeft.row } },
    ];
  });
}

/**
 * The formulas of a grown table's calculated columns for its new rows, except in the cells
 * `isWritten` says the user wrote. A column is calculated when it has data rows and each holds
 * a formula that is the last row's moved to it (relative references follow the row; structured
 * references such as `[@Revenue]` are the same text in every row). `formulaAt` gives a cell's
 * formula as written, or undefined for a value.
 */
export function calculatedFills(
  growth: TableGrowth,
  formulaAt: (cell: CellAddress) => string | undefined,
  isWritten: (cell: CellAddress) => boolean,
): { cell: CellAddress; text: string }[] {
  const { before, after } = growth;
  const firstData = before.topLeft.row + 1;
  const lastData = before.topLeft.row + before.height - 1;
  if (lastData < firstData) return [];
  const fills: { cell: CellAddress; text: string }[] = [];
  for (
    let col = before.topLeft.col;
    col < before.topLeft.col + before.width;
    col++
  ) {
    const at = (row: number): CellAddress => ({
      sheet: before.sheet,
      row,
      col,
    });
    const last = formulaAt(at(lastData));
    if (last === undefined) continue;
    let calculated = true;
    for (let row = firstData; row < lastData && calculated; row++) {
      const formula = formulaAt(at(row));
      calculated =
        formula !== undefined &&
        movedFormula(formula, lastData - row, 0) === last;
    }
    if (!calculated) continue;
    for (let row = lastData + 1; row < after.topLeft.row + after.height; row++)
      if (!isWritten(at(row)))
        fills.push({
          cell: at(row),
          text: movedFormula(last, row - lastData, 0),
        });
  }
  return fills;
}
