/**
 * The Dashboard the pane writes (src/programme/dashboard), drawn by the browser workbook: each
 * of its charts plots its block of the sheet as computed by the formula engine with the real
 * functions bundle (run npm run build first), one bar per category per series, and follows
 * the data when the model changes. Microsoft, "ChartCollection.add(type, sourceData,
 * seriesBy)": with seriesBy Columns the block's header row names the series and its first
 * column the categories.
 */
import { dashboardSheet, DASHBOARD_CHARTS, DASHBOARD_SHEET } from "../../src/programme/dashboard";
import { scenarioOf, scorePartners } from "../../src/programme/whatIf";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import type { CustomFunctionsHost } from "../../src/host/customFunctionsHost";
import { plottedNow, chartsReading } from "../../src/preview/chartLayer";
import { layoutChart } from "../../src/preview/chartGeometry";
import { registerCustomFunctions } from "../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../src/preview/gridStore";
import { Workbook, type CellAddress } from "../../src/preview/workbook";
import { sampleTables } from "../../src/workbook/sample";
import { TABLE } from "../../src/workbook/names";

let host: CustomFunctionsHost;
beforeAll(() => {
  host = loadBuiltFunctions();
  registerCustomFunctions(host);
});

const AS_OF = 46000;

async function sampleWithDashboard() {
  const workbook = new Workbook(["Sheet1"]);
  const store = new GridStore(workbook);
  await store.createSample(sampleTables(AS_OF));
  const loaded = await store.load();
  const scenario = scenarioOf(loaded.criteria!, loaded.tiers!)!;
  const result = dashboardSheet({
    tiers: loaded.tiers!,
    partners: loaded.partners!,
    scenario,
    scored: scorePartners(loaded.partners!, scenario),
    snapshots: [],
    generatedAt: new Date("2026-11-29T12:00:00Z"),
  });
  if (!result.ok) throw new Error(result.message);
  await expect(store.writeChartedSheet(result.sheet, false)).resolves.toBe("written");
  return { workbook, store, sheet: result.sheet, partners: loaded.partners! };
}

describe("the pane's Dashboard in the browser workbook", () => {
  it("draws every chart of the Dashboard from its block: categories, series, numbers, no error plotted", async () => {
    const { workbook, sheet } = await sampleWithDashboard();
    expect(workbook.charts.on(DASHBOARD_SHEET).map((c) => c.name)).toEqual(sheet.charts.map((c) => c.name));
    for (const spec of sheet.charts) {
      const data = plottedNow(workbook, DASHBOARD_SHEET, spec);
      expect([spec.name, data.categories.length > 0, data.series.length > 0]).toEqual([spec.name, true, true]);
      for (const series of data.series) {
        expect(series.values).toHaveLength(data.categories.length);
        // A value plotted as 0 from a cell without a number would be an error or a text: none here.
        series.values.forEach((value, i) => {
          if (value === 0) expect([spec.name, series.texts[i]]).toEqual([spec.name, "0"]);
        });
      }
      const marks = layoutChart(spec.type, spec.title, data, { width: 600, height: 300 }).marks;
      const expected =
        spec.type === "Line" || spec.type === "Radar"
          ? data.series.length
          : data.series.length * data.categories.length;
      expect([spec.name, marks.length]).toEqual([spec.name, expected]);
    }
  });

  it("plots the live tier counts, which add up to the partners and change with the Tiers table", async () => {
    const { workbook, sheet, partners } = await sampleWithDashboard();
    const spec = sheet.charts.find((c) => c.name === DASHBOARD_CHARTS.tiers)!;
    const before = plottedNow(workbook, DASHBOARD_SHEET, spec);
    const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(total(before.series[0].values)).toBe(partners.rows.length);
    // A higher bar for the top tier: its Min score lowered to 0, every partner who meets its
    // requirements is counted there.
    const tiers = workbook.tables.get(TABLE.tiers)!;
    const changed: CellAddress[] = [];
    workbook.on((event) => event.kind === "values" && changed.push(...event.cells));
    workbook.enter({ sheet: tiers.sheet, row: tiers.topLeft.row + 1, col: tiers.topLeft.col + 1 }, "0");
    expect(chartsReading(workbook.charts.on(DASHBOARD_SHEET), DASHBOARD_SHEET, changed).map((c) => c.name)).toContain(
      DASHBOARD_CHARTS.tiers,
    );
    const after = plottedNow(workbook, DASHBOARD_SHEET, spec);
    expect(after.series[0].values).not.toEqual(before.series[0].values);
    expect(total(after.series[0].values)).toBe(partners.rows.length);
  });
});
