/** Pieces of Excel formula text: literals written so that Excel reads back what was meant. */

/** A text literal: in quotes, a quote inside doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A number literal that reads back as the same double: JavaScript's shortest round-trip
 * digits, written out without an exponent (5e-7 as 0.0000005), which every formula parser
 * reads, HyperFormula's included.
 */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value))
    throw new RangeError(`${value} cannot be written in a formula`);
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = "", exponentText] = match;
  const digits = lead + rest;
  const exponent = Number(exponentText);
  if (exponent >= 0)
    return sign + digits + "0".repeat(Math.max(0, exponent - rest.length));
  return `${sign}0.${"0".repeat(-exponent - 1)}${digits}`;
}

/**
 * A cell showing `text` as it is: a text that Excel would take for a formula is written as
 * a formula returning that text. Other cells are written as values by the stores, which
 * keep numbers-as-text and the like as text (src/workbook/cellWrite.ts).
 */
export function textCell(text: string): string {
  return text.startsWith("=") ? `=${textLiteral(text)}` : text;
}

/** `IF(a,b,IF(c,d,...otherwise))` from [condition, result] pairs. */
export function ifChain(
  branches: readonly (readonly [string, string])[],
  otherwise: string,
): string {
  return branches.reduceRight(
    (rest, [condition, result]) => `IF(${condition},${result},${rest})`,
    otherwise,
  );
}

/** A #VALUE! that says why in the formula text: VALUE() of a text that is not a number. */
export function valueError(reason: string): string {
  // Excel's text literals hold at most 255 characters.
  return `VALUE(${textLiteral(reason.slice(0, 250))})`;
}

/** Excel's limits on a formula: the length of its text, and how deep functions nest. */
export const MAX_FORMULA_LENGTH = 8192;
export const MAX_NESTING = 64;

/** How deep function calls nest in a formula (string literals left out): IF(A,IF(B,1,2),3) is 2. */
export function nestingDepth(formula: string): number {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  let depth = 0;
  let deepest = 0;
  const calls: boolean[] = [];
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "(") {
      const call = /[A-Za-z0-9_.]/.test(code[i - 1] ?? "");
      calls.push(call);
      if (call) deepest = Math.max(deepest, ++depth);
    } else if (ch === ")" && calls.pop()) depth--;
  }
  return deepest;
}
