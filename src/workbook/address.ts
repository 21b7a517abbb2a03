/**
 * A1 addresses, computed rather than written by hand: the sample's formulas and the tables'
 * ranges follow from where each table starts and how large it is. Rows and columns are
 * 0-based here; only the address text is 1-based, as Excel writes it.
 */

export interface CellRef {
  row: number;
  column: number;
}

/** Excel's last column (XFD) and row, the limits of a sheet. */
const MAX_COLUMN = 16_383;
const MAX_ROW = 1_048_575;
const CELL = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/** The column's letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetters(column: number): string {
  if (!Number.isInteger(column) || column < 0 || column > MAX_COLUMN) {
    throw new RangeError(
      `Column index ${column} is outside the sheet (0-${MAX_COLUMN})`,
    );
  }
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The 0-based column of letters such as "AA" (any case). */
export function columnIndex(letters: string): number {
  const text = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text))
    throw new RangeError(`"${letters}" is not a column`);
  const index =
    [...text].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  if (index > MAX_COLUMN)
    throw new RangeError(`Column ${letters} is outside the sheet`);
  return index;
}

/** Reads a single-cell address such as "B3" (no sheet, no $). */
export function parseCell(address: string): CellRef {
  const match = CELL.exec(address.trim().toUpperCase());
  const row = match ? Number(match[2]) - 1 : NaN;
  if (!match || row > MAX_ROW)
    throw new RangeError(`"${address}" is not a cell address such as A1`);
  return { row, column: columnIndex(match[1]) };
}

export function cellAddress(cell: CellRef): string {
  if (!Number.isInteger(cell.row) || cell.row < 0 || cell.row > MAX_ROW) {
    throw new RangeError(
      `Row index ${cell.row} is outside the sheet (0-${MAX_ROW})`,
    );
  }
  return `${columnLetters(cell.column)}${cell.row + 1}`;
}

/** The cell `rows` down and `columns` right of `cell`. */
export function offsetCell(
  cell: CellRef,
  rows: number,
  columns: number,
): CellRef {
  return { row: cell.row + rows, column: cell.column + columns };
}

/** The address of a block of `rows` x `columns` cells whose first cell is `topLeft`: "A1:J31". */
export function rangeAddress(
  topLeft: string | CellRef,
  rows: number,
  columns: number,
): string {
  if (
    !Number.isInteger(rows) ||
    !Number.isInteger(columns) ||
    rows < 1 ||
    columns < 1
  ) {
    throw new RangeError(
      `A range needs at least one row and one column, not ${rows} x ${columns}`,
    );
  }
  const first = typeof topLeft === "string" ? parseCell(topLeft) : topLeft;
  const last = offsetCell(first, rows - 1, columns - 1);
  const start = cellAddress(first);
  const end = cellAddress(last);
  return start === end ? start : `${start}:${end}`;
}

/** The whole range of a table (header and rows) that starts at `topLeft`: "A1:J8". */
export function tableAddress(table: {
  topLeft: string;
  header: readonly unknown[];
  rows: readonly unknown[];
}): string {
  return rangeAddress(
    table.topLeft,
    table.rows.length + 1,
    table.header.length,
  );
}

/** A sheet name as a formula must write it: quoted unless a plain word that is not a cell address. */
export function quoteSheetName(sheet: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

const SHEET_RANGE =
  /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?([1-9][0-9]*)(?::\$?[A-Z]{1,3}\$?[1-9][0-9]*)?$/i;

/**
 * The sheet and first cell of an address as Excel reports a table's range, e.g.
 * "Scorecard!A1:J8" or "'Partner list'!$B$3:$K$40"; null when it is not such an address.
 */
export function parseSheetRange(
  address: string,
): { sheet: string; topLeft: CellRef } | null {
  const match = SHEET_RANGE.exec(address.trim());
  if (!match) return null;
  const sheet =
    match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  return { sheet, topLeft: parseCell(`${match[3]}${match[4]}`) };
}
