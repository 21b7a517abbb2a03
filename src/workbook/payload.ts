/**
 * How much one context.sync() may carry. Excel on the web "limits requests and responses to
 * 5 MB" and throws RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded past it
 * (Microsoft, "Resource limits and performance optimization for Office Add-ins" and "Excel
 * JavaScript API performance optimization": payload size limit best practices). A Partners
 * table of 120-320 bytes a row crosses that somewhere between 15,000 and 40,000 partners, so
 * the store reads and writes large tables in slices, one sync each. Pure: no Office import.
 */

/** What one slice of ours may carry: under 5 MB with a margin for the rest of its batch. */
export const SLICE_BUDGET_BYTES = 4_000_000;

/**
 * What a cell is assumed to cost in a response before its content is known, JSON included: a
 * number with 15 significant digits is about 20 bytes, a 25-character text about 30. Actual
 * cells mostly cost less; the estimate errs towards more, smaller slices.
 */
export const ASSUMED_BYTES_PER_CELL = 32;

/**
 * Rows of a table read in the load's own read, before the table's width is known: 5,000 rows
 * of up to 25 columns at the assumed cost fit the budget, so a scorecard of up to 5,000
 * partners still loads in two syncs.
 */
export const FIRST_SLICE_ROWS = 5_000;

/** Rows per further read slice of a table `columns` wide, reading `properties` per cell (values, formulas). */
export function rowsPerReadSlice(columns: number, properties = 1): number {
  const rowBytes = Math.max(1, columns) * properties * ASSUMED_BYTES_PER_CELL;
  return Math.max(1, Math.floor(SLICE_BUDGET_BYTES / rowBytes));
}

/** Where each further read slice starts and how many rows it has, after the first `read` rows. */
export function remainingSlices(
  total: number,
  read: number,
  perSlice: number,
): { start: number; rows: number }[] {
  const slices: { start: number; rows: number }[] = [];
  for (let start = read; start < total; start += perSlice)
    slices.push({ start, rows: Math.min(perSlice, total - start) });
  return slices;
}

/** The JSON size of what is written for one row (its cells, and any formats sent with them). */
export function jsonBytes(value: unknown): number {
  return JSON.stringify(value).length + 1;
}

/**
 * Rows to write, cut into consecutive slices whose measured size (`rowBytes` of each row)
 * stays within the budget; at least one row a slice, and one slice for no rows.
 */
export function writeSlices<T>(
  rows: readonly T[],
  rowBytes: (row: T, index: number) => number = (row) => jsonBytes(row),
  budget = SLICE_BUDGET_BYTES,
): T[][] {
  const slices: T[][] = [[]];
  let used = 0;
  rows.forEach((row, i) => {
    const bytes = rowBytes(row, i);
    const current = slices[slices.length - 1];
    if (current.length > 0 && used + bytes > budget) {
      slices.push([row]);
      used = bytes;
    } else {
      current.push(row);
      used += bytes;
    }
  });
  return slices;
}
