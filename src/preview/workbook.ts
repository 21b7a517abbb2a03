/**
 * The browser workbook's model: sheets of cells over a HyperFormula engine, plus the Excel
 * tables HyperFormula does not know. A formula is kept as the user (or the store) wrote it and
 * handed to the engine with its structured references translated to A1 ranges; when a table
 * is defined or resized, the formulas that mention it are translated again.
 */
import {
  HyperFormula,
  type ExportedChange,
  type RawCellContent,
  type SimpleCellAddress,
} from "hyperformula";
import type { CellPosition } from "./a1";
import { booleanLiteralsAsFunctions } from "./formulaText";
import {
  contains,
  renameColumnReferences,
  TableRegistry,
  translateTableReferences,
  type TableExtent,
  type TableLayout,
  type TableLookup,
  type TranslatedFormula,
} from "./tableReferences";

/** Excel's grid limits; HyperFormula's defaults (40,000 rows) are too small for real partner lists. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

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
  | { kind: "userEdit"; cell: CellAddress };

/** A cell's content to write: a value, or a string starting with "=" for a formula. */
export type CellInput = string | number | boolean | null;

/** A formula cell: where it is, what was written, and what the engine was given. */
interface FormulaEntry {
  cell: CellAddress;
  written: string;
  /** `written` lower-cased once, for the table-name filter of re-translation. */
  lowerCase: string;
  translated: TranslatedFormula;
}

export class Workbook {
  readonly engine: HyperFormula;
  readonly tables = new TableRegistry();
  /**
   * Formulas by cell key: as written (what the formula bar shows and re-translation reads) and
   * as last handed to the engine.
   */
  private readonly formulas = new Map<string, FormulaEntry>();
  /** Header texts by lower-cased table name, read from the header cells when first needed. */
  private readonly columnNames = new Map<string, string[]>();
  /** Tables whose column names were needed inside a batch while a header cell could not be read. */
  private readonly unreadHeaders = new Set<string>();
  /**
   * The text of table header cells by cell key: written into the cell while it was a header, or
   * read from it as one. The engine cannot be read inside a batch, and a batch is where tables
   * and their headers are written (a sample, an opened file, an Apply).
   */
  private readonly headerCells = new Map<string, string>();
  private readonly listeners = new Set<(event: WorkbookEvent) => void>();
  /** Excel number format codes by cell key; HyperFormula keeps values, not formats. */
  private readonly formats = new Map<string, string>();

