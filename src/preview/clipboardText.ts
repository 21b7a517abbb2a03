/**
 * The grid's clipboard text, as Excel's: cells separated by tabs, rows by line breaks, a cell
 * holding either in double quotes; and a formula pasted somewhere else than where it was copied
 * has its relative A1 references moved with it.
 */
import { columnIndex, columnLetters } from "./a1";
import { isFormula, outsideQuotes } from "./formulaText";
import { closingBracket } from "../workbook/structuredReference";
import { MAX_COLUMNS, MAX_ROWS } from "./workbook";

/**
 * One cell of clipboard text: quoted ("" is a quote) when the closing quote ends the cell; a
 * quote that is never closed runs to the end of the text; anything else up to a tab or a line
 * break, quotes and all (`5" screen`, `"5" screen`).
 */
const CELL = /"((?:[^"]|"")*)"(?=[\t\r\n]|$)|"(?:[^"]|"")*$|[^\t\r\n]*/y;

/** The rows of cells in clipboard text; the line break Excel puts after the last row is no row. */
export function cellsOfClipboardText(text: string): string[][] {
  const rows: string[][] = [[]];
  let i = 0;
  for (;;) {
    CELL.lastIndex = i;
    // The last alternative matches anywhere, if only the empty cell.
    const match = CELL.exec(text)!;
    const quoted = match[1];
    rows[rows.length - 1].push(
      quoted === undefined ? match[0] : quoted.replace(/""/g, '"'),
    );
    i = CELL.lastIndex;
    if (i >= text.length) return rows;
    if (text[i] === "\t") {
      i++;
      continue;
    }
    // A line break: \r\n, \n or \r.
    i += text.startsWith("\r\n", i) ? 2 : 1;
    if (i >= text.length) return rows;
    rows.push([]);
  }
}

/** One cell as clipboard text: in double quotes when it holds a tab, a line break or starts with one. */
export function clipboardTextOf(cell: string): string {
  return /[\t\r\n]/.test(cell) || cell.startsWith('"')
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Rows of cells as clipboard text: tabs between cells, a line break after each row, as Excel writes them. */
export function clipboardTextOfRows(
  rows: readonly (readonly string[])[],
): string {
  return rows
    .map((row) => `${row.map(clipboardTextOf).join("\t")}\r\n`)
    .join("");
}

/** A1 references: not part of a name, not a function (LOG10(), not a sheet (Q1!A1). */
const REFERENCE =
  /(?<![A-Za-z0-9_.\\$])(\$?)([A-Za-z]{1,3})(\$?)([1-9][0-9]{0,6})(?![A-Za-z0-9_.\\(![])/g;

/**
 * The formula with its relative A1 references moved down `rows` and right `cols`, as Excel
 * moves them when a formula is pasted elsewhere; `$` keeps a column or row; a reference moved
 * off the sheet becomes #REF!. Texts, quoted sheet names and structured references stay.
 */
export function movedFormula(
  formula: string,
  rows: number,
  cols: number,
): string {
  return outsideQuotes(formula, (part) => {
    let out = "";
    let i = 0;
    while (i < part.length) {
      const open = part.indexOf("[", i);
      const plain = open < 0 ? part.length : open;
      out += part
        .slice(i, plain)
        .replace(
          REFERENCE,
          (
            reference,
            colFixed: string,
            letters: string,
            rowFixed: string,
            digits: string,
          ) => {
            const col = columnIndex(letters.toUpperCase());
            const row = Number(digits) - 1;
            if (col >= MAX_COLUMNS || row >= MAX_ROWS) return reference;
            const newCol = colFixed ? col : col + cols;
            const newRow = rowFixed ? row : row + rows;
            if (
              newCol < 0 ||
              newCol >= MAX_COLUMNS ||
              newRow < 0 ||
              newRow >= MAX_ROWS
            )
              return "#REF!";
            return `${colFixed}${columnLetters(newCol)}${rowFixed}${newRow + 1}`;
          },
        );
      if (open < 0) break;
      // A structured reference moves with nothing: copied as it is, brackets and all.
      const close = closingBracket(part, open);
      const end = close < 0 ? part.length : close + 1;
      out += part.slice(open, end);
      i = end;
    }
    return out;
  });
}

/**
 * A cell's content moved down `rows` and right `cols` (pasted, filled, or shifted with its
 * row): a formula's relative references move with it (movedFormula); anything else as it is.
 */
export function movedContent<T>(
  input: T,
  rows: number,
  cols: number,
): T | string {
  return isFormula(input) ? movedFormula(input, rows, cols) : input;
}
