/**
 * The chart port (ChartStore, issue 24) over the browser workbook: a sheet the add-in owns is
 * written as writeOwnedSheet writes it, then its charts are replaced. Everything that could
 * refuse (a chart that cannot be drawn, a sheet the add-in did not make) refuses before
 * anything is written. As with every write of the add-in, the grid's undo history ends there
 * (the grid undoes the user's edits only, as Excel does after an add-in's write).
 */
import type {
  ChartedSheet,
  ChartSpec,
  OwnedSheet,
  OwnedSheetWrite,
  ValuesSheet,
} from "../workbook/store";
import { checkCharts } from "./sheetCharts";
import type { Workbook } from "./workbook";

export async function writeChartedSheet(
  workbook: Workbook,
  writeOwnedSheet: (
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ) => Promise<OwnedSheetWrite>,
  sheet: ChartedSheet,
  onlyIfPresent: boolean,
): Promise<OwnedSheetWrite> {
  checkCharts(sheet.charts);
  const written = await writeOwnedSheet(sheet, onlyIfPresent);
  // Replaced only on the sheet written: an absent sheet stays absent, charts and all.
  if (written === "written") workbook.charts.replace(sheet.name, sheet.charts);
  return written;
}

/** The charts a values export draws on its new sheet (checked before the sheet is written). */
export function valuesSheetCharts(values: ValuesSheet): readonly ChartSpec[] {
  const charts = values.charts ?? [];
  checkCharts(charts);
  return charts;
}
