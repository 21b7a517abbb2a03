/**
 * The spreadsheet grid: a plain DOM table over one sheet of the workbook, with a selected
 * cell (and range) and in-cell editing that behave like Excel's. This module holds the
 * grid's state and its operations: selecting, editing, filling, clearing, undoing, the
 * clipboard; the keyboard (gridKeys.ts) and the mouse (gridPointer.ts) are mapped to them,
 * and gridRender.ts draws the table and its cells.
 * The sheet spans its used range plus a margin (capped); of its rows, only those in view and a
 * margin around them are in the page (pagedRows.ts), so a list of thousands of partners
 * scrolls and navigates without thousands of rows of cells in the page.
 */
import { cellName, type CellPosition } from "./a1";
import {
  nextInRange,
  positionsOf,
  rangeAround,
  rangeBetween,
  rangeContains,
  type CellRange,
} from "./cellRange";
import { currentRegion, dataEdge } from "./dataRegion";
import { PagedRows } from "./pagedRows";
import {
  copyOf,
  filledCells,
  pastedCells,
  pasteOf,
  type PastedCell,
  type GridCopy,
} from "./gridClipboard";
import {
  MOVES,
  onEditorKey,
  onGridKey,
  type EditMode,
  type Move,
  type Step,
} from "./gridKeys";
import { ChartLayer } from "./chartLayer";
import { GridPointer } from "./gridPointer";
import {
  buildGridTable,
  gridExtent,
  paintCell,
  rowHeaderWidth,
} from "./gridRender";
import type { CellAddress, Workbook, WorkbookEvent } from "./workbook";

export { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from "./gridRender";

export class GridView {
  /** The scrolling area that holds the table. */
  readonly element: HTMLDivElement;
  private readonly table: HTMLTableElement;
  private readonly notice: HTMLParagraphElement;
  /** The sheet's extent in the grid (rows and columns one can select), not all in the page. */
  private rendered = { rows: 0, cols: 0 };
  /** The rows in the page (pagedRows.ts); null before the first render. */
  private paged: PagedRows | null = null;
  private sheet: string;
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
  private editor: {
    input: HTMLInputElement;
    mode: EditMode;
    cell: CellPosition;
  } | null = null;
  private readonly listeners = new Set<() => void>();
  /** The last cells copied from this grid, and their text: a paste of that text writes them, references moved. */
  private copied: GridCopy | null = null;
  /** The add-in's charts over the sheet's cells (issue 24), scrolling with them. */
  private readonly charts: ChartLayer;

  constructor(
    private readonly workbook: Workbook,
    sheet: string,
  ) {
    this.sheet = sheet;
    this.element = document.createElement("div");
    this.element.className = "grid-scroll";
    this.table = document.createElement("table");
    this.table.className = "grid";
    this.table.setAttribute("role", "grid");
    this.table.setAttribute("aria-multiselectable", "true");
    this.table.tabIndex = 0;
    this.table.addEventListener("keydown", (e) => {
      if (!this.editor && e.target === this.table) onGridKey(this, e);
    });
    // The mouse over the grid: it listens from here on, mapping gestures to the operations below.
    new GridPointer(this, this.element, this.table);
    // Copy and paste reach the document, whatever has the focus: the grid takes them when it does.
    document.addEventListener("copy", (e) => this.onCopy(e));
    document.addEventListener("paste", (e) => this.onPaste(e));
    this.element.addEventListener("scroll", () => this.paged?.scrolled());
    this.notice = document.createElement("p");
    this.notice.className = "grid-notice";
    this.charts = new ChartLayer(workbook, this.table, () => ({
      sheet: this.sheet,
      rowHeight: this.paged?.rowHeight ?? 23,
    }));
    this.element.append(this.charts.element, this.table, this.notice);
    workbook.on((event) => this.onWorkbookEvent(event));
    this.render();
  }

  get activeSheet(): string {
    return this.sheet;
  }

  /** The active cell. */
  get selection(): CellAddress {
    return { sheet: this.sheet, ...this.selected };
  }

  /** The selected range, the active cell among its cells. */
  get selectedRange(): CellRange {
    return rangeBetween(this.anchor, this.extent);
  }

  get isEditing(): boolean {
    return this.editor !== null;
  }

  /** How the cell being edited was entered ("enter": typed over, "edit": F2), or undefined. */
  get editMode(): EditMode | undefined {
    return this.editor?.mode;
  }

  /** The in-cell editor's input, while editing. */
  get editorInput(): HTMLInputElement | undefined {
    return this.editor?.input;
  }

  /** The selected range's far corner: where Shift+arrows and a drag extend it to. */
  get rangeEnd(): CellPosition {
    return { ...this.extent };
  }

  /** The rows in the page; null before the first render. */
  get pagedRows(): PagedRows | null {
    return this.paged;
  }

  /** Called whenever the selected cell, the sheet or the selected cell's content changes; returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  showSheet(sheet: string): void {
    if (!this.workbook.hasSheet(sheet))
      throw new Error(`no sheet named ${sheet}`);
    this.commitEdit("none");
    this.sheet = sheet;
    this.selected = { row: 0, col: 0 };
    this.anchor = { row: 0, col: 0 };
    this.extent = { row: 0, col: 0 };
    this.render();
    this.changed();
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
      this.table.setAttribute("aria-activedescendant", this.marked.id);
    }
    this.reveal(shown);
    if (focus) this.table.focus({ preventScroll: true });
    this.changed();
  }

  /** Scrolls a cell into view; a row not in the page is scrolled to first, which brings it. */
  private reveal(position: CellPosition): void {
    this.paged?.bring(position.row);
    this.cellAt(position)?.scrollIntoView?.({
      block: "nearest",
      inline: "nearest",
    });
  }

  private filledAt = (position: CellPosition): boolean =>
    this.workbook.isFilled({ sheet: this.sheet, ...position });

  private clamped(position: CellPosition): CellPosition {
    return {
      row: Math.min(Math.max(0, position.row), this.rendered.rows - 1),
      col: Math.min(Math.max(0, position.col), this.rendered.cols - 1),
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
    const range = this.selectedRange;
    const inPage = this.paged?.inPage ?? { start: 0, end: 0 };
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
  private markSelection(
    td: HTMLTableCellElement,
    position: CellPosition,
  ): void {
    const inRange = rangeContains(this.selectedRange, position);
    td.setAttribute("aria-selected", String(inRange));
    if (inRange) this.shaded.add(td);
    if (
      position.row === this.selected.row &&
      position.col === this.selected.col
    ) {
      td.classList.add("selected");
      this.marked = td;
      this.table.setAttribute("aria-activedescendant", td.id);
    } else if (inRange) td.classList.add("in-range");
  }

  focus(): void {
    this.table.focus({ preventScroll: true });
  }

  /** Starts editing the selected cell: "enter" replaces it with `typed`, "edit" keeps its input. */
  startEditing(mode: EditMode, typed = ""): void {
    if (this.editor) return;
    const cell = { ...this.selected };
    const td = this.cellAt(cell);
    if (!td) return;
    const input = document.createElement("input");
    input.className = "cell-editor";
    input.setAttribute("aria-label", `Edit cell ${cellName(cell)}`);
    input.value =
      mode === "edit"
        ? this.workbook.cell({ sheet: this.sheet, ...cell }).input
        : typed;
    input.addEventListener("keydown", (e) => onEditorKey(this, e));
    input.addEventListener("input", () => {
      this.fitEditor();
      this.changed();
    });
    input.addEventListener("blur", () => this.commitEdit("none", false));
    this.editor = { input, mode, cell };
    td.classList.add("editing");
    td.textContent = "";
    td.append(input);
    this.fitEditor();
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    this.changed();
  }

  /** The text being typed into the cell, while editing (the formula bar mirrors it). */
  get editorText(): string | undefined {
    return this.editor?.input.value;
  }

  /** Enters what was typed; then `move` (an arrow's) leaves the range, `advance` (Enter's, Tab's) moves within it. */
  commitEdit(move: Move, refocus = true, advance?: Step): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.workbook.enter({ sheet: this.sheet, ...closed.cell }, closed.text);
    this.renderCell(closed.cell.row, closed.cell.col);
    if (advance) this.advance(advance);
    else this.moveSelection(move, refocus);
  }

  cancelEdit(): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.renderCell(closed.cell.row, closed.cell.col);
    this.select(this.selected);
  }

  /** Ends in-cell editing, the editor removed: the cell edited and the text typed, or undefined when none. */
  private closeEditor(): { cell: CellPosition; text: string } | undefined {
    const editor = this.editor;
    if (!editor) return undefined;
    this.editor = null;
    editor.input.remove();
    const td = this.cellAt(editor.cell);
    td?.classList.remove("editing");
    // Typing into a narrow cell scrolls the cell itself to the caret; its content is clipped
    // (overflow: hidden) and would go on showing the end of the text. Reset here, where the
    // editor leaves, not in every cell's drawing (a write to scrollLeft forces a layout).
    if (td) td.scrollLeft = 0;
    return { cell: editor.cell, text: editor.input.value };
  }

  private moveSelection(move: Move, focus = true): void {
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
    const range = this.selectedRange;
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
        ? dataEdge(this.filledAt, from, MOVES[step], this.rendered)
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
   * The selected rows of the table the active cell is in, deleted, or as many inserted above
   * them; the active cell stays where it was. Where the workbook refuses (data below the table
   * in the way of an insert), it says why in a message box, as Excel does.
   */
  changeTableRows(how: "delete" | "insert"): void {
    const table = this.workbook.tables.at(this.sheet, this.selected);
    const range = this.selectedRange;
    if (
      !table ||
      range.top <= table.topLeft.row ||
      range.bottom >= table.topLeft.row + table.height
    )
      return;
    const count = range.bottom - range.top + 1;
    try {
      if (how === "delete")
        this.workbook.deleteTableRows(table.name, range.top, count);
      else this.workbook.insertTableRows(table.name, range.top, count);
    } catch (e) {
      window.alert(e instanceof Error ? e.message : String(e));
      return;
    }
    this.select(this.selected);
  }

  /**
   * Ctrl+A, as Excel: the current region (the data around the active cell, which stays
   * active); again, or on a blank cell with nothing around it, everything in use on the
   * sheet (Excel's whole sheet).
   */
  selectAll(): void {
    const region = currentRegion(this.filledAt, this.selected, this.rendered);
    const current = this.selectedRange;
    const again =
      region.top === current.top &&
      region.left === current.left &&
      region.bottom === current.bottom &&
      region.right === current.right;
    const alone =
      region.top === region.bottom &&
      region.left === region.right &&
      !this.filledAt(this.selected);
    const used = this.workbook.usedSize(this.sheet);
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

  private fitEditor(): void {
    if (!this.editor) return;
    const td = this.cellAt(this.editor.cell);
    // Grow with the text over the cells to the right, as Excel's in-cell editor does.
    const width = Math.max(
      td?.clientWidth ?? 0,
      (this.editor.input.value.length + 2) * 7.5,
    );
    this.editor.input.style.width = `${width}px`;
  }

  /** Ctrl+D, Ctrl+R: the selected range filled down or right from its first row or column. */
  fillFromFirst(direction: "down" | "right"): void {
    const cells = filledCells(
      this.workbook,
      this.sheet,
      this.selectedRange,
      direction,
    );
    if (cells.length > 0) this.enterInto(cells);
  }

  /** Delete: the selected range's cells cleared, as one edit. */
  clearSelection(): void {
    // Only cells that hold something: a cell of a spilled result holds nothing of its own.
    const filled = positionsOf(this.selectedRange).filter(
      (position) =>
        this.workbook.cell({ sheet: this.sheet, ...position }).input !== "",
    );
    this.enterInto(filled.map((position) => ({ position, text: "" })));
  }

  /** Page Down (1), Page Up (-1): a screen of rows, the view following; with `extend` the range's far corner moves. */
  page(direction: 1 | -1, extend: boolean): void {
    if (!this.paged) return; // made by the constructor's render
    const rows = Math.max(1, this.paged.rowsInView);
    const step = direction * rows;
    this.element.scrollTop += step * this.paged.rowHeight;
    this.goFrom(extend, (from) => ({
      row: from.row + step,
      col: from.col,
    }));
  }

  /** Ctrl+End: the last cell in use (the last used row's, the last used column's). */
  selectLastUsed(extend: boolean): void {
    const used = this.workbook.usedSize(this.sheet);
    this.select(
      { row: Math.max(0, used.rows - 1), col: Math.max(0, used.cols - 1) },
      true,
      extend,
    );
  }

  /** A copy or paste is the grid's when the grid has the focus and no cell is being edited. */
  private ownsClipboardEvent(
    e: ClipboardEvent,
  ): e is ClipboardEvent & { clipboardData: DataTransfer } {
    return (
      !this.editor &&
      document.activeElement === this.table &&
      e.clipboardData !== null
    );
  }

  /** Ctrl+C: the selected range, values as shown for other programs, as written for the grid (gridClipboard.ts). */
  private onCopy(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    this.copied = copyOf(this.workbook, this.sheet, this.selectedRange);
    e.clipboardData.setData("text/plain", this.copied.text);
  }

  /** Ctrl+V over the selected range (gridClipboard.ts); the cells pasted are selected, as in Excel. */
  private onPaste(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    const cells = pasteOf(this.copied, text, this.selectedRange);
    if (cells.length === 0) return;
    this.enterInto(cells);
    this.selectRange(rangeAround(cells.map((c) => c.position)));
  }

  /** Cells of this sheet written as the user's one edit (one undo step). */
  private enterInto(cells: PastedCell[]): void {
    this.workbook.enterAll(
      cells.map(({ position, ...entry }) => ({
        cell: { sheet: this.sheet, ...position },
        ...entry,
      })),
    );
    this.changed();
  }

  /** Ctrl+Z, Ctrl+Y: the cells written are shown and selected, on their sheet. */
  undoOrRedo(which: "undo" | "redo"): void {
    const cells =
      which === "undo" ? this.workbook.undo() : this.workbook.redo();
    if (cells.length === 0) return;
    if (cells[0].sheet !== this.sheet) this.showSheet(cells[0].sheet);
    this.selectRange(
      rangeAround(cells.filter((cell) => cell.sheet === this.sheet)),
    );
  }

  /**
   * Ctrl+Enter: the entry typed is entered into every cell of the selected range, a formula's
   * relative references moved for each, as one edit; the range stays selected, as in Excel.
   */
  fillSelection(): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.enterInto(
      pastedCells(
        { inputs: [[closed.text]], from: closed.cell },
        this.selectedRange,
      ),
    );
    this.renderCell(closed.cell.row, closed.cell.col);
    this.focus();
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
    const lastRow = this.rendered.rows - 1;
    const lastCol = this.rendered.cols - 1;
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
          ? { row: this.paged?.firstInView ?? 0, col: first }
          : { row: first, col: 0 };
    this.showSelection(this.selected, true);
  }

  private cellAt(position: CellPosition): HTMLTableCellElement | undefined {
    return this.paged?.cellAt(position);
  }

  private onWorkbookEvent(event: WorkbookEvent): void {
    if (event.kind === "activate") {
      this.showSheet(event.sheet);
      return;
    }
    if (event.kind !== "values") return;
    const here = event.cells.filter((c) => c.sheet === this.sheet);
    if (here.length === 0) return;
    const used = this.workbook.usedSize(this.sheet);
    const extent = gridExtent(used);
    if (extent.rows > this.rendered.rows || extent.cols > this.rendered.cols) {
      this.render();
    } else {
      for (const cell of here)
        if (!(
          this.editor &&
          cell.row === this.editor.cell.row &&
          cell.col === this.editor.cell.col
        ))
          this.renderCell(cell.row, cell.col);
    }
    this.changed();
  }

  /** Rebuilds the table for the active sheet. */
  private render(): void {
    const used = this.workbook.usedSize(this.sheet);
    const { rows, cols } = gridExtent(used);
    this.rendered = { rows, cols };
    const { body, corner } = buildGridTable(
      this.table,
      this.workbook,
      this.sheet,
      rows,
      cols,
    );
    // The column and row headers are sticky, so they cover the cells scrolled under them. The
    // scroll padding tells scrollIntoView (reveal) so: without it, "nearest" takes column A
    // behind the row headers for visible and leaves it half hidden after a jump to the right.
    this.element.style.scrollPaddingLeft = `${rowHeaderWidth(rows)}px`;
    this.element.style.scrollPaddingTop = `${corner.offsetHeight}px`;
    this.shaded.clear();
    this.marked = undefined;
    this.paged = new PagedRows(this.element, body, rows, cols, {
      added: (row) => {
        for (let col = 0; col < cols; col++) this.renderCell(row, col);
      },
      removed: (cells) => cells.forEach((td) => this.shaded.delete(td)),
    });
    this.paged.refresh();
    const clipped = used.rows > rows || used.cols > cols;
    this.notice.textContent = clipped
      ? `Showing the first ${rows} rows and ${cols} columns of ${used.rows} x ${used.cols}.`
      : "";
    // The cells are new: the same selection, marked on them.
    this.anchor = this.clamped(this.anchor);
    this.extent = this.clamped(this.extent);
    this.selected = this.clamped(this.selected);
    this.showSelection(this.extent, false);
    this.charts.draw();
  }

  private renderCell(row: number, col: number): void {
    const td = this.cellAt({ row, col });
    if (
      !td ||
      (this.editor &&
        this.editor.cell.row === row &&
        this.editor.cell.col === col)
    )
      return;
    paintCell(td, this.workbook, { sheet: this.sheet, row, col });
    // The selection's marks, also on a cell that has just come into the page.
    this.markSelection(td, { row, col });
  }
}
