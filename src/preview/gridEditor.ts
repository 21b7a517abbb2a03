/**
 * The grid's in-cell editor, as Excel's: an input over the cell being edited that grows with
 * the text over the cells to its right. The grid (gridView.ts) opens it, enters what it holds
 * and closes it; its keys are gridKeys.ts's onEditorKey.
 */
import { cellName, type CellPosition } from "./a1";
import type { EditMode } from "./gridKeys";

/** What the editor tells the grid. */
export interface EditorEvents {
  keydown(e: KeyboardEvent): void;
  /** The text changed. */
  input(): void;
  /** The editor lost the focus. */
  blur(): void;
}

export class CellEditor {
  readonly input: HTMLInputElement;

  /** Opens over `td` (the cell at `cell`): "enter" replaces its content with `text`, "edit" starts from it. */
  constructor(
    td: HTMLTableCellElement,
    readonly cell: CellPosition,
    readonly mode: EditMode,
    text: string,
    /** The cell's element now: a row that left the page and came back has new ones. */
    private readonly cellAt: (
      position: CellPosition,
    ) => HTMLTableCellElement | undefined,
    events: EditorEvents,
  ) {
    const input = document.createElement("input");
    input.className = "cell-editor";
    input.setAttribute("aria-label", `Edit cell ${cellName(cell)}`);
    input.value = text;
    input.addEventListener("keydown", (e) => events.keydown(e));
    input.addEventListener("input", () => {
      this.fit();
      events.input();
    });
    input.addEventListener("blur", () => events.blur());
    this.input = input;
    td.classList.add("editing");
    td.textContent = "";
    td.append(input);
    this.fit();
  }

  /** The text being typed. */
  get text(): string {
    return this.input.value;
  }

  /** Focused, the caret at the end of the text. */
  focus(): void {
    this.input.focus();
    this.input.setSelectionRange(
      this.input.value.length,
      this.input.value.length,
    );
  }

  fit(): void {
    const td = this.cellAt(this.cell);
    // Grow with the text over the cells to the right, as Excel's in-cell editor does.
    const width = Math.max(
      td?.clientWidth ?? 0,
      (this.input.value.length + 2) * 7.5,
    );
    this.input.style.width = `${width}px`;
  }

  /** Removes the editor from its cell. */
  close(): void {
    this.input.remove();
    const td = this.cellAt(this.cell);
    td?.classList.remove("editing");
    // Typing into a narrow cell scrolls the cell itself to the caret; its content is clipped
    // (overflow: hidden) and would go on showing the end of the text. Reset here, where the
    // editor leaves, not in every cell's drawing (a write to scrollLeft forces a layout).
    if (td) td.scrollLeft = 0;
  }
}
