/**
 * The Dashboard's charts in Chromium (issue 24): the browser workbook draws the charts the
 * pane's Write dashboard writes, from the current values of their source ranges, so a weight
 * moved in the pane and applied changes the tier chart's bars, and so does a recalculation. Needs the builds (npm run test:e2e makes them).
 * Screenshots go to artifacts/ (the test's, not the docs').
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { browserTestsRunnable } from "./browser";
import type { Workbook } from "../../src/preview/workbook";
import { gridOf, openPreview, paneOf, paneTierCounts, type PreviewPage } from "./previewPage";

const ARTIFACTS = join(__dirname, "../../artifacts");
/** The sample's tiers as the Dashboard lists them: from the lowest, left to right. */
const TIERS = ["Registered", "Silver", "Gold", "Platinum"];
/** The Dashboard's chart of partners per tier (src/programme/dashboard, DASHBOARD_CHARTS.tiers). */
const TIER_CHART = "PRM partners per tier";

let preview: PreviewPage;
let page: Page;

beforeAll(async () => {
  preview = await openPreview({ width: 1600, height: 1000 });
  page = preview.page;
});

afterAll(async () => {
  await preview?.close();
});

const pane = () => paneOf(page).pane();

/** What a chart plots, as it says in its data-plotted attribute. */
interface Plotted {
  categoryTitle: string;
  categories: string[];
  series: { name: string; values: number[]; texts: string[] }[];
}

/** The chart named `name` on the shown sheet: what it plots, and its bars as drawn. */
async function chartNamed(name: string): Promise<{
  plotted: Plotted;
  bars: { series: string; category: string; value: number; height: number }[];
  label: string;
}> {
  const chart = page.locator(`#workbook .sheet-chart[data-chart="${name}"]`);
  await chart.waitFor();
  return chart.evaluate((figure) => ({
    plotted: JSON.parse(figure.getAttribute("data-plotted") ?? "null") as Plotted,
    bars: [...figure.querySelectorAll("rect[data-series]")].map((rect) => ({
      series: rect.getAttribute("data-series") ?? "",
      category: rect.getAttribute("data-category") ?? "",
      value: Number(rect.getAttribute("data-value")),
      height: Number(rect.getAttribute("height")),
    })),
    label: figure.querySelector("svg")?.getAttribute("aria-label") ?? "",
  }));
}

/** The cells of an A1 range of the shown sheet, row by row: their text and their number (or null). */
async function cellsOf(range: string): Promise<{ text: string; value: number | null }[][]> {
  const [from, to] = range.split(":").map((name) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(name)!;
    return { col: letters.charCodeAt(0) - 65, row: Number(digits) };
  });
  const rows: { text: string; value: number | null }[][] = [];
  for (let row = from.row; row <= to.row; row++) {
    const line: { text: string; value: number | null }[] = [];
    for (let col = from.col; col <= to.col; col++) {
      const td = gridOf(page).cell(`${String.fromCharCode(65 + col)}${row}`);
      const value = await td.getAttribute("data-value");
      line.push({ text: (await td.textContent()) ?? "", value: value === null ? null : Number(value) });
    }
    rows.push(line);
  }
  return rows;
}

