/**
 * The browser workbook page: a grid over HyperFormula with the PRM functions from the built
 * bundle on the left, the real task pane (taskpane.html in an iframe) on the right. The pane
 * finds its ScorecardStore at window.parent.partnerScorecardPreview.store, which is set here
 * before the iframe is created.
 */
import type { ScorecardStore } from "../workbook/store";
import { errorMessage } from "../workbook/writeFailure";
import { registerCustomFunctions } from "./customFunctionsPlugin";
import { FileMenu } from "./fileMenu";
import { FormulaBar } from "./formulaBar";
import { GridStore } from "./gridStore";
import { GridView } from "./gridView";
import { loadBuiltFunctions } from "./loadFunctions";
import { SheetTabs } from "./sheetTabs";
import { Workbook } from "./workbook";

/** What the preview shares with the task pane's page (same origin) and with tests. */
export interface PreviewGlobal {
  store: ScorecardStore;
  workbook: Workbook;
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`preview.html has no #${id}`);
  return found as T;
}

async function start(): Promise<void> {
  const status = element<HTMLParagraphElement>("status");
  const host = await loadBuiltFunctions();
  registerCustomFunctions(host);

  const workbook = new Workbook(["Sheet1"]);
  const grid = new GridView(workbook, "Sheet1");
  const formulaBar = new FormulaBar(workbook, grid);
  const tabs = new SheetTabs(workbook, grid);
  element("workbook").replaceChildren(
    formulaBar.element,
    grid.element,
    tabs.element,
  );

  const store = new GridStore(workbook, grid);
  (
    window as unknown as { partnerScorecardPreview: PreviewGlobal }
  ).partnerScorecardPreview = { store, workbook };

  const pane = document.createElement("iframe");
  pane.title = "Partner Scorecard task pane";
  // ?preview: the server hands this copy of the page a local office.js instead of Microsoft's CDN.
  pane.src = "taskpane.html?preview";
  element("taskpane").replaceChildren(pane);

  // An opened file replaces the workbook: the pane starts over and loads the file's scorecard.
  const files = new FileMenu(workbook, grid, () =>
    pane.contentWindow?.location.reload(),
  );
  element("file-menu").replaceWith(files.element);
  element("file-report").replaceWith(files.report);

  status.textContent = `${host.functionNames.length} functions loaded from functions.js: ${host.functionNames.join(", ")}`;
  grid.select({ row: 0, col: 0 });
}

start().catch((error: unknown) => {
  const status = document.getElementById("status");
  if (status) {
    status.textContent = `The browser workbook could not start: ${errorMessage(error)}`;
    status.classList.add("error");
  }
  console.error(error);
});
