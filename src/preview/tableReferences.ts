/**
 * Excel tables for a formula engine that knows none. The registry remembers where each table
 * lies; `translateTableReferences` rewrites the structured references a formula uses
 * (`Criteria[#All]`, `Tiers`, ...) into the absolute A1 ranges they stand for, so HyperFormula
 * can evaluate them. The workbook keeps the user's text for display and re-translates when a
 * table is resized, which is what Excel's own structured references do implicitly.
 */
import { absoluteRange, type CellPosition } from "./a1";

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
    return this.all().find((t) => t.sheet === sheet && contains(t, position));
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

/** The parts of a table a reference may name. Column references (`Table[Column]`) are not supported. */
type TablePart = "all" | "data" | "headers";

const SPECIFIERS: Record<string, TablePart> = {
  "": "data",
  "#all": "all",
  "#data": "data",
  "#headers": "headers",
};

function rangeOf(table: TableExtent, part: TablePart): string {
  const { sheet, topLeft, width, height } = table;
  switch (part) {
    case "all":
      return absoluteRange(sheet, topLeft, height, width);
    case "headers":
      return absoluteRange(sheet, topLeft, 1, width);
    case "data":
      // A table with no data rows has no data body: Excel's reference is then invalid.
      return height > 1
        ? absoluteRange(
            sheet,
            { row: topLeft.row + 1, col: topLeft.col },
            height - 1,
            width,
          )
        : "#REF!";
  }
}

export interface TranslatedFormula {
  /** The formula with every known structured reference replaced by an A1 range. */
  formula: string;
  /** Lower-cased names of the tables it refers to: re-translate when one of them moves or resizes. */
  tables: string[];
}

const IDENTIFIER_START = /[A-Za-z_\\]/;
const IDENTIFIER_PART = /[A-Za-z0-9_.\\]/;

/**
 * Replaces `Name`, `Name[]`, `Name[#All]`, `Name[#Data]` and `Name[#Headers]` for each table
 * the lookup knows, outside string literals and quoted sheet names. A name followed by `(` is
 * a function and one followed by `!` is a sheet, so `Partners!A1` stays as it is.
 */
export function translateTableReferences(
  formula: string,
  lookup: (name: string) => TableExtent | undefined,
): TranslatedFormula {
  let out = "";
  const tables = new Set<string>();
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
    const table = next === "(" || next === "!" ? undefined : lookup(name);
    if (!table) {
      out += name;
      i = end;
      continue;
    }
    let part: TablePart = "data";
    if (next === "[") {
      const close = formula.indexOf("]", end);
      const specifier =
        close < 0
          ? undefined
          : SPECIFIERS[
              formula
                .slice(end + 1, close)
                .trim()
                .toLowerCase()
            ];
      if (specifier === undefined) {
        // Column references and nested specifiers are left for the engine to reject (#NAME?/#ERROR!).
        out += name;
        i = end;
        continue;
      }
      part = specifier;
      end = close + 1;
    }
    out += rangeOf(table, part);
    tables.add(table.name.toLowerCase());
    i = end;
  }
  return { formula: out, tables: [...tables] };
}

/** Index just past a quoted run starting at `start`; a doubled quote is an escaped one. */
export function endOfQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}
