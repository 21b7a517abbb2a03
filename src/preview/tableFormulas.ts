/**
 * The workbook's formulas as written and as its engine reads them, kept in step with its
 * tables. A formula's structured references are translated to A1 ranges from where each table
 * lies and what its header cells say (tableReferences.ts), and TRUE/FALSE are spelled as the
 * engine knows them. The formulas a change may touch are translated again when a table is
 * defined, moves or resizes, or has a header changed; a header the user types over renames
 * its column's references, as Excel does.
 */
import { booleanLiteralsAsFunctions, isFormula } from "./formulaText";
import {
  contains,
  renameColumnReferences,
  translateTableReferences,
  type TableExtent,
  type TableLayout,
  type TableLookup,
  type TableRegistry,
  type TranslatedFormula,
} from "./tableReferences";
import type { CellAddress, CellInput } from "./workbook";

/** What the formulas need of the workbook's cells. */
export interface FormulaCells {
  /** Whether cells can be read now: not inside a batch, where the engine refuses reads. */
  readable(): boolean;
  /** What was written into a cell; only called when readable. */
  contentOf(cell: CellAddress): CellInput;
  /** Hands the engine a cell's content: a formula as the engine reads it, or a value. */
  setContents(cell: CellAddress, content: CellInput): void;
  /** Runs writes as one batch. */
  batch(write: () => void): void;
}

/** A formula cell: where it is, what was written, and what the engine was given. */
interface FormulaEntry {
  cell: CellAddress;
  written: string;
  /** `written` lower-cased once, for the table-name filter of re-translation. */
  lowerCase: string;
  translated: TranslatedFormula;
}

/** The key of a cell in the maps below. */
export function cellKey({ sheet, row, col }: CellAddress): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

export class TableFormulas {
  /** Formulas by cell key. */
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

  private readonly lookup: TableLookup = {
    named: (name) => this.layout(this.tables.get(name)),
    at: (sheet, position) => this.layout(this.tables.at(sheet, position)),
  };

  constructor(
    private readonly tables: TableRegistry,
    private readonly cells: FormulaCells,
  ) {}

  clear(): void {
    this.formulas.clear();
    this.columnNames.clear();
    this.unreadHeaders.clear();
    this.headerCells.clear();
  }

  /** The formula written into the cell, or undefined when it holds none. */
  written(cell: CellAddress): string | undefined {
    return this.formulas.get(cellKey(cell))?.written;
  }

  /** The cell's formula as the engine was given it; undefined for a value. */
  translation(cell: CellAddress): TranslatedFormula | undefined {
    const translated = this.formulas.get(cellKey(cell))?.translated;
    return (
      translated && {
        ...translated,
        tables: [...translated.tables],
        problems: [...translated.problems],
      }
    );
  }

  /**
   * Writes one cell: a formula translated, any other input as it is. `typed`: the user typed
   * it into the grid. Only then does a header edit rename its column's references: the store
   * rewrites whole tables cell by cell, and a column removed from the middle would read as its
   * neighbour renamed, one cell at a time.
   */
  write(cell: CellAddress, input: CellInput, typed: boolean): void {
    const key = cellKey(cell);
    const header = this.tableWithHeaderAt(cell);
    if (header) this.headerCells.set(key, headerText(input));
    else this.headerCells.delete(key);
    if (isFormula(input)) {
      const translated = this.translate(input, cell);
      this.formulas.set(key, {
        cell: { ...cell },
        written: input,
        lowerCase: input.toLowerCase(),
        translated,
      });
      this.cells.setContents(cell, translated.formula);
    } else {
      this.formulas.delete(key);
      this.cells.setContents(cell, input);
    }
    if (header) this.headerWritten(header, typed);
  }

  /** A table was defined, moved or resized: the formulas that name it or lie in it follow. */
  tableDefined(extent: TableExtent): void {
    this.columnNames.delete(extent.name.toLowerCase());
    // Read now: inside the batch of the re-translation the engine cannot be read.
    this.layout(extent);
    this.retranslate((entry) => mayReferTo(entry, extent));
  }

  /**
   * A batch ended, and the engine can be read again: the tables whose header cells could not
   * be read inside it get their column names, and their formulas are translated again.
   */
  batchEnded(): void {
    const names = [...this.unreadHeaders];
    this.unreadHeaders.clear();
    for (const name of names) {
      const table = this.tables.get(name);
      if (table) this.tableDefined(table);
    }
  }

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
   * A header cell written before its table was defined is read from the cells. Inside a batch
   * they cannot be read: the cell counts as empty until the batch ends (batchEnded).
   */
  private headerTexts({ name, sheet, topLeft, width }: TableExtent): string[] {
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      const cell = { sheet, row: topLeft.row, col: topLeft.col + c };
      const key = cellKey(cell);
      const recorded = this.headerCells.get(key);
      if (recorded !== undefined) texts.push(recorded);
      else if (this.cells.readable()) {
        // Recorded, so that a later batch knows it too.
        const text = headerText(this.cells.contentOf(cell));
        this.headerCells.set(key, text);
        texts.push(text);
      } else {
        texts.push("");
        this.unreadHeaders.add(name.toLowerCase());
      }
    }
    return texts;
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
          { tableName: name, ...renamed },
        );
        entry.lowerCase = entry.written.toLowerCase();
      }
    this.retranslate(affected);
  }

  /** Hands the engine again, as they are, the formulas `pick` chooses: it evaluates them anew. */
  reenter(pick: (cell: CellAddress) => boolean): void {
    const picked = [...this.formulas.values()].filter((entry) =>
      pick(entry.cell),
    );
    if (picked.length === 0) return;
    this.cells.batch(() => {
      for (const entry of picked)
        this.cells.setContents(entry.cell, entry.translated.formula);
    });
  }

  /** Translates again the formulas `affected` picks, and hands the engine those that changed. */
  private retranslate(affected: (entry: FormulaEntry) => boolean): void {
    this.cells.batch(() => {
      for (const entry of this.formulas.values()) {
        if (!affected(entry)) continue;
        const translated = this.translate(entry.written, entry.cell);
        const changed = translated.formula !== entry.translated.formula;
        entry.translated = translated;
        if (changed) this.cells.setContents(entry.cell, translated.formula);
      }
    });
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
