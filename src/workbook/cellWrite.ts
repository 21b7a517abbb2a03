/**
 * What the store writes into a cell. Excel reads a value written through `Range.values` the
 * way it reads typing: "=..." becomes a formula, "50" a number, "1/2" a date, "TRUE" a
 * boolean. Text read from a table must come back as the same text, so text Excel would
 * reinterpret is written with the quote prefix (') that typing uses to keep text as text;
 * Excel stores the text without it. Known gap: dates written with month names ("5 Jan")
 * are not recognised here and would become dates.
 */
import type { SheetTable, TableData } from "./store";

export type WrittenCell = string | number | boolean;

/** Starts a formula when typed (=, +, -, @), or is the quote prefix itself. */
const FORMULA_OR_QUOTE_START = /^[=+\-@']/;
const BOOLEAN_TEXT = /^\s*(true|false)\s*$/i;
/** A digit and no letters: numbers, percentages, currency, fractions, dates, times. */
const NUMERIC_LOOKING = /^[^\p{L}]*\d[^\p{L}]*$/u;
const EXPONENT_NUMBER = /^\s*[-+]?[\d.,]+e[-+]?\d+\s*$/i;

/** Whether Excel would store the text as something other than that text. */
export function wouldBeReinterpreted(text: string): boolean {
  return (
    FORMULA_OR_QUOTE_START.test(text) ||
    BOOLEAN_TEXT.test(text) ||
    NUMERIC_LOOKING.test(text) ||
    EXPONENT_NUMBER.test(text)
  );
}

/**
 * One cell as it is written: a blank (null, undefined) as "" (a null in `Range.values` would
 * leave the old content in place), text quoted where Excel would reinterpret it. Anything
 * that is not a cell value is a programming mistake and throws.
 */
export function writtenCell(value: unknown): WrittenCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string")
    return wouldBeReinterpreted(value) ? `'${value}` : value;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (Number.isFinite(value)) return value;
    throw new RangeError(`Cannot write ${value} to a cell`);
  }
  throw new TypeError(`Cannot write a value of type ${typeof value} to a cell`);
}

/**
 * The rectangle a table's whole range is written with: header, then rows. A table always
 * has a data row in Excel, so no rows are written as one blank row. Rows of another length
 * than the header, or a blank or repeated column name (Excel would rename it silently),
 * are programming mistakes and throw before anything is written.
 */
export function tableRectangle(name: string, data: TableData): WrittenCell[][] {
  const { header, rows } = data;
  if (header.length === 0)
    throw new Error(`The ${name} table needs at least one column`);
  const seen = new Set<string>();
  header.forEach((column, i) => {
    const key = column.trim().toLowerCase();
    if (key === "")
      throw new Error(`The ${name} table's column ${i + 1} has no name`);
    if (seen.has(key))
      throw new Error(`The ${name} table has two columns named "${column}"`);
    seen.add(key);
  });
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new Error(
        `Row ${i + 1} of the ${name} table has ${row.length} cells for ${header.length} columns`,
      );
    }
  });
  const body = rows.length > 0 ? rows : [header.map(() => null)];
  return [header.map(writtenCell), ...body.map((row) => row.map(writtenCell))];
}

/** A cell of a sheet the add-in creates: "=..." is a formula, the rest as writtenCell writes it. */
export function formulaOrWrittenCell(cell: unknown): WrittenCell {
  return typeof cell === "string" && cell.startsWith("=")
    ? cell
    : writtenCell(cell);
}

/** Whether a table's rows hold formulas ("=..."): such tables are written after the others they name. */
export function hasFormulas(table: SheetTable): boolean {
  return table.rows.some((row) =>
    row.some((cell) => typeof cell === "string" && cell.startsWith("=")),
  );
}
