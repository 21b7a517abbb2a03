/**
 * The Dashboard sheet (issue 24), pure: its layout, its charts' source ranges over its own
 * blocks (Microsoft, "Create and customize charts with the Excel JavaScript API": a chart is
 * made over a range, its first row the series' names and first column the categories when
 * series are by columns), series lengths that match the tiers, and the formulas it counts with.
 */
import { parseCell } from "../../src/workbook/address";
import {
  BIN_WIDTH,
  DASHBOARD_CHARTS,
  DASHBOARD_MARKER,
  DASHBOARD_SHEET,
  dashboardSheet,
  type DashboardSource,
} from "../../src/programme/dashboard";
import { computedPartners, scenario, tiers } from "./sampleScorecard";
import type { ChartedSheet } from "../../src/workbook/store";

const GENERATED = new Date("2026-11-29T12:00:00Z");
const SNAPSHOTS = [46000, 46031];

function source(overrides: Partial<DashboardSource> = {}): DashboardSource {
  return {
    tiers,
    partners: computedPartners(),
    scenario,
    snapshots: SNAPSHOTS,
    generatedAt: GENERATED,
    ...overrides,
  };
}

function built(overrides: Partial<DashboardSource> = {}): ChartedSheet {
  const result = dashboardSheet(source(overrides));
  if (!result.ok) throw new Error(result.message);
  return result.sheet;
}

/** The cells of an A1 range of `cells`. */
function at(cells: unknown[][], range: string): unknown[][] {
  const [a, b] = range.split(":").map(parseCell);
  return cells
    .slice(a.row, b.row + 1)
    .map((row) => row.slice(a.column, b.column + 1));
}

function chart(sheet: ChartedSheet, name: string) {
  const found = sheet.charts.find((c) => c.name === name);
  if (!found) throw new Error(`no chart ${name}`);
  return { spec: found, cells: at(sheet.cells, found.source) };
}

const tierCount = scenario.tiers.length;

