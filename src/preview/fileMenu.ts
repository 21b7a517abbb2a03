/**
 * "Open .xlsx" and "Save .xlsx" in the title bar. ExcelJS is loaded the first time either is
 * used (its own chunk, xlsx.js), so the page's first load stays light. What an opened file
 * holds that the preview cannot keep or compute is said in the report line, never dropped silently.
 */
import { errorMessage } from "../workbook/writeFailure";
import type { GridView } from "./gridView";
import { chartsNotSaved } from "./sheetCharts";
import type { OpenReport } from "./xlsxFile";
import type { Workbook } from "./workbook";

export const SAVED_FILE_NAME = "partner-scorecard.xlsx";
const XLSX_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const loadXlsx = () => import(/* webpackChunkName: "xlsx" */ "./xlsxFile");

export class FileMenu {
  /** The buttons, for the title bar. */
  readonly element: HTMLDivElement;
  /** The report of the last open or save, for under the title bar. */
  readonly report: HTMLDivElement;

  constructor(
    private readonly workbook: Workbook,
    private readonly grid: GridView,
    /** Called after a file replaced the workbook (the task pane reloads its model). */
    private readonly opened: () => void,
  ) {
    this.element = document.createElement("div");
    this.element.className = "file-menu";
    const input = document.createElement("input");
    input.type = "file";
    input.id = "open-xlsx";
    input.accept = `.xlsx,${XLSX_TYPE}`;
    input.className = "visually-hidden";
    input.dataset.testid = "open-xlsx";
    input.addEventListener("change", () => {
      const file = input.files?.[0];
      input.value = "";
      if (file) void this.open(file);
    });
    // The label is the visible button; the input itself keeps the focus and the keyboard.
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "file-button";
    label.textContent = "Open .xlsx";
    const save = document.createElement("button");
    save.type = "button";
    save.className = "file-button";
    save.textContent = "Save .xlsx";
    save.dataset.testid = "save-xlsx";
    save.addEventListener("click", () => void this.save());
    this.element.append(input, label, save);

    this.report = document.createElement("div");
    this.report.className = "file-report";
    this.report.setAttribute("role", "status");
    this.report.dataset.testid = "file-report";
  }

  async open(file: File): Promise<void> {
    this.grid.commitEdit("none", false);
    if (
      this.workbook.hasContent &&
      !window.confirm(
        `Open ${file.name}? It replaces everything in this workbook.`,
      )
    )
      return;
    this.say(`Opening ${file.name}…`);
    try {
      const [{ fromXlsx }, data] = await Promise.all([
        loadXlsx(),
        file.arrayBuffer(),
      ]);
      const report = await fromXlsx(data, this.workbook);
      this.opened();
      this.say(describe(file.name, report), report.problems);
    } catch (error) {
      this.say(`${file.name} was not opened: ${errorMessage(error)}`, [], true);
    }
  }

  async save(): Promise<void> {
    this.grid.commitEdit("none", false);
    try {
      const { toXlsx } = await loadXlsx();
      const bytes = await toXlsx(this.workbook);
      const url = URL.createObjectURL(
        new Blob([bytes as BlobPart], { type: XLSX_TYPE }),
      );
      const link = document.createElement("a");
      link.href = url;
      link.download = SAVED_FILE_NAME;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.say(
        `Saved ${SAVED_FILE_NAME}: ${this.workbook.sheetNames.length} sheets, tables ${
          this.workbook.tables
            .all()
            .map((t) => t.name)
            .join(", ") || "none"
        }.`,
        // Said, not dropped silently: ExcelJS writes no charts (exceljs/exceljs#141).
        [chartsNotSaved(this.workbook.charts)].filter((s) => s !== null),
      );
    } catch (error) {
      this.say(`The workbook was not saved: ${errorMessage(error)}`, [], true);
    }
  }

  private say(message: string, problems: string[] = [], failed = false): void {
    const line = document.createElement("p");
    line.textContent = message;
    const items = problems.map((problem) => {
      const item = document.createElement("li");
      item.textContent = problem;
      return item;
    });
    const list = document.createElement("ul");
    list.append(...items);
    this.report.replaceChildren(line, ...(items.length > 0 ? [list] : []));
    this.report.classList.toggle("error", failed);
    this.report.classList.toggle("warning", !failed && problems.length > 0);
  }
}

function describe(name: string, report: OpenReport): string {
  const tables =
    report.tables.length > 0
      ? `tables ${report.tables.join(", ")}`
      : "no tables";
  const verdict =
    report.problems.length > 0 ? " Not everything in it works here:" : "";
  return `Opened ${name}: sheets ${report.sheets.join(", ")}; ${tables}.${verdict}`;
}
