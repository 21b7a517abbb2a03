/**
 * What the grid's Ctrl+C puts on the clipboard and what its Ctrl+V writes, as Excel does: other
 * programs receive the values as shown, tab-separated; the grid keeps the cells as written, so
 * that its own paste writes the formulas, their relative references moved, and fills a
 * selection that is a whole multiple of the block.
 */
import type { CellPosition } from "./a1";
import { displayOf } from "./cellDisplay";
import { positionsOf, rangeSize, type CellRange } from "./cellRange";
import {
  cellsOfClipboardText,
  clipboardTextOfRows,
  movedContent,
} from "./clipboardText";
import type { Workbook } from "./workbook";

/**
 * Cells copied from the grid: what each held as written, its number format (null for General)
 * when it comes from the grid, and where the block's top left was.
 */
export interface CopiedBlock {
  inputs: string[][];
  formats?: (string | null)[][];
  from: CellPosition;
}

/** A cell a paste or fill writes: its text as typed, and the number format it carries, if any. */
export interface PastedCell {
  position: CellPosition;
  text: string;
  /** A copy from the grid carries each cell's format (null: General); text from elsewhere, none. */
  format?: string | null;
}

/** A copy made in the grid: its cells as written, and the text other programs received. */
export interface GridCopy extends CopiedBlock {
  text: string;
}

/** Ctrl+C over `range` of `sheet`. */
export function copyOf(
  workbook: Workbook,
  sheet: string,
  range: CellRange,
): GridCopy {
  const inputs: string[][] = [];
  const formats: (string | null)[][] = [];
  const shown: string[][] = [];
  for (let row = range.top; row <= range.bottom; row++) {
    const inputRow: string[] = [];
    const formatRow: (string | null)[] = [];
    const shownRow: string[] = [];
    for (let col = range.left; col <= range.right; col++) {
      const cell = { sheet, row, col };
      const state = workbook.cell(cell);
      const format = workbook.numberFormat(cell);
      inputRow.push(state.input);
      formatRow.push(format ?? null);
      shownRow.push(displayOf(state, format).text);
    }
    inputs.push(inputRow);
    formats.push(formatRow);
    shown.push(shownRow);
  }
  return {
    inputs,
    formats,
    from: { row: range.top, col: range.left },
    text: clipboardTextOfRows(shown),
  };
}

/**
 * Ctrl+V of clipboard `text` over `target`: the grid's last copy when the text is still
 * its text (the clipboard holds nothing newer), else the text's cells as if typed.
 */
export function pasteOf(
  lastCopy: GridCopy | null,
  text: string,
  target: CellRange,
): PastedCell[] {
  const block: CopiedBlock =
    lastCopy?.text === text
      ? lastCopy
      : {
          inputs: cellsOfClipboardText(text),
          // Text from elsewhere is entered as it is at the top left; copies filling the rest
          // of the selection move, as if it had been typed there and copied.
          from: { row: target.top, col: target.left },
        };
  return pastedCells(block, target);
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
): PastedCell[] {
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
    const text = movedContent(
      input,
      position.row - (block.from.row + r),
      position.col - (block.from.col + c),
    );
    // As in Excel, a copy from the grid brings each cell's number format with it.
    const format = block.formats?.[r][c];
    return format === undefined
      ? { position, text }
      : { position, text, format };
  });
}

/**
 * Ctrl+D (down) and Ctrl+R (right) over `range`, as Excel fills: the range's first row (or
 * column) copied over the rest of it, formulas moved; on one cell, the cell above (or to the
 * left) copied into it. Nothing where there is nothing to fill from.
 */
export function filledCells(
  workbook: Workbook,
  sheet: string,
  range: CellRange,
  direction: "down" | "right",
): PastedCell[] {
  const down = direction === "down";
  const single = down ? range.top === range.bottom : range.left === range.right;
  let source: CellRange;
  let target: CellRange;
  if (single) {
    if (down ? range.top === 0 : range.left === 0) return [];
    source = down
      ? { ...range, top: range.top - 1, bottom: range.top - 1 }
      : { ...range, left: range.left - 1, right: range.left - 1 };
    target = range;
  } else {
    source = down
      ? { ...range, bottom: range.top }
      : { ...range, right: range.left };
    target = down
      ? { ...range, top: range.top + 1 }
      : { ...range, left: range.left + 1 };
  }
  return pastedCells(copyOf(workbook, sheet, source), target);
}
