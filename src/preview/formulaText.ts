/**
 * The text of a formula: whether a cell's input is one, and the text outside its quoted runs:
 * string literals ("...") and quoted sheet names ('Q1 deals'!A1), where a doubled quote is an
 * escaped one. What rewrites a formula (prefixes of a file, table references, TRUE and FALSE)
 * must leave those runs alone.
 */

/** Whether what is written into a cell is a formula: "=" and more ("=" alone is text). */
export function isFormula(input: unknown): input is string {
  return typeof input === "string" && input.startsWith("=") && input.length > 1;
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

/** Applies `change` to the text outside string literals and quoted sheet names. */
export function outsideQuotes(
  text: string,
  change: (part: string) => string,
): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const quote = text.slice(i).search(/["']/);
    const start = quote < 0 ? text.length : i + quote;
    out += change(text.slice(i, start));
    if (start >= text.length) break;
    const end = endOfQuoted(text, start);
    out += text.slice(start, end);
    i = end;
  }
  return out;
}

/**
 * TRUE and FALSE written as HyperFormula reads them, TRUE() and FALSE(): it knows the
 * functions but not Excel's literals (`=IF(A1>5,TRUE,FALSE)` would show #NAME?). A sheet
 * (`TRUE!A1`), a function call, a column name in brackets or a longer name stays as it is.
 */
export function booleanLiteralsAsFunctions(formula: string): string {
  return outsideQuotes(formula, (part) =>
    part.replace(
      /(?<![A-Za-z0-9_.\\$!@[])(TRUE|FALSE)(?![A-Za-z0-9_.\\(![\]])/gi,
      "$1()",
    ),
  );
}
