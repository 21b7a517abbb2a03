/**
 * The ScorecardStore port over the browser workbook's grid: what the real task pane uses
 * when it runs inside the preview page. It behaves like the Excel adapter where the pane can
 * tell: tables are read as Excel's range.values reads them (blank as ""), written with the
 * same cell rules (src/workbook/cellWrite.ts) in one batch, and only edits typed into the
 * Criteria or Tiers tables are reported to watchers, never the store's own writes.
 */
import type {
  ChartedSheet,
  ChartStore,
  ListSetUp,
  ListSetUpStore,
  PartnerCellFix,
  PartnerFixStore,
  LoadOptions,
  OwnedSheet,
  PartnerList,
  OwnedSheetWrite,
  ScorecardStore,
  SharingStore,
  SheetTable,
  TableData,
  ValuesSheet,
  WorkbookScorecard,
  PartnerColumnChanges,
} from "../workbook/store";
import { HISTORY_HEADER, historyRowsFor } from "../core/history";
import { freeSheetName } from "../workbook/sheetNames";
import {
  formulaOrWrittenCell,
  hasFormulas,
  tableRectangle,
  writtenCell,
} from "../workbook/cellWrite";
import { ownedSheetTaken } from "../workbook/ownedSheet";
import { EVALUATION_DATE, SHEET, TABLE } from "../workbook/names";
import {
  evaluationDateFormula,
  NO_EVALUATION_TABLE,
} from "../workbook/evaluationDate";
import { numberFormatFor } from "../workbook/numberFormats";
import { WorkbookError } from "../workbook/writeFailure";
import { changedSinceCheck } from "../workbook/store";
import {
  cellName,
  parseCellName,
  quoteSheetName,
  type CellPosition,
} from "./a1";
import { contains, overlaps, type TableExtent } from "./tableReferences";
import { partnerColumnsWrite } from "./gridPartnerColumns";
import { valuesSheetCharts, writeChartedSheet } from "./gridCharts";
import type { CellAddress, CellInput, Workbook } from "./workbook";

/** The tables a watcher hears about: the model the pane edits. */
const WATCHED = [TABLE.criteria, TABLE.tiers].map((name) => name.toLowerCase());

/** Where the user's selected cell is, and news of its moves: the grid, in the preview. */
export interface SelectionSource {
  readonly selection: CellAddress;
  onChange(listener: () => void): () => void;
}

