/**
 * Excel tables for a formula engine that knows none. The registry remembers where each table
 * lies; `translateTableReferences` rewrites the structured references a formula uses
 * (`Criteria[#All]`, `Tiers`, ...) into the absolute A1 ranges they stand for, so HyperFormula
 * can evaluate them. The workbook keeps the user's text for display and re-translates when a
 * table is resized, which is what Excel's own structured references do implicitly.
 */
import { absoluteRange, type CellPosition } from "./a1";
import { endOfQuoted } from "./formulaText";
import {
  closingBracket,
  formatSpecifier,
  parseSpecifier,
  type StructuredSpecifier,
} from "../workbook/structuredReference";

/** Where a table lies: its header row starts at `topLeft`; `height` counts the header row. */
export interface TableExtent {
  name: string;
  sheet: string;
  topLeft: CellPosition;
  width: number;
  height: number;
}

/** Tables by name; names are case-insensitive, as in Excel. */
export class TableRegistry {
  private readonly tables = new Map<string, TableExtent>();

  define(extent: TableExtent): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(extent.name))
      throw new Error(`"${extent.name}" is not a valid table name`);
    if (extent.width < 1 || extent.height < 1)
      throw new Error(`table ${extent.name} needs at least a header cell`);
    this.tables.set(extent.name.toLowerCase(), {
      ...extent,
      topLeft: { ...extent.topLeft },
    });
  }

  clear(): void {
    this.tables.clear();
  }

  /** Forgets a table (its cells stay): Excel's convert-to-range, or a sheet deleted with it. */
  remove(name: string): void {
    this.tables.delete(name.toLowerCase());
  }

  get(name: string): TableExtent | undefined {
    const extent = this.tables.get(name.toLowerCase());
    return extent && { ...extent, topLeft: { ...extent.topLeft } };
  }

  all(): TableExtent[] {
    return [...this.tables.values()].map((t) => ({
      ...t,
      topLeft: { ...t.topLeft },
    }));
  }

  /** The table whose cells (header included) contain the position, if any. */
  at(sheet: string, position: CellPosition): TableExtent | undefined {
    for (const table of this.tables.values())
      if (table.sheet === sheet && contains(table, position))
        return { ...table, topLeft: { ...table.topLeft } };
    return undefined;
  }
}

export function contains(
  table: TableExtent,
  { row, col }: CellPosition,
): boolean {
  const { topLeft, width, height } = table;
  return (
    row >= topLeft.row &&
    row < topLeft.row + height &&
    col >= topLeft.col &&
    col < topLeft.col + width
  );
}

/** Whether two extents share a cell: on one sheet, their rows and columns both meet. */
export function overlaps(a: TableExtent, b: TableExtent): boolean {
  return (
    a.sheet === b.sheet &&
    a.topLeft.row < b.topLeft.row + b.height &&
    b.topLeft.row < a.topLeft.row + a.height &&
    a.topLeft.col < b.topLeft.col + b.width &&
    b.topLeft.col < a.topLeft.col + a.width
  );
}

/** A table as its formulas see it: where it lies, and its header texts in column order. */
export interface TableLayout extends TableExtent {
  columns: readonly string[];
}

/** The tables a formula may name, or lie in (`[@Score]` means the table under the formula). */
export interface TableLookup {
  named(name: string): TableLayout | undefined;
  at(sheet: string, position: CellPosition): TableLayout | undefined;
}

/** Where a formula is: `@` (this row) means the formula's own row. */
export interface FormulaCell extends CellPosition {
  sheet: string;
}

export interface TranslatedFormula {
  /** The formula with every structured reference it could resolve replaced by an A1 range or an error. */
  formula: string;
  /** Lower-cased names of the tables it refers to: re-translate when one of them moves, resizes or renames a column. */
  tables: string[];
  /** Why a reference became an error (`Partners has no column "Revnue"`), for the cell's message. */
  problems: string[];
}

const IDENTIFIER_START = /[A-Za-z_\\]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.\\]/;

/** One structured reference found in a formula. */
interface FoundReference {
  table: TableLayout;
  specifier: StructuredSpecifier;
  /** The reference as written, table name (if any) included. */
  written: string;
  /** The table name as written: "" for `[@Score]` inside a table. */
  writtenName: string;
}

/**
 * The formula with each structured reference to a table the lookup knows replaced by what
 * `replace` makes of it, outside string literals and quoted sheet names: `Name` (the data
 * body), `Name[...]` (see src/workbook/structuredReference.ts) and, in a formula inside a
 * table, `[...]` with no name. A name followed by `(` is a function and one followed by `!` is
 * a sheet, so `Partners!A1` stays as it is; so does an external reference (`[1]Sheet1!A1`),
 * and anything `parseSpecifier` does not accept, for the engine to reject.
 */
function replaceTableReferences(
  formula: string,
  lookup: TableLookup,
  cell: FormulaCell | undefined,
  replace: (reference: FoundReference) => string,
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = endOfQuoted(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const previous = i > 0 ? formula[i - 1] : "";
    if (ch === "[" && !IDENTIFIER_PART.test(previous) && previous !== "]") {
      const reference = bracketedReference(formula, i);
      const table = reference && cell ? lookup.at(cell.sheet, cell) : undefined;
      const end = reference?.end ?? unreadUntil(formula, i);
      const written = formula.slice(i, end);
      out +=
        table && reference
          ? replace({
              table,
              specifier: reference.specifier,
              written,
              writtenName: "",
            })
          : written;
      i = end;
      continue;
    }
    if (
      !IDENTIFIER_START.test(ch) ||
      IDENTIFIER_PART.test(previous) ||
      previous === "!"
    ) {
      out += ch;
      i++;
      continue;
    }
    let end = i + 1;
    while (end < formula.length && IDENTIFIER_PART.test(formula[end])) end++;
    const name = formula.slice(i, end);
    const next = formula[end] ?? "";
    const table = next === "(" || next === "!" ? undefined : lookup.named(name);
    if (!table) {
      out += name;
      i = end;
      continue;
    }
    let specifier: StructuredSpecifier = { rows: [] };
    if (next === "[") {
      const reference = bracketedReference(formula, end);
      if (!reference) {
        // Left for the engine to reject (#NAME?/#ERROR!), and for an opened file's report.
        const unread = unreadUntil(formula, end);
        out += formula.slice(i, unread);
        i = unread;
        continue;
      }
      specifier = reference.specifier;
      end = reference.end;
    }
    out += replace({
      table,
      specifier,
      written: formula.slice(i, end),
      writtenName: name,
    });
    i = end;
  }
  return out;
}

