/**
 * The Dashboard's charts in Chromium (issue 24): the browser workbook draws the charts the
 * add-in writes, from the current values of their source ranges, so a weight moved in the pane
 * and applied changes the tier chart's bars. Needs the builds (npm run test:e2e makes them).
 * Screenshots go to artifacts/ (the test's, not the docs').
 */
import { mkdirSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import type { ChartedSheet } from "../../src/workbook/store";
import { browserTestsRunnable } from "./browser";
import { gridOf, openPreview, paneOf, type PreviewPage } from "./previewPage";

const ARTIFACTS = join(__dirname, "../../artifacts");
const TIERS = ["Platinum", "Gold", "Silver", "Registered"];

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

/**
 * A dashboard written as the pane writes one, through the page's store (the chart port),
 * counting the Partners table's tiers with built-in formulas so that the counts follow an Apply.
 */
function tierDashboard(): ChartedSheet {
  const marker = "Partner Scorecard dashboard: written by the add-in";
  return {
    name: "Dashboard",
    marker,
    cells: [
      [marker],
      [],
      ["Tier", "Partners"],
      ...TIERS.map((tier) => [tier, `=COUNTIF(Partners[Tier],"${tier}")`]),
    ],
    charts: [
      {
        name: "PRM tiers",
        type: "ColumnClustered",
        title: "Partners per tier",
        source: `A3:B${3 + TIERS.length}`,
        seriesBy: "Columns",
        position: { from: "D2", to: "L18" },
      },
    ],
  };
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("the Dashboard's charts in the browser workbook", () => {
  let before: Awaited<ReturnType<typeof chartNamed>>;

  it("draws the tier chart the add-in writes, over its cells, from the counts the sheet computes", async () => {
    await pane().getByTestId("create-sample").click();
    await page.locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]').waitFor();
    const written = await page.evaluate(
      (sheet) =>
        (
          window as unknown as {
            partnerScorecardPreview: { store: { writeChartedSheet(s: unknown, o: boolean): Promise<string> } };
          }
        ).partnerScorecardPreview.store.writeChartedSheet(sheet, false),
      tierDashboard(),
    );
    expect(written).toBe("written");
    await gridOf(page).showSheet("Dashboard");
    before = await chartNamed("PRM tiers");

    // What it plots is what the cells show: the tiers, and their counts.
    const counts: number[] = [];
    for (const [i] of TIERS.entries())
      counts.push(Number(await gridOf(page).cell(`B${4 + i}`).getAttribute("data-value")));
    expect(before.plotted).toEqual({
      categories: TIERS,
      series: [{ name: "Partners", values: counts, texts: counts.map(String) }],
    });
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    // One bar per tier, as tall as its count (the same pixels per partner for every bar).
    expect(before.bars.map((b) => [b.category, b.value])).toEqual(TIERS.map((tier, i) => [tier, counts[i]]));
    const perPartner = before.bars.find((b) => b.value > 0)!;
    for (const bar of before.bars) expect(bar.height).toBeCloseTo((bar.value * perPartner.height) / perPartner.value, 0);
    // An image named by its title; its values in a table for assistive technology.
    expect(before.label).toMatch(/^Partners per tier: Column chart/);
    await expect(
      page.locator('#workbook .sheet-chart[data-chart="PRM tiers"] table caption').textContent(),
    ).resolves.toBe("Partners per tier");

    // Placed over its cells: from D2's top-left corner to L18's bottom-right one.
    const box = (selector: string) => page.locator(selector).boundingBox();
    const chart = await box('#workbook .sheet-chart[data-chart="PRM tiers"]');
    const from = await box('#workbook td[data-cell="D2"]');
    const to = await box('#workbook td[data-cell="L18"]');
    expect(chart!.x).toBeCloseTo(from!.x, -1);
    expect(chart!.y).toBeCloseTo(from!.y, -1);
    expect(chart!.x + chart!.width).toBeCloseTo(to!.x + to!.width, -1);
    expect(chart!.y + chart!.height).toBeCloseTo(to!.y + to!.height, -1);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-before.png") });
  });

  it("changes the tier chart's bars when a weight moved in the pane is applied", async () => {
    // Certification weighing most for resellers (most partners): those certified move up.
    await pane().getByTestId("profile").selectOption("Reseller");
    await pane().getByTestId("weight-Certification").fill("200");
    await pane().getByTestId("apply").click();
    await page.waitForFunction(
      (old) =>
        document.querySelector('#workbook .sheet-chart[data-chart="PRM tiers"]')?.getAttribute("data-plotted") !== old,
      JSON.stringify(before.plotted),
    );
    const after = await chartNamed("PRM tiers");
    const counts: number[] = [];
    for (const [i] of TIERS.entries())
      counts.push(Number(await gridOf(page).cell(`B${4 + i}`).getAttribute("data-value")));
    expect(after.plotted.series[0].values).toEqual(counts);
    expect(after.plotted.series[0].values).not.toEqual(before.plotted.series[0].values);
    // Every partner is still counted once.
    expect(counts.reduce((a, b) => a + b, 0)).toBe(before.plotted.series[0].values.reduce((a, b) => a + b, 0));
    expect(after.bars.map((b) => b.value)).toEqual(counts);
    expect(after.bars.map((b) => b.height)).not.toEqual(before.bars.map((b) => b.height));
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-after.png") });
  });

  it("says on Save that the charts are not in the file, rather than dropping them silently", async () => {
    const download = page.waitForEvent("download");
    await page.getByTestId("save-xlsx").click();
    await download;
    await expect(page.getByTestId("file-report").textContent()).resolves.toMatch(
      /1 chart \(on Dashboard\) is not in the saved file/,
    );
    expect(preview.pageErrors).toEqual([]);
  });
});
