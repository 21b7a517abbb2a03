/**
 * The Dashboard sheet (issue 24): native Excel charts over ranges of the add-in's own sheet,
 * so that a colleague without the add-in sees pictures that follow the data. Whatever
 * built-in functions can compute is a live formula over the workbook's tables: partners per
 * tier (COUNTIF over Partners[Tier]), per snapshot (COUNTIFS over History[Tier] and
 * History[Date]), the score distribution (COUNTIFS over Partners[Score], its categories
 * naming the tier thresholds from Tiers[Min score]). The average points per perspective per
 * tier need the scorecard's own computation: they are values, written again on every Apply.
 *
 * Layout: A1 the marker (the add-in's own sheet, as the copy for colleagues), a line saying
 * what is live, then one block per chart, each a title row, a header row (the series' names)
 * and one row per category, with its chart to the right of the blocks. Pure: the store writes it.
 */
import { isoDateFromSerial, rankTiers, type Tier } from "../../core";
import { rangeAddress, cellAddress } from "../../workbook/address";
import { TABLE } from "../../workbook/names";
import type { ChartedSheet, ChartSpec, TableData } from "../../workbook/store";
import {
  numberLiteral,
  textCell,
  textLiteral,
} from "../../sharing/excelFormula";
import { perspectiveAveragesByTier, type TierAverages } from "../charts";
import type { PartnerResult, Scenario } from "../whatIf";
import { columnReference, nthCell } from "./tableReferences";

export const DASHBOARD_SHEET = "Dashboard";
export const DASHBOARD_MARKER =
  "Dashboard of the Partner Scorecard add-in: charts over the Partners, Tiers and History tables";

/** The chart names the add-in gives its own charts: how a rewrite finds and replaces them. */
export const DASHBOARD_CHARTS = {
  tiers: "PRM partners per tier",
  snapshots: "PRM tiers at each snapshot",
  distribution: "PRM score distribution",
  perspectives: "PRM perspectives per tier",
} as const;

/** The score bins of the distribution: [from, to) in steps of BIN_WIDTH, the last one closed at 100. */
export const BIN_WIDTH = 10;

export interface DashboardSource {
  /** The Tiers and Partners tables as loaded (the Partners table needs its Score and Tier columns). */
  tiers: TableData;
  partners: TableData;
  /** The model the workbook holds (its tiers in the Tiers table's row order). */
  scenario: Scenario;
  /** The partners already scored under `scenario`, when the caller has them. */
  scored?: readonly PartnerResult[];
  /** The dates (serials) of the snapshots the History table holds, oldest first. */
  snapshots: readonly number[];
  generatedAt: Date;
}

export type DashboardResult =
  { ok: true; sheet: ChartedSheet } | { ok: false; message: string };

/** A block of cells with its chart: the header row names the series, the first column the categories. */
interface Block {
  title: string;
  header: unknown[];
  rows: unknown[][];
  /** Every block's series are its columns (the header names them): layOut says so. */
  chart: Omit<ChartSpec, "source" | "position" | "seriesBy">;
}

/** How many rows and columns a chart covers beside its block. */
const CHART_ROWS = 15;
const CHART_COLUMNS = 8;

/** Under the marker, which names the tables. */
const LIVE_LINE =
  "Counts are live formulas over those tables, so the charts follow the data without the add-in. The averages per perspective are values, rewritten on every Apply in the pane, which loses edits made on this sheet.";

