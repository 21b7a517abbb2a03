/** The cells of an A1 range ("B3:D7") of a sheet given as rows of cells from A1: what a chart over that range reads. */
import { parseCell } from "../src/workbook/address";

export function rangeCells<T>(
  cells: readonly (readonly T[])[],
  range: string,
): T[][] {
  const [a, b = a] = range.split(":").map(parseCell);
  return cells
    .slice(a.row, b.row + 1)
    .map((row) => row.slice(a.column, b.column + 1));
}
