/**
 * The charts on the browser workbook's sheets (issue 24): those the add-in writes (ChartSpec),
 * per sheet. They live beside the cells, not in them, as Excel's do: a rewrite of the sheet's
 * cells keeps them, a write of charts replaces the sheet's, and they go with their sheet. The
 * grid draws them (chartLayer.ts) from the current values of their source ranges.
 */
import type { ChartSpec } from "../workbook/store";
import { cellOf, sourceRange } from "./chartData";

export class SheetCharts {
  /** By sheet name in lower case: Excel's sheet names ignore case. */
  private readonly bySheet = new Map<
    string,
    { sheet: string; charts: readonly ChartSpec[] }
  >();
  private readonly listeners = new Set<(sheet: string) => void>();

  /** The charts on `sheet`, in the order written (none: empty). */
  on(sheet: string): readonly ChartSpec[] {
    return this.bySheet.get(sheet.toLowerCase())?.charts ?? [];
  }

  /** Every sheet that has charts, with how many. */
  get counts(): { sheet: string; count: number }[] {
    return [...this.bySheet.values()].map(({ sheet, charts }) => ({
      sheet,
      count: charts.length,
    }));
  }

  /** Replaces the charts on `sheet` with `charts` (checked first: a bad one changes nothing). */
  replace(sheet: string, charts: readonly ChartSpec[]): void {
    checkCharts(charts);
    const key = sheet.toLowerCase();
    if (charts.length === 0 && !this.bySheet.has(key)) return;
    if (charts.length === 0) this.bySheet.delete(key);
    else
      this.bySheet.set(key, {
        sheet,
        charts: charts.map((chart) => ({
          ...chart,
          position: { ...chart.position },
        })),
      });
    this.changed(sheet);
  }

  /** A sheet deleted: its charts go with it. */
  removeSheet(sheet: string): void {
    if (this.bySheet.delete(sheet.toLowerCase())) this.changed(sheet);
  }

  /** An opened file replaces the workbook: no chart stays. */
  clear(): void {
    const sheets = [...this.bySheet.values()].map(({ sheet }) => sheet);
    this.bySheet.clear();
    sheets.forEach((sheet) => this.changed(sheet));
  }

  /** Calls `listener` with the sheet whose charts changed; returns a function that stops it. */
  onChange(listener: (sheet: string) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private changed(sheet: string): void {
    for (const listener of [...this.listeners]) listener(sheet);
  }
}

/**
 * Throws, naming the chart, where a chart cannot be drawn: a name used twice on the sheet (a
 * rewrite finds the add-in's charts by name), a source or position that is not a range of
 * cells, a type the preview does not draw. Called before anything is written.
 */
export function checkCharts(charts: readonly ChartSpec[]): void {
  const names = new Set<string>();
  for (const chart of charts) {
    const name = chart.name.trim().toLowerCase();
    if (name === "" || names.has(name))
      throw new Error(
        `Two charts on one sheet are named "${chart.name}": each chart needs a name of its own; nothing was written.`,
      );
    names.add(name);
    if (!DRAWN.includes(chart.type))
      throw new Error(
        `The browser workbook cannot draw a ${String(chart.type)} chart ("${chart.name}"); nothing was written.`,
      );
    sourceRange(chart);
    cellOf(chart.name, chart.position.from);
    cellOf(chart.name, chart.position.to);
  }
}

/** The chart types the preview draws: those the add-in writes. */
const DRAWN: readonly ChartSpec["type"][] = [
  "ColumnClustered",
  "BarClustered",
  "ColumnStacked",
  "Line",
  "Radar",
];

/** What Save says when charts are not in the file: ExcelJS writes no charts (exceljs/exceljs#141). */
export function chartsNotSaved(charts: SheetCharts): string | null {
  const counts = charts.counts;
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  if (total === 0) return null;
  const sheets = counts.map(({ sheet }) => sheet).join(", ");
  return `${total === 1 ? "1 chart" : `${total} charts`} (on ${sheets}) ${total === 1 ? "is" : "are"} not in the saved file: the file library cannot write charts, so only the cells they plot are saved. In Excel, the pane draws them again (Write dashboard, or the next Apply).`;
}
