/**
 * The chart port (ChartStore, issue 24) over the browser workbook's grid: the add-in's own
 * sheet written with its charts, as the Excel adapter writes it (Microsoft, "Work with charts
 * using the Excel JavaScript API": a chart lives on its worksheet over a source range, placed
 * with Chart.setPosition(startCell, endCell), and is deleted with its worksheet).
 */
import type { ChartedSheet, ChartSpec } from "../workbook/store";
import { chartsReading, plottedNow } from "./chartLayer";
import { GridStore } from "./gridStore";
import { chartsNotSaved } from "./sheetCharts";
import { Workbook, type CellAddress } from "./workbook";

const MARKER = "Partner Scorecard dashboard (written by the add-in)";

const TIERS_CHART: ChartSpec = {
  name: "PRM tiers",
  type: "ColumnClustered",
  title: "Partners per tier",
  source: "A3:B5",
  seriesBy: "Columns",
  position: { from: "D2", to: "K16" },
};

const DISTRIBUTION_CHART: ChartSpec = {
  name: "PRM scores",
  type: "ColumnStacked",
  title: "Score distribution",
  source: "A8:B10",
  seriesBy: "Columns",
  position: { from: "D18", to: "K32" },
};

/** The dashboard's cells: tier counts computed from Sheet1's A1 and A2, so they recalculate. */
function dashboard(charts: ChartSpec[]): ChartedSheet {
  return {
    name: "Dashboard",
    marker: MARKER,
    cells: [
      [MARKER],
      [],
      ["Tier", "Partners"],
      ["Gold", "=Sheet1!A1"],
      ["Silver", "=Sheet1!A2"],
      [],
      [],
      ["Score", "Partners"],
      ["0-50", 3],
      ["50-100", 4],
    ],
    charts,
  };
}

function workbookWithCounts(): Workbook {
  const workbook = new Workbook(["Sheet1"]);
  workbook.write({ sheet: "Sheet1", row: 0, col: 0 }, 4);
  workbook.write({ sheet: "Sheet1", row: 1, col: 0 }, 7);
  return workbook;
}

describe("GridStore.writeChartedSheet", () => {
  it("creates the sheet with its cells and its charts, which plot the sheet's current values", async () => {
    const workbook = workbookWithCounts();
    const store = new GridStore(workbook);
    await expect(
      store.writeChartedSheet(dashboard([TIERS_CHART]), false),
    ).resolves.toBe("written");
    expect(workbook.sheetNames).toEqual(["Sheet1", "Dashboard"]);
    expect(workbook.cell({ sheet: "Dashboard", row: 0, col: 0 }).value).toBe(
      MARKER,
    );
    expect(workbook.charts.on("Dashboard")).toEqual([TIERS_CHART]);
    // Sheet names ignore case, as Excel's.
    expect(workbook.charts.on("DASHBOARD")).toHaveLength(1);
    expect(plottedNow(workbook, "Dashboard", TIERS_CHART)).toEqual({
      categoryTitle: "Tier",
      categories: ["Gold", "Silver"],
      series: [{ name: "Partners", values: [4, 7], texts: ["4", "7"] }],
    });
  });

  it("replaces the charts it drew on a rewrite: those not written again are gone", async () => {
    const workbook = workbookWithCounts();
    const store = new GridStore(workbook);
    await store.writeChartedSheet(dashboard([TIERS_CHART]), false);
    const retitled = { ...TIERS_CHART, title: "Partners per tier, now" };
    await store.writeChartedSheet(
      dashboard([retitled, DISTRIBUTION_CHART]),
      true,
    );
    expect(workbook.charts.on("Dashboard")).toEqual([
      retitled,
      DISTRIBUTION_CHART,
    ]);
    await store.writeChartedSheet(dashboard([DISTRIBUTION_CHART]), true);
    expect(workbook.charts.on("Dashboard")).toEqual([DISTRIBUTION_CHART]);
  });

  it("keeps the charts when the add-in rewrites only the sheet's cells", async () => {
    const workbook = workbookWithCounts();
    const store = new GridStore(workbook);
    await store.writeChartedSheet(dashboard([TIERS_CHART]), false);
    const { name, marker, cells } = dashboard([]);
    await store.writeOwnedSheet({ name, marker, cells }, true);
    expect(workbook.charts.on("Dashboard")).toEqual([TIERS_CHART]);
  });

  it("refuses a sheet of that name the user made: nothing written, no chart drawn", async () => {
    const workbook = new Workbook(["Sheet1", "Dashboard"]);
    workbook.enter({ sheet: "Dashboard", row: 0, col: 0 }, "my own dashboard");
    const store = new GridStore(workbook);
    await expect(
      store.writeChartedSheet(dashboard([TIERS_CHART]), false),
    ).rejects.toThrow(
      /already has a sheet named "Dashboard" that the add-in did not make; nothing was changed/,
    );
    expect(workbook.cell({ sheet: "Dashboard", row: 0, col: 0 }).value).toBe(
      "my own dashboard",
    );
    expect(
      workbook.cell({ sheet: "Dashboard", row: 2, col: 0 }).value,
    ).toBeNull();
    expect(workbook.charts.on("Dashboard")).toEqual([]);
  });

  it("with onlyIfPresent, creates no sheet and draws no chart where the sheet is missing", async () => {
    const workbook = workbookWithCounts();
    await expect(
      new GridStore(workbook).writeChartedSheet(dashboard([TIERS_CHART]), true),
    ).resolves.toBe("absent");
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
    expect(workbook.charts.counts).toEqual([]);
  });

  it("refuses, writing nothing, a chart it cannot draw: two charts of one name, a source on another sheet", async () => {
    const workbook = workbookWithCounts();
    const store = new GridStore(workbook);
    await expect(
      store.writeChartedSheet(
        dashboard([TIERS_CHART, { ...DISTRIBUTION_CHART, name: "prm TIERS" }]),
        false,
      ),
    ).rejects.toThrow(
      /Two charts on one sheet are named "prm TIERS".*nothing was written/,
    );
    await expect(
      store.writeChartedSheet(
        dashboard([{ ...TIERS_CHART, source: "Sheet1!A1:A2" }]),
        false,
      ),
    ).rejects.toThrow(/"PRM tiers" reads "Sheet1!A1:A2"/);
    await expect(
      store.writeChartedSheet(
        dashboard([{ ...TIERS_CHART, position: { from: "D2", to: "here" } }]),
        false,
      ),
    ).rejects.toThrow(/"PRM tiers" names "here", which is not a cell/);
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
    expect(workbook.charts.counts).toEqual([]);
  });

  it("draws again from the recalculated values: a change the source reads marks its chart, and it plots the new value", async () => {
    const workbook = workbookWithCounts();
    await new GridStore(workbook).writeChartedSheet(
      dashboard([TIERS_CHART, DISTRIBUTION_CHART]),
      false,
    );
    const changed: CellAddress[] = [];
    workbook.on(
      (event) => event.kind === "values" && changed.push(...event.cells),
    );
    workbook.enter({ sheet: "Sheet1", row: 1, col: 0 }, "12");
    const charts = workbook.charts.on("Dashboard");
    expect(chartsReading(charts, "Dashboard", changed)).toEqual([TIERS_CHART]);
    expect(
      plottedNow(workbook, "Dashboard", TIERS_CHART).series[0].values,
    ).toEqual([4, 12]);
    // A change outside every source, or on another sheet, draws nothing again.
    expect(
      chartsReading(charts, "Dashboard", [
        { sheet: "Dashboard", row: 0, col: 5 },
      ]),
    ).toEqual([]);
    expect(chartsReading(charts, "Sheet1", changed)).toEqual([]);
  });

  it("announces a replacement of a sheet's charts, so that the grid draws them", async () => {
    const workbook = workbookWithCounts();
    const heard: string[] = [];
    workbook.charts.onChange((sheet) => heard.push(sheet));
    await new GridStore(workbook).writeChartedSheet(
      dashboard([TIERS_CHART]),
      false,
    );
    expect(heard).toEqual(["Dashboard"]);
  });
});

