/**
 * The spreadsheet grid: a plain DOM table over one sheet of the workbook, with a selected
 * cell, keyboard navigation and in-cell editing that behave like Excel's: arrows move, typing
 * replaces the cell ("enter" mode, where arrows commit), Enter or F2 edits it ("edit" mode,
 * where arrows move the caret), Enter commits and moves down, Tab right, Escape cancels.
 * Only the used range plus a margin is rendered, capped, so a large sheet cannot freeze the page.
 */
import { cellName, columnLetters, type CellPosition } from "./a1";
import { displayOf } from "./cellDisplay";
import {
  cellsOfClipboardText,
  clipboardTextOf,
  movedFormula,
} from "./clipboardText";
import type { CellAddress, Workbook, WorkbookEvent } from "./workbook";

/** Rendering caps: the preview shows a working area, not a million rows. */
export const MAX_RENDERED_ROWS = 1000;
export const MAX_RENDERED_COLUMNS = 60;
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 6;
const MIN_ROWS = 40;
const MIN_COLUMNS = 16;
const ROW_HEADER_WIDTH = 44;
const HEADER_CHARACTERS = 12;

type EditMode = "enter" | "edit";
type Move = "down" | "up" | "right" | "left" | "none";

const MOVES: Record<Move, CellPosition> = {
  down: { row: 1, col: 0 },
  up: { row: -1, col: 0 },
  right: { row: 0, col: 1 },
  left: { row: 0, col: -1 },
  none: { row: 0, col: 0 },
};

const ARROWS: Record<string, Move> = {
  ArrowDown: "down",
  ArrowUp: "up",
  ArrowRight: "right",
  ArrowLeft: "left",
};

