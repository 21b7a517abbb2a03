/**
 * The whole loop in Chromium: the browser workbook page with the real task pane and the real
 * functions bundle, served as npm start serves them. Needs the builds (npm run test:e2e makes
 * them) and Chromium (see browser.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import type { Page } from "playwright-core";
import { sampleTables } from "../../src/workbook/sample";
import { browserTestsRunnable } from "./browser";
import { pngSize } from "../manifest/manifestChecks";
import { handScore } from "./handScore";
import { gridOf, openPreview, paneAxeViolations, paneOf, type PreviewPage } from "./previewPage";

const ROOT = resolve(__dirname, "../..");
const ARTIFACTS = join(ROOT, "artifacts");
/** The README's picture of the pane beside a scored list, remade by every run of this test. */
const README_PICTURE = join(ROOT, "docs", "images", "pane-beside-scores.png");
const VIEWPORT = { width: 1600, height: 900 };
const PICTURE_SIZE = { width: 1900, height: 900 };

/** The partner the test follows: a reseller with every value present (the sample's first row). */
const PARTNER = "Alder Peak IT";
const PROFILE = "Reseller";
const CRITERION = "Revenue";
const NEW_WEIGHT = 60;

let preview: PreviewPage;
let page: Page;
let pageErrors: string[];
const requests: string[] = [];

beforeAll(async () => {
  preview = await openPreview(VIEWPORT, (opened) => opened.on("request", (request) => requests.push(request.url())));
  ({ page, pageErrors } = preview);
});

afterAll(async () => {
  await preview?.close();
});

const pane = () => paneOf(page).pane();
const paneFrame = () => paneOf(page).paneFrame();

const grid = () => gridOf(page);
const cell = (name: string) => grid().cell(name);
const columnOf = (header: string) => grid().columnOf(header);
const typeInto = (name: string, text: string) => grid().typeInto(name, text);

/** The unrounded number a cell shows (the grid keeps it in data-value). */
async function numberIn(name: string): Promise<number> {
  const value = await cell(name).getAttribute("data-value");
  if (value === null) throw new Error(`${name} shows no number but "${await cell(name).textContent()}"`);
  return Number(value);
}

const showSheet = (sheet: string) => grid().showSheet(sheet);

