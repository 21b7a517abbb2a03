/**
 * The grid's mouse, as Excel's: a click selects a cell (Shift: the range to it), a drag the
 * range up to the cell under the mouse (held beyond the grid's top or bottom edge, it
 * scrolls), a click on a column or row header the whole column or row, a double click edits
 * the cell. Each gesture is mapped to one of the grid's operations (gridView.ts).
 */
import type { CellPosition } from "./a1";
import type { GridView } from "./gridView";

/** The cell `target` is in (a td of the grid), if any. */
export function positionOf(
  target: EventTarget | null,
): CellPosition | undefined {
  const td =
    target instanceof HTMLElement
      ? target.closest<HTMLTableCellElement>("td[data-row]")
      : null;
  if (!td) return undefined;
  return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
}

/** The column or row whose header `target` is (a click there selects it), if any. */
export function headerOf(
  target: EventTarget | null,
): { kind: "columns" | "rows"; index: number } | undefined {
  const th =
    target instanceof HTMLElement
      ? target.closest<HTMLTableCellElement>("th[data-col], th[data-row]")
      : null;
  if (!th) return undefined;
  return th.dataset.col !== undefined
    ? { kind: "columns", index: Number(th.dataset.col) }
    : { kind: "rows", index: Number(th.dataset.row) };
}

/** Follows the mouse over one grid: its clicks, drags and double clicks. */
export class GridPointer {
  /** A mouse button is held down on the grid: moving over cells extends the range. */
  private dragging = false;
  /** The mouse's height while a drag is held beyond the grid's top or bottom edge (which scrolls it), else null. */
  private dragBeyondAt: number | null = null;

  constructor(
    private readonly grid: GridView,
    /** The scrolling area that holds the table. */
    private readonly element: HTMLElement,
    table: HTMLTableElement,
  ) {
    table.addEventListener("mousedown", (e) => this.onMouseDown(e));
    table.addEventListener("mouseover", (e) => this.onMouseOver(e));
    document.addEventListener("mouseup", () => {
      this.dragging = false;
      this.dragBeyondAt = null;
    });
    document.addEventListener("mousemove", (e) => this.onDragMove(e));
    table.addEventListener("dblclick", (e) => {
      if (positionOf(e.target)) grid.startEditing("edit");
    });
  }

  private onMouseDown(e: MouseEvent): void {
    const header = headerOf(e.target);
    if (header) {
      e.preventDefault();
      this.grid.commitEdit("none", false);
      this.grid.selectLines(
        header.kind,
        header.index,
        header.index,
        e.shiftKey,
      );
      return;
    }
    const position = positionOf(e.target);
    if (!position) return;
    const input = this.grid.editorInput;
    if (input && e.target === input) return;
    e.preventDefault();
    this.grid.commitEdit("none", false);
    this.grid.select(position, true, e.shiftKey);
    this.dragging = e.button === 0;
  }

  /**
   * A drag held above or below the grid scrolls it, a row at a time and faster the farther
   * the mouse is, extending the range to the row at the edge, as Excel does.
   */
  private onDragMove(e: MouseEvent): void {
    if (!this.dragging || this.grid.isEditing) return;
    const box = this.element.getBoundingClientRect();
    const outside = e.clientY < box.top || e.clientY > box.bottom;
    const wasOutside = this.dragBeyondAt !== null;
    this.dragBeyondAt = outside ? e.clientY : null;
    if (outside && !wasOutside)
      requestAnimationFrame(() => this.scrollWhileDragging());
  }

  private scrollWhileDragging(): void {
    const y = this.dragBeyondAt;
    const paged = this.grid.pagedRows;
    if (y === null || !this.dragging || !paged) return;
    const box = this.element.getBoundingClientRect();
    const rowHeight = paged.rowHeight;
    const distance = y > box.bottom ? y - box.bottom : y - box.top;
    const rows = Math.sign(distance) * Math.ceil(Math.abs(distance) / 20);
    this.element.scrollTop += rows * rowHeight;
    const first = paged.firstInView;
    this.grid.select(
      {
        row: rows > 0 ? first + paged.rowsInView : first + 1,
        col: this.grid.rangeEnd.col,
      },
      true,
      true,
    );
    requestAnimationFrame(() => this.scrollWhileDragging());
  }

  /** A drag from a cell selects the range up to the cell under the mouse. */
  private onMouseOver(e: MouseEvent): void {
    if (!this.dragging || this.grid.isEditing) return;
    if ((e.buttons & 1) === 0) {
      // The button went up outside the page.
      this.dragging = false;
      return;
    }
    const position = positionOf(e.target);
    if (position) this.grid.select(position, true, true);
  }
}
