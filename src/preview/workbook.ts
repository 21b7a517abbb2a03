/**
 * The browser workbook's model: sheets of cells over a HyperFormula engine, plus the Excel
 * tables HyperFormula does not know. A formula is kept as the user (or the store) wrote it and
 * handed to the engine as it reads it, structured references translated to A1 ranges; the
 * formulas follow the tables (tableFormulas.ts). The engine's set-up is workbookEngine.ts,
 * reading a cell cellReader.ts, and the user's edits and their undo userEdits.ts.
 */
import {
  DetailedCellError,
  ErrorType,
  type HyperFormula,
  type ExportedChange,
  type SimpleCellAddress,
} from "hyperformula";
import { assertSheetName } from "../workbook/sheetNames";
import type { CellPosition } from "./a1";
import { EditHistory } from "./editHistory";
import { SheetCharts } from "./sheetCharts";
import { cellKey, TableFormulas } from "./tableFormulas";
import {
  TableRegistry,
  type TableExtent,
  type TranslatedFormula,
} from "./tableReferences";
import { UserEdits } from "./userEdits";
import { CellReader } from "./cellReader";
import { changedCells, newEngine } from "./workbookEngine";

export { MAX_COLUMNS, MAX_ROWS } from "./workbookEngine";

export interface CellAddress extends CellPosition {
  sheet: string;
}

/** What one cell holds and shows. */
export interface CellState {
  /** The computed value: a number, text, boolean, an error, or null for an empty cell. */
  value: number | string | boolean | { error: string; message: string } | null;
  /** How HyperFormula typed a number: NUMBER_DATE, NUMBER_PERCENT, ... (for display). */
  numberType?: string;
  /** What the formula bar shows: the formula as written, or the value as typed. */
  input: string;
  /** The cell shows part of a result spilled from a formula in another cell. */
  spilled: boolean;
}

export type WorkbookEvent =
  | { kind: "values"; cells: CellAddress[] }
  | { kind: "sheets" }
  /** Something asks for a sheet to be shown, as Excel's worksheet.activate(). */
  | { kind: "activate"; sheet: string }
  /** A user typed into (or cleared) a cell in the grid; the store's own writes do not count. */
  | { kind: "userEdit"; cell: CellAddress }
  /** A user's edit (or its undo) grew or shrank a table: typing right below it extends it. */
  | { kind: "userTableResize"; table: string };

/** A cell's content to write: a value, or a string starting with "=" for a formula. */
export type CellInput = string | number | boolean | null;

export class Workbook {
  readonly engine: HyperFormula;
  readonly tables = new TableRegistry();
  /** The charts the add-in drew on each sheet (issue 24): beside the cells, as Excel's. */
  readonly charts = new SheetCharts();
  /** Formulas as written and as the engine reads them, in step with the tables. */
  private readonly formulas = new TableFormulas(this.tables, {
    readable: () => !this.engine.isEvaluationSuspended(),
    contentOf: (cell) => this.contentOf(cell),
    setContents: (cell, content) =>
      this.engine.setCellContents(
        this.address(cell),
        content === "" ? null : content,
      ),
    batch: (write) => this.batch(write),
  });
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  /** Excel number format codes by cell key; HyperFormula keeps values, not formats. */
  private readonly formats = new Map<string, string>();
  /** The user's edits in the grid, for undo and redo. */
  private readonly history = new EditHistory();
  private readonly edits = new UserEdits(this, {
    formulas: this.formulas,
    formats: this.formats,
    history: this.history,
    defineTable: (extent) => this.defineTable(extent),
    put: (cell, input, typed) => this.put(cell, input, typed),
    emit: (event) => this.emit(event),
  });

  /** What the cells hold and show, read from the engine. */
  private readonly reader: CellReader;

  constructor(initialSheets: string[] = ["Sheet1"]) {
    this.engine = newEngine();
    this.reader = new CellReader(this.engine, this.formulas, (cell) =>
      this.address(cell),
    );
    for (const sheet of initialSheets) this.addSheet(sheet);
    this.engine.on("valuesUpdated", (changes: ExportedChange[]) =>
      this.emit({ kind: "values", cells: changedCells(this.engine, changes) }),
    );
  }

