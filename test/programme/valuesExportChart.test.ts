/**
 * The values export of one partner with its chart (issue 24): the points block below the
 * partner's row is plain values, the sheet stays rectangular (writeValuesSheet's rule), and
 * the chart's source range is exactly that block (Microsoft, "Create and customize charts
 * with the Excel JavaScript API": the first row names the series, the first column the
 * categories).
 */
import { parseCell } from "../../src/workbook/address";
import { valuesSheet } from "../../src/programme/valuesExport";
import {
  withPartnerChart,
  PARTNER_CHART,
} from "../../src/programme/valuesExportChart";
import { scenarioOf, scorePartners } from "../../src/programme/whatIf";
import { criteria, partners, tiers } from "../taskpane/fixtures";

function exported() {
  const table = partners();
  const scenario = scenarioOf(criteria(), tiers())!;
  const scoring = {
    results: scorePartners(table, scenario),
    tiers: scenario.tiers,
  };
  return valuesSheet(table, scoring, {
    excluded: new Set([
      "revenue",
      "growth",
      "type",
      "accreditation",
      "support load",
    ]),
    partner: "Alpha",
    date: 46000,
  });
}

const POINTS = {
  partner: "Alpha",
  categories: ["Financial", "Capability", "=Customer"],
  series: [
    { name: "Alpha", values: [60, 20, 20] },
    { name: "Gold average", values: [50, 15, 10] },
    { name: "Next tier", values: [45, 10, 15] },
  ],
};

/** The cells of an A1 range of `cells`. */
function at(cells: unknown[][], range: string): unknown[][] {
  const [a, b] = range.split(":").map(parseCell);
  return cells
    .slice(a.row, b.row + 1)
    .map((row) => row.slice(a.column, b.column + 1));
}

describe("withPartnerChart", () => {
  it("adds the points block and a chart over exactly that block, keeping the partner's rows", () => {
    const plain = exported();
    const sheet = withPartnerChart(plain, POINTS);
    expect(
      sheet.cells
        .slice(0, plain.cells.length)
        .map((r) => r.slice(0, plain.cells[0].length)),
    ).toEqual(plain.cells);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts!;
    expect(chart).toMatchObject({
      name: PARTNER_CHART,
      type: "BarClustered",
      seriesBy: "Columns",
    });
    expect(at(sheet.cells, chart.source)).toEqual([
      ["Perspective", "Alpha", "Gold average", "Next tier"],
      ["Financial", 60, 50, 45],
      ["Capability", 20, 15, 10],
      // A category that reads as a formula is written as text.
      ['="=Customer"', 20, 10, 15],
    ]);
    // The chart sits to the right of every cell.
    const width = sheet.cells[0].length;
    expect(parseCell(chart.position.from).column).toBeGreaterThanOrEqual(width);
  });

  it("keeps the sheet rectangular, number formats the same shape as the cells", () => {
    const sheet = withPartnerChart(exported(), POINTS);
    const width = sheet.cells[0].length;
    expect(width).toBe(4);
    expect(sheet.cells.every((row) => row.length === width)).toBe(true);
    expect(sheet.numberFormats.map((row) => row.length)).toEqual(
      sheet.cells.map(() => width),
    );
    const [chart] = sheet.charts!;
    const points = at(sheet.numberFormats, chart.source);
    expect(points[1]).toEqual(["General", "0.0", "0.0", "0.0"]);
  });
});