/** The tier chart's source block as the grid shows it: the tiers and their counts. */
async function tierBlock(): Promise<{ tiers: string[]; counts: number[] }> {
  const source = await page.locator(`#workbook .sheet-chart[data-chart="${TIER_CHART}"]`).getAttribute("data-source");
  const [, ...rows] = await cellsOf(source!);
  return { tiers: rows.map((row) => row[0].text), counts: rows.map((row) => row[1].value ?? NaN) };
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("the Dashboard's charts in the browser workbook", () => {
  let before: Awaited<ReturnType<typeof chartNamed>>;

  it("draws the tier chart the pane's Write dashboard writes, over its cells, from the counts the sheet computes", async () => {
    await pane().getByTestId("create-sample").click();
    await page.locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]').waitFor();
    await pane().getByTestId("write-dashboard").click();
    await pane().getByTestId("dashboard-status").filter({ hasText: 'Wrote the sheet "Dashboard"' }).waitFor();
    await gridOf(page).showSheet("Dashboard");
    before = await chartNamed(TIER_CHART);

    // What it plots is what the cells show: the tiers, and their counts, which the pane counts too.
    const block = await tierBlock();
    expect(block.tiers).toEqual(TIERS);
    expect(before.plotted).toEqual({
      categoryTitle: "Tier",
      categories: TIERS,
      series: [{ name: "Partners", values: block.counts, texts: block.counts.map(String) }],
    });
    const paneCounts = await paneTierCounts(page, TIERS);
    expect(Object.fromEntries(TIERS.map((t, i) => [t, block.counts[i]]).filter(([, n]) => Number(n) > 0))).toEqual(paneCounts);
    // One bar per tier, as tall as its count (the same pixels per partner for every bar).
    expect(before.bars.map((b) => [b.category, b.value])).toEqual(TIERS.map((tier, i) => [tier, block.counts[i]]));
    const perPartner = before.bars.find((b) => b.value > 0)!;
    for (const bar of before.bars) expect(bar.height).toBeCloseTo((bar.value * perPartner.height) / perPartner.value, 0);
    // An image named by its title; its values in a table for assistive technology.
    expect(before.label).toMatch(/^Partners per tier: Column chart/);
    await expect(
      page.locator(`#workbook .sheet-chart[data-chart="${TIER_CHART}"] table caption`).textContent(),
    ).resolves.toBe("Partners per tier");
    // Every chart of the Dashboard is drawn.
    await expect(page.locator("#workbook .sheet-chart").count()).resolves.toBeGreaterThanOrEqual(3);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-before.png") });
    // The charts further down, scrolled into view with their cells.
    const grid = page.locator("#workbook .grid-scroll");
    await grid.evaluate((element) => element.scrollTo(0, 700));
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-scrolled.png") });
    await grid.evaluate((element) => element.scrollTo(0, 0));
  });

  it("changes the tier chart's bars when a weight moved in the pane is applied", async () => {
    // Certification weighing most for resellers (most partners): those certified move up.
    await pane().getByTestId("profile").selectOption("Reseller");
    await pane().getByTestId("weight-Certification").fill("200");
    await pane().getByTestId("apply").click();
    await page.waitForFunction(
      (old) =>
        document.querySelector(`#workbook .sheet-chart[data-chart="${old.chart}"]`)?.getAttribute("data-plotted") !== old.plotted,
      { chart: TIER_CHART, plotted: JSON.stringify(before.plotted) },
    );
    const after = await chartNamed(TIER_CHART);
    const { counts } = await tierBlock();
    expect(after.plotted.series[0].values).toEqual(counts);
    expect(after.plotted.series[0].values).not.toEqual(before.plotted.series[0].values);
    // Every partner is still counted once.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(before.plotted.series[0].values.reduce((a, b) => a + b, 0));
    expect(after.bars.map((b) => b.value)).toEqual(counts);
    expect(after.bars.map((b) => b.height)).not.toEqual(before.bars.map((b) => b.height));
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-after.png") });
  });

  it("draws the chart again when the cells it plots recalculate, with no write of the add-in's", async () => {
    const shown = await chartNamed(TIER_CHART);
    // The first tier's Min score set to 0 in the Tiers table, as a user would type it, with the
    // Dashboard in view: the tiers recount, and only the recalculation tells the chart.
    await page.evaluate(() => {
      const { workbook } = (window as unknown as { partnerScorecardPreview: { workbook: Workbook } })
        .partnerScorecardPreview;
      const tiers = workbook.tables.get("Tiers")!;
      workbook.enter({ sheet: tiers.sheet, row: tiers.topLeft.row + 1, col: tiers.topLeft.col + 1 }, "0");
    });
    await page.waitForFunction(
      (old) =>
        document.querySelector(`#workbook .sheet-chart[data-chart="${old.chart}"]`)?.getAttribute("data-plotted") !== old.plotted,
      { chart: TIER_CHART, plotted: JSON.stringify(shown.plotted) },
    );
    const redrawn = await chartNamed(TIER_CHART);
    expect(redrawn.plotted.series[0].values).toEqual((await tierBlock()).counts);
    expect(redrawn.plotted.series[0].values).not.toEqual(shown.plotted.series[0].values);
    expect(redrawn.bars.map((b) => b.value)).toEqual(redrawn.plotted.series[0].values);
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-recalculated.png") });
  });

  it("has charts without accessibility violations (axe-core): images named by their titles, their values in tables", async () => {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const { violations: found } = await axe.run({ include: [["#workbook .chart-layer"]] });
      return found.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    expect(violations).toEqual([]);
  });

  it("says on Save that the charts are not in the file, rather than dropping them silently", async () => {
    const download = page.waitForEvent("download");
    await page.getByTestId("save-xlsx").click();
    await download;
    await expect(page.getByTestId("file-report").textContent()).resolves.toMatch(
      /\d+ charts \(on Dashboard\) are not in the saved file/,
    );
    expect(preview.pageErrors).toEqual([]);
  });
});
