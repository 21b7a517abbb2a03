/**
 * How the grid's store reads a table and writes one, and what it refuses first, as the Excel
 * adapter does (src/workbook/excelTableIo.ts): a table's cells and address, a header and rows
 * written with the columns' number formats, and the checks that a table would not overlap
 * another, grow over the user's cells or land on data. The store's parts share one.
 */
import type { TableData } from "../workbook/store";
import { formulaOrWrittenCell } from "../workbook/cellWrite";
import { numberFormatFor } from "../workbook/numberFormats";
import { WorkbookError } from "../workbook/writeFailure";
import { cellName, quoteSheetName, type CellPosition } from "./a1";
import { contains, overlaps, type TableExtent } from "./tableReferences";
import type { CellAddress, CellInput, Workbook } from "./workbook";

export class GridTableIo {
  constructor(readonly workbook: Workbook) {}

  /**
   * A table's cells, with its address ("Scorecard!A1:J8") as Excel's adapter reports it, and
   * `withFormulas` its data rows as Excel's Range.formulas gives them too ("=..." for a
   * formula, else the value).
   */
  read(
    name: string,
    withFormulas = false,
  ): (TableData & { address: string }) | null {
    const table = this.workbook.tables.get(name);
    if (!table) return null;
    const { sheet, topLeft, width, height } = table;
    /** The table's rows from `first` (0: the header), each cell as `of` reads it. */
    const rowsFrom = (first: number, of: (cell: CellAddress) => unknown) =>
      Array.from({ length: height - first }, (_, r) =>
        Array.from({ length: width }, (_, c) =>
          of({ sheet, row: topLeft.row + first + r, col: topLeft.col + c }),
        ),
      );
    const [header, ...rows] = rowsFrom(0, (cell) =>
      this.workbook.valueForStore(cell),
    );
    const last = {
      row: topLeft.row + height - 1,
      col: topLeft.col + width - 1,
    };
    const address = `${quoteSheetName(sheet)}!${cellName(topLeft)}:${cellName(last)}`;
    const data = { header: header.map(String), rows, address };
    if (!withFormulas) return data;
    const formulas = rowsFrom(1, (cell) => {
      const { input } = this.workbook.cell(cell);
      return input.startsWith("=") ? input : this.workbook.valueForStore(cell);
    });
    return { ...data, formulas };
  }

  /**
   * Remembers the cells of `extents` and the tables they belong to now; the function returned
   * writes them all back as they were.
   */
  keep(extents: TableExtent[]): () => void {
    const cells = new Map<string, { cell: CellAddress; content: CellInput }>();
    for (const extent of extents)
      for (let r = 0; r < extent.height; r++)
        for (let c = 0; c < extent.width; c++) {
          const cell = {
            sheet: extent.sheet,
            row: extent.topLeft.row + r,
            col: extent.topLeft.col + c,
          };
          cells.set(`${cell.sheet}!${cell.row},${cell.col}`, {
            cell,
            content: this.workbook.contentOf(cell),
          });
        }
    const tables = extents
      .map((e) => this.workbook.tables.get(e.name))
      .filter((t): t is TableExtent => t !== undefined)
      .map((t) => ({ ...t, topLeft: { ...t.topLeft } }));
    return () =>
      this.workbook.batch(() => {
        for (const table of tables) this.workbook.setTable(table);
        for (const { cell, content } of cells.values())
          this.workbook.write(cell, content);
      });
  }

  /** Writes a header and rows from `at`'s first cell, formulas as formulas, with the columns' number formats. */
  writeTable(
    header: readonly unknown[],
    rows: readonly (readonly unknown[])[],
    at: TableExtent,
  ): void {
    const cells = [header, ...rows].map((row) => row.map(formulaOrWrittenCell));
    this.writeCells(at.sheet, at.topLeft, cells);
    this.formatColumns(header.map(String), {
      ...at,
      topLeft: { row: at.topLeft.row + 1, col: at.topLeft.col },
      height: rows.length,
    });
  }

  existing(name: string): TableExtent {
    const table = this.workbook.tables.get(name);
    if (!table)
      throw new Error(
        `The workbook has no ${name} table: create the scorecard first`,
      );
    return table;
  }

  /** Excel refuses a table that would overlap another; so does the preview. */
  refuseOverlap(extent: TableExtent, replacing: TableExtent[]): void {
    const others = [
      ...this.workbook.tables
        .all()
        .filter(
          (t) =>
            !replacing.some(
              (r) => r.name.toLowerCase() === t.name.toLowerCase(),
            ),
        ),
      ...replacing.filter(
        (r) => r.name.toLowerCase() !== extent.name.toLowerCase(),
      ),
    ];
    const clash = others.find((other) => overlaps(other, extent));
    if (clash)
      throw new Error(
        `The ${extent.name} table would overlap the ${clash.name} table on sheet ${extent.sheet}`,
      );
  }

  /** A growing table may not take in the user's cells next to it, as the Excel adapter refuses too. */
  refuseCovering(before: TableExtent, after: TableExtent): void {
    for (const cell of cellsOnlyIn(after, before)) {
      if (this.workbook.cell(cell).value !== null)
        throw new WorkbookError(
          "NoRoom",
          `The ${after.name} table would grow over ${quoteSheetName(after.sheet)}!${cellName(cell)}, which holds data that Apply would overwrite.`,
        );
    }
  }

  /** A sample table may only go where its sheet is still empty. */
  refuseOccupied(extent: TableExtent): void {
    if (!this.workbook.hasSheet(extent.sheet)) return;
    for (let r = 0; r < extent.height; r++) {
      for (let c = 0; c < extent.width; c++) {
        const cell = {
          sheet: extent.sheet,
          row: extent.topLeft.row + r,
          col: extent.topLeft.col + c,
        };
        if (this.workbook.cell(cell).value !== null) {
          throw new Error(
            `Sheet ${extent.sheet} already has data at ${cellName(cell)}, where the ${extent.name} table goes; nothing was changed.`,
          );
        }
      }
    }
  }

  writeCells(sheet: string, topLeft: CellPosition, cells: CellInput[][]): void {
    cells.forEach((row, r) =>
      row.forEach((cell, c) =>
        this.workbook.write(
          { sheet, row: topLeft.row + r, col: topLeft.col + c },
          cell,
        ),
      ),
    );
  }

  /** Clears what a shrinking table leaves behind, as Excel's resize does to the table's old rows. */
  clearOutside(before: TableExtent, after: TableExtent): void {
    for (const cell of cellsOnlyIn(before, after))
      this.workbook.write(cell, null);
  }

  /** The number formats the Excel adapter applies (dates, scores, revenue), by column name, to `body`'s rows. */
  formatColumns(header: readonly string[], body: TableExtent): void {
    header.forEach((column, c) => {
      const format = numberFormatFor(column);
      if (format === null) return;
      for (let r = 0; r < body.height; r++) {
        this.workbook.setNumberFormat(
          {
            sheet: body.sheet,
            row: body.topLeft.row + r,
            col: body.topLeft.col + c,
          },
          format,
        );
      }
    });
  }
}

/** The cells of `extent` that are not in `other`, row by row. */
export function* cellsOnlyIn(
  extent: TableExtent,
  other: TableExtent,
): Generator<CellAddress> {
  for (let r = 0; r < extent.height; r++)
    for (let c = 0; c < extent.width; c++) {
      const position = {
        row: extent.topLeft.row + r,
        col: extent.topLeft.col + c,
      };
      if (!contains(other, position))
        yield { sheet: extent.sheet, ...position };
    }
}