  constructor(initialSheets: string[] = ["Sheet1"]) {
    this.engine = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      // Dynamic-array Excel: =C2:C9*2 spills.
      useArrayArithmetic: true,
      // Excel shows =A1 of a blank A1 as 0.
      evaluateNullToZero: true,
      // The grid has no undo: nothing to keep of what each write replaced.
      undoLimit: 0,
      // ISO dates as the sample writes them, then the US order Excel's en-US locale reads.
      dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY"],
    });
    for (const sheet of initialSheets) this.addSheet(sheet);
    this.engine.on("valuesUpdated", (changes: ExportedChange[]) =>
      this.emit({ kind: "values", cells: this.changedCells(changes) }),
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

  addSheet(name: string): void {
    if (this.hasSheet(name)) return;
    this.engine.addSheet(name);
    this.emit({ kind: "sheets" });
  }

  /**
   * Empties the workbook and starts over with these sheets (an opened file replaces what was
   * there): every sheet, table, formula and number format goes; listeners stay.
   */
  reset(sheets: string[]): void {
    if (sheets.length === 0)
      throw new Error("a workbook needs at least one sheet");
    this.batch(() => {
      for (const name of this.sheetNames)
        this.engine.removeSheet(this.sheetId(name));
      this.tables.clear();
      this.formulas.clear();
      this.columnNames.clear();
      this.unreadHeaders.clear();
      this.headerCells.clear();
      this.formats.clear();
      for (const name of sheets) this.engine.addSheet(name);
    });
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

  private key({ sheet, row, col }: CellAddress): string {
    return `${sheet}\u0000${row}\u0000${col}`;
  }

  private batchDepth = 0;

  /**
   * Several writes recalculated once, as one Excel batch is; a batch inside a batch joins it.
   * Evaluation is suspended and resumed rather than run through HyperFormula's own batch(),
   * which also gathers the writes into one undo step at a cost that grows with the square of
   * their number (14,000 cells: 4 s against 0.16 s); the grid has no undo.
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
    this.readUnreadHeaders();
  }

  /** Writes one cell as the store or the sample would; no userEdit event. */
  write(cell: CellAddress, input: CellInput): void {
    this.writeCell(cell, input, false);
  }

  /**
   * `typed`: the user typed it into the grid. Only then does a header edit rename its
   * column's references: the store rewrites whole tables cell by cell, and a column removed
   * from the middle would read as its neighbour renamed, one cell at a time.
   */
  private writeCell(cell: CellAddress, input: CellInput, typed: boolean): void {
    const key = this.key(cell);
    const header = this.tableWithHeaderAt(cell);
    if (header) this.headerCells.set(key, headerText(input));
    else this.headerCells.delete(key);
    if (
      typeof input === "string" &&
      input.startsWith("=") &&
      input.length > 1
    ) {
      const translated = this.translate(input, cell);
      this.formulas.set(key, {
        cell: { ...cell },
        written: input,
        lowerCase: input.toLowerCase(),
        translated,
      });
      this.engine.setCellContents(this.address(cell), translated.formula);
    } else {
      this.formulas.delete(key);
      const content: RawCellContent = input === "" ? null : input;
      this.engine.setCellContents(this.address(cell), content);
    }
    if (header) this.headerWritten(header, typed);
  }

  setNumberFormat(cell: CellAddress, format: string | null): void {
    if (format === null) this.formats.delete(this.key(cell));
    else this.formats.set(this.key(cell), format);
  }

  numberFormat(cell: CellAddress): string | undefined {
    return this.formats.get(this.key(cell));
  }

  /** What the user types into a cell in the grid: written, then announced as a userEdit. */
  enter(cell: CellAddress, text: string): void {
    this.writeCell(cell, text, true);
    this.emit({ kind: "userEdit", cell });
  }

  private readonly lookup: TableLookup = {
    named: (name) => this.layout(this.tables.get(name)),
    at: (sheet, position) => this.layout(this.tables.at(sheet, position)),
  };

  /** The formula as the engine reads it: table references as A1 ranges, TRUE as TRUE(). */
  private translate(formula: string, cell: CellAddress): TranslatedFormula {
    const translated = translateTableReferences(formula, this.lookup, cell);
    return {
      ...translated,
      formula: booleanLiteralsAsFunctions(translated.formula),
    };
  }

  /** A table with its column names, which Excel takes from its header cells. */
  private layout(table: TableExtent | undefined): TableLayout | undefined {
    if (!table) return undefined;
    const name = table.name.toLowerCase();
    let columns = this.columnNames.get(name);
    if (!columns) {
      columns = this.headerTexts(table);
      this.columnNames.set(name, columns);
    }
    return { ...table, columns };
  }

  /**
   * A header cell written before its table was defined is read from the engine. Inside a batch
   * the engine cannot be read: the cell counts as empty until the batch ends, and then the
   * table's formulas are translated again (this workbook's own writers define tables first).
   */
  private headerTexts({ name, sheet, topLeft, width }: TableExtent): string[] {
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = { sheet, row: topLeft.row, col: topLeft.col + c };
      const key = this.key(cell);
      const recorded = this.headerCells.get(key);
      if (recorded !== undefined) texts.push(recorded);
      else if (!this.engine.isEvaluationSuspended()) {
        // Recorded, so that a later batch knows it too.
        const text = headerText(this.contentOf(cell));
        this.headerCells.set(key, text);
        texts.push(text);
      } else {
        texts.push("");
        this.unreadHeaders.add(name.toLowerCase());
      }
    }
    return texts;
  }

  private readUnreadHeaders(): void {
    const names = [...this.unreadHeaders];
    this.unreadHeaders.clear();
    for (const name of names) {
      const table = this.tables.get(name);
      if (!table) continue;
      this.columnNames.delete(name);
      this.layout(table);
      this.retranslate((entry) => mayReferTo(entry, table));
    }
  }

  private tableWithHeaderAt(cell: CellAddress): TableExtent | undefined {
    const table = this.tables.at(cell.sheet, cell);
    return table && table.topLeft.row === cell.row ? table : undefined;
  }

  /**
   * A header cell changed: if the table's column names did, its references mean other columns
   * now; a header the user typed over renames its column's references, as in Excel.
   */
  private headerWritten(table: TableExtent, typed: boolean): void {
    const name = table.name.toLowerCase();
    const before = this.columnNames.get(name);
    this.columnNames.delete(name);
    if (!before) return;
    const after = this.layout(table)!.columns;
    if (after.every((text, i) => text === before[i])) return;
    const affected = (entry: FormulaEntry) => mayReferTo(entry, table);
    const renamed = typed ? renamedColumn(before, after) : undefined;
    // Excel renames a column's references with its header: the formulas' text changes too.
    if (renamed)
      for (const entry of [...this.formulas.values()].filter(affected)) {
        entry.written = renameColumnReferences(
          entry.written,
          this.lookup,
          entry.cell,
          {
            tableName: name,
            ...renamed,
          },
        );
        entry.lowerCase = entry.written.toLowerCase();
      }
    this.retranslate(affected);
  }

  /** Defines or moves/resizes a table, and re-translates every formula that names it or lies in it. */
  setTable(extent: TableExtent): void {
    this.tables.define(extent);
    const name = extent.name.toLowerCase();
    this.columnNames.delete(name);
    // Read now: inside the batch below the engine cannot be read.
    this.layout(extent);
    this.retranslate((entry) => mayReferTo(entry, extent));
  }

  /** Translates again the formulas `affected` picks, and hands the engine those that changed. */
  private retranslate(affected: (entry: FormulaEntry) => boolean): void {
    this.batch(() => {
      for (const entry of this.formulas.values()) {
        if (!affected(entry)) continue;
        const translated = this.translate(entry.written, entry.cell);
        const changed = translated.formula !== entry.translated.formula;
        entry.translated = translated;
        if (changed)
          this.engine.setCellContents(
            this.address(entry.cell),
            translated.formula,
          );
      }
    });
  }

  cell(cell: CellAddress): CellState {
    const address = this.address(cell);
    const raw = this.engine.getCellValue(address);
    const value: CellState["value"] =
      raw === null || raw === undefined
        ? null
        : typeof raw === "object"
          ? {
              error: raw.value,
              message:
                raw.message ||
                // The errors a structured reference turns into carry no message of the engine's.
                (raw.value === "#REF!" || raw.value === "#VALUE!"
                  ? this.referenceProblem(cell)
                  : ""),
            }
          : raw;
    const spilled = this.engine.getCellType(address) === "ARRAY";
    // A spilled cell holds no input of its own: typing there would block the spill (#SPILL!).
    const state: CellState = {
      value,
      input: spilled ? "" : this.inputOf(cell, address),
      spilled,
    };
    if (typeof raw === "number")
      state.numberType = this.engine.getCellValueDetailedType(address);
    return state;
  }

  /** Why a structured reference in the cell's formula became an error, if one did: the engine cannot say. */
  private referenceProblem(cell: CellAddress): string {
    return (
      this.formulas.get(this.key(cell))?.translated.problems.join("; ") ?? ""
    );
  }

  /** The cell's formula as the engine was given it, structured references translated; undefined for a value. */
  translation(cell: CellAddress): TranslatedFormula | undefined {
    const translated = this.formulas.get(this.key(cell))?.translated;
    return (
      translated && {
        ...translated,
        tables: [...translated.tables],
        problems: [...translated.problems],
      }
    );
  }

  private inputOf(cell: CellAddress, address: SimpleCellAddress): string {
    const formula = this.formulas.get(this.key(cell))?.written;
    if (formula !== undefined) return formula;
    const serialized = this.engine.getCellSerialized(address);
    return serialized === null || serialized === undefined
      ? ""
      : String(serialized);
  }

  /**
   * The formula cell whose spilled result covers `cell`, for the formula bar (Excel shows the
   * anchor's formula, greyed). HyperFormula does not expose an array's extent, so each anchor
   * up and to the left is measured by walking its top row and left column of spilled cells.
   */
  spillAnchorOf(cell: CellAddress): CellPosition | undefined {
    if (this.typeOf(cell) !== "ARRAY") return undefined;
    for (let row = cell.row; row >= 0; row--) {
      for (let col = cell.col; col >= 0; col--) {
        const size = this.spillSize({ sheet: cell.sheet, row, col });
        if (!size) continue;
        if (cell.row < row + size.height && cell.col < col + size.width)
          return { row, col };
      }
    }
    return undefined;
  }

  /**
   * How far the result of the formula in `cell` spills, anchor included, measured along its
   * top row and left column; undefined when `cell` holds no array formula.
   */
  spillSize(cell: CellAddress): { height: number; width: number } | undefined {
    if (this.typeOf(cell) !== "ARRAYFORMULA") return undefined;
    const at = (row: number, col: number) => ({ sheet: cell.sheet, row, col });
    let height = 1;
    while (this.typeOf(at(cell.row + height, cell.col)) === "ARRAY") height++;
    let width = 1;
    while (this.typeOf(at(cell.row, cell.col + width)) === "ARRAY") width++;
    return { height, width };
  }

  private typeOf(cell: CellAddress): string {
    return this.engine.getCellType(this.address(cell));
  }

  /** What was written into a cell, typed (a formula as written), so it can be written back. */
  contentOf(cell: CellAddress): CellInput {
    const formula = this.formulas.get(this.key(cell))?.written;
    if (formula !== undefined) return formula;
    const raw = this.engine.getCellSerialized(this.address(cell));
    return typeof raw === "number" ||
      typeof raw === "string" ||
      typeof raw === "boolean"
      ? raw
      : null;
  }

  /** A cell's computed value for the store: what Excel's range.values reports. */
  valueForStore(cell: CellAddress): number | string | boolean {
    const { value } = this.cell(cell);
    if (value === null) return "";
    if (typeof value === "object") return value.error;
    return value;
  }

  private changedCells(changes: ExportedChange[]): CellAddress[] {
    const cells: CellAddress[] = [];
    for (const change of changes) {
      if (!("address" in change) || change.address === undefined) continue;
      const sheet = this.engine.getSheetName(change.address.sheet);
      if (sheet !== undefined)
        cells.push({ sheet, row: change.address.row, col: change.address.col });
    }
    return cells;
  }
}

