/**
 * Where each part of a browser-workbook chart goes (issue 24), for the chart types the add-in
 * writes: clustered columns and bars, stacked columns, lines and radar. A simple rendering in
 * Excel's manner (title above, legend below, value axis from 0 or below, the first category
 * nearest the origin), not a copy of Excel's. Pure: numbers in, shapes out; chartView.ts draws
 * them as SVG.
 */
import type { ChartSpec } from "../workbook/store";
import { generalNumber } from "./cellDisplay";
import type { PlottedChart } from "./chartData";

export interface Point {
  x: number;
  y: number;
}

export type ChartMark =
  /** A column or bar: one per category per series. */
  | {
      kind: "bar";
      series: number;
      category: number;
      value: number;
      x: number;
      y: number;
      width: number;
      height: number;
    }
  /** A line through a series' values (Line), or a closed one around them (Radar). */
  | { kind: "line"; series: number; points: Point[]; closed: boolean };

export interface ChartLabel {
  text: string;
  x: number;
  y: number;
  anchor: "start" | "middle" | "end";
}

export interface ChartLayout {
  width: number;
  height: number;
  title: ChartLabel;
  /** The value axis's gridlines and a radar's spokes. */
  gridLines: { from: Point; to: Point }[];
  /** A radar's rings, one per tick of its value axis. */
  rings: Point[][];
  /** Category names and the value axis's tick values. */
  labels: ChartLabel[];
  marks: ChartMark[];
  legend: (ChartLabel & { series: number })[];
}

/** A value axis: its ends and ticks, at round steps (1, 2 or 5 times a power of ten). */
export interface ValueScale {
  min: number;
  max: number;
  ticks: number[];
}

const PAD = 8;
const TITLE_HEIGHT = 24;
const LEGEND_HEIGHT = 22;
const LABEL_HEIGHT = 16;
const VALUE_LABEL_WIDTH = 40;
/** Roughly the width of one character of the 11px labels, to lay out the legend and bar labels. */
const CHAR_WIDTH = 6.2;
/** The share of a category's band its columns take: the rest is the gap between categories. */
const GROUP_SHARE = 0.6;
const TARGET_TICKS = 5;

/** An axis from 0 (or the lowest value, when below 0) to the highest value, rounded out to ticks. */
export function valueScale(values: readonly number[]): ValueScale {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  // A span too small to draw (none at all, or within rounding of 0) gets an axis of 0 to 1.
  const span = high - low > 1e-9 ? high - low : 1;
  const step = roundStep(span / TARGET_TICKS);
  const min = Math.floor(low / step) * step;
  const max = Math.max(min + span, Math.ceil(high / step) * step);
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 2; i++)
    ticks.push(Number((min + i * step).toPrecision(12)));
  return { min, max: ticks[ticks.length - 1], ticks };
}

/** The round step (1, 2 or 5 times a power of ten) at or above `rough`. */
function roundStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (
    (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
  );
}

/** The shapes of a chart of `type` plotting `data` in a box of `size` pixels. */
export function layoutChart(
  type: ChartSpec["type"],
  title: string,
  data: PlottedChart,
  size: { width: number; height: number },
): ChartLayout {
  const { width, height } = size;
  const frame = {
    left: PAD,
    top: PAD + TITLE_HEIGHT,
    right: width - PAD,
    bottom: height - PAD - (data.series.length > 0 ? LEGEND_HEIGHT : 0),
  };
  const parts =
    type === "Radar"
      ? radar(data, frame)
      : type === "BarClustered"
        ? bars(data, frame)
        : columns(data, frame, type);
  return {
    width,
    height,
    title: { text: title, x: width / 2, y: PAD + 14, anchor: "middle" },
    legend: legendOf(data, width, height - PAD - 6),
    rings: [],
    ...parts,
  };
}

interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

type Parts = Pick<ChartLayout, "gridLines" | "labels" | "marks"> &
  Partial<Pick<ChartLayout, "rings">>;