/** The Dashboard from the workbook's tables and model, or why it cannot be made. */
export function dashboardSheet(source: DashboardSource): DashboardResult {
  const score = columnReference(TABLE.partners, source.partners, "Score");
  const tier = columnReference(TABLE.partners, source.partners, "Tier");
  if (score === null || tier === null)
    return {
      ok: false,
      message: `The ${TABLE.partners} table has no ${score === null ? "Score" : "Tier"} column: the Dashboard counts partners by their Score and Tier columns.`,
    };
  const tierName = columnReference(TABLE.tiers, source.tiers, "Tier");
  const minScore = columnReference(TABLE.tiers, source.tiers, "Min score");
  const modelTiers = source.scenario.tiers;
  if (tierName === null || minScore === null || modelTiers.length === 0)
    return {
      ok: false,
      message: `The ${TABLE.tiers} table needs its Tier and Min score columns and at least one tier.`,
    };
  // Lowest tier first: the categories read left to right as a partner climbs.
  const ascending = [...rankTiers(modelTiers)].reverse();
  const tierCells = ascending.map((t) => {
    const k = modelTiers.indexOf(t) + 1;
    return {
      tier: t,
      name: nthCell(tierName, k),
      minScore: nthCell(minScore, k),
    };
  });
  const blocks: Block[] = [
    tiersNow(tierCells, tier),
    tiersAtSnapshots(tierCells, tier, source.snapshots),
    distribution(tierCells, score),
    perspectives(
      ascending,
      perspectiveAveragesByTier(source.partners, source.scenario, {
        scored: source.scored,
      }),
    ),
  ];
  return {
    ok: true,
    sheet: layOut(blocks, [
      DASHBOARD_MARKER,
      `Generated ${source.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. ${LIVE_LINE}`,
    ]),
  };
}

interface TierCells {
  tier: Tier;
  /** Formulas (without "=") giving the tier's name and Min score from the Tiers table. */
  name: string;
  minScore: string;
}

/** Partners per tier now: COUNTIF over Partners[Tier] of each tier's name as the Tiers table holds it. */
function tiersNow(tiers: readonly TierCells[], tierColumn: string): Block {
  return {
    title: "Partners per tier now",
    header: ["Tier", "Partners"],
    rows: tiers.map((t) => [
      `=${t.name}`,
      (at: CellAt) => `=COUNTIF(${tierColumn},${at(0)})`,
    ]),
    chart: {
      name: DASHBOARD_CHARTS.tiers,
      type: "ColumnClustered",
      title: "Partners per tier",
    },
  };
}

/**
 * Partners per tier at each snapshot of the History table and now: one row per snapshot (its
 * date as the category), one series per tier, stacked so a column is the whole programme.
 */
function tiersAtSnapshots(
  tiers: readonly TierCells[],
  tierColumn: string,
  snapshots: readonly number[],
): Block {
  const historyTier = `${TABLE.history}[Tier]`;
  const historyDate = `${TABLE.history}[Date]`;
  const count = (criteria: (name: string) => string) =>
    tiers.map((_, i) => (at: CellAt) => `=${criteria(at(i + 1, "header"))}`);
  return {
    title: "Partners per tier at each snapshot (History table) and now",
    header: ["Snapshot", ...tiers.map((t) => `=${t.name}`)],
    rows: [
      ...snapshots.map((date) => [
        isoDateFromSerial(date),
        ...count(
          (name) =>
            `COUNTIFS(${historyTier},${name},${historyDate},${numberLiteral(date)})`,
        ),
      ]),
      ["Now", ...count((name) => `COUNTIF(${tierColumn},${name})`)],
    ],
    chart: {
      name: DASHBOARD_CHARTS.snapshots,
      type: "ColumnStacked",
      title: "Partners per tier at each snapshot",
    },
  };
}

/**
 * The score distribution: partners per bin of BIN_WIDTH points (COUNTIFS over
 * Partners[Score]); a bin's label names the tiers whose Min score falls in it, read live
 * from the Tiers table, so the thresholds show where they are.
 */
