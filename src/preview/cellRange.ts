/**
 * The grid's selected range, and where a copied block lands when pasted over one: what Excel
 * does with a selection of several cells.
 */
import { cellName, type CellPosition } from "./a1";
import { movedFormula } from "./clipboardText";
import { isFormula } from "./formulaText";

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

/** "C2:D5", or "C2" for one cell. */
export function rangeName(range: CellRange): string {
  const topLeft = cellName({ row: range.top, col: range.left });
  const { rows, cols } = rangeSize(range);
  return rows === 1 && cols === 1
    ? topLeft
    : `${topLeft}:${cellName({ row: range.bottom, col: range.right })}`;
}

/** Every position of the range, row by row. */
export function positionsOf(range: CellRange): CellPosition[] {
  const positions: CellPosition[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++)
      positions.push({ row, col });
  return positions;
}

/** Cells copied from the grid: what each held as written, and where the block's top left was. */
export interface CopiedBlock {
  inputs: string[][];
  from: CellPosition;
}

/**
 * What pasting `block` over the selection `target` writes, as Excel does: a selection whose
 * height and width are whole multiples of the block's is filled with copies of it (one cell
 * copied, a column selected: the column filled); any other selection takes one copy from its
 * top left. A formula's relative references move with each copy.
 */
export function pastedCells(
  block: CopiedBlock,
  target: CellRange,
): { position: CellPosition; text: string }[] {
  const height = block.inputs.length;
  const width = block.inputs[0]?.length ?? 0;
  if (height === 0 || width === 0) return [];
  const size = rangeSize(target);
  const tiles =
    size.rows % height === 0 && size.cols % width === 0
      ? target
      : {
          top: target.top,
          left: target.left,
          bottom: target.top + height - 1,
          right: target.left + width - 1,
        };
  return positionsOf(tiles).map((position) => {
    const r = (position.row - tiles.top) % height;
    const c = (position.col - tiles.left) % width;
    const input = block.inputs[r][c];
    const text = isFormula(input)
      ? movedFormula(
          input,
          position.row - (block.from.row + r),
          position.col - (block.from.col + c),
        )
      : input;
    return { position, text };
  });
}