/**
 * Whether a formula's translation may change with `table`: it used the table, or it may name
 * it or lie in it (cheap filters: the translation decides what really is a reference).
 */
function mayReferTo(entry: FormulaEntry, table: TableExtent): boolean {
  const name = table.name.toLowerCase();
  return (
    entry.translated.tables.includes(name) ||
    entry.lowerCase.includes(name) ||
    (entry.written.includes("[") && contains(table, entry.cell))
  );
}

/**
 * The column a header edit renamed: exactly one header changed, from a name to a name no other
 * column has. Anything else (a header filled in or emptied, a name taken twice) renames nothing.
 */
function renamedColumn(
  before: readonly string[],
  after: readonly string[],
): { from: string; to: string } | undefined {
  const changed = after.flatMap((text, i) => (text === before[i] ? [] : [i]));
  if (changed.length !== 1 || before.length !== after.length) return undefined;
  const [at] = changed;
  const from = before[at].trim();
  const to = after[at].trim();
  const taken = after.some(
    (text, i) => i !== at && text.trim().toLowerCase() === to.toLowerCase(),
  );
  return from !== "" && to !== "" && !taken ? { from, to } : undefined;
}

/** A header cell's text, as Excel keeps headers: always text (a formula is not a header). */
function headerText(input: CellInput): string {
  if (input === null) return "";
  if (typeof input === "boolean") return input ? "TRUE" : "FALSE";
  return typeof input === "string" && input.startsWith("=")
    ? ""
    : String(input);
}
