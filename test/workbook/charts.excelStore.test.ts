/**
 * ExcelScorecardStore.writeChartedSheet (the Dashboard, issue 24) and the values export's
 * chart, against the stateful fake workbook, counting context.sync() calls.
 *
 * Microsoft's pages the fake follows: "Create and customize charts with the Excel JavaScript
 * API" (charts.add(type, sourceData, seriesBy), chart.title.text); Excel.ChartCollection
 * (add, getItem and getItemOrNullObject by name; add is ExcelApi 1.1, getItemOrNullObject
 * ExcelApi 1.4); Excel.Chart (name, setPosition(startCell, endCell), delete: ExcelApi 1.1);
 * "Excel JavaScript API requirement sets" for Office.context.requirements.isSetSupported.
 */
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { NO_CHARTS } from "../../src/workbook/excelCharts";
import { ownedSheetTaken } from "../../src/workbook/ownedSheet";
import type {
  ChartedSheet,
  ChartSpec,
  ValuesSheet,
} from "../../src/workbook/store";
import { installEmptyWorkbook, type FakeExcel } from "./fakeExcel";

const MARKER = "Dashboard made by the add-in";

const TIERS_CHART: ChartSpec = {
  name: "PRM partners per tier",
  type: "ColumnClustered",
  title: "Partners per tier",
  source: "A3:B5",
  seriesBy: "Columns",
  position: { from: "E3", to: "L17" },
};
const MIX_CHART: ChartSpec = {
  name: "PRM perspectives per tier",
  type: "ColumnStacked",
  title: "Average points per perspective per tier",
  source: "A7:C9",
  seriesBy: "Columns",
  position: { from: "E19", to: "L33" },
};

function dashboard(
  charts: ChartSpec[] = [TIERS_CHART, MIX_CHART],
  gold = 3,
): ChartedSheet {
  return {
    name: "Dashboard",
    marker: MARKER,
    cells: [
      [MARKER, null, null],
      [],
      ["Tier", "Partners"],
      ["Silver", "=COUNTIF(Partners[Tier],A4)"],
      ["Gold", gold],
      [],
      ["Tier", "Financial", "Customer"],
      ["Silver", 20, 15],
      ["Gold", 35, 30],
    ],
    charts,
  };
}

let excel: FakeExcel;
beforeEach(() => {
  excel = installEmptyWorkbook();
});
afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

const withoutName = (spec: ChartSpec) => ({
  name: spec.name,
  type: spec.type,
  source: spec.source,
  seriesBy: spec.seriesBy,
  title: spec.title,
  position: spec.position,
});

