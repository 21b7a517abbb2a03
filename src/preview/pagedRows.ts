/**
 * The grid's rows in the page: of a sheet's rows, those in view and a margin around them
 * (rowWindow.ts decides which), between two spacer rows that stand in for the rest, so that a
 * list of thousands of partners scrolls without thousands of rows of cells in the page.
 * Scrolling brings rows in at the edges and takes far ones out; rows in view stay as they are.
 */
import { cellName, type CellPosition } from "./a1";
import { windowChange, windowFor, type RowWindow } from "./rowWindow";

/**
 * Rows kept in the page above and below those in view: a scroll of a screen or two, or a
 * click on a cell near the one in view, finds its row there.
 */
const MARGIN_ROWS = 200;

export interface PagedRowsHooks {
  /** A row's cells have come into the page, empty (cellAt finds them): fill and mark them. */
  added(row: number): void;
  /** A row's cells have left the page. */
  removed(cells: HTMLTableCellElement[]): void;
}

export class PagedRows {
  /** The cells of the rows in the page, by row. */
  private readonly cells = new Map<number, HTMLTableCellElement[]>();
  private readonly spacers: {
    above: HTMLTableRowElement;
    below: HTMLTableRowElement;
  };
  private window: RowWindow = { start: 0, end: 0 };
  /** Pixels per row: the stylesheet's 22px and a border, measured once a row is laid out. */
  private height = 23;
  private scrollPending = false;

  /**
   * Rows 0..rows-1 of `cols` cells each, in `body`, scrolled by `scroller`; none in the page
   * until `refresh`. The cells are made empty; `hooks.added` fills them.
   */
  constructor(
    private readonly scroller: HTMLElement,
    body: HTMLTableSectionElement,
    private readonly rows: number,
    private readonly cols: number,
    private readonly hooks: PagedRowsHooks,
  ) {
    this.spacers = { above: this.spacer(), below: this.spacer() };
    body.replaceChildren(this.spacers.above, this.spacers.below);
  }

  /** Puts the rows in view into the page (the first time), and learns their height. */
  refresh(): void {
    this.update();
    this.measure();
  }

  get rowHeight(): number {
    return this.height;
  }

  /** The rows in the page. */
  get inPage(): RowWindow {
    return this.window;
  }

  /** How many rows the view shows whole: its height in rows, less the header row and a row cut off at the bottom. */
  get rowsInView(): number {
    return Math.floor(this.scroller.clientHeight / this.height) - 2;
  }

  /** The first row (wholly or partly) in view. */
  get firstInView(): number {
    return Math.min(
      this.rows - 1,
      Math.floor(this.scroller.scrollTop / this.height),
    );
  }

  cellAt({ row, col }: CellPosition): HTMLTableCellElement | undefined {
    return this.cells.get(row)?.[col];
  }

  /** Call on every scroll of `scroller`: the rows follow at the next frame. */
  scrolled(): void {
    if (this.scrollPending) return;
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      this.update();
    });
  }

  /** Brings a row into the page (scrolling it to the middle of the view) if it is not there. */
  bring(row: number): void {
    if (this.cells.has(row)) return;
    this.scroller.scrollTop = Math.max(
      0,
      row * this.height - this.scroller.clientHeight / 2,
    );
    this.update();
  }

  /** Brings the rows in view (and a margin) into the page, and takes those far away out. */
  private update(): void {
    const next = windowFor(
      {
        scrollTop: this.scroller.scrollTop,
        // Before the page is laid out, as if a screen of rows were in view.
        height: this.scroller.clientHeight || 40 * this.height,
        rowHeight: this.height,
      },
      this.rows,
      MARGIN_ROWS,
    );
    const change = windowChange(this.window, next);
    for (const row of change.removed) {
      const line = this.cells.get(row) ?? [];
      line[0]?.parentElement?.remove();
      this.cells.delete(row);
      this.hooks.removed(line);
    }
    this.spacers.above.after(this.rowsOf(change.above));
    this.spacers.below.before(this.rowsOf(change.below));
    this.window = next;
    this.sizeSpacers();
    for (const range of [change.above, change.below])
      for (let r = range.start; r < range.end; r++) this.hooks.added(r);
  }

  /** New rows of empty cells, in order, to go into the page. */
  private rowsOf(range: RowWindow): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (let r = range.start; r < range.end; r++) {
      const tr = document.createElement("tr");
      tr.setAttribute("aria-rowindex", String(r + 2));
      const th = document.createElement("th");
      th.scope = "row";
      th.dataset.row = String(r);
      th.textContent = String(r + 1);
      tr.append(th);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < this.cols; c++) {
        const td = tr.insertCell();
        td.id = `cell-${r}-${c}`;
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.cell = cellName({ row: r, col: c });
        td.setAttribute("role", "gridcell");
        line.push(td);
      }
      this.cells.set(r, line);
      fragment.append(tr);
    }
    return fragment;
  }

  /** The spacers as tall as the rows they stand for (none: hidden). */
  private sizeSpacers(): void {
    const heights = {
      above: this.window.start,
      below: this.rows - this.window.end,
    };
    for (const side of ["above", "below"] as const) {
      const spacer = this.spacers[side];
      spacer.hidden = heights[side] === 0;
      spacer.style.height = `${heights[side] * this.height}px`;
    }
  }

  /** Takes the row height the page lays rows out at, once there is a row to measure. */
  private measure(): void {
    const row = this.cells.get(this.window.start)?.[0]?.parentElement;
    const height = row?.getBoundingClientRect().height ?? 0;
    if (height > 0 && height !== this.height) {
      this.height = height;
      this.sizeSpacers();
    }
  }

  /** A row standing in for rows not in the page: hidden from assistive technology. */
  private spacer(): HTMLTableRowElement {
    const tr = document.createElement("tr");
    tr.className = "grid-spacer";
    tr.setAttribute("aria-hidden", "true");
    const td = tr.insertCell();
    td.colSpan = this.cols + 1;
    return tr;
  }
}
