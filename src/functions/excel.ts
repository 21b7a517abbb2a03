/**
 * The seam between core results and what Excel shows: a CellError becomes a
 * CustomFunctions.Error with its message (#VALUE! or #N/A, the two that carry messages).
 * `CustomFunctions` is the global the functions runtime provides (Excel, or our host).
 */
/* global CustomFunctions */
import { CellError, catchCellError } from "../core/errors";

export function toExcelError(error: CellError): CustomFunctions.Error {
  const code =
    error.kind === "na"
      ? CustomFunctions.ErrorCode.notAvailable
      : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, error.message);
}

/** A value for one cell of a result: a CellError thrown by `compute` becomes an error cell. */
export function cellResult<T>(compute: () => T): T | CustomFunctions.Error {
  const result = catchCellError(compute);
  return result instanceof CellError ? toExcelError(result) : result;
}

/** The whole call: a CellError thrown by `compute` is thrown as the formula's error. */
export function callResult<T>(compute: () => T): T {
  const result = catchCellError(compute);
  if (result instanceof CellError) throw toExcelError(result);
  return result;
}

/**
 * One result row per partner, `compute(row)` giving its number (null shows as a blank, a
 * CellError as an error cell, as `cellResult`), with one function for the whole spill rather
 * than one closure per row. The column is made at its full length and filled in order (on
 * Node 20 it stays a fast array at any spill's size, checked up to 1,048,576 rows): pushing
 * grew and copied it, 10% slower over 100,000 rows measured through the host. Every row
 * comes from the one array literal below, so all rows share one kind (elements of any type):
 * were a number's row a separate literal, it would be an array of doubles beside the others,
 * and whoever reads the result (Excel's marshalling, the host's check) would box a new number
 * for every row it reads (measured: 10 times slower to read).
 */
export function numberColumn(
  count: number,
  compute: (row: number) => number | null,
): (number | string | CustomFunctions.Error)[][] {
  const column = new Array<(number | string | CustomFunctions.Error)[]>(count);
  for (let row = 0; row < count; row++) {
    let cell: number | string | CustomFunctions.Error;
    try {
      const value = compute(row);
      cell = value === null ? "" : value;
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      cell = toExcelError(e);
    }
    column[row] = [cell];
  }
  return column;
}