/** The formula with its structured references replaced by the A1 ranges (or errors) they stand for. */
export function translateTableReferences(
  formula: string,
  lookup: TableLookup,
  cell?: FormulaCell,
): TranslatedFormula {
  const tables = new Set<string>();
  const problems: string[] = [];
  const translated = replaceTableReferences(
    formula,
    lookup,
    cell,
    ({ table, specifier, written }) => {
      tables.add(table.name.toLowerCase());
      const { range, problem } = resolve(table, specifier, cell);
      if (problem) problems.push(`${written}: ${problem}`);
      return range;
    },
  );
  return { formula: translated, tables: [...tables], problems };
}

/**
 * The formula with its references to column `from` of `tableName` naming `to` instead, as
 * Excel rewrites formulas when a header is renamed; the formula as it was if none does.
 */
export function renameColumnReferences(
  formula: string,
  lookup: TableLookup,
  cell: FormulaCell,
  rename: { tableName: string; from: string; to: string },
): string {
  const table = rename.tableName.toLowerCase();
  const from = rename.from.trim().toLowerCase();
  const renamed = (column: string) =>
    column.trim().toLowerCase() === from ? rename.to : column;
  return replaceTableReferences(
    formula,
    lookup,
    cell,
    ({ table: found, specifier, written, writtenName }) => {
      const { columns } = specifier;
      if (found.name.toLowerCase() !== table || !columns) return written;
      const first = renamed(columns.first);
      const last = renamed(columns.last);
      if (first === columns.first && last === columns.last) return written;
      return `${writtenName}[${formatSpecifier({ ...specifier, columns: { first, last } })}]`;
    },
  );
}

/** The `[...]` starting at `start`, if it is a structured reference and not an external one (`[1]Book!A1`). */
function bracketedReference(
  formula: string,
  start: number,
): { specifier: StructuredSpecifier; end: number } | undefined {
  const close = closingBracket(formula, start);
  if (close < 0) return undefined;
  const after = formula[close + 1] ?? "";
  if (IDENTIFIER_START.test(after) || after === "'") return undefined;
  const specifier = parseSpecifier(formula.slice(start + 1, close));
  return specifier && { specifier, end: close + 1 };
}

/**
 * Where text left as written ends, from a `[` that starts no reference: past its closing
 * bracket (or the formula's end), so that no bracket inside it is read as a reference.
 */
function unreadUntil(formula: string, start: number): number {
  const close = closingBracket(formula, start);
  return close < 0 ? formula.length : close + 1;
}

/** The A1 range a reference stands for, or the error Excel shows for it and why. */
function resolve(
  table: TableLayout,
  { rows, columns }: StructuredSpecifier,
  cell: FormulaCell | undefined,
): { range: string; problem?: string } {
  const { sheet, topLeft, width, height, name } = table;
  let first = topLeft.col;
  let count = width;
  if (columns) {
    const firstIndex = columnIndexOf(table, columns.first);
    const lastIndex = columnIndexOf(table, columns.last);
    const missing =
      firstIndex < 0 ? columns.first : lastIndex < 0 ? columns.last : undefined;
    if (missing !== undefined)
      return { range: "#REF!", problem: `${name} has no column "${missing}"` };
    first = topLeft.col + Math.min(firstIndex, lastIndex);
    count = Math.abs(lastIndex - firstIndex) + 1;
  }
  const dataRows = height - 1;
  const span = (row: number, rowCount: number) =>
    absoluteRange(sheet, { row, col: first }, rowCount, count);
  // The preview's tables have no totals row, so [#Totals] names nothing, as in Excel.
  const parts = new Set(rows.filter((part) => part !== "totals"));
  if (rows.length > 0 && parts.size === 0)
    return { range: "#REF!", problem: `${name} has no totals row` };
  if (parts.has("thisRow")) {
    const row = cell?.row ?? -1;
    if (row <= topLeft.row || row > topLeft.row + dataRows)
      return {
        range: "#VALUE!",
        problem: `this row (@) is not a data row of ${name}`,
      };
    return { range: span(row, 1) };
  }
  if (parts.has("all") || (parts.has("headers") && parts.has("data")))
    return { range: span(topLeft.row, height) };
  if (parts.has("headers")) return { range: span(topLeft.row, 1) };
  // A table with no data rows has no data body: Excel's reference is then invalid.
  if (dataRows < 1)
    return { range: "#REF!", problem: `${name} has no data rows` };
  return { range: span(topLeft.row + 1, dataRows) };
}

/** A column's index in the table by its header text, ignoring case as Excel does; -1 if none. */
function columnIndexOf(table: TableLayout, column: string): number {
  const wanted = column.toLowerCase();
  return table.columns.findIndex(
    (header, index) =>
      index < table.width && header.trim().toLowerCase() === wanted,
  );
}
