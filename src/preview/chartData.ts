/**
 * What a chart of the browser workbook plots (issue 24): its source range read as Excel reads a
 * chart's source data. Microsoft, "Excel.ChartSeriesBy" and "ChartCollection.add(type,
 * sourceData, seriesBy)": with Columns each column after the first is a series, named by its
 * first cell, and the first column holds the categories; with Rows the same, transposed. The
 * range's top-left cell heads neither. Pure: the cells come through `read`.
 */
import type { ChartSpec } from "../workbook/store";
import { parseCellName, type CellPosition } from "./a1";
import type { CellRange } from "./cellRange";

/** One cell as a chart reads it: its number (or none) and the text it shows. */
export interface ChartCell {
  value: number | null;
  text: string;
}

export interface PlottedSeries {
  name: string;
  /** One per category: the cell's number, or 0 where the cell holds no number (as Excel plots text). */
  values: number[];
  /** One per category: the cell's text as shown, so that a value plotted as 0 says what it was. */
  texts: string[];
}

export interface PlottedChart {
  /** What the categories are, from the range's top-left cell ("Tier"), or "" when it is blank. */
  categoryTitle: string;
  categories: string[];
  series: PlottedSeries[];
}

/**
 * The rectangle of an A1 range such as "A3:D7" (or "$A$3:$D$7", or one cell), on the chart's
 * own sheet; throws a RangeError that names the chart for anything else.
 */
export function sourceRange(
  spec: Pick<ChartSpec, "name" | "source">,
): CellRange {
  const corners = spec.source.split(":");
  if (spec.source.includes("!") || corners.length > 2)
    throw new RangeError(
      `The chart "${spec.name}" reads "${spec.source}": a chart's source must be a range of its own sheet, such as A3:D7.`,
    );
  const [from, to] = corners.map((corner) => cellOf(spec.name, corner));
  const end = to ?? from;
  return {
    top: Math.min(from.row, end.row),
    left: Math.min(from.col, end.col),
    bottom: Math.max(from.row, end.row),
    right: Math.max(from.col, end.col),
  };
}

/** One cell's position, or a RangeError that names the chart. */
export function cellOf(chart: string, name: string): CellPosition {
  try {
    return parseCellName(name);
  } catch {
    throw new RangeError(
      `The chart "${chart}" names "${name}", which is not a cell such as A3.`,
    );
  }
}

/** The categories and series `spec` plots, from the cells of its source range as they are now. */
export function plotted(
  spec: Pick<ChartSpec, "name" | "source" | "seriesBy">,
  read: (cell: CellPosition) => ChartCell,
): PlottedChart {
  const range = sourceRange(spec);
  const byColumns = spec.seriesBy === "Columns";
  // Along: where the categories run (down the rows for Columns); across: one series each.
  const along = byColumns
    ? { first: range.top, last: range.bottom }
    : { first: range.left, last: range.right };
  const across = byColumns
    ? { first: range.left, last: range.right }
    : { first: range.top, last: range.bottom };
  const at = (category: number, series: number): ChartCell =>
    read(
      byColumns
        ? { row: category, col: series }
        : { row: series, col: category },
    );
  const categoryIndexes = span(along.first + 1, along.last);
  const categories = categoryIndexes.map((c) => at(c, across.first).text);
  const series = span(across.first + 1, across.last).map((s) => {
    const cells = categoryIndexes.map((c) => at(c, s));
    return {
      name: at(along.first, s).text,
      values: cells.map((cell) => cell.value ?? 0),
      texts: cells.map((cell) => cell.text),
    };
  });
  return {
    categoryTitle: at(along.first, across.first).text,
    categories,
    series,
  };
}

/** first, first + 1, ... last (none when last < first). */
function span(first: number, last: number): number[] {
  return Array.from(
    { length: Math.max(0, last - first + 1) },
    (_, i) => first + i,
  );
}
