/**
 * One chart of the browser workbook drawn (issue 24): an inline SVG of the shapes
 * chartGeometry.ts lays out, with its text alternative. The SVG is an image (role="img")
 * named by the chart's title; the values it plots are in a table beside it that only
 * assistive technology sees (each cell's text as shown, so a value plotted as 0 says what
 * the cell held), and in the data-plotted attribute for tools and tests (data-source: the
 * range it reads).
 */
import type { ChartSpec } from "../workbook/store";
import type { PlottedChart } from "./chartData";
import { layoutChart, type ChartLabel, type Point } from "./chartGeometry";
import { svgElement as buildSvgElement } from "../taskpane/views/svg";

/** Office's default theme colours, series by series, as Excel's first chart style uses them. */
const SERIES_COLOURS = [
  "#4472c4",
  "#ed7d31",
  "#a5a5a5",
  "#ffc000",
  "#5b9bd5",
  "#70ad47",
];

export const colourOf = (series: number): string =>
  SERIES_COLOURS[series % SERIES_COLOURS.length];

const KIND: Record<ChartSpec["type"], string> = {
  ColumnClustered: "Column chart",
  BarClustered: "Bar chart",
  ColumnStacked: "Stacked column chart",
  Line: "Line chart",
  Radar: "Radar chart",
};

/** The chart `spec` plotting `data`, `size` pixels large, with its text alternative. */
export function chartElement(
  spec: ChartSpec,
  data: PlottedChart,
  size: { width: number; height: number },
): HTMLDivElement {
  const figure = document.createElement("div");
  figure.className = "sheet-chart";
  figure.dataset.chart = spec.name;
  figure.dataset.type = spec.type;
  figure.dataset.source = spec.source;
  figure.dataset.plotted = JSON.stringify(data);
  figure.style.width = `${size.width}px`;
  figure.style.height = `${size.height}px`;
  figure.append(svgOf(spec, data, size), valuesTable(spec, data));
  return figure;
}

function svgOf(
  spec: ChartSpec,
  data: PlottedChart,
  size: { width: number; height: number },
): SVGSVGElement {
  const layout = layoutChart(spec.type, spec.title, data, size);
  const svg = svgElement("svg", {
    width: size.width,
    height: size.height,
    viewBox: `0 0 ${size.width} ${size.height}`,
    role: "img",
    "aria-label": `${spec.title}: ${KIND[spec.type]} of ${data.series.map((s) => s.name).join(", ") || "no series"} by ${data.categories.length} categories`,
  });
  const grid = svgElement("g", { class: "chart-grid", "aria-hidden": "true" });
  for (const ring of layout.rings)
    grid.append(svgElement("polygon", { points: pointsOf(ring) }));
  for (const { from, to } of layout.gridLines)
    grid.append(
      svgElement("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y }),
    );
  const marks = svgElement("g", { class: "chart-marks" });
  for (const mark of layout.marks) {
    const series = data.series[mark.series];
    const shape =
      mark.kind === "bar"
        ? svgElement("rect", {
            x: mark.x,
            y: mark.y,
            width: mark.width,
            height: mark.height,
            fill: colourOf(mark.series),
            "data-series": series.name,
            "data-category": data.categories[mark.category],
            // Exact, where the drawing's numbers are rounded.
            "data-value": String(mark.value),
          })
        : svgElement(mark.closed ? "polygon" : "polyline", {
            points: pointsOf(mark.points),
            fill: mark.closed ? colourOf(mark.series) : "none",
            "fill-opacity": mark.closed ? 0.15 : 1,
            stroke: colourOf(mark.series),
            "stroke-width": 2,
            "data-series": series.name,
          });
    // What a pointer over the shape shows, as Excel's data tip.
    const tip = svgElement("title", {});
    tip.textContent =
      mark.kind === "bar"
        ? `${series.name}, ${data.categories[mark.category]}: ${series.texts[mark.category]}`
        : `${series.name}: ${data.categories.map((c, i) => `${c} ${series.texts[i]}`).join("; ")}`;
    shape.append(tip);
    marks.append(shape);
  }
  const text = svgElement("g", { class: "chart-text", "aria-hidden": "true" });
  text.append(label(layout.title, "chart-title"));
  for (const l of layout.labels) text.append(label(l, "chart-label"));
  for (const item of layout.legend) {
    text.append(
      svgElement("rect", {
        x: item.x,
        y: item.y - 9,
        width: 10,
        height: 10,
        fill: colourOf(item.series),
      }),
      label({ ...item, x: item.x + 14 }, "chart-legend"),
    );
  }
  svg.append(grid, marks, text);
  return svg;
}

/** The plotted values as a table for assistive technology: a row per category, a column per series. */
function valuesTable(spec: ChartSpec, data: PlottedChart): HTMLTableElement {
  const table = document.createElement("table");
  table.className = "visually-hidden";
  table.createCaption().textContent = spec.title;
  const head = table.createTHead().insertRow();
  // A header for every column (an empty one says nothing to a screen reader).
  const corner = data.categoryTitle || "Category";
  for (const text of [corner, ...data.series.map((s) => s.name)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  data.categories.forEach((category, c) => {
    const row = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = category;
    row.append(th);
    for (const series of data.series)
      row.insertCell().textContent = series.texts[c];
  });
  return table;
}

function label(at: ChartLabel, className: string): SVGTextElement {
  const text = svgElement("text", {
    x: at.x,
    y: at.y,
    "text-anchor": at.anchor,
    class: className,
  });
  text.textContent = at.text;
  return text;
}

function pointsOf(points: readonly Point[]): string {
  return points.map(({ x, y }) => `${round(x)},${round(y)}`).join(" ");
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The pane's SVG builder (views/svg.ts), with coordinates rounded to a tenth of a pixel. */
function svgElement<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const rounded: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(attributes))
    rounded[name] = typeof value === "number" ? round(value) : value;
  return buildSvgElement(document, tag, rounded);
}
