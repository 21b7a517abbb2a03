/**
 * The name box and the formula bar above the grid. The formula bar shows the selected cell's
 * formula as written (structured references included) or its value as typed; for a cell in a
 * spilled result it shows the anchor's formula greyed out, as Excel does. Enter commits to the
 * selected cell and moves down; Escape restores the cell's content. The name box jumps to an
 * address typed into it, or selects a range ("C2:E9").
 */
import { cellName, parseCellName } from "./a1";
import { rangeBetween } from "./cellRange";
import type { GridView } from "./gridView";
import type { Workbook } from "./workbook";

export class FormulaBar {
  readonly element: HTMLDivElement;
  private readonly nameBox: HTMLInputElement;
  private readonly formula: HTMLInputElement;

  constructor(
    private readonly workbook: Workbook,
    private readonly grid: GridView,
  ) {
    this.element = document.createElement("div");
    this.element.className = "formula-bar";
    this.nameBox = document.createElement("input");
    this.nameBox.className = "name-box";
    this.nameBox.setAttribute(
      "aria-label",
      "Name box: the selected cell's address",
    );
    this.nameBox.dataset.testid = "name-box";
    const fx = document.createElement("span");
    fx.className = "fx";
    fx.textContent = "fx";
    fx.setAttribute("aria-hidden", "true");
    this.formula = document.createElement("input");
    this.formula.className = "formula";
    this.formula.setAttribute(
      "aria-label",
      "Formula bar: the selected cell's formula or value",
    );
    this.formula.dataset.testid = "formula-bar";
    this.formula.spellcheck = false;
    this.element.append(this.nameBox, fx, this.formula);

    this.formula.addEventListener("keydown", (e) => this.onFormulaKey(e));
    this.nameBox.addEventListener("keydown", (e) => this.onNameBoxKey(e));
    grid.onChange(() => this.refresh());
    this.refresh();
  }

  /** Shows the selected cell, unless the user is typing in the formula bar. */
  refresh(): void {
    const selection = this.grid.selection;
    if (document.activeElement !== this.nameBox)
      this.nameBox.value = cellName(selection);
    if (document.activeElement === this.formula) return;
    const typing = this.grid.editorText;
    if (typing !== undefined) {
      this.formula.value = typing;
      this.formula.classList.remove("ghost");
      return;
    }
    const cell = this.workbook.cell(selection);
    const anchor = cell.spilled
      ? this.workbook.spillAnchorOf(selection)
      : undefined;
    this.formula.value = anchor
      ? this.workbook.cell({ sheet: selection.sheet, ...anchor }).input
      : cell.input;
    this.formula.classList.toggle("ghost", anchor !== undefined);
  }

  private onFormulaKey(e: KeyboardEvent): void {
    if (e.key === "Enter") {
      e.preventDefault();
      this.workbook.enter(this.grid.selection, this.formula.value);
      this.formula.blur();
      this.grid.advance(e.shiftKey ? "up" : "down");
    } else if (e.key === "Escape") {
      e.preventDefault();
      this.formula.blur();
      this.grid.focus();
      this.refresh();
    }
  }

  private onNameBoxKey(e: KeyboardEvent): void {
    if (e.key !== "Enter" && e.key !== "Escape") return;
    e.preventDefault();
    if (e.key === "Enter") {
      try {
        const [first, second] = this.nameBox.value.trim().split(":");
        const corner = parseCellName(first);
        if (second === undefined) this.grid.select(corner);
        else this.grid.selectRange(rangeBetween(corner, parseCellName(second)));
      } catch {
        // Not an address: Excel would offer to name a range; the preview just goes back.
      }
    }
    this.nameBox.blur();
    this.grid.focus();
    this.refresh();
  }
}