/** Per category, the sums of its positive and of its negative values: what stacked columns reach. */
function stackedExtremes(data: PlottedChart): number[] {
  return data.categories.flatMap((_, c) => {
    const values = data.series.map((s) => s.values[c]);
    return [
      values.filter((v) => v > 0).reduce((a, b) => a + b, 0),
      values.filter((v) => v < 0).reduce((a, b) => a + b, 0),
    ];
  });
}

/** ColumnClustered, ColumnStacked and Line: categories along the bottom, values up the left. */
function columns(
  data: PlottedChart,
  frame: Frame,
  type: ChartSpec["type"],
): Parts {
  const stacked = type === "ColumnStacked";
  const scale = valueScale(
    stacked ? stackedExtremes(data) : data.series.flatMap((s) => s.values),
  );
  const plot = {
    ...frame,
    left: frame.left + VALUE_LABEL_WIDTH,
    bottom: frame.bottom - LABEL_HEIGHT,
  };
  const yOf = (value: number) =>
    plot.bottom -
    ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, data.categories.length);
  const group = band * GROUP_SHARE;
  const barWidth = stacked ? group : group / Math.max(1, data.series.length);
  const bandStart = (c: number) => plot.left + c * band;
  const marks: ChartMark[] = [];
  if (type === "Line")
    data.series.forEach((s, series) =>
      marks.push({
        kind: "line",
        series,
        closed: false,
        points: s.values.map((v, c) => ({
          x: bandStart(c) + band / 2,
          y: yOf(v),
        })),
      }),
    );
  else {
    // Stacked: each category's positive values pile up from 0, its negative ones down from 0.
    const up = data.categories.map(() => 0);
    const down = data.categories.map(() => 0);
    data.series.forEach((s, series) =>
      s.values.forEach((value, category) => {
        const base = !stacked ? 0 : value >= 0 ? up[category] : down[category];
        if (stacked && value >= 0) up[category] += value;
        else if (stacked) down[category] += value;
        const [a, b] = [yOf(base), yOf(base + value)];
        marks.push({
          kind: "bar",
          series,
          category,
          value,
          x:
            bandStart(category) +
            (band - group) / 2 +
            (stacked ? 0 : series * barWidth),
          y: Math.min(a, b),
          width: barWidth,
          height: Math.abs(a - b),
        });
      }),
    );
  }
  return {
    marks,
    gridLines: scale.ticks.map((tick) => ({
      from: { x: plot.left, y: yOf(tick) },
      to: { x: plot.right, y: yOf(tick) },
    })),
    labels: [
      ...scale.ticks.map((tick): ChartLabel => ({
        text: generalNumber(tick),
        x: plot.left - 4,
        y: yOf(tick) + 4,
        anchor: "end",
      })),
      ...data.categories.map((text, c): ChartLabel => ({
        text: fitted(text, band - 4),
        x: bandStart(c) + band / 2,
        y: plot.bottom + 13,
        anchor: "middle",
      })),
    ],
  };
}

/** BarClustered: categories up the left (the first at the bottom, as Excel), values along the bottom. */
function bars(data: PlottedChart, frame: Frame): Parts {
  const scale = valueScale(data.series.flatMap((s) => s.values));
  const longest = Math.max(0, ...data.categories.map((c) => c.length));
  const plot = {
    ...frame,
    left: frame.left + Math.min(120, longest * CHAR_WIDTH + 6),
    right: frame.right - 10,
    bottom: frame.bottom - LABEL_HEIGHT,
  };
  const xOf = (value: number) =>
    plot.left +
    ((value - scale.min) / (scale.max - scale.min)) * (plot.right - plot.left);
  const band = (plot.bottom - plot.top) / Math.max(1, data.categories.length);
  const group = band * GROUP_SHARE;
  const barHeight = group / Math.max(1, data.series.length);
  const bandTop = (c: number) => plot.bottom - (c + 1) * band;
  const count = data.series.length;
  const marks: ChartMark[] = data.series.flatMap((s, series) =>
    s.values.map((value, category): ChartMark => {
      const [a, b] = [xOf(0), xOf(value)];
      return {
        kind: "bar",
        series,
        category,
        value,
        x: Math.min(a, b),
        // The first series nearest the axis, as the first category is.
        y:
          bandTop(category) +
          (band - group) / 2 +
          (count - 1 - series) * barHeight,
        width: Math.abs(a - b),
        height: barHeight,
      };
    }),
  );
  return {
    marks,
    gridLines: scale.ticks.map((tick) => ({
      from: { x: xOf(tick), y: plot.top },
      to: { x: xOf(tick), y: plot.bottom },
    })),
    labels: [
      ...scale.ticks.map((tick): ChartLabel => ({
        text: generalNumber(tick),
        x: xOf(tick),
        y: plot.bottom + 13,
        anchor: "middle",
      })),
      ...data.categories.map((text, c): ChartLabel => ({
        text: fitted(text, plot.left - frame.left - 4),
        x: plot.left - 4,
        y: bandTop(c) + band / 2 + 4,
        anchor: "end",
      })),
    ],
  };
}

