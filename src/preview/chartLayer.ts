/**
 * The charts over the grid (issue 24): a layer in the grid's scrolling area, so the charts
 * scroll with the sheet, each placed over the cells of its position as Excel's
 * Chart.setPosition(startCell, endCell) places it (from the start cell's top-left corner to the
 * end cell's bottom-right one), and drawn from the current values of its source range: drawn
 * again when those values change (a recalculation, an edit, the add-in's write) and when the
 * sheet's charts are replaced.
 */
import type { ChartSpec } from "../workbook/store";
import type { CellPosition } from "./a1";
import { displayOf } from "./cellDisplay";
import { rangeContains } from "./cellRange";
import { plotted, sourceRange, cellOf, type PlottedChart } from "./chartData";
import { chartElement } from "./chartView";
import type { CellAddress, Workbook } from "./workbook";

/** What the layer needs of the grid: the sheet it shows and its rows' height in pixels. */
export interface ChartGrid {
  sheet: string;
  rowHeight: number;
}

/** The width the grid gives a column it has not laid out (the narrowest it draws). */
const DEFAULT_COLUMN_WIDTH = 64;

export class ChartLayer {
  readonly element: HTMLDivElement;

  constructor(
    private readonly workbook: Workbook,
    /** The grid's table: its columns' widths and header row place the charts. */
    private readonly table: HTMLTableElement,
    private readonly grid: () => ChartGrid,
  ) {
    this.element = document.createElement("div");
    this.element.className = "chart-layer";
    workbook.charts.onChange((sheet) => {
      if (sameSheet(sheet, this.grid().sheet)) this.draw();
    });
    workbook.on((event) => {
      if (
        event.kind === "values" &&
        chartsReading(this.charts(), this.grid().sheet, event.cells).length > 0
      )
        this.draw();
    });
  }

  private charts(): readonly ChartSpec[] {
    return this.workbook.charts.on(this.grid().sheet);
  }

  /** Draws the shown sheet's charts afresh (none: the layer is empty). */
  draw(): void {
    const { sheet } = this.grid();
    const place = this.placement();
    this.element.replaceChildren(
      ...this.charts().map((spec) => {
        const box = place(spec.position);
        const chart = chartElement(
          spec,
          plottedNow(this.workbook, sheet, spec),
          box,
        );
        chart.style.left = `${box.left}px`;
        chart.style.top = `${box.top}px`;
        return chart;
      }),
    );
  }

  /**
   * Where cells are in the grid's table, in pixels from its top-left corner: the column widths
   * its colgroup sets (the first col is the row numbers'), the header row's height, and rows of
   * equal height.
   */
  private placement(): (position: ChartSpec["position"]) => {
    left: number;
    top: number;
    width: number;
    height: number;
  } {
    const widths = [...this.table.querySelectorAll("colgroup > col")].map(
      (col) => parseFloat((col as HTMLElement).style.width) || 0,
    );
    const header = this.table.tHead?.getBoundingClientRect().height ?? 0;
    const { rowHeight } = this.grid();
    const left = (col: number) => {
      let x = widths[0] ?? 0;
      for (let c = 0; c < col; c++) x += widths[c + 1] ?? DEFAULT_COLUMN_WIDTH;
      return x;
    };
    const top = (row: number) => header + row * rowHeight;
    return ({ from, to }) => {
      const [a, b] = [cellOf("", from), cellOf("", to)];
      const first = {
        row: Math.min(a.row, b.row),
        col: Math.min(a.col, b.col),
      };
      const last = { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) };
      return {
        left: left(first.col),
        top: top(first.row),
        width: left(last.col + 1) - left(first.col),
        height: top(last.row + 1) - top(first.row),
      };
    };
  }
}

/** What `spec` on `sheet` plots now: each source cell's number, and its text as the grid shows it. */
export function plottedNow(
  workbook: Workbook,
  sheet: string,
  spec: ChartSpec,
): PlottedChart {
  return plotted(spec, (position: CellPosition) => {
    const cell = { sheet, ...position };
    const state = workbook.cell(cell);
    return {
      value: typeof state.value === "number" ? state.value : null,
      text: displayOf(state, workbook.numberFormat(cell)).text,
    };
  });
}

/** The charts of `sheet` whose source range holds one of `cells`: those to draw again. */
export function chartsReading(
  charts: readonly ChartSpec[],
  sheet: string,
  cells: readonly CellAddress[],
): ChartSpec[] {
  // Most sheets have no chart: a recalculation of thousands of cells is not looked through.
  if (charts.length === 0) return [];
  const here = cells.filter((cell) => sameSheet(cell.sheet, sheet));
  if (here.length === 0) return [];
  return charts.filter((chart) => {
    const range = sourceRange(chart);
    return here.some((cell) => rangeContains(range, cell));
  });
}

const sameSheet = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
