/**
 * The Dashboard's formulas in the browser workbook's formula engine (HyperFormula) with the
 * real functions bundle (run npm run build first), as test/sharing/colleagueCopy.engine.test.ts
 * checks the copy for colleagues: what the live formulas count equals what the pure
 * computation says (the same core as the PRM functions), the averages written as values
 * agree with the live counts (per-tier averages weighted by partner counts are the overall
 * average), and the live parts follow an edit of the Tiers table without the sheet being
 * written again.
 */
import fc from "fast-check";
import { historyRows } from "../../src/core";
import {
  dashboardSheet,
  DASHBOARD_CHARTS,
  DASHBOARD_SHEET,
} from "../../src/programme/dashboard";
import {
  scenarioOf,
  scorePartners,
  type Scenario,
} from "../../src/programme/whatIf";
import { standingsOf } from "../../src/programme/standings";
import { registerCustomFunctions } from "../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../src/preview/gridStore";
import { Workbook } from "../../src/preview/workbook";
import { parseCell } from "../../src/workbook/address";
import { sampleTables } from "../../src/workbook/sample";
import type { ChartedSheet, TableData } from "../../src/workbook/store";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import type { CustomFunctionsHost } from "../../src/host/customFunctionsHost";

let host: CustomFunctionsHost;
beforeAll(() => {
  host = loadBuiltFunctions();
  registerCustomFunctions(host);
});
afterAll(() => registerCustomFunctions(host));

const AS_OF = 46000;
const DAY_1 = 45900;
const DAY_2 = 45950;

interface Built {
  workbook: Workbook;
  store: GridStore;
  sheet: ChartedSheet;
  partners: TableData;
  scenario: Scenario;
  /** The History rows written, per snapshot date. */
  history: Map<number, unknown[][]>;
}

async function build(): Promise<Built> {
  const workbook = new Workbook(["Sheet1"]);
  const store = new GridStore(workbook);
  await store.createSample(sampleTables(AS_OF));
  const loaded = await store.load();
  const partners = loaded.partners!;
  const scenario = scenarioOf(loaded.criteria!, loaded.tiers!)!;
  const scored = scorePartners(partners, scenario);
  const standings = standingsOf(partners, {
    results: scored,
    tiers: scenario.tiers,
  }).standings;
  // Two snapshots: the partners as now, then with the first five moved to Gold.
  const first = historyRows(DAY_1, standings);
  const second = historyRows(DAY_2, standings).map((row, i) =>
    i < 5 ? [row[0], row[1], row[2], "Gold"] : row,
  );
  await store.appendHistory([...first, ...second]);
  const result = dashboardSheet({
    tiers: loaded.tiers!,
    partners,
    scenario,
    scored,
    snapshots: [DAY_1, DAY_2],
    generatedAt: new Date("2026-11-29T12:00:00Z"),
  });
  if (!result.ok) throw new Error(result.message);
  await store.writeOwnedSheet(result.sheet, false);
  return {
    workbook,
    store,
    sheet: result.sheet,
    partners,
    scenario,
    history: new Map([
      [DAY_1, first],
      [DAY_2, second],
    ]),
  };
}

/** What the engine shows in a chart's source range (errors as their type). */
function shown(built: Built, chartName: string): unknown[][] {
  const spec = built.sheet.charts.find((c) => c.name === chartName)!;
  const [a, b] = spec.source.split(":").map(parseCell);
  const rows: unknown[][] = [];
  for (let row = a.row; row <= b.row; row++) {
    const line: unknown[] = [];
    for (let col = a.column; col <= b.column; col++) {
      const value = built.workbook.cell({
        sheet: DASHBOARD_SHEET,
        row,
        col,
      }).value;
      line.push(
        value !== null && typeof value === "object" ? value.error : value,
      );
    }
    rows.push(line);
  }
  return rows;
}

/** The Partners table's Score and Tier columns as the PRM functions compute them now. */
async function partnerResults(
  store: GridStore,
): Promise<{ score: unknown; tier: unknown }[]> {
  const partners = (await store.load()).partners!;
  const score = partners.header.indexOf("Score");
  const tier = partners.header.indexOf("Tier");
  return partners.rows.map((row) => ({ score: row[score], tier: row[tier] }));
}

/** Where data row `row` of a table's column `header` is in the engine. */
function tableCell(
  workbook: Workbook,
  table: string,
  row: number,
  header: string,
) {
  const { sheet, topLeft, width } = workbook.tables.get(table)!;
  const headers = Array.from(
    { length: width },
    (_, c) =>
      workbook.cell({ sheet, row: topLeft.row, col: topLeft.col + c }).value,
  );
  return {
    sheet,
    row: topLeft.row + 1 + row,
    col: topLeft.col + headers.indexOf(header),
  };
}

/** A table's column of data, as the engine computes it. */
function tableColumn(
  workbook: Workbook,
  table: string,
  header: string,
): unknown[] {
  const { height } = workbook.tables.get(table)!;
  return Array.from(
    { length: height - 1 },
    (_, r) => workbook.cell(tableCell(workbook, table, r, header)).value,
  );
}

