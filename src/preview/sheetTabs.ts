/** The sheet tabs under the grid: one per sheet, in the workbook's order, the shown one selected. */
import type { GridView } from "./gridView";
import type { Workbook } from "./workbook";

export class SheetTabs {
  readonly element: HTMLDivElement;

  constructor(
    private readonly workbook: Workbook,
    private readonly grid: GridView,
  ) {
    this.element = document.createElement("div");
    this.element.className = "sheet-tabs";
    this.element.setAttribute("role", "tablist");
    this.element.setAttribute("aria-label", "Sheets");
    this.element.addEventListener("keydown", (e) => this.onKey(e));
    workbook.on((event) => {
      if (event.kind === "sheets" || event.kind === "activate") this.render();
    });
    grid.onChange(() => this.markSelected());
    this.render();
  }

  private render(): void {
    this.element.replaceChildren(
      ...this.workbook.sheetNames.map((sheet) => {
        const tab = document.createElement("button");
        tab.type = "button";
        tab.setAttribute("role", "tab");
        tab.dataset.sheet = sheet;
        tab.dataset.testid = `sheet-tab-${sheet}`;
        tab.textContent = sheet;
        tab.addEventListener("click", () => {
          if (this.grid.activeSheet !== sheet) this.grid.showSheet(sheet);
          this.grid.focus();
        });
        return tab;
      }),
    );
    this.markSelected();
  }

  private markSelected(): void {
    for (const tab of this.element.querySelectorAll<HTMLButtonElement>(
      "button[role=tab]",
    )) {
      const selected = tab.dataset.sheet === this.grid.activeSheet;
      tab.setAttribute("aria-selected", String(selected));
      // One tab stop for the tab list; arrows move between tabs (WAI-ARIA tabs pattern).
      tab.tabIndex = selected ? 0 : -1;
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
    const sheets = this.workbook.sheetNames;
    const index =
      sheets.indexOf(this.grid.activeSheet) + (e.key === "ArrowRight" ? 1 : -1);
    if (index < 0 || index >= sheets.length) return;
    e.preventDefault();
    this.grid.showSheet(sheets[index]);
    this.element
      .querySelector<HTMLButtonElement>(
        `button[data-sheet="${CSS.escape(sheets[index])}"]`,
      )
      ?.focus();
  }
}