/** No page or script in dist/ (what Excel loads) contains `marker`. */
function expectNotShipped(marker: string): void {
  const shipped = readdirSync(join(ROOT, "dist")).filter((file) => /\.(js|html)$/.test(file));
  expect(shipped).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "taskpane.html"]));
  for (const file of shipped) expect([file, readFileSync(join(ROOT, "dist", file), "utf8").includes(marker)]).toEqual([file, false]);
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("the browser workbook", () => {
  const sample = sampleTables();
  const [criteriaTable, , partnersTable] = sample;
  const criteria = { header: criteriaTable.header, rows: criteriaTable.rows };
  const partnerRow = partnersTable.rows.findIndex((row) => row[0] === PARTNER);
  const gridRow = partnerRow + 2; // header in row 1
  /** The partner's values; a formula among them (Certification: PRM.CERTSTATUS) as the grid shows its result. */
  let values: unknown[] = [];
  const weightColumn = `Weight (${PROFILE})`;
  let scoreColumn: string;

  it("starts with a blank Sheet1 and the real task pane", async () => {
    await expect(page.locator("[role=tab]").allTextContents()).resolves.toEqual(["Sheet1"]);
    await pane().getByTestId("create-sample").waitFor();
  });

  it("creates the sample from the task pane, and the grid shows the hand-computed score", async () => {
    expect(partnersTable.rows[partnerRow][1]).toBe(PROFILE);
    await pane().getByTestId("create-sample").click();
    await page.locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]').waitFor();
    await expect(page.locator("[role=tab]").allTextContents()).resolves.toEqual(["Sheet1", "Scorecard", "Partners"]);
    scoreColumn = await columnOf("Score");
    await expect(cell(`A${gridRow}`).textContent()).resolves.toBe(PARTNER);
    values = [];
    for (const [i, value] of partnersTable.rows[partnerRow].slice(2, 2 + criteria.rows.length).entries()) {
      const computed = typeof value === "string" && value.startsWith("=");
      values.push(computed ? await cell(`${String.fromCharCode(67 + i)}${gridRow}`).textContent() : value);
    }
    expect(values[values.length - 1]).toBe("Active"); // Certification: the sample's expiry is months away
    expect(await numberIn(`${scoreColumn}${gridRow}`)).toBeCloseTo(handScore(criteria, values, weightColumn), 9);
  });

  it("moves a weight in the pane, applies it, and the score follows by hand", async () => {
    const before = await cell(`${scoreColumn}${gridRow}`).getAttribute("data-value");
    await pane().getByTestId("profile").selectOption(PROFILE);
    await pane().getByTestId(`weight-${CRITERION}`).fill(String(NEW_WEIGHT));
    await pane().getByTestId("apply").click();
    await page.waitForFunction(
      ([name, old]) => document.querySelector<HTMLElement>(`#workbook td[data-cell="${name}"]`)?.dataset.value !== old,
      [`${scoreColumn}${gridRow}`, before] as const
    );
    const w = criteria.header.indexOf(weightColumn);
    const moved = { header: criteria.header, rows: criteria.rows.map((row) => (row[0] === CRITERION ? row.map((v, i) => (i === w ? NEW_WEIGHT : v)) : row)) };
    const expected = handScore(moved, values, weightColumn);
    expect(expected).not.toBeCloseTo(handScore(criteria, values, weightColumn), 3);
    expect(await numberIn(`${scoreColumn}${gridRow}`)).toBeCloseTo(expected, 9);
    // The weight itself sits in the Criteria table on the Scorecard sheet.
    await showSheet("Scorecard");
    const weightCell = `${await columnOf(weightColumn)}${criteria.rows.findIndex((row) => row[0] === CRITERION) + 2}`;
    expect(await numberIn(weightCell)).toBe(NEW_WEIGHT);
    await showSheet("Partners");
  });

  it("refreshes the README's picture: the pane beside the sample's scored partners", async () => {
    // Here, before later steps type test formulas into the sheet: the sample as a user sees it.
    // Wide enough that the list's Score and Tier columns show beside the pane.
    const started = Date.now();
    await page.setViewportSize(PICTURE_SIZE);
    try {
      await page.locator("#workbook .grid-scroll").evaluate((grid) => grid.scrollTo(0, 0));
      await cell(`A${gridRow}`).click();
      await cell(`${await columnOf("Tier")}${gridRow}`).waitFor();
      await pane().getByTestId("apply").waitFor();
      mkdirSync(join(ROOT, "docs", "images"), { recursive: true });
      await page.screenshot({ path: README_PICTURE });
    } finally {
      await page.setViewportSize(VIEWPORT);
    }
    expect(statSync(README_PICTURE).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    expect(pngSize(readFileSync(README_PICTURE))).toEqual(PICTURE_SIZE);
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("(docs/images/pane-beside-scores.png)");
  });

  it("shows #VALUE! with the function's message for a bad argument, and the formula as typed", async () => {
    const formula = '=PRM.PARTNERSCORE(C2:J2, Criteria[#All], "Nope")';
    await typeInto("A40", formula);
    await expect(cell("A40").textContent()).resolves.toBe("#VALUE!");
    const title = await cell("A40").getAttribute("title");
    expect(title).toMatch(/^#VALUE! .*Nope/);
    await cell("A40").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe(formula);
  });

  it("spills one score per partner row from a typed formula", async () => {
    await typeInto("M40", "=PRM.PARTNERSCORE(C2:J4,Criteria[#All],B2:B4)");
    for (const row of [2, 3, 4]) expect(await numberIn(`M${38 + row}`)).toBeCloseTo(await numberIn(`${scoreColumn}${row}`), 12);
    await expect(cell("M43").textContent()).resolves.toBe("");
    await cell("M41").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=PRM.PARTNERSCORE(C2:J4,Criteria[#All],B2:B4)");
  });

  it("computes structured references to a column typed in the grid, and names a column that does not exist", async () => {
    await typeInto("C48", "=INDEX(Partners[Score],2)+ROWS(Partners[[#All],[Score]])");
    expect(await numberIn("C48")).toBeCloseTo((await numberIn(`${scoreColumn}3`)) + 31, 6);
    await typeInto("C49", "=SUM(Partners[Scor])");
    await expect(cell("C49").textContent()).resolves.toBe("#REF!");
    await expect(cell("C49").getAttribute("title")).resolves.toMatch(/Partners has no column "Scor"/);
    // Cleared again: the saved file is later expected to open without a problem to report.
    await cell("C49").click();
    await page.keyboard.press("Delete");
    await expect(cell("C49").textContent()).resolves.toBe("");
  });

  it("copies a formula with Ctrl+C and pastes it with Ctrl+V, its references moved as in Excel", async () => {
    await typeInto("C52", "=C48+1");
    await cell("C52").click();
    await page.keyboard.press("Control+C");
    await cell("D53").click();
    await page.keyboard.press("Control+V");
    await expect(cell("D53").textContent()).resolves.toBe("1");
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=D49+1");
  });

  it("pastes a block of cells from another program, tab between cells and a line per row", async () => {
    await cell("C55").click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "7\t8\r\n9\t=C55*2\r\n");
      document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(cell("D56").textContent()).resolves.toBe("14");
    await expect(cell("C56").textContent()).resolves.toBe("9");
    await expect(cell("D55").textContent()).resolves.toBe("8");
  });

  /** Whether the grid marks exactly these cells as selected. */
  const selectedCells = () =>
    page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#workbook td[aria-selected="true"]')].map((td) => td.dataset.cell));

  it("selects a range with Shift, copies it with its formulas, pastes it elsewhere, and undoes and redoes the paste", async () => {
    for (const [name, text] of [["C58", "1"], ["D58", "=C58*10"], ["C59", "2"], ["D59", "=C59*10"]]) await typeInto(name, text);
    await cell("C58").click();
    await cell("D59").click({ modifiers: ["Shift"] });
    await expect(selectedCells()).resolves.toEqual(["C58", "D58", "C59", "D59"]);
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("C58");
    await page.keyboard.press("Control+C");
    await cell("F60").click();
    await page.keyboard.press("Control+V");
    await expect(selectedCells()).resolves.toEqual(["F60", "G60", "F61", "G61"]);
    const block = () => Promise.all(["F60", "G60", "F61", "G61"].map((name) => cell(name).textContent()));
    await expect(block()).resolves.toEqual(["1", "10", "2", "20"]);
    await cell("G61").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=F61*10");
    await page.keyboard.press("Control+Z");
    await expect(block()).resolves.toEqual(["", "", "", ""]);
    await expect(selectedCells()).resolves.toEqual(["F60", "G60", "F61", "G61"]);
    await page.keyboard.press("Control+Y");
    await expect(block()).resolves.toEqual(["1", "10", "2", "20"]);
  });

  it("fills a range with one copied formula, and clears a dragged range with Delete, which Ctrl+Z takes back", async () => {
    await cell("D58").click();
    await page.keyboard.press("Control+C");
    await cell("E58").click();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Control+V");
    await expect(Promise.all(["E58", "E59", "E60"].map((name) => cell(name).textContent()))).resolves.toEqual(["100", "200", "0"]);
    await cell("E60").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=D60*10");
    // A drag from C58 to G61 selects the block; Delete empties every cell of it.
    await cell("C58").hover();
    await page.mouse.down();
    await cell("E59").hover();
    await cell("G61").hover();
    await page.mouse.up();
    await expect(selectedCells()).resolves.toHaveLength(20);
    // The name box selects a range typed into it. Ctrl+A: the block of data around the active
    // cell (C58:G61, blank rows above and below), which stays active; again, the used range.
    await page.getByTestId("name-box").fill("D59:E60");
    await page.getByTestId("name-box").press("Enter");
    await expect(selectedCells()).resolves.toEqual(["D59", "E59", "D60", "E60"]);
    await page.keyboard.press("Control+A");
    const region = ["C", "D", "E", "F", "G"].flatMap((column) => [58, 59, 60, 61].map((row) => `${column}${row}`));
    await expect(selectedCells().then((cells) => cells.sort())).resolves.toEqual(region.sort());
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("D59");
    await page.keyboard.press("Control+A");
    await expect(selectedCells()).resolves.toContain("G61");
    await expect(selectedCells()).resolves.toContain("A2");
    await cell("C58").click();
    await cell("G61").click({ modifiers: ["Shift"] });
    await page.keyboard.press("Delete");
    const corners = () => Promise.all(["C58", "E60", "G61"].map((name) => cell(name).textContent()));
    await expect(corners()).resolves.toEqual(["", "", ""]);
    await page.keyboard.press("Control+Z");
    await expect(corners()).resolves.toEqual(["1", "0", "20"]);
    // Left empty again for the file saved later.
    await page.keyboard.press("Delete");
    await expect(corners()).resolves.toEqual(["", "", ""]);
  });

  it("fills a selected range with the entry typed, by Ctrl+Enter, in one step that Ctrl+Z takes back", async () => {
    await cell("E62").click();
    await cell("E64").click({ modifiers: ["Shift"] });
    await page.keyboard.type("=D62+1");
    await page.keyboard.press("Control+Enter");
    await expect(Promise.all(["E62", "E63", "E64"].map((name) => cell(name).textContent()))).resolves.toEqual(["1", "1", "1"]);
    await expect(selectedCells()).resolves.toEqual(["E62", "E63", "E64"]);
    await cell("E64").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=D64+1");
    await page.keyboard.press("Control+Z");
    await expect(Promise.all(["E62", "E63", "E64"].map((name) => cell(name).textContent()))).resolves.toEqual(["", "", ""]);
    // Ctrl+D fills the range down from its first row, the formula's references moved.
    await typeInto("E62", "=D62+2");
    await cell("E62").click();
    await cell("E64").click({ modifiers: ["Shift"] });
    await page.keyboard.press("Control+D");
    await expect(Promise.all(["E62", "E63", "E64"].map((name) => cell(name).textContent()))).resolves.toEqual(["2", "2", "2"]);
    await cell("E64").click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe("=D64+2");
    await page.keyboard.press("Control+Z");
    await page.keyboard.press("Control+Z");
    await expect(Promise.all(["E62", "E63", "E64"].map((name) => cell(name).textContent()))).resolves.toEqual(["", "", ""]);
  });

  it("navigates and edits by keyboard as Excel does", async () => {
    await cell("A44").click();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A45");
    // Typing starts editing; Enter commits and moves down.
    await page.keyboard.type("=SUM(C2:C4)");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A46");
    await expect(cell("A45").textContent()).resolves.toBe("4530000");
    // Enter without editing moves down, Shift+Enter up, as in Excel.
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A47");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.press("Shift+Enter");
    await expect(page.getByTestId("name-box").inputValue()).resolves.toBe("A45");
    // F2 edits what the cell holds; Escape leaves it unchanged.
    await page.keyboard.press("F2");
    await expect(page.locator("#workbook .cell-editor").inputValue()).resolves.toBe("=SUM(C2:C4)");
    await page.keyboard.type("*2");
    await page.keyboard.press("Escape");
    await expect(cell("A45").textContent()).resolves.toBe("4530000");
    await page.keyboard.press("Delete");
    await expect(cell("A45").textContent()).resolves.toBe("");
  });

  it("jumps to the edge of the data with Ctrl+arrows, and walks a selected range with Enter and Tab", async () => {
    const nameBox = () => page.getByTestId("name-box").inputValue();
    const last = `A${partnersTable.rows.length + 1}`;
    await cell("A2").click();
    // Within the partner list, to its last row; from there, over the blank rows to the next
    // filled cell (A40, written by an earlier test); back; at the top, to A1.
    await page.keyboard.press("Control+ArrowDown");
    await expect(nameBox()).resolves.toBe(last);
    await page.keyboard.press("Control+ArrowDown");
    await expect(nameBox()).resolves.toBe("A40");
    await page.keyboard.press("Control+ArrowUp");
    await expect(nameBox()).resolves.toBe(last);
    await page.keyboard.press("Control+Home");
    // Ctrl+Shift+Down selects the column's data; Enter walks it, the range staying selected,
    // and wraps from its last cell to its first; Shift+Enter goes back.
    await page.keyboard.press("Control+Shift+ArrowDown");
    const column = Array.from({ length: partnersTable.rows.length + 1 }, (_, i) => `A${i + 1}`);
    await expect(selectedCells()).resolves.toEqual(column);
    await expect(nameBox()).resolves.toBe("A1");
    await page.keyboard.press("Enter");
    await expect(nameBox()).resolves.toBe("A2");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.press("Shift+Enter");
    await expect(nameBox()).resolves.toBe(last);
    await expect(selectedCells()).resolves.toEqual(column);
    // Tab in a range of two columns goes along the row, then to the next row.
    await cell("B2").click();
    await cell("C3").click({ modifiers: ["Shift"] });
    const tabs: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      tabs.push(await nameBox());
    }
    expect(tabs).toEqual(["C2", "B3", "C3", "B2"]);
    // Typing into the active cell of a range and pressing Enter keeps the range.
    await showSheet("Sheet1");
    await cell("B3").click();
    await cell("C4").click({ modifiers: ["Shift"] });
    await page.keyboard.type("5");
    await page.keyboard.press("Enter");
    await expect(cell("B3").textContent()).resolves.toBe("5");
    await expect(nameBox()).resolves.toBe("B4");
    await expect(selectedCells()).resolves.toEqual(["B3", "C3", "B4", "C4"]);
    // Ctrl+End: the last used row's cell in the last used column (D3 here, though empty).
    await typeInto("D2", "x");
    await page.keyboard.press("Control+End");
    await expect(nameBox()).resolves.toBe("D3");
    for (const name of ["B3", "D2"]) {
      await cell(name).click();
      await page.keyboard.press("Delete");
    }
    await showSheet("Partners");
  });

  it("takes a list of 3,000 rows, keeps only the rows near the view in the page, and reaches any of them", async () => {
    const nameBox = () => page.getByTestId("name-box").inputValue();
    const rowsInPage = () => page.locator("#workbook tbody tr:not(.grid-spacer)").count();
    await showSheet("Sheet1");
    await cell("A1").click();
    // Pasted as a block from another program: a partner name and a number per line.
    await page.evaluate(() => {
      const lines = Array.from({ length: 3000 }, (_, i) => `Partner ${i + 1}\t${i + 1}`);
      const data = new DataTransfer();
      data.setData("text/plain", lines.join("\r\n"));
      document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(cell("B3").textContent()).resolves.toBe("3");
    expect(await rowsInPage()).toBeLessThan(600);
    // A drag held below the grid scrolls it, extending the range, rows coming into the page.
    const scroller = page.locator("#workbook .grid-scroll");
    const box = (await scroller.boundingBox())!;
    await cell("A10").hover();
    await page.mouse.down();
    await page.mouse.move(box.x + 40, box.y + box.height + 30, { steps: 3 });
    await page.waitForFunction(() => document.querySelector("#workbook .grid-scroll")!.scrollTop > 100 * 23);
    await page.mouse.up();
    await expect(nameBox()).resolves.toBe("A10");
    expect((await selectedCells()).length).toBeGreaterThan(100);
    // Ctrl+Down goes to the last row, which comes into the page and into view.
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+ArrowDown");
    await expect(nameBox()).resolves.toBe("A3000");
    await expect(cell("B3000").textContent()).resolves.toBe("3000");
    await expect(cell("A3000").isVisible()).resolves.toBe(true);
    expect(await rowsInPage()).toBeLessThan(600);
    // Page Up goes a screen of rows up, and the view with it.
    await page.keyboard.press("PageUp");
    const paged = Number((await nameBox()).slice(1));
    expect(paged).toBeLessThan(2990);
    await expect(cell(`A${paged}`).isVisible()).resolves.toBe(true);
    await page.keyboard.press("PageDown");
    await expect(nameBox()).resolves.toBe("A3000");
    // Scrolling by hand brings the rows it passes.
    await page.locator("#workbook .grid-scroll").evaluate((scroller) => (scroller.scrollTop = 1500 * 23));
    await expect(cell("B1500").textContent()).resolves.toBe("1500");
    // A click on column B's header selects the column (every row of it in the page), the
    // view staying where it is; Delete clears it, and Ctrl+Z brings it back, selected from
    // its top (Ctrl+Down then runs through all 3,000 values to the last).
    await page.locator('#workbook thead th[data-col="1"]').click();
    const columnB = page.locator('#workbook td[data-col="1"]');
    await expect(page.locator('#workbook td[aria-selected="true"]').count()).resolves.toBe(await columnB.count());
    await expect(cell("B1500").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Delete");
    await expect(cell("B1500").textContent()).resolves.toBe("");
    await page.keyboard.press("Control+Z");
    await expect(nameBox()).resolves.toBe("B1");
    await expect(cell("B1").textContent()).resolves.toBe("1");
    await page.keyboard.press("Control+ArrowDown");
    await expect(nameBox()).resolves.toBe("B3000");
    await page.locator("#workbook .grid-scroll").evaluate((scroller) => (scroller.scrollTop = 1500 * 23));
    await expect(cell("B1500").textContent()).resolves.toBe("1500");
    // Shift+Space: the active cell's row, whole.
    await cell("A1500").click();
    await page.keyboard.press("Shift+Space");
    const row1500 = page.locator('#workbook tr[aria-rowindex="1501"] td');
    await expect(page.locator('#workbook td[aria-selected="true"]').count()).resolves.toBe(await row1500.count());
    // Ctrl+Space: the active cell's column, whole.
    await cell("B1500").click();
    await page.keyboard.press("Control+Space");
    await expect(page.locator('#workbook td[aria-selected="true"]').count()).resolves.toBe(await columnB.count());
    await expect(nameBox()).resolves.toBe("B1500");
    // Back to the top, and the paste undone in one step.
    await page.keyboard.press("Control+Home");
    await expect(cell("A1").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Control+Z");
    await expect(cell("A1").textContent()).resolves.toBe("");
    await showSheet("Partners");
  });

  it("tells the pane when the user types into the Criteria table in the grid", async () => {
    await showSheet("Scorecard");
    const weightCell = `${await columnOf(weightColumn)}${criteria.rows.findIndex((row) => row[0] === CRITERION) + 2}`;
    await typeInto(weightCell, "45");
    await pane().getByTestId("profile").selectOption(PROFILE);
    await expect(pane().getByTestId(`weight-${CRITERION}`).inputValue()).resolves.toBe("45");
    await showSheet("Partners");
  });

  it("saves the workbook as .xlsx and opens it again: the score and the table names survive", async () => {
    const score = await numberIn(`${scoreColumn}${gridRow}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-xlsx").click()]);
    expect(download.suggestedFilename()).toBe("partner-scorecard.xlsx");
    mkdirSync(ARTIFACTS, { recursive: true });
    const saved = join(ARTIFACTS, "partner-scorecard.xlsx");
    await download.saveAs(saved);
    // The workbook has content, so opening asks before replacing it.
    const dialogs: string[] = [];
    page.once("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.getByTestId("open-xlsx").setInputFiles(saved);
    const report = page.getByTestId("file-report");
    await report.filter({ hasText: "Opened partner-scorecard.xlsx" }).waitFor();
    expect(dialogs).toEqual([expect.stringMatching(/replaces everything/)]);
    await expect(report.textContent()).resolves.toBe("Opened partner-scorecard.xlsx: sheets Sheet1, Scorecard, Partners; tables Criteria, Tiers, Evaluation, Partners.");
    await expect(page.locator("[role=tab]").allTextContents()).resolves.toEqual(["Sheet1", "Scorecard", "Partners"]);
    await showSheet("Partners");
    expect(await numberIn(`${scoreColumn}${gridRow}`)).toBeCloseTo(score, 9);
    await cell(`${scoreColumn}${gridRow}`).click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toMatch(/^=PRM\.PARTNERSCORE\(.*Criteria\[#All\]/);
    // The pane reloaded and reads the opened tables: the weight typed into the grid earlier is there.
    await pane().getByTestId("profile").selectOption(PROFILE);
    await expect(pane().getByTestId(`weight-${CRITERION}`).inputValue()).resolves.toBe("45");
  });

  it("removes a profile in the draft only: its partners show as not scored until Revert", async () => {
    const influencers = partnersTable.rows.filter((row) => row[1] === "Influencer").length;
    const options = () => pane().getByTestId("profile").locator("option").allTextContents();
    // The what-if may redraw a moment later: wait for the count rather than read it once.
    const notScored = (count: number) => pane().locator(`[data-testid="not-scored"][data-count="${count}"]`).waitFor();
    await pane().getByTestId("profile").selectOption("Influencer");
    await pane().getByTestId("remove-profile").click();
    expect((await options()).some((o) => o.startsWith("Influencer"))).toBe(false);
    await notScored(influencers);
    await pane().getByTestId("revert").click();
    expect((await options()).some((o) => o.startsWith("Influencer"))).toBe(true);
    await notScored(0);
  });

  it("writes a copy for colleagues whose built-in formulas show the PRM scores and tiers, and rewrites it on Apply", async () => {
    const copySheet = "Scorecard copy";
    /** The copy's cell in the column headed `header`, on the row of the sample's partner `row`. */
    const copyCell = (header: string, row: number) =>
      page.evaluate(
        ([wanted, offset]) => {
          const cells = [...document.querySelectorAll<HTMLTableCellElement>("#workbook td[data-cell]")];
          const head = cells.find((td) => td.textContent === wanted);
          if (!head) return null;
          const [, letters, number] = /^([A-Z]+)(\d+)$/.exec(head.dataset.cell!)!;
          return `${letters}${Number(number) + 1 + offset}`;
        },
        [header, row] as const,
      );
    const tierColumn = await columnOf("Tier");
    await pane().getByTestId("copy-for-colleagues").click();
    await pane().getByTestId("notice").filter({ hasText: `Wrote the sheet "${copySheet}"` }).waitFor();
    const partnerScore = await numberIn(`${scoreColumn}${gridRow}`);
    const partnerTier = await cell(`${tierColumn}${gridRow}`).textContent();
    await showSheet(copySheet);
    const score = (await copyCell("Score", partnerRow))!;
    const tier = (await copyCell("Tier", partnerRow))!;
    await expect(cell(score.replace(/^[A-Z]+/, "A")).textContent()).resolves.toBe(PARTNER);
    expect(await numberIn(score)).toBeCloseTo(partnerScore, 9);
    await expect(cell(tier).textContent()).resolves.toBe(partnerTier);
    await cell(score).click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.not.toMatch(/PRM\./);
    // Apply a new weight: the pane rewrites the copy, which follows the PRM score.
    await pane().getByTestId("profile").selectOption(PROFILE);
    await pane().getByTestId(`weight-${CRITERION}`).fill("20");
    await pane().getByTestId("apply").click();
    await pane().getByTestId("notice").filter({ hasText: "was rewritten too" }).waitFor();
    await showSheet("Partners");
    const applied = await numberIn(`${scoreColumn}${gridRow}`);
    expect(applied).not.toBeCloseTo(partnerScore, 3);
    await showSheet(copySheet);
    expect(await numberIn(score)).toBeCloseTo(applied, 9);
    await expect(cell("A2").textContent()).resolves.toMatch(/missing values: skip/);
    // What a blank means is the user's choice, written into the copy's second line.
    await pane().getByTestId("copy-missing").selectOption("zero");
    await pane().getByTestId("copy-for-colleagues").click();
    await page.waitForFunction(() => /missing values: zero/.test(document.querySelector('#workbook td[data-cell="A2"]')?.textContent ?? ""));
    await showSheet("Partners");
  });

  it("takes a partner typed under the list into the Partners table, scored and counted, as Excel's tables do", async () => {
    const summary = () => pane().getByTestId("effect-summary").textContent();
    const count = partnersTable.rows.length;
    const below = count + 2;
    await expect(summary()).resolves.toMatch(new RegExp(`^${count} partners`));
    // The pane's partner list is drawn again only when the names change: a mark on one of its
    // options survives an edit of a partner's values, and goes with the list when one is added.
    const pick = pane().getByTestId("partner-pick");
    const marked = () => pick.evaluate((select: HTMLSelectElement) => select.options[1].dataset.mark === "kept");
    await pick.evaluate((select: HTMLSelectElement) => void (select.options[1].dataset.mark = "kept"));
    const support = `${await columnOf("Support tickets")}2`;
    const tickets = await cell(support).textContent();
    await typeInto(support, "77");
    await pane().getByTestId("effect-summary").waitFor();
    await expect(marked()).resolves.toBe(true);
    await typeInto(support, tickets ?? "");
    await typeInto(`A${below}`, "Newcomer Ltd");
    // The Score column's formula is filled in the new row, and the pane reads one partner more.
    await cell(`${scoreColumn}${below}`).click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toMatch(/^=PRM\.PARTNERSCORE\(/);
    await expect(cell(`A${below}`).getAttribute("class")).resolves.toMatch(/table-(band|row)/);
    await pane().getByTestId("effect-summary").filter({ hasText: `${count + 1} partners` }).waitFor();
    await expect(pick.locator("option").last().textContent()).resolves.toBe("Newcomer Ltd");
    await expect(marked()).resolves.toBe(false);
    // As in Excel, Ctrl+Z takes the table's growth back first (the name stays, outside the
    // table, which the pane no longer counts), then the name.
    await page.keyboard.press("Control+Z");
    await expect(cell(`${scoreColumn}${below}`).textContent()).resolves.toBe("");
    await pane().getByTestId("effect-summary").filter({ hasText: `${count} partners` }).waitFor();
    await expect(cell(`A${below}`).textContent()).resolves.toBe("Newcomer Ltd");
    await page.keyboard.press("Control+Z");
    await expect(cell(`A${below}`).textContent()).resolves.toBe("");
    // Ctrl+- in the table deletes the selected partner's row, the rows below moving up; the
    // pane counts one fewer, and Ctrl+Z brings the row back.
    const [second, third] = [partnersTable.rows[1][0], partnersTable.rows[2][0]];
    await cell("A3").click();
    await page.keyboard.press("Control+Minus");
    await expect(cell("A3").textContent()).resolves.toBe(third);
    await pane().getByTestId("effect-summary").filter({ hasText: `${count - 1} partners` }).waitFor();
    await page.keyboard.press("Control+Z");
    await expect(cell("A3").textContent()).resolves.toBe(second);
    await pane().getByTestId("effect-summary").filter({ hasText: `${count} partners` }).waitFor();
    // Ctrl++ inserts a row above it, with the Score formula; Ctrl+Z takes it out again.
    await cell("A3").click();
    await page.keyboard.press("Control+Shift+Equal");
    await expect(cell("A4").textContent()).resolves.toBe(second);
    await expect(cell("A3").textContent()).resolves.toBe("");
    await cell(`${scoreColumn}3`).click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toMatch(/^=PRM\.PARTNERSCORE\(/);
    await page.keyboard.press("Control+Z");
    await expect(cell("A3").textContent()).resolves.toBe(second);
    // Ten rows would push the table over A40, written by an earlier test: refused, and said.
    await cell("A3").click();
    await cell("A12").click({ modifiers: ["Shift"] });
    const said: string[] = [];
    page.once("dialog", (dialog) => {
      said.push(dialog.message());
      void dialog.dismiss();
    });
    await page.keyboard.press("Control+Shift+Equal");
    expect(said).toEqual(["Row 40 below the table Partners holds data: move it before inserting rows"]);
    await expect(cell("A3").textContent()).resolves.toBe(second);
  });

  it("made no request outside localhost and threw no uncaught error", async () => {
    const outside = requests.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !["data:", "blob:", "about:"].includes(protocol) && hostname !== "localhost";
    });
    expect(outside).toEqual([]);
    expect(requests.some((url) => url.includes("/office-js/office.js"))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("has a task pane without serious or critical accessibility violations (axe-core)", async () => {
    expect(await paneAxeViolations(paneFrame())).toEqual([]);
  });

  it("has a grid page without accessibility violations (axe-core, the pane's frame left out)", async () => {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const { violations: found } = await axe.run({ exclude: [["#taskpane iframe"]] });
      return found.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations).toEqual([]);
  });

  it("keeps HyperFormula (GPL-3.0) out of everything Excel loads", () => {
    // One of HyperFormula's own messages: it survives minification, unlike its names.
    const marker = "No space for array result";
    expect(readFileSync(join(ROOT, "dist-preview", "preview.js"), "utf8")).toContain(marker);
    expectNotShipped(marker);
  });

  it("keeps ExcelJS out of everything Excel loads and out of the preview's first load", () => {
    // A part name ExcelJS writes into every .xlsx: it survives minification.
    const marker = "xl/sharedStrings.xml";
    expect(readFileSync(join(ROOT, "dist-preview", "xlsx.js"), "utf8")).toContain(marker);
    expect(readFileSync(join(ROOT, "dist-preview", "preview.js"), "utf8")).not.toContain(marker);
    expectNotShipped(marker);
  });

  it("saves a screenshot to artifacts/preview.png", async () => {
    await page.locator("#workbook .grid-scroll").evaluate((grid) => grid.scrollTo(0, 0));
    await cell(`${scoreColumn}${gridRow}`).click();
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "preview.png") });
    expect(existsSync(join(ARTIFACTS, "preview.png"))).toBe(true);
  });
});
