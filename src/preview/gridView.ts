/**
 * The spreadsheet grid: a plain DOM table over one sheet of the workbook, with a selected
 * cell (and range) and in-cell editing that behave like Excel's. This module holds the
 * grid's state and its operations, the keyboard (gridKeys.ts) and the mouse (gridPointer.ts)
 * mapped to them: the selection and its moves are gridSelection.ts, the in-cell editor
 * gridEditor.ts, the edits of the selected range and the clipboard gridEdits.ts, and
 * gridRender.ts draws the table and its cells.
 * The sheet spans its used range plus a margin (capped); of its rows, only those in view and a
 * margin around them are in the page (pagedRows.ts), so a list of thousands of partners
 * scrolls and navigates without thousands of rows of cells in the page.
 */
import type { CellPosition } from "./a1";
import type { CellRange } from "./cellRange";
import type { PagedRows } from "./pagedRows";
import { GridPage } from "./gridPage";
import { pastedCells } from "./gridClipboard";
import { CellEditor } from "./gridEditor";
import { GridEdits } from "./gridEdits";
import {
  onEditorKey,
  onGridKey,
  type EditMode,
  type Move,
  type Step,
} from "./gridKeys";
import { GridSelection } from "./gridSelection";
import { ChartLayer } from "./chartLayer";
import { GridPointer } from "./gridPointer";
import { paintCell } from "./gridRender";
import type { CellAddress, Workbook, WorkbookEvent } from "./workbook";

export { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from "./gridRender";

export class GridView {
  /** The scrolling area that holds the table. */
  readonly element: HTMLDivElement;
  private readonly table: HTMLTableElement;
  /** The sheet's cells in the page, as they scroll. */
  private readonly sheetPage: GridPage;
  private sheet: string;
  /** The active cell and the selected range, and their marks on the cells in the page. */
  private readonly selecting: GridSelection;
  private editor: CellEditor | null = null;
  private readonly listeners = new Set<() => void>();
  /** The edits of the selected range, copy and paste. */
  private readonly edits: GridEdits;
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
    this.selecting = new GridSelection({
      table: this.table,
      size: () => this.sheetPage.size,
      paged: () => this.sheetPage.paged,
      filledAt: (position) =>
        this.workbook.isFilled({ sheet: this.sheet, ...position }),
      usedSize: () => this.workbook.usedSize(this.sheet),
      scrollBy: (pixels) => {
        this.element.scrollTop += pixels;
      },
      show: (shown, focus) => {
        this.sheetPage.reveal(shown);
        if (focus) this.table.focus({ preventScroll: true });
        this.changed();
      },
    });
    this.table.addEventListener("keydown", (e) => {
      if (!this.editor && e.target === this.table) onGridKey(this, e);
    });
    // The mouse over the grid: it listens from here on, mapping gestures to the operations below.
    new GridPointer(this, this.element, this.table);
    this.edits = new GridEdits(this, workbook, this.table, () =>
      this.changed(),
    );
    this.sheetPage = new GridPage(this.element, this.table, workbook, {
      added: (row, cols) => {
        for (let col = 0; col < cols; col++) this.renderCell(row, col);
      },
      removed: (cells) => cells.forEach((td) => this.selecting.forgetCell(td)),
    });
    this.charts = new ChartLayer(workbook, this.table, () => ({
      sheet: this.sheet,
      rowHeight: this.sheetPage.paged?.rowHeight ?? 23,
    }));
    this.element.append(this.charts.element, this.table, this.sheetPage.notice);
    workbook.on((event) => this.onWorkbookEvent(event));
    this.render();
  }

  get activeSheet(): string {
    return this.sheet;
  }

  /** The active cell. */
  get selection(): CellAddress {
    return { sheet: this.sheet, ...this.selecting.active };
  }

  /** The selected range, the active cell among its cells. */
  get selectedRange(): CellRange {
    return this.selecting.range;
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
    return this.selecting.farCorner;
  }

  /** The rows in the page; null before the first render. */
  get pagedRows(): PagedRows | null {
    return this.sheetPage.paged;
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
    this.selecting.reset();
    this.render();
    this.changed();
  }

  /** One cell, or with `extend` the range from the active cell to it (gridSelection.ts). */
  select(position: CellPosition, focus = true, extend = false): void {
    this.selecting.select(position, focus, extend);
  }

  /** A range; the active cell is its top left, or `active` when that lies in it (gridSelection.ts). */
  selectRange(range: CellRange, focus = true, active?: CellPosition): void {
    this.selecting.selectRange(range, focus, active);
  }

  /** Whole columns or rows, as a click on their header or Ctrl+Space (Shift+Space) (gridSelection.ts). */
  selectLines(...lines: Parameters<GridSelection["selectLines"]>): void {
    this.selecting.selectLines(...lines);
  }

  /** Enter, Tab (Shift: back): the next cell, within the selected range when there is one (gridSelection.ts). */
  advance(step: Step): void {
    this.selecting.advance(step);
  }

  /** An arrow, with Ctrl to the edge of the data, with Shift extending the range (gridSelection.ts). */
  arrowKey(step: Step, toEdge: boolean, extend: boolean): void {
    this.selecting.arrowKey(step, toEdge, extend);
  }

  /** A navigation key: to where `to` says, from the active cell or with `extend` the range's far corner (gridSelection.ts). */
  goFrom(extend: boolean, to: (from: CellPosition) => CellPosition): void {
    this.selecting.goFrom(extend, to);
  }

  /** Ctrl+A: the current region, then everything in use on the sheet (gridSelection.ts). */
  selectAll(): void {
    this.selecting.selectAll();
  }

  /** Page Down (1), Page Up (-1): a screen of rows, the view following (gridSelection.ts). */
  page(direction: 1 | -1, extend: boolean): void {
    this.selecting.page(direction, extend);
  }

  /** Ctrl+End: the last cell in use (gridSelection.ts). */
  selectLastUsed(extend: boolean): void {
    this.selecting.selectLastUsed(extend);
  }

  focus(): void {
    this.table.focus({ preventScroll: true });
  }

  /** Starts editing the selected cell: "enter" replaces it with `typed`, "edit" keeps its input. */
  startEditing(mode: EditMode, typed = ""): void {
    if (this.editor) return;
    const cell = { ...this.selecting.active };
    const td = this.cellAt(cell);
    if (!td) return;
    const text =
      mode === "edit"
        ? this.workbook.cell({ sheet: this.sheet, ...cell }).input
        : typed;
    this.editor = new CellEditor(
      td,
      cell,
      mode,
      text,
      (position) => this.cellAt(position),
      {
        keydown: (e) => onEditorKey(this, e),
        input: () => this.changed(),
        blur: () => this.commitEdit("none", false),
      },
    );
    this.editor.focus();
    this.changed();
  }

  /** The text being typed into the cell, while editing (the formula bar mirrors it). */
  get editorText(): string | undefined {
    return this.editor?.text;
  }

  /** Enters what was typed; then `move` (an arrow's) leaves the range, `advance` (Enter's, Tab's) moves within it. */
  commitEdit(move: Move, refocus = true, advance?: Step): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.workbook.enter({ sheet: this.sheet, ...closed.cell }, closed.text);
    this.renderCell(closed.cell.row, closed.cell.col);
    if (advance) this.advance(advance);
    else this.selecting.moveSelection(move, refocus);
  }

  cancelEdit(): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.renderCell(closed.cell.row, closed.cell.col);
    this.select(this.selecting.active);
  }

  /** Ends in-cell editing, the editor removed: the cell edited and the text typed, or undefined when none. */
  private closeEditor(): { cell: CellPosition; text: string } | undefined {
    const editor = this.editor;
    if (!editor) return undefined;
    this.editor = null;
    editor.close();
    return { cell: editor.cell, text: editor.text };
  }

  /** Ctrl+- and Ctrl++ in a table: its selected rows deleted, or as many inserted above (gridEdits.ts). */
  changeTableRows(how: "delete" | "insert"): void {
    this.edits.changeTableRows(how);
  }

  /** Ctrl+D, Ctrl+R: the selected range filled down or right from its first row or column (gridEdits.ts). */
  fillFromFirst(direction: "down" | "right"): void {
    this.edits.fillFromFirst(direction);
  }

  /** Delete: the selected range's cells cleared, as one edit (gridEdits.ts). */
  clearSelection(): void {
    this.edits.clearSelection();
  }

  /** Ctrl+Z, Ctrl+Y: the cells written are shown and selected, on their sheet (gridEdits.ts). */
  undoOrRedo(which: "undo" | "redo"): void {
    this.edits.undoOrRedo(which);
  }

  /**
   * Ctrl+Enter: the entry typed is entered into every cell of the selected range, a formula's
   * relative references moved for each, as one edit; the range stays selected, as in Excel.
   */
  fillSelection(): void {
    const closed = this.closeEditor();
    if (!closed) return;
    this.edits.enterInto(
      pastedCells(
        { inputs: [[closed.text]], from: closed.cell },
        this.selectedRange,
      ),
    );
    this.renderCell(closed.cell.row, closed.cell.col);
    this.focus();
  }

  private cellAt(position: CellPosition): HTMLTableCellElement | undefined {
    return this.sheetPage.cellAt(position);
  }

  private onWorkbookEvent(event: WorkbookEvent): void {
    if (event.kind === "activate") {
      this.showSheet(event.sheet);
      return;
    }
    if (event.kind !== "values") return;
    const here = event.cells.filter((c) => c.sheet === this.sheet);
    if (here.length === 0) return;
    if (this.sheetPage.outgrown(this.sheet)) {
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

  /** Rebuilds the table for the active sheet (gridPage.ts), the same selection marked on its new cells. */
  private render(): void {
    this.selecting.forgetMarks();
    this.sheetPage.build(this.sheet);
    this.selecting.markAgain();
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
    this.selecting.markSelection(td, { row, col });
  }
}
