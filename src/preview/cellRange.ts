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

/**
 * Enter, Shift+Enter, Tab and Shift+Tab inside a selected range, as Excel moves the active
 * cell: down (or up) the column, then on to the next (or previous) column; Tab along the row,
 * then on to the next row; from the last cell back to the first.
 */
export function nextInRange(
  range: CellRange,
  at: CellPosition,
  move: "down" | "up" | "right" | "left",
): CellPosition {
  const forward = move === "down" || move === "right" ? 1 : -1;
  // Walk the range's cells in order (column by column for Enter, row by row for Tab).
  const byColumn = move === "down" || move === "up";
  const { rows, cols } = rangeSize(range);
  const count = rows * cols;
  const r = at.row - range.top;
  const c = at.col - range.left;
  const index = byColumn ? c * rows + r : r * cols + c;
  const next = (index + forward + count) % count;
  return byColumn
    ? {
        row: range.top + (next % rows),
        col: range.left + Math.floor(next / rows),
      }
    : {
        row: range.top + Math.floor(next / cols),
        col: range.left + (next % cols),
      };
}
