/**
 * The grid's selection, as Excel's: the active cell and the selected range's corners, the
 * moves over them that the keyboard (gridKeys.ts) and the mouse (gridPointer.ts) make through
 * the grid (gridView.ts), and the selection's marks on the cells in the page. The grid shows
 * what is selected: scrolled into view, focused, its listeners told.
 */
import type { CellPosition } from "./a1";
import {
  nextInRange,
  positionsOf,
  rangeBetween,
  rangeContains,
  type CellRange,
} from "./cellRange";
import { currentRegion, dataEdge } from "./dataRegion";
import { MOVES, type Move, type Step } from "./gridKeys";
import type { PagedRows } from "./pagedRows";

/** What the selection needs of the grid. */
export interface SelectionHost {
  /** The grid's table: its aria-activedescendant names the active cell. */
  readonly table: HTMLTableElement;
  /** The sheet's extent in the grid (rows and columns one can select). */
  size(): { rows: number; cols: number };
  /** The rows in the page; null before the first render. */
  paged(): PagedRows | null;
  /** Whether a cell of the sheet shows anything (Ctrl+arrow and Ctrl+A look at it). */
  filledAt(position: CellPosition): boolean;
  /** Rows and columns in use on the sheet (0 x 0 when empty). */
  usedSize(): { rows: number; cols: number };
  /** Scrolls the grid down by `pixels` (up when negative). */
  scrollBy(pixels: number): void;
  /** Shows the selection, marked: `shown` scrolled into view, with `focus` the grid focused. */
  show(shown: CellPosition, focus: boolean): void;
}

export class GridSelection {
  /** The active cell: the one the formula bar shows and typing replaces. */
  private selected: CellPosition = { row: 0, col: 0 };
  /**
   * The selected range's corners: where it was started (the active cell, until Enter or Tab
   * moves that within the range) and where it was extended to (Shift+arrows move this one).
   */
  private anchor: CellPosition = { row: 0, col: 0 };
  private extent: CellPosition = { row: 0, col: 0 };
  /** The cell marked as the active one, to unmark when it changes. */
  private marked: HTMLTableCellElement | undefined;
  /** The cells shaded as part of the selected range, to unshade when it changes. */
  private readonly shaded = new Set<HTMLTableCellElement>();

  constructor(private readonly host: SelectionHost) {}

  /** The active cell. */
  get active(): CellPosition {
    return this.selected;
  }

  /** The selected range, the active cell among its cells. */
  get range(): CellRange {
    return rangeBetween(this.anchor, this.extent);
  }

  /** The selected range's far corner: where Shift+arrows and a drag extend it to. */
  get farCorner(): CellPosition {
    return { ...this.extent };
  }

  /** Back to A1 (another sheet shown). */
  reset(): void {
    this.selected = { row: 0, col: 0 };
    this.anchor = { row: 0, col: 0 };
    this.extent = { row: 0, col: 0 };
  }

  /**
   * Selects one cell, or with `extend` the range from the active cell to `position` (Shift
   * with an arrow or a click, a drag), as Excel does.
   */
  select(position: CellPosition, focus = true, extend = false): void {
    const clamped = this.clamped(position);
    if (!extend) {
      this.selected = clamped;
      this.anchor = clamped;
    }
    this.extent = clamped;
    this.showSelection(this.extent, focus);
  }

  /** Selects a range; the active cell is its top left, or `active` when that lies in it. */
  selectRange(range: CellRange, focus = true, active?: CellPosition): void {
    this.anchor = this.clamped({ row: range.top, col: range.left });
    this.extent = this.clamped({ row: range.bottom, col: range.right });
    this.selected =
      active && rangeContains(range, active)
        ? this.clamped(active)
        : this.anchor;
    this.showSelection(this.selected, focus);
  }

  /** Marks the active cell and the range on the table, `shown` scrolled into view. */
  private showSelection(shown: CellPosition, focus: boolean): void {
    this.marked?.classList.remove("selected");
    this.shadeRange();
    this.marked = this.cellAt(this.selected);
    if (this.marked) {
      this.marked.classList.add("selected");
      this.host.table.setAttribute("aria-activedescendant", this.marked.id);
    }
    this.host.show(shown, focus);
  }

  private clamped(position: CellPosition): CellPosition {
    const size = this.host.size();
    return {
      row: Math.min(Math.max(0, position.row), size.rows - 1),
      col: Math.min(Math.max(0, position.col), size.cols - 1),
    };
  }

  /** Marks the cells of the selected range (aria-selected, and shaded but for the active cell). */
  private shadeRange(): void {
    for (const td of this.shaded) {
      td.classList.remove("in-range");
      td.setAttribute("aria-selected", "false");
    }
    this.shaded.clear();
    // Only the range's rows in the page: a row that comes later is marked as it is made.
    const range = this.range;
    const inPage = this.host.paged()?.inPage ?? { start: 0, end: 0 };
    const rows = {
      top: Math.max(range.top, inPage.start),
      bottom: Math.min(range.bottom, inPage.end - 1),
    };
    for (const position of positionsOf({ ...range, ...rows })) {
      const td = this.cellAt(position);
      if (td) this.markSelection(td, position);
    }
  }

