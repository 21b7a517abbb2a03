/* global Excel */
/**
 * The add-in's native charts (issue 24) with the Excel JavaScript API: Microsoft's "Create and
 * customize charts with the Excel JavaScript API" (charts.add(type, sourceData, seriesBy),
 * chart.title.text) and the Excel.ChartCollection and Excel.Chart pages: add, name and
 * setPosition(startCell, endCell) are ExcelApi 1.1, ChartCollection.getItemOrNullObject
 * ExcelApi 1.4, which is how a rewrite finds the charts it drew before by their names.
 */
import type { ChartSpec } from "./store";

/** The requirement set the add-in's charts need (ChartCollection.getItemOrNullObject). */
export const CHARTS_API_SET = { name: "ExcelApi", version: "1.4" } as const;

export const NO_CHARTS = `This version of Excel cannot draw the add-in's charts (it lacks the ${CHARTS_API_SET.name} ${CHARTS_API_SET.version} requirement set); nothing was written. Update Excel, or use the tables and the copy for colleagues, which work without charts.`;

/**
 * Queues, on a sheet that exists, the look-up of the charts named as `charts` are (reads for
 * the next sync), and returns what to queue after it: those found deleted, then `charts`
 * added. A chart of the user's with another name is left alone.
 */
export function replaceCharts(
  sheet: Excel.Worksheet,
  charts: readonly ChartSpec[],
): (target: Excel.Worksheet) => void {
  const former = charts.map((spec) =>
    sheet.charts.getItemOrNullObject(spec.name),
  );
  return (target) => {
    for (const chart of former) if (!chart.isNullObject) chart.delete();
    addCharts(target, charts);
  };
}

/** Queues `charts` on `sheet`: each over its source range, named, titled and placed. */
export function addCharts(
  sheet: Excel.Worksheet,
  charts: readonly ChartSpec[],
): void {
  for (const spec of charts) {
    const chart = sheet.charts.add(
      spec.type,
      sheet.getRange(spec.source),
      spec.seriesBy,
    );
    chart.name = spec.name;
    chart.title.text = spec.title;
    chart.setPosition(spec.position.from, spec.position.to);
  }
}