export class GridStore
  implements
    ScorecardStore,
    SharingStore,
    ListSetUpStore,
    PartnerFixStore,
    ChartStore
{
  constructor(
    private readonly workbook: Workbook,
    private readonly selection?: SelectionSource,
  ) {}

  async load(options: LoadOptions = {}): Promise<WorkbookScorecard> {
    const read = (name: string) =>
      this.read(name, options.formulasOf?.includes(name));
    return {
      criteria: read(TABLE.criteria),
      tiers: read(TABLE.tiers),
      partners: read(TABLE.partners),
    };
  }

  /**
   * A table's cells, with its address ("Scorecard!A1:J8") as Excel's adapter reports it, and
   * `withFormulas` its data rows as Excel's Range.formulas gives them too ("=..." for a
   * formula, else the value).
   */
  private read(
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

  async save(
    criteria: TableData,
    tiers: TableData,
    partnerColumns?: PartnerColumnChanges,
  ): Promise<void> {
    const writes = [
      {
        table: this.existing(TABLE.criteria),
        cells: tableRectangle(TABLE.criteria, criteria) as CellInput[][],
      },
      {
        table: this.existing(TABLE.tiers),
        cells: tableRectangle(TABLE.tiers, tiers) as CellInput[][],
      },
    ];
    const resized = writes.map(({ table, cells }) => ({
      ...table,
      height: cells.length,
      width: cells[0].length,
    }));
    // Checked before anything is written: a save either happens whole or not at all.
    for (const extent of resized) this.refuseOverlap(extent, resized);
    writes.forEach(({ table }, i) => this.refuseCovering(table, resized[i]));
    const partners =
      partnerColumns &&
      (partnerColumns.renames.length > 0 ||
        partnerColumns.inserts.headers.length > 0)
        ? partnerColumnsWrite(
            this.workbook,
            this.existing(TABLE.partners),
            partnerColumns,
          )
        : null;
    // And should a write fail half-way regardless, what it touched is put back.
    const restore = this.keep([
      ...writes.map((w) => w.table),
      ...resized,
      ...(partners ? [partners.touched] : []),
    ]);
    try {
      this.workbook.batch(() => {
        writes.forEach(({ table, cells }, i) => {
          this.clearOutside(table, resized[i]);
          this.writeCells(table.sheet, table.topLeft, cells);
          this.workbook.setTable(resized[i]);
        });
        partners?.write();
      });
    } catch (e) {
      restore();
      throw e;
    }
  }

  /**
   * Remembers the cells of `extents` and the tables they belong to now; the function returned
   * writes them all back as they were.
   */
  private keep(extents: TableExtent[]): () => void {
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

  async createSample(tables: SheetTable[]): Promise<void> {
    const extents = tables.map((t): TableExtent => ({
      name: t.name,
      sheet: t.sheet,
      topLeft: parseCellName(t.topLeft),
      width: t.header.length,
      height: t.rows.length + 1,
    }));
    // Refused before anything is written, as the Excel adapter does: the sample never overwrites.
    for (const extent of extents)
      if (this.workbook.tables.get(extent.name))
        throw new Error(
          `The workbook already has a table named ${extent.name}; nothing was changed.`,
        );
    for (const extent of extents) this.refuseOverlap(extent, extents);
    for (const extent of extents) this.refuseOccupied(extent);
    this.workbook.batch(() => {
      for (const table of tables) this.workbook.addSheet(table.sheet);
      // Tables first: the Partners formulas refer to Criteria and Tiers by name.
      for (const extent of extents) this.workbook.setTable(extent);
      // Formulas are written as formulas; every other cell as the Excel adapter writes it.
      tables.forEach((table, i) =>
        this.writeTable(table.header, table.rows, extents[i]),
      );
    });
    // Like the Excel adapter: show the sheet of the last table with formulas (the partner
    // list, where the first scores appear).
    const shown =
      [...tables].reverse().find(hasFormulas) ?? tables[tables.length - 1];
    if (shown) this.workbook.activate(shown.sheet);
  }

  /** As the Excel adapter: the active sheet's first table, else its block of used cells. */
  async readList(): Promise<PartnerList | null> {
    const sheet =
      this.selection?.selection.sheet ?? this.workbook.sheetNames[0];
    const table = this.workbook.tables.all().find((t) => t.sheet === sheet);
    const extent = table ?? this.usedBlock(sheet);
    if (!extent) return null;
    const { topLeft, width, height } = extent;
    const [header, ...rows] = Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) =>
        this.workbook.valueForStore({
          sheet,
          row: topLeft.row + r,
          col: topLeft.col + c,
        }),
      ),
    );
    return {
      sheet,
      topLeft: cellName(topLeft),
      header: header.map(String),
      rows,
      table: table?.name ?? null,
      sheetNames: this.workbook.sheetNames,
    };
  }

  /** The block of filled cells on `sheet` (first to last filled row and column), or undefined when empty. */
  private usedBlock(sheet: string): TableExtent | undefined {
    const { rows, cols } = this.workbook.usedSize(sheet);
    const filled = { top: rows, left: cols, bottom: -1, right: -1 };
    for (let row = 0; row < rows; row++)
      for (let col = 0; col < cols; col++)
        if (this.workbook.isFilled({ sheet, row, col })) {
          filled.top = Math.min(filled.top, row);
          filled.left = Math.min(filled.left, col);
          filled.bottom = Math.max(filled.bottom, row);
          filled.right = Math.max(filled.right, col);
        }
    if (filled.bottom < 0) return undefined;
    return {
      name: "",
      sheet,
      topLeft: { row: filled.top, col: filled.left },
      width: filled.right - filled.left + 1,
      height: filled.bottom - filled.top + 1,
    };
  }

  /** Where the list lies now, and as the Partners table with the added columns. */
  private listExtents({ list, added }: ListSetUp): {
    before: TableExtent;
    after: TableExtent;
  } {
    const before = {
      name: list.table ?? TABLE.partners,
      sheet: list.sheet,
      topLeft: parseCellName(list.topLeft),
      width: list.width,
      height: list.height,
    };
    const width = list.width + added.header.length;
    return { before, after: { ...before, name: TABLE.partners, width } };
  }

  /** As the Excel adapter: refuses before writing anything, then writes in one batch. */
  async setUpFromList(setUp: ListSetUp): Promise<void> {
    const { before, after } = this.listExtents(setUp);
    for (const table of setUp.tables) {
      if (this.workbook.hasSheet(table.sheet))
        throw new Error(
          `The workbook already has a sheet named ${table.sheet}; nothing was changed. Choose Look again.`,
        );
      if (this.workbook.tables.get(table.name))
        throw new Error(
          `The workbook already has a table named ${table.name}; nothing was changed.`,
        );
    }
    const partners = this.workbook.tables.get(TABLE.partners);
    if (partners && partners.name.toLowerCase() !== before.name.toLowerCase())
      throw new Error(
        `The workbook already has a table named ${TABLE.partners} elsewhere; nothing was changed.`,
      );
    const current = setUp.list.table
      ? this.workbook.tables.get(setUp.list.table)
      : undefined;
    this.refuseOverlap(after, current ? [current] : []);
    for (const cell of cellsOnlyIn(after, before))
      if (this.workbook.cell(cell).value !== null)
        throw new Error(
          `${quoteSheetName(cell.sheet)}!${cellName(cell)} holds data where the Score and Tier columns go; nothing was changed. Move it, then choose Look again.`,
        );
    this.workbook.batch(() => {
      for (const table of setUp.tables) {
        this.workbook.addSheet(table.sheet);
        const extent = {
          name: table.name,
          sheet: table.sheet,
          topLeft: parseCellName(table.topLeft),
          width: table.header.length,
          height: table.rows.length + 1,
        };
        this.workbook.setTable(extent);
        this.writeTable(table.header, table.rows, extent);
      }
      if (current) this.workbook.removeTable(current.name);
      this.workbook.setTable(after);
      this.writeTable(setUp.added.header, setUp.added.rows, {
        ...after,
        topLeft: { ...after.topLeft, col: after.topLeft.col + before.width },
      });
    });
    this.workbook.activate(before.sheet);
  }

  /** Writes a header and rows from `at`'s first cell, formulas as formulas, with the columns' number formats. */
  private writeTable(
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

  /** As the Excel adapter: refuses when a cell changed since the check, else writes all in one batch. */
  async fixPartnerCells(fixes: readonly PartnerCellFix[]): Promise<void> {
    const { sheet, topLeft } = this.existing(TABLE.partners);
    const cells = fixes.map((fix) => ({
      sheet,
      row: topLeft.row + 1 + fix.row,
      col: topLeft.col + fix.column,
    }));
    cells.forEach((cell, i) => {
      if (this.workbook.valueForStore(cell) !== fixes[i].was)
        throw new Error(
          changedSinceCheck(`${quoteSheetName(sheet)}!${cellName(cell)}`),
        );
    });
    this.workbook.batch(() =>
      cells.forEach((cell, i) =>
        this.workbook.write(cell, writtenCell(fixes[i].value) as CellInput),
      ),
    );
  }

  /** As the Excel adapter: the new sheet and the added columns go, the list is as it was. */
  async undoSetUp(setUp: ListSetUp): Promise<void> {
    const { before, after } = this.listExtents(setUp);
    this.workbook.batch(() => {
      for (const sheet of new Set(setUp.tables.map((t) => t.sheet)))
        if (this.workbook.hasSheet(sheet)) this.workbook.removeSheet(sheet);
      for (const cell of cellsOnlyIn(after, before)) {
        this.workbook.write(cell, null);
        this.workbook.setNumberFormat(cell, null);
      }
      this.workbook.removeTable(TABLE.partners);
      if (setUp.list.table) this.workbook.setTable(before);
    });
    this.workbook.activate(before.sheet);
  }

  async watch(listener: () => void): Promise<() => void> {
    return this.onUserEdits(WATCHED, listener);
  }

  /**
   * As the Excel adapter: the user's edits in the Partners table, and its formulas' values
   * recalculated (Excel's onCalculated), as when a Partners cell reads another sheet's cell
   * the user changed.
   */
  async watchPartners(listener: () => void): Promise<() => void> {
    const stopEdits = this.onUserEdits(
      [TABLE.partners.toLowerCase()],
      listener,
    );
    const stopCalculations = this.workbook.on((event) => {
      if (event.kind !== "values") return;
      const recalculated = event.cells.some(
        (cell) =>
          this.workbook.translation(cell) !== undefined &&
          this.tableNameAt(cell) === TABLE.partners.toLowerCase(),
      );
      if (recalculated) listener();
    });
    return () => {
      stopEdits();
      stopCalculations();
    };
  }

  /**
   * Calls `listener` for each cell the user edits in one of `tables` (names in lower case),
   * and when the user's edit (or its undo) grows or shrinks one of them.
   */
  private onUserEdits(tables: string[], listener: () => void): () => void {
    const stop = this.workbook.on((event) => {
      const table =
        event.kind === "userEdit"
          ? this.tableNameAt(event.cell)
          : event.kind === "userTableResize"
            ? event.table.toLowerCase()
            : undefined;
      if (table && tables.includes(table)) listener();
    });
    return () => {
      stop();
    };
  }

  /** The name of the table `cell` lies in, in lower case (table names ignore case, as Excel's). */
  private tableNameAt(cell: CellAddress): string | undefined {
    return this.workbook.tables.at(cell.sheet, cell)?.name.toLowerCase();
  }

  /** As the Excel adapter: creates or rewrites a sheet whose A1 holds the marker, never another. */
  async writeOwnedSheet(
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    const present = this.workbook.hasSheet(sheet.name);
    if (!present && onlyIfPresent) return "absent";
    if (present) {
      const first = this.workbook.cell({ sheet: sheet.name, row: 0, col: 0 });
      if (first.value !== sheet.marker)
        throw new Error(ownedSheetTaken(sheet.name));
    }
    const cells = sheet.cells.map((row) => row.map(formulaOrWrittenCell));
    this.workbook.batch(() => {
      if (present) {
        const { rows, cols } = this.workbook.usedSize(sheet.name);
        for (let row = 0; row < rows; row++)
          for (let col = 0; col < cols; col++)
            this.workbook.write({ sheet: sheet.name, row, col }, null);
      } else this.workbook.addSheet(sheet.name);
      this.writeCells(sheet.name, { row: 0, col: 0 }, cells);
    });
    return "written";
  }

  /** As the Excel adapter: the owned sheet written, then its charts replaced (gridCharts.ts). */
  async writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return writeChartedSheet(
      this.workbook,
      (owned, only) => this.writeOwnedSheet(owned, only),
      sheet,
      onlyIfPresent,
    );
  }

  /**
   * Reports the Partners data row of the grid's selected cell when it moves to another one
   * (null on the table's header), with its values, as the Excel adapter; selections outside
   * the table are not reported, as in Excel.
   */
  async watchPartnerSelection(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => void> {
    const source = this.selection;
    if (!source) return () => undefined;
    let last: number | null | undefined;
    return source.onChange(() => {
      const { sheet, row, col } = source.selection;
      const table = this.workbook.tables.get(TABLE.partners);
      if (!table || table.sheet !== sheet || !contains(table, { row, col }))
        return void (last = undefined);
      const at = row - table.topLeft.row - 1;
      const next = at < 0 ? null : at;
      if (next === last) return;
      last = next;
      if (next === null) return listener(null);
      listener(
        next,
        Array.from({ length: table.width }, (_, c) =>
          this.workbook.valueForStore({
            sheet,
            row,
            col: table.topLeft.col + c,
          }),
        ),
      );
    });
  }

  // ---- sharing: History and the values-only export ----

  async loadHistory(): Promise<TableData | null> {
    return this.read(TABLE.history);
  }

  /**
   * Rows go below the History table, which grows over them, as Excel's rows.add; on first
   * use the Tier history sheet (Excel reserves the sheet name History) and the History table are made. Refused, writing nothing, where the rows would
   * land on data (Excel would shift it; the preview keeps it simple and says so).
   */
  async appendHistory(rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const table = this.workbook.tables.get(TABLE.history);
    // The table's columns as they are (a user may have added some), or the four of a new one.
    const header = table
      ? (this.read(TABLE.history)?.header ?? [])
      : [...HISTORY_HEADER];
    // Every cell as the Excel adapter writes it: a partner named "=..." stays text.
    const [headerCells, ...cells] = tableRectangle(TABLE.history, {
      header,
      rows: historyRowsFor(header, rows),
    }) as CellInput[][];
    const created: TableExtent = {
      name: TABLE.history,
      sheet: SHEET.history,
      topLeft: { row: 0, col: 0 },
      width: header.length,
      height: 0,
    };
    const before = table ?? created;
    const added: TableExtent = {
      ...before,
      topLeft: {
        row: before.topLeft.row + before.height,
        col: before.topLeft.col,
      },
      height: table ? rows.length : rows.length + 1,
    };
    const grown = { ...before, height: before.height + added.height };
    this.refuseOccupied(added);
    this.refuseOverlap(grown, [grown]);
    this.workbook.batch(() => {
      this.workbook.addSheet(grown.sheet);
      this.workbook.setTable(grown);
      this.writeCells(
        added.sheet,
        added.topLeft,
        table ? cells : [headerCells, ...cells],
      );
      this.formatColumns(header, {
        ...grown,
        topLeft: {
          row: grown.topLeft.row + grown.height - rows.length,
          col: grown.topLeft.col,
        },
        height: rows.length,
      });
    });
  }

  /** As the Excel adapter: the Evaluation table's first data cell gets a DATE formula, in one batch. */
  async setEvaluationDate(serial: number): Promise<void> {
    const table = this.workbook.tables.get(TABLE.evaluation);
    if (!table || table.height < 2) throw new Error(NO_EVALUATION_TABLE);
    const at: CellAddress = {
      sheet: table.sheet,
      row: table.topLeft.row + 1,
      col: table.topLeft.col,
    };
    this.workbook.batch(() => {
      this.workbook.write(at, evaluationDateFormula(serial));
      this.workbook.setNumberFormat(
        at,
        numberFormatFor(EVALUATION_DATE) ?? "yyyy-mm-dd",
      );
    });
  }

  async writeValuesSheet(values: ValuesSheet): Promise<string> {
    const charts = valuesSheetCharts(values);
    const name = freeSheetName(values.name, this.workbook.sheetNames);
    this.workbook.batch(() => {
      this.workbook.addSheet(name);
      values.cells.forEach((row, r) =>
        row.forEach((cell, col) => {
          const at = { sheet: name, row: r, col };
          this.workbook.write(at, writtenCell(cell));
          const format = values.numberFormats[r]?.[col];
          if (format && format !== "General")
            this.workbook.setNumberFormat(at, format);
        }),
      );
    });
    this.workbook.charts.replace(name, charts);
    this.workbook.activate(name);
    return name;
  }

  private existing(name: string): TableExtent {
    const table = this.workbook.tables.get(name);
    if (!table)
      throw new Error(
        `The workbook has no ${name} table: create the scorecard first`,
      );
    return table;
  }

  /** Excel refuses a table that would overlap another; so does the preview. */
  private refuseOverlap(extent: TableExtent, replacing: TableExtent[]): void {
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
  private refuseCovering(before: TableExtent, after: TableExtent): void {
    for (const cell of cellsOnlyIn(after, before)) {
      if (this.workbook.cell(cell).value !== null)
        throw new WorkbookError(
          "NoRoom",
          `The ${after.name} table would grow over ${quoteSheetName(after.sheet)}!${cellName(cell)}, which holds data that Apply would overwrite.`,
        );
    }
  }

  /** A sample table may only go where its sheet is still empty. */
  private refuseOccupied(extent: TableExtent): void {
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

  private writeCells(
    sheet: string,
    topLeft: CellPosition,
    cells: CellInput[][],
  ): void {
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
  private clearOutside(before: TableExtent, after: TableExtent): void {
    for (const cell of cellsOnlyIn(before, after))
      this.workbook.write(cell, null);
  }

  /** The number formats the Excel adapter applies (dates, scores, revenue), by column name, to `body`'s rows. */
  private formatColumns(header: readonly string[], body: TableExtent): void {
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
function* cellsOnlyIn(
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
