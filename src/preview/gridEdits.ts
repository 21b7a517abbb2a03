/**
 * The grid's edits of the selected range, as Excel's keys make them: Delete clears it,
 * Ctrl+D and Ctrl+R fill it, Ctrl+- and Ctrl++ delete or insert table rows, Ctrl+Z and Ctrl+Y
 * undo and redo, and copy and paste (gridClipboard.ts). Each is written to the workbook as
 * the user's one edit; the grid (gridView.ts) shows and selects what changed.
 */
import { errorMessage } from "../workbook/writeFailure";
import { positionsOf, rangeAround } from "./cellRange";
import {
  copyOf,
  filledCells,
  pasteOf,
  type GridCopy,
  type PastedCell,
} from "./gridClipboard";
import type { GridView } from "./gridView";
import type { Workbook } from "./workbook";

export class GridEdits {
  /** The last cells copied from this grid, and their text: a paste of that text writes them, references moved. */
  private copied: GridCopy | null = null;

  constructor(
    private readonly grid: GridView,
    private readonly workbook: Workbook,
    /** The grid's table: a copy or paste is the grid's when the table has the focus. */
    private readonly table: HTMLTableElement,
    /** Tells the grid's listeners that cells changed. */
    private readonly changed: () => void,
  ) {
    // Copy and paste reach the document, whatever has the focus: the grid takes them when it does.
    document.addEventListener("copy", (e) => this.onCopy(e));
    document.addEventListener("paste", (e) => this.onPaste(e));
  }

  private get sheet(): string {
    return this.grid.activeSheet;
  }

  /**
   * The selected rows of the table the active cell is in, deleted, or as many inserted above
   * them; the active cell stays where it was. Where the workbook refuses (data below the table
   * in the way of an insert), it says why in a message box, as Excel does.
   */
  changeTableRows(how: "delete" | "insert"): void {
    const table = this.workbook.tables.at(this.sheet, this.grid.selection);
    const range = this.grid.selectedRange;
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
      window.alert(errorMessage(e));
      return;
    }
    this.grid.select(this.grid.selection);
  }

  /** Ctrl+D, Ctrl+R: the selected range filled down or right from its first row or column. */
  fillFromFirst(direction: "down" | "right"): void {
    const cells = filledCells(
      this.workbook,
      this.sheet,
      this.grid.selectedRange,
      direction,
    );
    if (cells.length > 0) this.enterInto(cells);
  }

  /** Delete: the selected range's cells cleared, as one edit. */
  clearSelection(): void {
    // Only cells that hold something: a cell of a spilled result holds nothing of its own.
    const filled = positionsOf(this.grid.selectedRange).filter(
      (position) =>
        this.workbook.cell({ sheet: this.sheet, ...position }).input !== "",
    );
    this.enterInto(filled.map((position) => ({ position, text: "" })));
  }

  /** A copy or paste is the grid's when the grid has the focus and no cell is being edited. */
  private ownsClipboardEvent(
    e: ClipboardEvent,
  ): e is ClipboardEvent & { clipboardData: DataTransfer } {
    return (
      !this.grid.isEditing &&
      document.activeElement === this.table &&
      e.clipboardData !== null
    );
  }

  /** Ctrl+C: the selected range, values as shown for other programs, as written for the grid (gridClipboard.ts). */
  private onCopy(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    this.copied = copyOf(this.workbook, this.sheet, this.grid.selectedRange);
    e.clipboardData.setData("text/plain", this.copied.text);
  }

  /** Ctrl+V over the selected range (gridClipboard.ts); the cells pasted are selected, as in Excel. */
  private onPaste(e: ClipboardEvent): void {
    if (!this.ownsClipboardEvent(e)) return;
    e.preventDefault();
    const text = e.clipboardData.getData("text/plain");
    const cells = pasteOf(this.copied, text, this.grid.selectedRange);
    if (cells.length === 0) return;
    this.enterInto(cells);
    this.grid.selectRange(rangeAround(cells.map((c) => c.position)));
  }

  /** Cells of this sheet written as the user's one edit (one undo step). */
  enterInto(cells: PastedCell[]): void {
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
    if (cells[0].sheet !== this.sheet) this.grid.showSheet(cells[0].sheet);
    this.grid.selectRange(
      rangeAround(cells.filter((cell) => cell.sheet === this.sheet)),
    );
  }
}