describe("dashboardSheet", () => {
  it("is the add-in's own sheet: named Dashboard, its marker in A1, rectangular", () => {
    const sheet = built();
    expect(sheet.name).toBe(DASHBOARD_SHEET);
    expect(sheet.marker).toBe(DASHBOARD_MARKER);
    expect(sheet.cells[0][0]).toBe(DASHBOARD_MARKER);
    expect(new Set(sheet.cells.map((row) => row.length)).size).toBe(1);
  });

  it("draws four charts of their own names, each over its block, none overlapping a block", () => {
    const sheet = built();
    expect(sheet.charts.map((c) => [c.name, c.type, c.seriesBy])).toEqual([
      [DASHBOARD_CHARTS.tiers, "ColumnClustered", "Columns"],
      [DASHBOARD_CHARTS.snapshots, "ColumnStacked", "Columns"],
      [DASHBOARD_CHARTS.distribution, "ColumnClustered", "Columns"],
      [DASHBOARD_CHARTS.perspectives, "ColumnStacked", "Columns"],
    ]);
    const width = sheet.cells[0].length;
    for (const c of sheet.charts) {
      expect(parseCell(c.position.from).column).toBeGreaterThanOrEqual(width);
      expect(parseCell(c.position.to).row).toBeGreaterThan(
        parseCell(c.position.from).row,
      );
      // Every cell of the source is written: no blank series name or category.
      const cells = at(sheet.cells, c.source);
      expect(
        cells.slice(1).every((row) => row[0] !== null && row[0] !== ""),
      ).toBe(true);
    }
    // Charts stacked without overlapping one another.
    const rows = sheet.charts.map((c) => [
      parseCell(c.position.from).row,
      parseCell(c.position.to).row,
    ]);
    rows
      .slice(1)
      .forEach(([from], i) => expect(from).toBeGreaterThan(rows[i][1]));
  });

  it("has series as long as the tiers: one category per tier, lowest first, read live from the Tiers table", () => {
    const sheet = built();
    const { cells } = chart(sheet, DASHBOARD_CHARTS.tiers);
    expect(cells).toHaveLength(tierCount + 1);
    expect(cells[0]).toEqual(["Tier", "Partners"]);
    // The sample's Tiers table lists Platinum first: the lowest tier (Registered, 4th row) comes first.
    expect(cells[1][0]).toBe("=INDEX(Tiers[Tier],4)");
    cells.slice(1).forEach(([name, count], i) => {
      expect(name).toMatch(/^=INDEX\(Tiers\[Tier\],\d\)$/);
      expect(count).toBe(
        `=COUNTIF(Partners[Tier],${String.fromCharCode(65)}${parseCell(chart(sheet, DASHBOARD_CHARTS.tiers).spec.source.split(":")[0]).row + 2 + i})`,
      );
    });
  });

  it("counts each snapshot with COUNTIFS over History[Tier] and History[Date], and now over Partners[Tier]", () => {
    const { cells } = chart(built(), DASHBOARD_CHARTS.snapshots);
    expect(cells).toHaveLength(SNAPSHOTS.length + 2);
    expect(cells[0]).toHaveLength(tierCount + 1);
    expect(cells.slice(1).map((row) => row[0])).toEqual([
      "2025-12-09",
      "2026-01-09",
      "Now",
    ]);
    expect(cells[1][1]).toMatch(
      /^=COUNTIFS\(History\[Tier\],B\$\d+,History\[Date\],46000\)$/,
    );
    expect(cells[3][2]).toMatch(/^=COUNTIF\(Partners\[Tier\],C\$\d+\)$/);
  });

  it("without snapshots, shows now only and no History reference", () => {
    const sheet = built({ snapshots: [] });
    const { cells } = chart(sheet, DASHBOARD_CHARTS.snapshots);
    expect(cells.slice(1).map((row) => row[0])).toEqual(["Now"]);
    expect(JSON.stringify(sheet.cells)).not.toMatch(/History\[/);
  });

  it("bins the scores from 0 to 100, each bin a COUNTIFS over Partners[Score]", () => {
    const { cells } = chart(built(), DASHBOARD_CHARTS.distribution);
    expect(cells).toHaveLength(100 / BIN_WIDTH + 1);
    expect(cells[1][1]).toBe(
      '=COUNTIFS(Partners[Score],">=0",Partners[Score],"<10")',
    );
    expect(cells[10][1]).toBe(
      '=COUNTIFS(Partners[Score],">=90",Partners[Score],"<=100")',
    );
  });

  it("writes the averages per perspective as values, one row per tier and one for all partners", () => {
    const { cells } = chart(built(), DASHBOARD_CHARTS.perspectives);
    expect(cells).toHaveLength(tierCount + 2);
    expect(cells[0].slice(1)).toEqual([
      "Financial",
      "Growth",
      "Customer",
      "Capability",
    ]);
    expect(cells[cells.length - 1][0]).toBe("All partners");
    for (const row of cells.slice(1))
      for (const cell of row.slice(1))
        expect(typeof cell === "number" || cell === "").toBe(true);
  });

  it("counts with built-in functions of Excel 2016 and later only, over whole table columns", () => {
    const formulas = built()
      .cells.flat()
      .filter(
        (cell): cell is string =>
          typeof cell === "string" && cell.startsWith("="),
      );
    const used = new Set(
      formulas.flatMap((f) =>
        [
          ...f
            .replace(/"(?:[^"]|"")*"/g, '""')
            .matchAll(/([A-Z][A-Z0-9.]*)\(/g),
        ].map((m) => m[1]),
      ),
    );
    expect(used).toEqual(
      new Set(["COUNTIF", "COUNTIFS", "INDEX", "IF", "AND"]),
    );
    // Table references name whole columns only: no spill (#) or this-row (@) operators.
    for (const formula of formulas)
      expect(formula.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/[#@]/);
  });

  it("refuses, saying why, a Partners table without its Tier column", () => {
    const partners = computedPartners();
    const result = dashboardSheet(
      source({
        partners: {
          ...partners,
          header: partners.header.map((h) => (h === "Tier" ? "Level" : h)),
        },
      }),
    );
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/Partners table has no Tier column/),
    });
  });
});