  on(listener: (event: WorkbookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: WorkbookEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  get sheetNames(): string[] {
    return this.engine.getSheetNames();
  }

  hasSheet(name: string): boolean {
    return this.engine.doesSheetExist(name);
  }

  /** Adds a sheet unless one of that name (ignoring case) is there; refuses a name Excel refuses. */
  addSheet(name: string): void {
    if (this.hasSheet(name)) return;
    assertSheetName(name, this.sheetNames);
    this.engine.addSheet(name);
    this.emit({ kind: "sheets" });
  }

  /**
   * Deletes a sheet with its cells, number formats and tables (a set-up taken back). Its
   * cells are emptied first, so no formula of it stays in the formulas' bookkeeping.
   */
  removeSheet(name: string): void {
    this.history.clear();
    this.batch(() => {
      for (const table of this.tables.all())
        if (table.sheet === name) this.tables.remove(table.name);
      const { rows, cols } = this.usedSize(name);
      for (let row = 0; row < rows; row++)
        for (let col = 0; col < cols; col++) {
          this.put({ sheet: name, row, col }, null, false);
          this.formats.delete(cellKey({ sheet: name, row, col }));
        }
      this.engine.removeSheet(this.sheetId(name));
    });
    this.charts.removeSheet(name);
    this.emit({ kind: "sheets" });
  }

  /** Makes a table plain cells again (Excel's Table.convertToRange): its cells stay as they are. */
  removeTable(name: string): void {
    this.history.clear();
    this.tables.remove(name);
  }

  /**
   * Empties the workbook and starts over with these sheets (an opened file replaces what was
   * there): every sheet, table, formula and number format goes; listeners stay.
   */
  reset(sheets: string[]): void {
    if (sheets.length === 0)
      throw new Error("a workbook needs at least one sheet");
    // Checked before anything goes: a file with a name Excel refuses leaves the workbook as it was.
    sheets.forEach((name, i) => assertSheetName(name, sheets.slice(0, i)));
    this.history.clear();
    this.batch(() => {
      for (const name of this.sheetNames)
        this.engine.removeSheet(this.sheetId(name));
      this.tables.clear();
      this.formulas.clear();
      this.formats.clear();
      for (const name of sheets) this.engine.addSheet(name);
    });
    this.charts.clear();
    this.emit({ kind: "sheets" });
    this.activate(sheets[0]);
  }

  /** Whether any sheet holds a cell or a table: what opening a file would throw away. */
  get hasContent(): boolean {
    return (
      this.tables.all().length > 0 ||
      this.sheetNames.some((sheet) => this.usedSize(sheet).rows > 0)
    );
  }

  activate(sheet: string): void {
    this.sheetId(sheet);
    this.emit({ kind: "activate", sheet });
  }

  /** Rows and columns in use on a sheet (0 x 0 when empty). */
  usedSize(sheet: string): { rows: number; cols: number } {
    const { height, width } = this.engine.getSheetDimensions(
      this.sheetId(sheet),
    );
    return { rows: height, cols: width };
  }

  private sheetId(sheet: string): number {
    const id = this.engine.getSheetId(sheet);
    if (id === undefined)
      throw new Error(`the workbook has no sheet named ${sheet}`);
    return id;
  }

  private address({ sheet, row, col }: CellAddress): SimpleCellAddress {
    return { sheet: this.sheetId(sheet), row, col };
  }

  private batchDepth = 0;

  /**
   * Several writes recalculated once, as one Excel batch is; a batch inside a batch joins it.
   * Evaluation is suspended and resumed rather than run through HyperFormula's own batch(),
   * which also gathers the writes into one undo step at a cost that grows with the square of
   * their number (14,000 cells: 4 s against 0.16 s); the grid keeps its own undo.
   */
  batch(write: () => void): void {
    if (this.batchDepth > 0) {
      write();
      return;
    }
    this.batchDepth++;
    this.engine.suspendEvaluation();
    try {
      write();
    } finally {
      this.batchDepth--;
      this.engine.resumeEvaluation();
    }
    this.formulas.batchEnded();
    this.respillFreed();
  }

  /** A cell was emptied since the last check: a spill it blocked may fit now. */
  private cellsEmptied = false;

  /** Writes one cell's input through the formulas' bookkeeping; `typed`: by the user in the grid. */
  private put(cell: CellAddress, input: CellInput, typed: boolean): void {
    this.formulas.write(cell, input, typed);
    if (input === null || input === "") this.cellsEmptied = true;
  }

  /**
   * HyperFormula evaluates a formula again only when a cell it reads changes, so a result
   * that an emptied cell no longer blocks would stay #SPILL! (handsontable/hyperformula#1287),
   * where Excel spills it. The formulas showing #SPILL! are handed to the engine again.
   */
  private respillFreed(): void {
    if (!this.cellsEmptied || this.batchDepth > 0) return;
    this.cellsEmptied = false;
    this.formulas.reenter((cell) => {
      const value = this.engine.getCellValue(this.address(cell));
      return (
        value instanceof DetailedCellError && value.type === ErrorType.SPILL
      );
    });
  }

  /** Writes one cell as the store or the sample would; no userEdit event, and the user's edits can no longer be undone. */
  write(cell: CellAddress, input: CellInput): void {
    this.history.clear();
    this.put(cell, input, false);
    this.respillFreed();
  }

  setNumberFormat(cell: CellAddress, format: string | null): void {
    this.history.clear();
    if (format === null) this.formats.delete(cellKey(cell));
    else this.formats.set(cellKey(cell), format);
  }

  numberFormat(cell: CellAddress): string | undefined {
    return this.formats.get(cellKey(cell));
  }

  /** What the user types into a cell in the grid: written, then announced as a userEdit. */
  enter(cell: CellAddress, text: string): void {
    this.edits.enterAll([{ cell, text }]);
  }

  /**
   * What the user pastes into the grid: cells written in one batch, recalculated once, kept
   * for undo, then each announced as a userEdit (userEdits.ts).
   */
  enterAll(
    typed: { cell: CellAddress; text: string; format?: string | null }[],
  ): void {
    this.edits.enterAll(typed);
  }

  /** Ctrl+- in a table: deletes `count` of its data rows from sheet row `first` (userEdits.ts). */
  deleteTableRows(name: string, first: number, count: number): void {
    this.edits.deleteTableRows(name, first, count);
  }

  /** Ctrl++ in a table: inserts `count` rows above its data row `first` (userEdits.ts). */
  insertTableRows(name: string, first: number, count: number): void {
    this.edits.insertTableRows(name, first, count);
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Ctrl+Z: the cells of the user's last edit get back what they held; the cells it wrote, or none. */
  undo(): CellAddress[] {
    return this.edits.undo();
  }

  /** Ctrl+Y: the last edit undone is written again; the cells it wrote, or none. */
  redo(): CellAddress[] {
    return this.edits.redo();
  }

  /** Defines or moves/resizes a table, and re-translates every formula that names it or lies in it. */
  setTable(extent: TableExtent): void {
    this.history.clear();
    this.defineTable(extent);
  }

  private defineTable(extent: TableExtent): void {
    this.tables.define(extent);
    this.formulas.tableDefined(extent);
  }

  /** What one cell holds and shows (cellReader.ts). */
  cell(cell: CellAddress): CellState {
    return this.reader.cell(cell);
  }

  /** Whether the cell shows anything, as Ctrl+arrow and Ctrl+A look at it (cellReader.ts). */
  isFilled(cell: CellAddress): boolean {
    return this.reader.isFilled(cell);
  }

  /** The cell's formula as the engine was given it, structured references translated; undefined for a value. */
  translation(cell: CellAddress): TranslatedFormula | undefined {
    return this.formulas.translation(cell);
  }

  /** The formula cell whose spilled result covers `cell`, for the formula bar (cellReader.ts). */
  spillAnchorOf(cell: CellAddress): CellPosition | undefined {
    return this.reader.spillAnchorOf(cell);
  }

  /** How far the result of the formula in `cell` spills, anchor included (cellReader.ts). */
  spillSize(cell: CellAddress): { height: number; width: number } | undefined {
    return this.reader.spillSize(cell);
  }

  /** What was written into a cell, to write it back (cellReader.ts). */
  contentOf(cell: CellAddress): CellInput {
    return this.reader.contentOf(cell);
  }

  /** A cell's value as Excel's range.values reports it (cellReader.ts). */
  valueForStore(cell: CellAddress): number | string | boolean {
    return this.reader.valueForStore(cell);
  }
}