describe("charts go with their sheet", () => {
  it("a removed sheet takes its charts; a sheet of that name made later has none", async () => {
    const workbook = workbookWithCounts();
    const store = new GridStore(workbook);
    await store.writeChartedSheet(dashboard([TIERS_CHART]), false);
    workbook.removeSheet("Dashboard");
    expect(workbook.charts.on("Dashboard")).toEqual([]);
    workbook.addSheet("Dashboard");
    expect(workbook.charts.on("Dashboard")).toEqual([]);
  });

  it("an opened file (reset) leaves no chart", async () => {
    const workbook = workbookWithCounts();
    await new GridStore(workbook).writeChartedSheet(
      dashboard([TIERS_CHART]),
      false,
    );
    workbook.reset(["Dashboard"]);
    expect(workbook.charts.counts).toEqual([]);
  });
});

describe("GridStore.writeValuesSheet with charts", () => {
  it("draws the export's charts on the new sheet, under the name it got", async () => {
    const workbook = new Workbook(["Sheet1", "Alpha"]);
    const chart: ChartSpec = {
      ...TIERS_CHART,
      name: "PRM partner",
      type: "Radar",
      source: "A3:B5",
    };
    const name = await new GridStore(workbook).writeValuesSheet({
      name: "Alpha",
      cells: [
        ["Alpha"],
        [],
        ["Perspective", "Points"],
        ["Financial", 30],
        ["Growth", "n/a"],
      ],
      numberFormats: [],
      charts: [chart],
    });
    expect(name).toBe("Alpha (2)");
    expect(workbook.charts.on(name)).toEqual([chart]);
    expect(workbook.charts.on("Alpha")).toEqual([]);
    expect(plottedNow(workbook, name, chart).series[0]).toEqual({
      name: "Points",
      values: [30, 0],
      texts: ["30", "n/a"],
    });
  });

  it("refuses a chart it cannot draw before adding the sheet", async () => {
    const workbook = new Workbook(["Sheet1"]);
    await expect(
      new GridStore(workbook).writeValuesSheet({
        name: "Alpha",
        cells: [["Alpha"]],
        numberFormats: [],
        charts: [{ ...TIERS_CHART, source: "Sheet1!A1:B2" }],
      }),
    ).rejects.toThrow(/a chart's source must be a range of its own sheet/);
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
  });
});

describe("chartsNotSaved", () => {
  it("says nothing without charts, and how many charts on which sheets the file leaves out", async () => {
    const workbook = workbookWithCounts();
    expect(chartsNotSaved(workbook.charts)).toBeNull();
    await new GridStore(workbook).writeChartedSheet(
      dashboard([TIERS_CHART, DISTRIBUTION_CHART]),
      false,
    );
    expect(chartsNotSaved(workbook.charts)).toMatch(
      /^2 charts \(on Dashboard\) are not in the saved file: the file library cannot write charts/,
    );
  });
});
