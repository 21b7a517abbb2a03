/**
 * Snapshots, movers and the values-only export in Chromium: the browser workbook page with
 * the real task pane and functions bundle. Needs the builds (npm run test:e2e makes them).
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { isoDateFromSerial, todaySerial } from "../../src/core";
import { sampleTables } from "../../src/workbook/sample";
import { browserTestsRunnable } from "./browser";
import { gridOf, openPreview, type PreviewPage } from "./previewPage";

const ARTIFACTS = join(__dirname, "../../artifacts");

let preview: PreviewPage;
let page: Page;

beforeAll(async () => {
  preview = await openPreview({ width: 1600, height: 1000 });
  page = preview.page;
});

afterAll(async () => {
  await preview?.close();
});

const pane = () => page.frameLocator("#taskpane iframe");
const gridCell = (name: string) => page.locator(`#workbook td[data-cell="${name}"]`);
const tabs = () => page.locator("[role=tab]").allTextContents();

/** The counts in a line such as "3 up, 1 down": by label. */
function counted(text: string, label: string): number {
  const match = new RegExp(`(\\d+) (?:moves? )?${label}`).exec(text);
  if (!match) throw new Error(`no "${label}" count in: ${text}`);
  return Number(match[1]);
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("sharing in the browser workbook", () => {
  const partners = sampleTables()[2];
  const today = isoDateFromSerial(todaySerial());

  it("takes a snapshot, and the Tier history sheet (Excel reserves the name History) shows a dated row per partner", async () => {
    await pane().getByTestId("create-sample").click();
    await page.locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]').waitFor();
    await expect(pane().getByTestId("history-summary").textContent()).resolves.toMatch(/No snapshot yet/);
    await expect(pane().getByTestId("movers-summary").textContent()).resolves.toMatch(/Take a snapshot/);

    await pane().getByTestId("snapshot").click();
    await pane().getByTestId("history-summary").filter({ hasText: `Last snapshot ${today}` }).waitFor();
    await expect(tabs()).resolves.toEqual(["Sheet1", "Scorecard", "Partners", "Tier history"]);
    await page.getByTestId("sheet-tab-Tier history").click();
    await expect(gridCell("A1").textContent()).resolves.toBe("Date");
    await expect(gridCell("D1").textContent()).resolves.toBe("Tier");
    // Every sample partner has a name of its own; those the model cannot score are listed instead.
    const notice = (await pane().locator(".notice").first().textContent()) ?? "";
    const written = Number(/Snapshot of (\d+) partners/.exec(notice)?.[1]);
    const notScored = (notice.match(/Left out, not scored/g) ?? []).length;
    expect(written + notScored).toBe(partners.rows.length);
    await expect(gridCell(`A${written + 1}`).textContent()).resolves.toBe(today);
    await expect(gridCell(`B2`).textContent()).resolves.toBe(partners.rows[0][0]);
    await expect(gridCell(`A${written + 2}`).textContent()).resolves.toBe("");
    await expect(pane().getByTestId("movers-summary").textContent()).resolves.toMatch(new RegExp(`^Against the snapshot of ${today}: 0 up, 0 down, ${written} same tier, 0 new, 0 gone`));
    await expect(pane().locator('[data-testid="tier-history"] g').count()).resolves.toBe(1);
  });

  // The sample's CERTSTATUS reads the Evaluation date rather than today (volatile), so the pane
  // writes that date: an older date typed there is replaced by today's, and the statuses follow.
  it("Set to today writes today's date into the Evaluation table, and the certification statuses follow", async () => {
    await gridOf(page).showSheet("Scorecard");
    await gridOf(page).typeInto("R2", "2020-01-01");
    await expect(gridCell("R2").textContent()).resolves.toBe("2020-01-01");
    await gridOf(page).showSheet("Partners");
    const statusesThen = await page.locator('#workbook td[data-cell^="J"]').allTextContents();
    expect(statusesThen.filter((s) => s === "Expired")).toHaveLength(0);

    await pane().getByTestId("evaluation-today").click();
    await pane().locator(".notice").filter({ hasText: `Evaluation date set to ${today}` }).waitFor();
    const statusesNow = await page.locator('#workbook td[data-cell^="J"]').allTextContents();
    expect(statusesNow.filter((s) => s === "Expired").length).toBeGreaterThan(0);
    await gridOf(page).showSheet("Scorecard");
    await expect(gridCell("R2").textContent()).resolves.toBe(today);
    await gridCell("R2").click();
    const [y, m, d] = today.split("-").map(Number);
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toBe(`=DATE(${y},${m},${d})`);
    await gridOf(page).showSheet("Partners");
  });

  it("asks before a second snapshot the same day, and Cancel writes nothing", async () => {
    await pane().getByTestId("snapshot").click();
    await pane().getByTestId("snapshot-again").waitFor();
    await pane().getByTestId("snapshot-cancel").click();
    await expect(pane().getByTestId("snapshot-again").count()).resolves.toBe(0);
    await expect(pane().getByTestId("history-summary").textContent()).resolves.toMatch(/1 snapshot in the History table/);
  });

  it("changes a weight and shows the movers against the snapshot, the same moves as the effect summary", async () => {
    await pane().getByTestId("profile").selectOption("Reseller");
    await pane().getByTestId("weight-Revenue").fill("200");
    const movers = pane().getByTestId("movers-summary");
    await movers.filter({ hasText: "With your edits" }).waitFor();
    const moved = (await movers.textContent()) ?? "";
    const effect = (await pane().getByTestId("effect-summary").textContent()) ?? "";
    // Right after a snapshot the snapshot is the workbook's model: both compare the same two scorings.
    expect([counted(moved, "up"), counted(moved, "down")]).toEqual([counted(effect, "up"), counted(effect, "down")]);
    expect(counted(moved, "up") + counted(moved, "down")).toBeGreaterThan(0);
    const listed = await pane().locator('[data-testid="movers-up"] li, [data-testid="movers-down"] li').allTextContents();
    expect(listed.length).toBeGreaterThan(0);
    for (const line of listed) expect(line).toMatch(/^.+: .+ → .+ \([+−±]\d+\.\d\)$/);
  });

  it("exports the list as values to a new sheet, leaving out an unticked column", async () => {
    await pane().getByTestId("revert").click();
    await pane().getByTestId("export-column-Revenue").uncheck();
    await pane().getByTestId("export-values").click();
    const sheet = `Scores ${today}`;
    await page.locator(`[data-testid="sheet-tab-${sheet}"][aria-selected="true"]`).waitFor();
    await expect(gridCell("A1").textContent()).resolves.toBe("Partner scores as of");
    await expect(gridCell("B1").textContent()).resolves.toBe(today);
    const header = await page.locator('#workbook td[data-row="2"]').allTextContents();
    expect(header.filter((h) => h !== "")).not.toContain("Revenue");
    expect(header).toEqual(expect.arrayContaining(["Partner", "Type", "Score", "Tier"]));
    // Plain values: the formula bar of a score shows a number, not a formula.
    const scoreColumn = String.fromCharCode(65 + header.indexOf("Score"));
    await gridCell(`${scoreColumn}4`).click();
    await expect(page.getByTestId("formula-bar").inputValue()).resolves.toMatch(/^\d+(\.\d+)?$/);
    expect(preview.pageErrors).toEqual([]);
  });

  // The sheet name History made Save .xlsx fail ("The name History is protected"), as Excel
  // refuses it (Microsoft, "Rename a worksheet"): saved and opened again, the history is there.
  it("saves the workbook with its snapshot as .xlsx and opens it again: the history is there", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("save-xlsx").click()]);
    const report = page.getByTestId("file-report");
    await report.filter({ hasText: "Saved" }).waitFor();
    mkdirSync(ARTIFACTS, { recursive: true });
    const saved = join(ARTIFACTS, "snapshot-history.xlsx");
    await download.saveAs(saved);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByTestId("open-xlsx").setInputFiles(saved);
    await report.filter({ hasText: "Opened snapshot-history.xlsx" }).waitFor();
    await expect(report.textContent()).resolves.toMatch(/sheets Sheet1, Scorecard, Partners, Tier history, Scores [\d-]+; tables Criteria, Tiers, Evaluation, Partners, History\.$/);
    await page.getByTestId("sheet-tab-Tier history").click();
    await expect(gridCell("A2").textContent()).resolves.toBe(today);
    await expect(gridCell("B2").textContent()).resolves.toBe(partners.rows[0][0]);
    await pane().getByTestId("history-summary").filter({ hasText: `Last snapshot ${today}` }).waitFor();
    await expect(pane().getByTestId("history-summary").textContent()).resolves.toMatch(/1 snapshot in the History table/);
    expect(preview.pageErrors).toEqual([]);
  });
});
