/**
 * The values-only export of one partner carries its picture (issue 24): below the partner's
 * row, a block of plain values (its points per perspective, and what it is compared with),
 * and a native chart over that block, which the store draws in the same write. Values, like
 * the rest of the export: the sheet has no link to the Scorecard tables. Pure.
 */
import { partnerKey } from "../core";
import { counted } from "./counted";
import { rangeAddress, cellAddress } from "../workbook/address";
import type { ChartSpec, TableData, ValuesSheet } from "../workbook/store";
import { textCell } from "../sharing/excelFormula";
import { partnerProfile } from "./charts";
import { partnerName } from "./standings";
import type { Scenario } from "./whatIf";

/** One partner's points per category, and the series it is drawn against (its tier's average, the next tier's profile). */
export interface PartnerPoints {
  partner: string;
  categories: string[];
  series: { name: string; values: number[] }[];
}

export const PARTNER_CHART = "PRM partner points";

/**
 * The points per perspective of the partner named `partner` (any case; the first row of that
 * name) against its tier's average and the next tier's profile, as the pane's partner picture
 * shows them (partnerProfile); null when no row names it or it cannot be scored.
 */
export function partnerPointsOf(
  partners: TableData,
  scenario: Scenario,
  partner: string,
): PartnerPoints | null {
  const key = partnerKey(partner);
  const row = partners.rows.findIndex(
    (_, r) => partnerKey(partnerName(partners, r)) === key,
  );
  const profile =
    row < 0 ? null : partnerProfile(partners, scenario, row, "perspective");
  if (!profile || "error" in profile) return null;
  const { tierAverage, nextTier } = profile;
  return {
    partner: profile.partner,
    categories: profile.categories,
    series: [
      { name: profile.partner, values: profile.points },
      {
        name: `${tierAverage.tier} average (${counted(tierAverage.partners, "partner", "partners")})`,
        values: tierAverage.values,
      },
      ...(nextTier
        ? [
            {
              name: `${nextTier.tier} at its Min score ${nextTier.minScore}`,
              values: nextTier.values,
            },
          ]
        : []),
    ],
  };
}

/** How many rows and columns the chart covers. */
const CHART_ROWS = 15;
const CHART_COLUMNS = 8;
const POINTS_FORMAT = "0.0";

/** `sheet` with the partner's points per category below its rows and a chart over them. */
export function withPartnerChart(
  sheet: ValuesSheet,
  points: PartnerPoints,
): ValuesSheet {
  const header = ["Perspective", ...points.series.map((s) => textCell(s.name))];
  const block = [
    header,
    ...points.categories.map((category, c) => [
      textCell(category),
      ...points.series.map((s) => s.values[c] ?? ""),
    ]),
  ];
  const top = sheet.cells.length + 2;
  const width = Math.max(sheet.cells[0]?.length ?? 0, header.length);
  const pad = <T>(row: T[], fill: T): T[] => [
    ...row,
    ...new Array<T>(width - row.length).fill(fill),
  ];
  const cells = [
    ...sheet.cells,
    [],
    [textCell(`${points.partner}: points per perspective`)],
    ...block,
  ].map((row) => pad<unknown>(row, ""));
  const numberFormats = [
    ...sheet.numberFormats,
    [],
    [],
    ...block.map((_, r) =>
      header.map((_, c) => (r > 0 && c > 0 ? POINTS_FORMAT : "General")),
    ),
  ].map((row) => pad(row, "General"));
  const chart: ChartSpec = {
    name: PARTNER_CHART,
    type: "BarClustered",
    title: `${points.partner}: points per perspective`,
    source: rangeAddress({ row: top, column: 0 }, block.length, header.length),
    seriesBy: "Columns",
    position: {
      from: cellAddress({ row: top - 1, column: width + 1 }),
      to: cellAddress({
        row: top - 2 + CHART_ROWS,
        column: width + CHART_COLUMNS,
      }),
    },
  };
  return {
    ...sheet,
    cells,
    numberFormats,
    charts: [...(sheet.charts ?? []), chart],
  };
}
