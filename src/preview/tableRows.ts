/**
 * Deleting and inserting rows of a table, as Excel's Delete > Table Rows (Ctrl+- in a table)
 * and Insert > Table Rows Above (Ctrl++): the rows below move up or down within the table, a
 * formula's relative references moving with its cell, and the table ends that many rows higher
 * or lower. So a partner can be taken off the Partners list, or put in it anywhere, without a
 * blank row left in it. Pure: the workbook applies what this decides.
 */
import { movedContent } from "./clipboardText";
import { calculatedColumn } from "./tableGrowth";
import type { TableExtent } from "./tableReferences";
import type { CellAddress, CellInput } from "./workbook";

/** What deleting or inserting the rows writes, and the table's extent after; or why it cannot. */
export type TableRowsChange =
  | { cells: { cell: CellAddress; input: CellInput }[]; after: TableExtent }
  | { error: string };

/**
 * Deletes `count` data rows of `table` from sheet row `first`. `contentAt` gives a cell's
 * content as written (a formula as its text).
 */
export function deletedTableRows(
  table: TableExtent,
  first: number,
  count: number,
  contentAt: (cell: CellAddress) => CellInput,
): TableRowsChange {
  const firstData = table.topLeft.row + 1;
  const lastData = table.topLeft.row + table.height - 1;
  if (count < 1 || first < firstData || first + count - 1 > lastData)
    return {
      error: `Only data rows of the table ${table.name} (rows ${firstData + 1} to ${lastData + 1}) can be deleted as table rows`,
    };
  const cells: { cell: CellAddress; input: CellInput }[] = [];
  for (let row = first; row <= lastData; row++)
    for (
      let col = table.topLeft.col;
      col < table.topLeft.col + table.width;
      col++
    ) {
      const cell = { sheet: table.sheet, row, col };
      const below = row + count;
      if (below > lastData) {
        cells.push({ cell, input: null });
        continue;
      }
      const input = contentAt({ ...cell, row: below });
      cells.push({
        cell,
        input: movedContent(input, -count, 0),
      });
    }
  return { cells, after: { ...table, height: table.height - count } };
}

/**
 * Inserts `count` rows into `table` above its data row `first`: the rows from there move down,
 * the new rows get the calculated columns' formulas (calculatedColumn) and are otherwise
 * empty, and the table ends lower. Refused where the rows right below the table hold anything:
 * Excel would push those cells down too; the preview moves no cell outside a table.
 * `contentAt` gives a cell's content as written, `formulaAt` its formula or undefined.
 */
export function insertedTableRows(
  table: TableExtent,
  first: number,
  count: number,
  contentAt: (cell: CellAddress) => CellInput,
  formulaAt: (cell: CellAddress) => string | undefined,
): TableRowsChange {
  const firstData = table.topLeft.row + 1;
  const lastData = table.topLeft.row + table.height - 1;
  if (count < 1 || first < firstData || first > lastData)
    return {
      error:
        lastData < firstData
          ? `The table ${table.name} has no data rows: type under its header to add one`
          : `Rows are inserted above a data row of the table ${table.name} (rows ${firstData + 1} to ${lastData + 1})`,
    };
  const columns = Array.from(
    { length: table.width },
    (_, i) => table.topLeft.col + i,
  );
  const at = (row: number, col: number): CellAddress => ({
    sheet: table.sheet,
    row,
    col,
  });
  for (let row = lastData + 1; row <= lastData + count; row++)
    for (const col of columns) {
      const content = contentAt(at(row, col));
      if (content !== null && content !== "")
        return {
          error: `Row ${row + 1} below the table ${table.name} holds data: move it before inserting rows`,
        };
    }
  const cells: { cell: CellAddress; input: CellInput }[] = [];
  for (let row = lastData + count; row >= first + count; row--)
    for (const col of columns)
      cells.push({
        cell: at(row, col),
        input: movedContent(contentAt(at(row - count, col)), count, 0),
      });
  for (const col of columns) {
    const formulaIn = calculatedColumn(table, col, formulaAt);
    for (let row = first; row < first + count; row++)
      cells.push({ cell: at(row, col), input: formulaIn?.(row) ?? null });
  }
  return { cells, after: { ...table, height: table.height + count } };
}