/** Radar: one spoke per category from the top, clockwise; each series a closed line; rings at the ticks. */
function radar(data: PlottedChart, frame: Frame): Parts {
  const scale = valueScale(data.series.flatMap((s) => s.values));
  const center = {
    x: (frame.left + frame.right) / 2,
    y: (frame.top + frame.bottom) / 2,
  };
  // Room for the category names around the outer ring.
  const radius = Math.max(
    10,
    Math.min(frame.right - frame.left - 120, frame.bottom - frame.top - 30) / 2,
  );
  const count = Math.max(1, data.categories.length);
  const pointAt = (category: number, value: number, extra = 0): Point => {
    const angle = -Math.PI / 2 + (2 * Math.PI * category) / count;
    const r = ((value - scale.min) / (scale.max - scale.min)) * radius + extra;
    return {
      x: center.x + r * Math.cos(angle),
      y: center.y + r * Math.sin(angle),
    };
  };
  const spokes = data.categories.map((_, c) => c);
  return {
    marks: data.series.map((s, series) => ({
      kind: "line",
      series,
      closed: true,
      points: s.values.map((v, c) => pointAt(c, v)),
    })),
    rings: scale.ticks
      .filter((tick) => tick > scale.min)
      .map((tick) => spokes.map((c) => pointAt(c, tick))),
    gridLines: spokes.map((c) => ({ from: center, to: pointAt(c, scale.max) })),
    labels: [
      ...data.categories.map((text, c): ChartLabel => {
        const at = pointAt(c, scale.max, 8);
        const side = at.x - center.x;
        return {
          text,
          x: at.x,
          y: at.y + 4,
          anchor: Math.abs(side) < 1 ? "middle" : side > 0 ? "start" : "end",
        };
      }),
      ...scale.ticks.map((tick): ChartLabel => {
        const at = pointAt(0, tick);
        return {
          text: generalNumber(tick),
          x: at.x - 4,
          y: at.y + 4,
          anchor: "end",
        };
      }),
    ],
  };
}

/**
 * `text` cut to what fits in `width` pixels, an ellipsis marking the cut: labels never run
 * into each other. The whole text stays in the chart's text alternative.
 */
export function fitted(text: string, width: number): string {
  const room = Math.floor(width / CHAR_WIDTH);
  if (text.length <= room) return text;
  return room <= 1 ? "…" : `${text.slice(0, room - 1).trimEnd()}…`;
}

/** The series' names in a row, centred under the plot, each after its colour's swatch. */
function legendOf(
  data: PlottedChart,
  width: number,
  y: number,
): ChartLayout["legend"] {
  const widths = data.series.map((s) => 14 + s.name.length * CHAR_WIDTH + 12);
  let x = Math.max(PAD, (width - widths.reduce((a, b) => a + b, 0)) / 2);
  return data.series.map((s, series) => {
    const item = { text: s.name, x, y, anchor: "start" as const, series };
    x += widths[series];
    return item;
  });
}
