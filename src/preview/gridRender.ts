/**
 * What the grid draws: its extent (the used range plus a margin, capped), the table's column
 * widths and headers, and a cell's shown value and look. GridView (gridView.ts) decides when
 * to draw; the rows in the page come and go with pagedRows.ts.
 */
import { columnLetters } from "./a1";
import { displayOf } from "./cellDisplay";
import type { CellAddress, Workbook } from "./workbook";

/** The grid's extent caps: the preview shows a working area, not a million rows. */
export const MAX_GRID_ROWS = 100_000;
export const MAX_GRID_COLUMNS = 60;
/** Rows read to size a column: enough to see what a column holds, at any sheet's length. */
const WIDTH_SAMPLE_ROWS = 1000;
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 6;
const MIN_ROWS = 40;
const MIN_COLUMNS = 16;
/** The row numbers' column: 44px, wider where the numbers have more than three digits. */
export const rowHeaderWidth = (rows: number) =>
  Math.max(44, String(rows).length * 9 + 14);
const HEADER_CHARACTERS = 12;

function wanted(
  used: number,
  minimum: number,
  spare: number,
  cap: number,
): number {
  return Math.min(cap, Math.max(minimum, used + spare));
}

/** The rows and columns the grid spans for a sheet whose used range is `used`. */
export function gridExtent(used: { rows: number; cols: number }): {
  rows: number;
  cols: number;
} {
  return {
    rows: wanted(used.rows, MIN_ROWS, SPARE_ROWS, MAX_GRID_ROWS),
    cols: wanted(used.cols, MIN_COLUMNS, SPARE_COLUMNS, MAX_GRID_COLUMNS),
  };
}

/**
 * Wide enough for the longest value shown in the column, within Excel-like bounds. A table
 * header counts for at most HEADER_CHARACTERS: long headers over short numbers are cut
 * (with an ellipsis, the full text on hover) rather than pushing the sheet off screen.
 */
export function columnWidth(
  workbook: Workbook,
  sheet: string,
  col: number,
  rows: number,
): number {
  let longest = 0;
  const { rows: usedRows } = workbook.usedSize(sheet);
  const sampled = Math.min(rows, usedRows, WIDTH_SAMPLE_ROWS);
  for (let row = 0; row < sampled; row++) {
    const cell = { sheet, row, col };
    const length = displayOf(workbook.cell(cell), workbook.numberFormat(cell))
      .text.length;
    const header = workbook.tables.at(sheet, cell)?.topLeft.row === row;
    longest = Math.max(
      longest,
      header ? Math.min(length, HEADER_CHARACTERS) : length,
    );
  }
  return Math.min(220, Math.max(64, longest * 7.2 + 14));
}

/**
 * Fills `table` afresh for a sheet of `rows` x `cols`: the column widths, the header row
 * (a corner, then the column letters) and an empty body for the rows in the page.
 */
export function buildGridTable(
  table: HTMLTableElement,
  workbook: Workbook,
  sheet: string,
  rows: number,
  cols: number,
): { body: HTMLTableSectionElement; corner: HTMLTableCellElement } {
  table.replaceChildren();
  table.setAttribute("aria-label", `Sheet ${sheet}`);
  table.setAttribute("aria-rowcount", String(rows + 1));
  table.setAttribute("aria-colcount", String(cols + 1));

  const colgroup = document.createElement("colgroup");
  const rowHeaderCol = document.createElement("col");
  rowHeaderCol.style.width = `${rowHeaderWidth(rows)}px`;
  colgroup.append(rowHeaderCol);
  const head = document.createElement("thead");
  const headRow = head.insertRow();
  const corner = document.createElement("th");
  corner.className = "corner";
  // Announced, not shown: the corner heads the column of row numbers.
  const cornerText = document.createElement("span");
  cornerText.className = "visually-hidden";
  cornerText.textContent = "Row";
  corner.append(cornerText);
  headRow.append(corner);
  let tableWidth = rowHeaderWidth(rows);
  for (let c = 0; c < cols; c++) {
    const col = document.createElement("col");
    const width = columnWidth(workbook, sheet, c, rows);
    tableWidth += width;
    col.style.width = `${width}px`;
    colgroup.append(col);
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.col = String(c);
    th.textContent = columnLetters(c);
    headRow.append(th);
  }
  const body = document.createElement("tbody");
  // A fixed layout squeezes the columns into the container unless the table is given its width.
  table.style.width = `${tableWidth}px`;
  table.append(colgroup, head, body);
  return { body, corner };
}

/** Shows a cell's value in its td: the text, its kind's look, table banding, a title where cut, the raw number. */
export function paintCell(
  td: HTMLTableCellElement,
  workbook: Workbook,
  address: CellAddress,
): void {
  const { row } = address;
  const state = workbook.cell(address);
  const shown = displayOf(state, workbook.numberFormat(address));
  td.textContent = shown.text;
  td.className = `kind-${shown.kind}`;
  if (state.spilled) td.classList.add("spilled");
  const table = workbook.tables.at(address.sheet, address);
  if (table)
    td.classList.add(
      row === table.topLeft.row
        ? "table-header"
        : (row - table.topLeft.row) % 2 === 0
          ? "table-band"
          : "table-row",
    );
  const title =
    shown.title ??
    (td.classList.contains("table-header") ? shown.text : undefined);
  if (title) td.title = title;
  else td.removeAttribute("title");
  // The unformatted number, for tools and tests: the text may be rounded by a format.
  if (typeof state.value === "number") td.dataset.value = String(state.value);
  else delete td.dataset.value;
}