describe("ExcelScorecardStore.writeChartedSheet", () => {
  it("creates the sheet with its cells and its charts (type, source range, series by, title, place) in one write sync", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: true });
    await expect(store.writeChartedSheet(dashboard(), false)).resolves.toBe(
      "written",
    );
    // One read (is there a Dashboard?), then the one write: cells and charts together.
    expect([excel.syncs, excel.writeSyncs]).toEqual([2, 1]);
    expect(excel.cell("Dashboard", "A1")).toBe(MARKER);
    expect(excel.cell("Dashboard", "B4")).toBe("=COUNTIF(Partners[Tier],A4)");
    expect(excel.charts("Dashboard")).toEqual([
      withoutName(TIERS_CHART),
      withoutName(MIX_CHART),
    ]);
  });

  it("rewrites its own sheet: the charts it drew before are replaced, a chart of the user's is kept, still one write sync", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: true });
    await store.writeChartedSheet(dashboard(), false);
    // The user adds a chart of their own on the Dashboard.
    const sheet = excel.sheets.get("Dashboard")!;
    sheet.charts.push({
      name: "My chart",
      type: "Line",
      source: "A3:B5",
      seriesBy: "Auto",
      title: "Mine",
      position: null,
    });
    excel.syncs = 0;
    excel.writeSyncs = 0;
    const moved = { ...TIERS_CHART, position: { from: "F3", to: "M17" } };
    await expect(
      store.writeChartedSheet(dashboard([moved, MIX_CHART], 7), false),
    ).resolves.toBe("written");
    // Reads: the sheet, then its marker with the charts' look-up; then the one write.
    expect([excel.syncs, excel.writeSyncs]).toEqual([3, 1]);
    expect(excel.cell("Dashboard", "B5")).toBe(7);
    const charts = excel.charts("Dashboard");
    expect(charts.map((c) => c.name)).toEqual([
      "My chart",
      TIERS_CHART.name,
      MIX_CHART.name,
    ]);
    expect(charts[1].position).toEqual({ from: "F3", to: "M17" });
  });

  it("never writes over a sheet named Dashboard that the add-in did not make: cells and charts stay", async () => {
    excel.addSheet("Dashboard").write(0, 0, "My own dashboard");
    excel.sheets
      .get("Dashboard")!
      .charts.push({
        name: TIERS_CHART.name,
        type: "Pie",
        source: "A1:A1",
        seriesBy: "Auto",
        title: "",
        position: null,
      });
    const store = new ExcelScorecardStore({ canDrawCharts: true });
    await expect(store.writeChartedSheet(dashboard(), false)).rejects.toThrow(
      ownedSheetTaken("Dashboard"),
    );
    expect(excel.writeSyncs).toBe(0);
    expect(excel.cell("Dashboard", "A1")).toBe("My own dashboard");
    expect(excel.charts("Dashboard").map((c) => c.type)).toEqual(["Pie"]);
  });

  it("with onlyIfPresent, makes no Dashboard where there is none", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: true });
    await expect(store.writeChartedSheet(dashboard(), true)).resolves.toBe(
      "absent",
    );
    expect(excel.sheets.has("Dashboard")).toBe(false);
    expect(excel.writeSyncs).toBe(0);
  });

  it("refuses, before Excel is touched, where the host lacks the charts' API set", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: false });
    await expect(store.writeChartedSheet(dashboard(), false)).rejects.toThrow(
      NO_CHARTS,
    );
    expect(NO_CHARTS).toMatch(/ExcelApi 1\.4/);
    expect(excel.syncs).toBe(0);
    expect(excel.sheets.has("Dashboard")).toBe(false);
  });
});

describe("the values export's chart", () => {
  const values = (charts?: ChartSpec[]): ValuesSheet => ({
    name: "Alpha 2026-12-04",
    cells: [
      ["Perspective", "Points"],
      ["Financial", 30],
      ["Customer", 25],
    ],
    numberFormats: [
      ["General", "General"],
      ["General", "0.0"],
      ["General", "0.0"],
    ],
    charts,
  });
  const chart: ChartSpec = {
    name: "PRM partner",
    type: "BarClustered",
    title: "Alpha: points per perspective",
    source: "A1:B3",
    seriesBy: "Columns",
    position: { from: "D1", to: "K15" },
  };

  it("is drawn over the exported values in the sheet's one write sync", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: true });
    await expect(store.writeValuesSheet(values([chart]))).resolves.toBe(
      "Alpha 2026-12-04",
    );
    expect([excel.syncs, excel.writeSyncs]).toEqual([2, 1]);
    expect(excel.charts("Alpha 2026-12-04")).toEqual([withoutName(chart)]);
  });

  it("refuses the export, writing nothing, where the host cannot draw it; without a chart it is written as before", async () => {
    const store = new ExcelScorecardStore({ canDrawCharts: false });
    await expect(store.writeValuesSheet(values([chart]))).rejects.toThrow(
      NO_CHARTS,
    );
    expect(excel.sheets.has("Alpha 2026-12-04")).toBe(false);
    await expect(store.writeValuesSheet(values())).resolves.toBe(
      "Alpha 2026-12-04",
    );
    expect(excel.charts("Alpha 2026-12-04")).toEqual([]);
  });
});