export class GridView {
  /** The scrolling area that holds the table. */
  readonly element: HTMLDivElement;
  private readonly table: HTMLTableElement;
  private readonly notice: HTMLParagraphElement;
  private cells: HTMLTableCellElement[][] = [];
  private rendered = { rows: 0, cols: 0 };
  private sheet: string;
  private selected: CellPosition = { row: 0, col: 0 };
  private editor: {
    input: HTMLInputElement;
    mode: EditMode;
    cell: CellPosition;
  } | null = null;
  private readonly listeners = new Set<() => void>();
  /** The last cell copied from this grid, and its text: a paste of that text moves its references. */
  private copied: { text: string; input: string; from: CellPosition } | null =
    null;

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
    this.table.tabIndex = 0;
    this.table.addEventListener("keydown", (e) => this.onGridKey(e));
    this.table.addEventListener("mousedown", (e) => this.onMouseDown(e));
    // Copy and paste reach the document, whatever has the focus: the grid takes them when it does.
    document.addEventListener("copy", (e) => this.onCopy(e));
    document.addEventListener("paste", (e) => this.onPaste(e));
    this.table.addEventListener("dblclick", (e) => {
      if (this.positionOf(e.target)) this.startEditing("edit");
    });
    this.notice = document.createElement("p");
    this.notice.className = "grid-notice";
    this.element.append(this.table, this.notice);
    workbook.on((event) => this.onWorkbookEvent(event));
    this.render();
  }

  get activeSheet(): string {
    return this.sheet;
  }

  get selection(): CellAddress {
    return { sheet: this.sheet, ...this.selected };
  }

  get isEditing(): boolean {
    return this.editor !== null;
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
    this.render();
    this.changed();
  }

  select(position: CellPosition, focus = true): void {
    const row = Math.min(Math.max(0, position.row), this.rendered.rows - 1);
    const col = Math.min(Math.max(0, position.col), this.rendered.cols - 1);
    this.cellAt(this.selected)?.setAttribute("aria-selected", "false");
    this.cellAt(this.selected)?.classList.remove("selected");
    this.selected = { row, col };
    const td = this.cellAt(this.selected);
    if (td) {
      td.setAttribute("aria-selected", "true");
      td.classList.add("selected");
      this.table.setAttribute("aria-activedescendant", td.id);
      td.scrollIntoView?.({ block: "nearest", inline: "nearest" });
    }
    if (focus) this.table.focus({ preventScroll: true });
    this.changed();
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
    input.addEventListener("keydown", (e) => this.onEditorKey(e));
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

  commitEdit(move: Move, refocus = true): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    const text = editor.input.value;
    editor.input.remove();
    this.cellAt(editor.cell)?.classList.remove("editing");
    this.workbook.enter({ sheet: this.sheet, ...editor.cell }, text);
    this.renderCell(editor.cell.row, editor.cell.col);
    this.moveSelection(move, refocus);
  }

  cancelEdit(): void {
    const editor = this.editor;
    if (!editor) return;
    this.editor = null;
    editor.input.remove();
    this.cellAt(editor.cell)?.classList.remove("editing");
    this.renderCell(editor.cell.row, editor.cell.col);
    this.select(this.selected);
  }

  moveSelection(move: Move, focus = true): void {
    const step = MOVES[move];
    this.select(
      { row: this.selected.row + step.row, col: this.selected.col + step.col },
      focus,
    );
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

  private onGridKey(e: KeyboardEvent): void {
    if (this.editor || e.target !== this.table) return;
    const arrow = ARROWS[e.key];
    if (arrow) {
      e.preventDefault();
      this.moveSelection(arrow);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      this.startEditing("edit");
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.moveSelection(e.shiftKey ? "left" : "right");
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      this.workbook.enter(this.selection, "");
      this.renderCell(this.selected.row, this.selected.col);
      this.changed();
    } else if (e.key === "Home") {
      e.preventDefault();
      this.select({ row: e.ctrlKey ? 0 : this.selected.row, col: 0 });
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.startEditing("enter", e.key);
    }
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

  /** Ctrl+C: the selected cell's formula as written, or its value as typed, as plain text. */
  private onCopy(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    const { input } = this.workbook.cell(this.selection);
    const text = clipboardTextOf(input);
    e.clipboardData.setData("text/plain", text);
    this.copied = { text, input, from: { ...this.selected } };
  }

  /**
   * Ctrl+V: the clipboard's cells entered from the selected cell down and right, as if typed.
   * A formula copied from this grid has its relative references moved, as Excel does.
   */
  private onPaste(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    const at = this.selected;
    const rows =
      this.copied?.text === text && this.copied.input.startsWith("=")
        ? [
            [
              movedFormula(
                this.copied.input,
                at.row - this.copied.from.row,
                at.col - this.copied.from.col,
              ),
            ],
          ]
        : cellsOfClipboardText(text);
    this.workbook.enterAll(
      rows.flatMap((row, r) =>
        row.map((cell, c) => ({
          cell: { sheet: this.sheet, row: at.row + r, col: at.col + c },
          text: cell,
        })),
      ),
    );
    this.changed();
  }

  private onEditorKey(e: KeyboardEvent): void {
    const editor = this.editor;
    if (!editor) return;
    const arrow = ARROWS[e.key];
    if (e.key === "Enter") {
      e.preventDefault();
      this.commitEdit(e.shiftKey ? "up" : "down");
    } else if (e.key === "Tab") {
      e.preventDefault();
      this.commitEdit(e.shiftKey ? "left" : "right");
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.cancelEdit();
    } else if (arrow && editor.mode === "enter") {
      e.preventDefault();
      this.commitEdit(arrow);
    }
  }

  private onMouseDown(e: MouseEvent): void {
    const position = this.positionOf(e.target);
    if (!position) return;
    if (this.editor && e.target === this.editor.input) return;
    e.preventDefault();
    this.commitEdit("none", false);
    this.select(position);
  }

  private positionOf(target: EventTarget | null): CellPosition | undefined {
    const td =
      target instanceof HTMLElement
        ? target.closest<HTMLTableCellElement>("td[data-row]")
        : null;
    if (!td) return undefined;
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  }

  private cellAt({ row, col }: CellPosition): HTMLTableCellElement | undefined {
    return this.cells[row]?.[col];
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
    if (
      this.wanted(used.rows, MIN_ROWS, SPARE_ROWS, MAX_RENDERED_ROWS) >
        this.rendered.rows ||
      this.wanted(used.cols, MIN_COLUMNS, SPARE_COLUMNS, MAX_RENDERED_COLUMNS) >
        this.rendered.cols
    ) {
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

  private wanted(
    used: number,
    minimum: number,
    spare: number,
    cap: number,
  ): number {
    return Math.min(cap, Math.max(minimum, used + spare));
  }

  /** Rebuilds the table for the active sheet. */
  private render(): void {
    const used = this.workbook.usedSize(this.sheet);
    const rows = this.wanted(
      used.rows,
      MIN_ROWS,
      SPARE_ROWS,
      MAX_RENDERED_ROWS,
    );
    const cols = this.wanted(
      used.cols,
      MIN_COLUMNS,
      SPARE_COLUMNS,
      MAX_RENDERED_COLUMNS,
    );
    this.rendered = { rows, cols };
    this.table.replaceChildren();
    this.table.setAttribute("aria-label", `Sheet ${this.sheet}`);
    this.table.setAttribute("aria-rowcount", String(rows + 1));
    this.table.setAttribute("aria-colcount", String(cols + 1));

    const colgroup = document.createElement("colgroup");
    const rowHeaderCol = document.createElement("col");
    rowHeaderCol.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(rowHeaderCol);
    const head = document.createElement("thead");
    const headRow = head.insertRow();
    const corner = document.createElement("th");
    corner.className = "corner";
    // Announced, not shown: the corner heads the column of row numbers.
    const cornerText = document.createElement("span");
    cornerText.className = "visually-hidden";
    cornerText.textContent = "Row";
    corner.append(cornerText);
    headRow.append(corner);
    let tableWidth = ROW_HEADER_WIDTH;
    for (let c = 0; c < cols; c++) {
      const col = document.createElement("col");
      const width = this.columnWidth(c, rows);
      tableWidth += width;
      col.style.width = `${width}px`;
      colgroup.append(col);
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = columnLetters(c);
      headRow.append(th);
    }
    const body = document.createElement("tbody");
    this.cells = [];
    for (let r = 0; r < rows; r++) {
      const tr = body.insertRow();
      const th = document.createElement("th");
      th.scope = "row";
      th.textContent = String(r + 1);
      tr.append(th);
      const line: HTMLTableCellElement[] = [];
      for (let c = 0; c < cols; c++) {
        const td = tr.insertCell();
        td.id = `cell-${r}-${c}`;
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        td.dataset.cell = cellName({ row: r, col: c });
        td.setAttribute("role", "gridcell");
        td.setAttribute("aria-selected", "false");
        line.push(td);
      }
      this.cells.push(line);
    }
    // A fixed layout squeezes the columns into the container unless the table is given its width.
    this.table.style.width = `${tableWidth}px`;
    this.table.append(colgroup, head, body);
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) this.renderCell(r, c);
    const clipped = used.rows > rows || used.cols > cols;
    this.notice.textContent = clipped
      ? `Showing the first ${rows} rows and ${cols} columns of ${used.rows} x ${used.cols}.`
      : "";
    this.select(this.selected, false);
  }

  /**
   * Wide enough for the longest value shown in the column, within Excel-like bounds. A table
   * header counts for at most HEADER_CHARACTERS: long headers over short numbers are cut
   * (with an ellipsis, the full text on hover) rather than pushing the sheet off screen.
   */
  private columnWidth(col: number, rows: number): number {
    let longest = 0;
    const { rows: usedRows } = this.workbook.usedSize(this.sheet);
    for (let row = 0; row < Math.min(rows, usedRows); row++) {
      const cell = { sheet: this.sheet, row, col };
      const length = displayOf(
        this.workbook.cell(cell),
        this.workbook.numberFormat(cell),
      ).text.length;
      const header =
        this.workbook.tables.at(this.sheet, cell)?.topLeft.row === row;
      longest = Math.max(
        longest,
        header ? Math.min(length, HEADER_CHARACTERS) : length,
      );
    }
    return Math.min(220, Math.max(64, longest * 7.2 + 14));
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
    const address = { sheet: this.sheet, row, col };
    const state = this.workbook.cell(address);
    const shown = displayOf(state, this.workbook.numberFormat(address));
    td.textContent = shown.text;
    td.className = `kind-${shown.kind}`;
    if (state.spilled) td.classList.add("spilled");
    if (row === this.selected.row && col === this.selected.col)
      td.classList.add("selected");
    const table = this.workbook.tables.at(this.sheet, { row, col });
    if (table)
      td.classList.add(
        row === table.topLeft.row
          ? "table-header"
          : (row - table.topLeft.row) % 2 === 0
            ? "table-band"
            : "table-row",
      );
    const title =
      shown.title ??
      (td.classList.contains("table-header") ? shown.text : undefined);
    if (title) td.title = title;
    else td.removeAttribute("title");
    // The unformatted number, for tools and tests: the text may be rounded by a format.
    if (typeof state.value === "number") td.dataset.value = String(state.value);
    else delete td.dataset.value;
  }
}
