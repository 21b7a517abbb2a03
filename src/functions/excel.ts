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
 * One result row per partner, `compute(i)` giving the row's cell: as `cellResult` for each,
 * with one function for the whole spill rather than one closure per row.
 */
export function cellColumn<T>(
  count: number,
  compute: (row: number) => T,
): (T | CustomFunctions.Error)[][] {
  const column = new Array<(T | CustomFunctions.Error)[]>(count);
  for (let row = 0; row < count; row++) {
    let cell: T | CustomFunctions.Error;
    try {
      cell = compute(row);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      cell = toExcelError(e);
    }
    column[row] = [cell];
  }
  return column;
}