function countBy<T>(
  items: readonly T[],
  key: (item: T) => unknown,
): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const item of items)
    counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe("the Dashboard in the formula engine", () => {
  let built: Built;
  beforeAll(async () => {
    built = await build();
  });

  it("counts partners per tier as the PRM functions tier them, the lowest tier first", async () => {
    const prm = countBy(await partnerResults(built.store), (p) => p.tier);
    const [header, ...rows] = shown(built, DASHBOARD_CHARTS.tiers);
    expect(header).toEqual(["Tier", "Partners"]);
    expect(rows.map((r) => r[0])).toEqual([
      "Registered",
      "Silver",
      "Gold",
      "Platinum",
    ]);
    for (const [tier, count] of rows) expect(count).toBe(prm.get(tier) ?? 0);
    // The sample reaches every tier: the comparison is not vacuous.
    expect(rows.every(([, count]) => (count as number) > 0)).toBe(true);
  });

  it("counts each snapshot from the History table, and now from Partners", () => {
    const [header, ...rows] = shown(built, DASHBOARD_CHARTS.snapshots);
    const tiers = header.slice(1);
    expect(tiers).toEqual(["Registered", "Silver", "Gold", "Platinum"]);
    const now = shown(built, DASHBOARD_CHARTS.tiers).slice(1);
    [DAY_1, DAY_2].forEach((day, s) => {
      const counts = countBy(built.history.get(day)!, (row) => row[3]);
      expect(rows[s].slice(1)).toEqual(tiers.map((t) => counts.get(t) ?? 0));
    });
    expect(rows[0].slice(1)).not.toEqual(rows[1].slice(1));
    expect(rows[2][0]).toBe("Now");
    expect(rows[2].slice(1)).toEqual(now.map((r) => r[1]));
  });

  it("bins the PRM scores, every scored partner in one bin, each tier's threshold named in its bin", async () => {
    const scores = (await partnerResults(built.store))
      .map((p) => p.score)
      .filter((s): s is number => typeof s === "number");
    const [, ...bins] = shown(built, DASHBOARD_CHARTS.distribution);
    expect(bins).toHaveLength(10);
    expect(bins.reduce((n, [, count]) => n + (count as number), 0)).toBe(
      scores.length,
    );
    bins.forEach(([label, count], i) => {
      const inBin = scores.filter(
        (s) => s >= i * 10 && (i === 9 ? s <= 100 : s < (i + 1) * 10),
      );
      expect(count).toBe(inBin.length);
      for (const tier of built.scenario.tiers) {
        const marked = String(label).includes(
          `${tier.name} from ${tier.minScore}`,
        );
        expect(marked).toBe(Math.min(9, Math.floor(tier.minScore / 10)) === i);
      }
    });
  });

  it("writes averages per perspective that, weighted by the live counts, give the all-partners row, and add up to each tier's average score", async () => {
    const [header, ...rows] = shown(built, DASHBOARD_CHARTS.perspectives);
    expect(header.length).toBeGreaterThan(2);
    const counts = new Map(
      shown(built, DASHBOARD_CHARTS.tiers)
        .slice(1)
        .map(([t, n]) => [t, n as number]),
    );
    const all = rows[rows.length - 1];
    expect(all[0]).toBe("All partners");
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    header.slice(1).forEach((_, c) => {
      const weighted = rows
        .slice(0, -1)
        .reduce(
          (sum, row) =>
            sum + (counts.get(row[0]) ?? 0) * ((row[c + 1] as number) || 0),
          0,
        );
      expect(close(weighted / total, all[c + 1] as number)).toBe(true);
    });
    const results = await partnerResults(built.store);
    for (const row of rows.slice(0, -1)) {
      const mine = results
        .filter((p) => p.tier === row[0])
        .map((p) => p.score as number);
      const average = mine.reduce((a, b) => a + b, 0) / mine.length;
      const sum = (row.slice(1) as number[]).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - average)).toBeLessThan(1e-6);
    }
  });

  it("follows a Min score edited in the Tiers table, without being written again", async () => {
    const { workbook, ...rest } = await build();
    fc.assert(
      fc.property(fc.integer({ min: 41, max: 84 }), (goldMin) => {
        const gold = tableColumn(workbook, "Tiers", "Tier").indexOf("Gold");
        workbook.write(
          tableCell(workbook, "Tiers", gold, "Min score"),
          goldMin,
        );
        const prm = countBy(
          tableColumn(workbook, "Partners", "Tier"),
          (t) => t,
        );
        const [, ...rows] = shown(
          { workbook, ...rest },
          DASHBOARD_CHARTS.tiers,
        );
        for (const [tier, count] of rows)
          expect(count).toBe(prm.get(tier) ?? 0);
        const [, ...bins] = shown(
          { workbook, ...rest },
          DASHBOARD_CHARTS.distribution,
        );
        const marked = bins.findIndex(([label]) =>
          String(label).includes(`Gold from ${goldMin}`),
        );
        expect(marked).toBe(Math.floor(goldMin / 10));
      }),
      { numRuns: 8 },
    );
  });
});
