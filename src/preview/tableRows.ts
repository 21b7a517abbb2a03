/**
 * Deleting rows of a table, as Excel's Delete > Table Rows (Ctrl+- in a table): the rows below
 * move up within the table, a formula's relative references moving with its cell, and the
 * table ends that many rows higher. So a partner can be taken off the Partners list in the
 * browser workbook without leaving a blank row in it. Pure: the workbook applies what this
 * decides.
 */
import { movedFormula } from "./clipboardText";
import { isFormula } from "./formulaText";
import type { TableExtent } from "./tableReferences";
import type { CellAddress, CellInput } from "./workbook";

/** What deleting the rows writes, and the table's extent after; or why it cannot. */
export type DeletedRows =
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
): DeletedRows {
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
        input: isFormula(input) ? movedFormula(input, -count, 0) : input,
      });
    }
  return { cells, after: { ...table, height: table.height - count } };
}
