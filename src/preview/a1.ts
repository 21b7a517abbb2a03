/**
 * A1-style addresses as the grid and HyperFormula count them ({row, col}, 0-based), over the
 * workbook layer's column arithmetic (src/workbook/address.ts), plus the sheet-qualified
 * absolute ranges that table references are translated into.
 */
import {
  columnIndex,
  columnLetters,
  parseCell,
  quoteSheetName,
} from "../workbook/address";

export { columnIndex, columnLetters, quoteSheetName };

/** A cell position, 0-based, as HyperFormula counts. */
export interface CellPosition {
  row: number;
  col: number;
}

/** "C2" for {row: 1, col: 2}. */
export function cellName(position: CellPosition): string {
  return `${columnLetters(position.col)}${position.row + 1}`;
}

/** {row: 1, col: 2} for "C2" or "$C$2". */
export function parseCellName(name: string): CellPosition {
  const { row, column } = parseCell(name.replace(/\$/g, ""));
  return { row, col: column };
}

/**
 * "Scorecard!$A$1:$J$8": an absolute range that does not move when the formula is copied; one
 * cell is written as a cell ("Scorecard!$H$2"), which a function taking one value accepts.
 */
export function absoluteRange(
  sheet: string,
  topLeft: CellPosition,
  height: number,
  width: number,
): string {
  if (height < 1 || width < 1)
    throw new RangeError(
      `a range needs at least one cell, not ${height} x ${width}`,
    );
  const corner = (p: CellPosition) => `$${columnLetters(p.col)}$${p.row + 1}`;
  const bottomRight = {
    row: topLeft.row + height - 1,
    col: topLeft.col + width - 1,
  };
  const area =
    height === 1 && width === 1
      ? corner(topLeft)
      : `${corner(topLeft)}:${corner(bottomRight)}`;
  return `${quoteSheetName(sheet)}!${area}`;
}
