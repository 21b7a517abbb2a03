/**
 * Where Excel's data-aware keys go, over any sheet given as "is this cell filled":
 * Ctrl+arrow jumps to the edge of a block of data, Ctrl+A selects the block around a cell.
 * Pure, so the grid and its tests share one definition.
 */
import type { CellPosition } from "./a1";
import type { CellRange } from "./cellRange";

/** Whether a cell shows anything (a value, a formula's result, a spilled cell). */
export type FilledAt = (position: CellPosition) => boolean;

/** The sheet's cells that can be reached: rows 0..rows-1, columns 0..cols-1. */
export interface SheetBounds {
  rows: number;
  cols: number;
}

function inside(p: CellPosition, bounds: SheetBounds): boolean {
  return p.row >= 0 && p.row < bounds.rows && p.col >= 0 && p.col < bounds.cols;
}

function stepped(p: CellPosition, step: CellPosition): CellPosition {
  return { row: p.row + step.row, col: p.col + step.col };
}

/**
 * Ctrl+arrow from `from` in the direction `step` (one of the four unit steps): within a run
 * of filled cells, to its last cell; otherwise to the next filled cell, or to the sheet's
 * edge when there is none. At the edge it stays.
 */
export function dataEdge(
  filled: FilledAt,
  from: CellPosition,
  step: CellPosition,
  bounds: SheetBounds,
): CellPosition {
  let at = stepped(from, step);
  if (!inside(at, bounds)) return from;
  const runOfData = filled(from) && filled(at);
  for (;;) {
    const next = stepped(at, step);
    if (!inside(next, bounds)) return at;
    if (runOfData ? !filled(next) : filled(at)) return at;
    at = next;
  }
}

/**
 * Excel's current region around `at`: the rectangle grown, side by side, while the row or
 * column just outside it (its corners included, so data touching diagonally joins) holds a
 * filled cell. A blank cell with no data around it is a region of its own.
 */
export function currentRegion(
  filled: FilledAt,
  at: CellPosition,
  bounds: SheetBounds,
): CellRange {
  const region = { top: at.row, left: at.col, bottom: at.row, right: at.col };
  const anyFilled = (cells: CellPosition[]): boolean =>
    cells.some((p) => inside(p, bounds) && filled(p));
  const row = (r: number): CellPosition[] =>
    span(region.left - 1, region.right + 1).map((col) => ({ row: r, col }));
  const column = (c: number): CellPosition[] =>
    span(region.top - 1, region.bottom + 1).map((row) => ({ row, col: c }));
  // Per side: the line of cells just outside it, and how it moves out by one.
  const sides = [
    { outside: () => row(region.top - 1), grow: () => region.top-- },
    { outside: () => row(region.bottom + 1), grow: () => region.bottom++ },
    { outside: () => column(region.left - 1), grow: () => region.left-- },
    { outside: () => column(region.right + 1), grow: () => region.right++ },
  ];
  // Each side grows as far as it can before the next is looked at: a list of thousands of
  // rows costs a few cells per row, not a column's length per row. A line wholly off the
  // sheet holds nothing, so the sheet's edges stop it.
  for (let grown = true; grown;) {
    grown = false;
    for (const side of sides)
      while (anyFilled(side.outside())) {
        side.grow();
        grown = true;
      }
  }
  return region;
}

function span(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