  /**
   * The selection's marks on one cell in the page: in the range (aria-selected, shaded but
   * for the active cell), and the active cell's own.
   */
  markSelection(td: HTMLTableCellElement, position: CellPosition): void {
    const inRange = rangeContains(this.range, position);
    td.setAttribute("aria-selected", String(inRange));
    if (inRange) this.shaded.add(td);
    if (
      position.row === this.selected.row &&
      position.col === this.selected.col
    ) {
      td.classList.add("selected");
      this.marked = td;
      this.host.table.setAttribute("aria-activedescendant", td.id);
    } else if (inRange) td.classList.add("in-range");
  }

  /** The table's cells are about to be made anew: no mark on the old ones is kept. */
  forgetMarks(): void {
    this.shaded.clear();
    this.marked = undefined;
  }

  /** A cell has left the page. */
  forgetCell(td: HTMLTableCellElement): void {
    this.shaded.delete(td);
  }

  /** The cells are new: the same selection (within the sheet's extent), marked on them. */
  markAgain(): void {
    this.anchor = this.clamped(this.anchor);
    this.extent = this.clamped(this.extent);
    this.selected = this.clamped(this.selected);
    this.showSelection(this.extent, false);
  }

  moveSelection(move: Move, focus = true): void {
    const step = MOVES[move];
    this.select(
      { row: this.selected.row + step.row, col: this.selected.col + step.col },
      focus,
    );
  }

  /**
   * Enter, Tab (Shift: back): the next cell; inside a selected range, the next cell of the
   * range, which stays selected (cellRange.ts nextInRange).
   */
  advance(step: Step): void {
    const range = this.range;
    if (range.top === range.bottom && range.left === range.right) {
      this.moveSelection(step);
      return;
    }
    this.selected = nextInRange(range, this.selected, step);
    this.showSelection(this.selected, true);
  }

  /**
   * An arrow: one cell, or with Ctrl to the edge of the data; with Shift the range's far
   * corner moves and the active cell stays.
   */
  arrowKey(step: Step, toEdge: boolean, extend: boolean): void {
    this.goFrom(extend, (from) =>
      toEdge
        ? dataEdge(this.host.filledAt, from, MOVES[step], this.host.size())
        : { row: from.row + MOVES[step].row, col: from.col + MOVES[step].col },
    );
  }

  /**
   * A navigation key: from the active cell to where `to` says, or with Shift (`extend`) from
   * the range's far corner, which moves there while the active cell stays.
   */
  goFrom(extend: boolean, to: (from: CellPosition) => CellPosition): void {
    this.select(to(extend ? this.extent : this.selected), true, extend);
  }

  /**
   * Ctrl+A, as Excel: the current region (the data around the active cell, which stays
   * active); again, or on a blank cell with nothing around it, everything in use on the
   * sheet (Excel's whole sheet).
   */
  selectAll(): void {
    const region = currentRegion(
      this.host.filledAt,
      this.selected,
      this.host.size(),
    );
    const current = this.range;
    const again =
      region.top === current.top &&
      region.left === current.left &&
      region.bottom === current.bottom &&
      region.right === current.right;
    const alone =
      region.top === region.bottom &&
      region.left === region.right &&
      !this.host.filledAt(this.selected);
    const used = this.host.usedSize();
    const range =
      again || alone
        ? {
            top: 0,
            left: 0,
            bottom: Math.max(0, used.rows - 1),
            right: Math.max(0, used.cols - 1),
          }
        : region;
    this.selectRange(range, true, this.selected);
  }

  /** Page Down (1), Page Up (-1): a screen of rows, the view following; with `extend` the range's far corner moves. */
  page(direction: 1 | -1, extend: boolean): void {
    const paged = this.host.paged();
    if (!paged) return; // made by the grid's first render
    const rows = Math.max(1, paged.rowsInView);
    const step = direction * rows;
    this.host.scrollBy(step * paged.rowHeight);
    this.goFrom(extend, (from) => ({
      row: from.row + step,
      col: from.col,
    }));
  }

  /** Ctrl+End: the last cell in use (the last used row's, the last used column's). */
  selectLastUsed(extend: boolean): void {
    const used = this.host.usedSize();
    this.select(
      { row: Math.max(0, used.rows - 1), col: Math.max(0, used.cols - 1) },
      true,
      extend,
    );
  }

  /**
   * Whole columns (or rows) `first` to `last` of the grid, as a click on their header, or
   * Ctrl+Space (Shift+Space) selects them; with `extend`, from the range's anchor on. The
   * active cell stays with `keepActive` (the keys), else it is the line's first cell in view
   * (a click), so the view stays where it is.
   */
  selectLines(
    kind: "columns" | "rows",
    first: number,
    last: number,
    extend: boolean,
    keepActive = false,
  ): void {
    const from = extend
      ? kind === "columns"
        ? this.anchor.col
        : this.anchor.row
      : first;
    const low = Math.min(from, first, last);
    const high = Math.max(from, first, last);
    // The range runs from the anchor's line to the far end, so Shift extends from there again.
    const to = from === low ? high : low;
    const size = this.host.size();
    const lastRow = size.rows - 1;
    const lastCol = size.cols - 1;
    if (kind === "columns") {
      this.anchor = { row: 0, col: from };
      this.extent = { row: lastRow, col: to };
    } else {
      this.anchor = { row: from, col: 0 };
      this.extent = { row: to, col: lastCol };
    }
    if (!extend && !keepActive)
      this.selected =
        kind === "columns"
          ? { row: this.host.paged()?.firstInView ?? 0, col: first }
          : { row: first, col: 0 };
    this.showSelection(this.selected, true);
  }

  private cellAt(position: CellPosition): HTMLTableCellElement | undefined {
    return this.host.paged()?.cellAt(position);
  }
}
