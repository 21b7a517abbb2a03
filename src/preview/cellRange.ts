/** The grid's selected range: a rectangle of cells, as Excel selects them. */
import type { CellPosition } from "./a1";

/** A rectangle of cells, corners included. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rectangle with these two corners, in either order. */
export function rangeBetween(a: CellPosition, b: CellPosition): CellRange {
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The smallest rectangle holding every position (at least one). */
export function rangeAround(positions: readonly CellPosition[]): CellRange {
  if (positions.length === 0)
    throw new RangeError("a range needs at least one cell");
  return positions.reduce<CellRange>(
    (range, p) => ({
      top: Math.min(range.top, p.row),
      left: Math.min(range.left, p.col),
      bottom: Math.max(range.bottom, p.row),
      right: Math.max(range.right, p.col),
    }),
    rangeBetween(positions[0], positions[0]),
  );
}

export function rangeContains(range: CellRange, p: CellPosition): boolean {
  return (
    p.row >= range.top &&
    p.row <= range.bottom &&
    p.col >= range.left &&
    p.col <= range.right
  );
}

export function rangeSize(range: CellRange): { rows: number; cols: number } {
  return {
    rows: range.bottom - range.top + 1,
    cols: range.right - range.left + 1,
  };
}

/** Every position of the range, row by row. */
export function positionsOf(range: CellRange): CellPosition[] {
  const positions: CellPosition[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++)
      positions.push({ row, col });
  return positions;
}
