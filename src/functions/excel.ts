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
 * CellError, returned or thrown, as an error cell), with one function for the whole spill
 * rather than one closure per row. The column is made at its full length and filled in order
 * (on Node 20 it stays a fast array at any spill's size, checked up to 1,048,576 rows):
 * pushing grew and copied it, 10% slower over 100,000 rows measured through the host.
 * Rows with the same CellError (the core makes one per pattern of missing data) share one
 * CustomFunctions.Error: Excel's runtime makes each as an Error, with a stack trace, and a
 * spill over partners with missing data has thousands of them; Excel reads each cell's
 * error from it all the same.
 */
export function numberColumn(
  count: number,
  compute: (row: number) => number | null | CellError,
): (number | string | CustomFunctions.Error)[][] {
  const column = new Array<(number | string | CustomFunctions.Error)[]>(count);
  // One CustomFunctions.Error per CellError of this result.
  const made = new Map<CellError, CustomFunctions.Error>();
  const errorOf = (error: CellError) => {
    let excelError = made.get(error);
    if (!excelError) made.set(error, (excelError = toExcelError(error)));
    return excelError;
  };
  for (let row = 0; row < count; row++) {
    try {
      const value = compute(row);
      column[row] =
        typeof value === "number"
          ? numberRow(value)
          : value === null
            ? [""]
            : [errorOf(value)];
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      column[row] = [errorOf(e)];
    }
  }
  return column;
}

/** Copied for every number's row; never handed out itself. */
const ROW_OF_A_NUMBER = [0.5];

/**
 * A result row holding one number: an array of doubles, 56 bytes where a row of any kind
 * of element costs 72 (the number boxed apart). Copied from a row of a double rather than
 * written as the literal `[value]`: V8 tracks a literal's allocation site, and once a spill's
 * rows had survived a scavenge inside a call (as they do when Excel's freshly parsed
 * arguments fill the young generation) it allocated every later spill's 100,000 rows
 * straight in the old generation, on freshly committed pages: each call then took 2 x
 * longer, mostly in the kernel (bench/README.md, "Twelfth pass"). A copy made by `slice`
 * has no allocation site, so the rows stay young and die young once Excel has read them.
 */
export function numberRow(value: number): number[] {
  const row = ROW_OF_A_NUMBER.slice();
  row[0] = value;
  return row;
}