function distribution(tiers: readonly TierCells[], scoreColumn: string): Block {
  const rows: unknown[][] = [];
  for (let from = 0; from < 100; from += BIN_WIDTH) {
    const to = Math.min(100, from + BIN_WIDTH);
    const last = to === 100;
    const upTo = last ? "<=" : "<";
    const inBin = (value: string) =>
      `AND(${value}>=${from},${value}${upTo}${to})`;
    const marks = tiers.map(
      (t) =>
        `IF(${inBin(t.minScore)},${textLiteral(" | ")}&${t.name}&${textLiteral(" from ")}&${t.minScore},"")`,
    );
    rows.push([
      `=${[textLiteral(`${from}-${to}`), ...marks].join("&")}`,
      `=COUNTIFS(${scoreColumn},${textLiteral(`>=${from}`)},${scoreColumn},${textLiteral(`${upTo}${to}`)})`,
    ]);
  }
  return {
    title: "Score distribution (a bin names the tiers that start in it)",
    header: ["Score", "Partners"],
    rows,
    chart: {
      name: DASHBOARD_CHARTS.distribution,
      type: "ColumnClustered",
      title: "Score distribution and tier thresholds",
    },
  };
}

/**
 * Average points per perspective of the partners in each tier, and of all of them: values
 * (built-in functions cannot score), stacked so that a column adds up to the tier's average
 * score. A tier without partners has blank cells.
 */
function perspectives(
  ascending: readonly Tier[],
  averages: TierAverages,
): Block {
  const row = (label: string, average: number[] | null) => [
    textCell(label),
    ...averages.categories.map((_, c) => average?.[c] ?? ""),
  ];
  return {
    title:
      "Average points per perspective per tier (values as of the last Apply)",
    header: ["Tier", ...averages.categories.map(textCell)],
    rows: [
      ...ascending.map((t) =>
        row(
          t.name,
          averages.tiers.find((a) => a.tier === t.name)?.average ?? null,
        ),
      ),
      row("All partners", averages.overall.average),
    ],
    chart: {
      name: DASHBOARD_CHARTS.perspectives,
      type: "ColumnStacked",
      title: "Average points per perspective per tier",
    },
  };
}

/**
 * A cell of a block that refers to another of its block: `at(column)` is the cell of the same
 * row, `at(column, "header")` the header's cell of that column (row fixed), in A1 style.
 */
type CellAt = (column: number, row?: "header") => string;

/** The blocks one under the other, from the third row, each with its chart to their right. */
function layOut(
  blocks: readonly Block[],
  intro: readonly string[],
): ChartedSheet {
  const width = Math.max(...blocks.map((b) => b.header.length));
  const chartColumn = width + 1;
  const cells: unknown[][] = intro.map((text) => [text]);
  const charts: ChartSpec[] = [];
  let top = intro.length + 1;
  for (const block of blocks) {
    const headerRow = top + 1;
    while (cells.length < top) cells.push([]);
    cells[top] = [block.title];
    cells[headerRow] = block.header;
    block.rows.forEach((row, r) => {
      const sheetRow = headerRow + 1 + r;
      const at: CellAt = (column, which) =>
        which === "header"
          ? cellAddress({ row: headerRow, column }).replace(/(\d+)$/, "$$$1")
          : cellAddress({ row: sheetRow, column });
      cells[sheetRow] = row.map((cell) =>
        typeof cell === "function"
          ? (cell as (at: CellAt) => string)(at)
          : cell,
      );
    });
    charts.push({
      ...block.chart,
      seriesBy: "Columns",
      source: rangeAddress(
        { row: headerRow, column: 0 },
        block.rows.length + 1,
        block.header.length,
      ),
      position: {
        from: cellAddress({ row: top, column: chartColumn }),
        to: cellAddress({
          row: top + CHART_ROWS - 1,
          column: chartColumn + CHART_COLUMNS - 1,
        }),
      },
    });
    top += Math.max(block.rows.length + 3, CHART_ROWS + 1);
  }
  const sheetWidth = Math.max(...cells.map((row) => row.length));
  return {
    name: DASHBOARD_SHEET,
    marker: DASHBOARD_MARKER,
    cells: cells.map((row) => [
      ...row,
      ...new Array<unknown>(sheetWidth - row.length).fill(null),
    ]),
    charts,
  };
}
