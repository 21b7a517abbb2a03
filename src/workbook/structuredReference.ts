/**
 * The part of an Excel structured reference between its outer brackets, read the way Excel
 * writes it in the formula bar and in files:
 *   `Partners[Revenue]`, `Partners[[Revenue]:[Fit]]`, `Partners[@Revenue]`,
 *   `Partners[@[Deal registrations]]`, `Partners[[#This Row],[Revenue]:[Fit]]` (a file's spelling
 *   of `@`), `Criteria[[#All],[Weight]]`, `Tiers[[#Headers],[#Data]]`, and `[@Score]` with no
 *   table name inside a table.
 * In a column name `'` escapes the next character (`Rev '[USD']` is the column `Rev [USD]`).
 */

/** The rows a reference may name. */
export type RowPart = "all" | "data" | "headers" | "totals" | "thisRow";

export interface StructuredSpecifier {
  /** The row parts written, in order; none means the data body. */
  rows: RowPart[];
  /** The first and last column named (the same for one column); none means every column. */
  columns?: { first: string; last: string };
}

const ROW_PARTS: Record<string, RowPart> = {
  "#all": "all",
  "#data": "data",
  "#headers": "headers",
  "#totals": "totals",
  "#this row": "thisRow",
};

/** Index of the `]` that closes the `[` at `start` (brackets nest, `'` escapes), or -1. */
export function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i;
  }
  return -1;
}

/** A column name as written, its escapes taken off. */
function unescaped(name: string): string {
  return name.replace(/'(.)/g, "$1");
}

/**
 * What `inner` (the text between a reference's outer brackets) names, or undefined when it is
 * not a reference Excel accepts.
 */
export function parseSpecifier(inner: string): StructuredSpecifier | undefined {
  const text = inner.trim();
  if (text.startsWith("@")) {
    const rest = text.slice(1).trim();
    if (rest === "") return { rows: ["thisRow"] };
    if (!rest.startsWith("["))
      return { rows: ["thisRow"], columns: oneColumn(rest) };
    const columns = bracketedItems(rest);
    if (!columns || columns.length !== 1 || columns[0].rows) return undefined;
    return { rows: ["thisRow"], columns: columns[0].columns };
  }
  if (!text.startsWith("[")) {
    if (text === "") return { rows: [] };
    const part = ROW_PARTS[text.toLowerCase()];
    if (part) return { rows: [part] };
    return text.startsWith("#")
      ? undefined
      : { rows: [], columns: oneColumn(text) };
  }
  const items = bracketedItems(text);
  if (!items) return undefined;
  const rows: RowPart[] = [];
  let columns: StructuredSpecifier["columns"];
  for (const item of items) {
    if (item.rows) {
      // Row parts come first, each once; a column range comes last, once.
      if (columns || rows.includes(item.rows)) return undefined;
      rows.push(item.rows);
    } else if (columns) return undefined;
    else columns = item.columns;
  }
  if (!acceptedRows(rows)) return undefined;
  return columns ? { rows, columns } : { rows };
}

function oneColumn(name: string): { first: string; last: string } {
  const column = unescaped(name.trim());
  return { first: column, last: column };
}

/** The combinations of row parts Excel accepts: one part, or headers with data, or data with totals. */
function acceptedRows(rows: RowPart[]): boolean {
  if (rows.length <= 1) return true;
  if (rows.length > 2) return false;
  const both = [...rows].sort().join(",");
  return both === "data,headers" || both === "data,totals";
}

type Item =
  | { rows: RowPart; columns?: undefined }
  | { rows?: undefined; columns: { first: string; last: string } };

/** `[a],[b]:[c],...`: each item a row part, a column, or a column range; undefined if malformed. */
function bracketedItems(text: string): Item[] | undefined {
  const items: Item[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === " ") i++;
  };
  const bracketed = (): string | undefined => {
    skipSpaces();
    if (text[i] !== "[") return undefined;
    const close = closingBracket(text, i);
    // A bracket inside a bracketed name must be escaped, so `[[x]]` nests no deeper than one.
    if (
      close < 0 ||
      text
        .slice(i + 1, close)
        .replace(/'./g, "")
        .includes("[")
    )
      return undefined;
    const content = text.slice(i + 1, close);
    i = close + 1;
    return content;
  };
  for (;;) {
    const first = bracketed();
    if (first === undefined) return undefined;
    const part = ROW_PARTS[first.trim().toLowerCase()];
    skipSpaces();
    if (part) items.push({ rows: part });
    else if (first.trim().startsWith("#")) return undefined;
    else if (text[i] === ":") {
      i++;
      const last = bracketed();
      if (last === undefined || last.trim().startsWith("#")) return undefined;
      items.push({
        columns: {
          first: unescaped(first.trim()),
          last: unescaped(last.trim()),
        },
      });
      skipSpaces();
    } else items.push({ columns: oneColumn(first) });
    if (i >= text.length) return items;
    if (text[i] !== ",") return undefined;
    i++;
  }
}

const ROW_PART_TEXT: Record<RowPart, string> = {
  all: "#All",
  data: "#Data",
  headers: "#Headers",
  totals: "#Totals",
  thisRow: "#This Row",
};

/** A column name as a reference writes it: `'` before each of `[ ] # '`. */
function escaped(name: string): string {
  return name.replace(/[[\]#']/g, "'$&");
}

/**
 * The text between a reference's outer brackets for `specifier`, as Excel writes it:
 * `Revenue`, `@Revenue`, `@[Deal registrations]`, `[#All],[Weight]`, `[Min]:[Max]`.
 */
export function formatSpecifier({
  rows,
  columns,
}: StructuredSpecifier): string {
  const one = columns && columns.first === columns.last ? columns.first : null;
  const columnItem =
    columns &&
    (one !== null
      ? `[${escaped(one)}]`
      : `[${escaped(columns.first)}]:[${escaped(columns.last)}]`);
  if (rows.length === 1 && rows[0] === "thisRow") {
    if (!columnItem) return "@";
    return one !== null && /^[A-Za-z_][A-Za-z0-9_.]*$/.test(one)
      ? `@${one}`
      : `@${columnItem}`;
  }
  // One column alone goes without its own brackets unless it could read as something else.
  if (rows.length === 0 && one !== null)
    return /^[^\s@][^,:]*$/.test(one) && one.trim() === one
      ? escaped(one)
      : `[${escaped(one)}]`;
  if (rows.length === 1 && !columnItem) return ROW_PART_TEXT[rows[0]];
  const items = rows.map((part) => `[${ROW_PART_TEXT[part]}]`);
  if (columnItem) items.push(columnItem);
  return items.join(",");
}
