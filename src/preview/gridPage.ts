/**
 * The sheet's cells in the grid's page: the table built for the sheet's extent (gridRender.ts),
 * its rows brought in and taken out as they scroll into view and away (pagedRows.ts), a cell
 * scrolled into view, and the notice under a sheet larger than the grid shows. The grid
 * (gridView.ts) paints and marks the cells that come in.
 */
import type { CellPosition } from "./a1";
import { PagedRows } from "./pagedRows";
import { buildGridTable, gridExtent, rowHeaderWidth } from "./gridRender";
import type { Workbook } from "./workbook";

/** What the grid does as rows come into the page and leave it. */
export interface PageHooks {
  /** A row's `cols` cells have come into the page, empty: paint and mark them. */
  added(row: number, cols: number): void;
  /** Cells have left the page. */
  removed(cells: HTMLTableCellElement[]): void;
}

export class GridPage {
  /** The sheet's extent in the grid (rows and columns one can select), not all in the page. */
  size = { rows: 0, cols: 0 };
  /** The rows in the page (pagedRows.ts); null before the first build. */
  paged: PagedRows | null = null;
  /** Under the table: what of the sheet the grid does not show. */
  readonly notice: HTMLParagraphElement;

  constructor(
    /** The scrolling area that holds the table. */
    private readonly element: HTMLDivElement,
    private readonly table: HTMLTableElement,
    private readonly workbook: Workbook,
    private readonly hooks: PageHooks,
  ) {
    element.addEventListener("scroll", () => this.paged?.scrolled());
    this.notice = document.createElement("p");
    this.notice.className = "grid-notice";
  }

  /** Rebuilds the table for `sheet`: its extent, its headers, the rows in view. */
  build(sheet: string): void {
    const used = this.workbook.usedSize(sheet);
    const { rows, cols } = gridExtent(used);
    this.size = { rows, cols };
    const { body, corner } = buildGridTable(
      this.table,
      this.workbook,
      sheet,
      rows,
      cols,
    );
    // The column and row headers are sticky, so they cover the cells scrolled under them. The
    // scroll padding tells scrollIntoView (reveal) so: without it, "nearest" takes column A
    // behind the row headers for visible and leaves it half hidden after a jump to the right.
    this.element.style.scrollPaddingLeft = `${rowHeaderWidth(rows)}px`;
    this.element.style.scrollPaddingTop = `${corner.offsetHeight}px`;
    this.paged = new PagedRows(this.element, body, rows, cols, {
      added: (row) => this.hooks.added(row, cols),
      removed: (cells) => this.hooks.removed(cells),
    });
    this.paged.refresh();
    const clipped = used.rows > rows || used.cols > cols;
    this.notice.textContent = clipped
      ? `Showing the first ${rows} rows and ${cols} columns of ${used.rows} x ${used.cols}.`
      : "";
  }

  /** Whether `sheet` is now used beyond the extent built: the table must be built again. */
  outgrown(sheet: string): boolean {
    const extent = gridExtent(this.workbook.usedSize(sheet));
    return extent.rows > this.size.rows || extent.cols > this.size.cols;
  }

  cellAt(position: CellPosition): HTMLTableCellElement | undefined {
    return this.paged?.cellAt(position);
  }

  /** Scrolls a cell into view; a row not in the page is scrolled to first, which brings it. */
  reveal(position: CellPosition): void {
    this.paged?.bring(position.row);
    this.cellAt(position)?.scrollIntoView?.({
      block: "nearest",
      inline: "nearest",
    });
  }
}
