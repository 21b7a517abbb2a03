/**
 * Formulas between an .xlsx file and the browser workbook. A file stores a formula without its
 * "=" and with Excel's internal prefixes: `_xlfn.` before functions newer than Excel 2007,
 * `_xlws.` before some of those, `_xll.` before XLL add-in functions, and `_xldudf_` before a
 * JavaScript custom function (Excel writes PRM.PARTNERSCORE as `_xldudf_PRM_PARTNERSCORE` or
 * `_xldudf_PRM.PARTNERSCORE`). The grid keeps formulas as a user types them, so the prefixes
 * are taken off on the way in; what is written back is the formula as typed.
 */
import { outsideQuotes } from "./formulaText";

/** The namespace of this add-in's functions (functions.json's names all start with it). */
const NAMESPACE = "PRM";

const PREFIX =
  /(?:_xlfn\.|_xlws\.|_xll\.)+|_xldudf_([A-Za-z][A-Za-z0-9]*)([._])/gi;

/** A file's formula text as the user would have typed it: "=" first, prefixes taken off. */
export function formulaFromFile(stored: string): string {
  const text = stored.startsWith("=") ? stored.slice(1) : stored;
  return `=${outsideQuotes(text, (part) =>
    part.replace(PREFIX, (_match, namespace?: string, separator?: string) => {
      if (namespace === undefined) return "";
      // PRM_PARTNERSCORE is PRM.PARTNERSCORE; another add-in's name is left as it is.
      return namespace.toUpperCase() === NAMESPACE
        ? `${namespace}.`
        : `${namespace}${separator}`;
    }),
  )}`;
}

/** A grid formula as the file stores it: without the leading "=". */
export function formulaToFile(typed: string): string {
  return typed.startsWith("=") ? typed.slice(1) : typed;
}

/**
 * The structured or external references left in a formula after the workbook's tables were
 * translated to A1 ranges: `Partners[Score]`, `[@Score]`, `[1]Sheet1!A1`. The preview cannot
 * compute them, so opening a file reports them.
 */
export function leftoverReferences(translated: string): string[] {
  const found: string[] = [];
  outsideQuotes(translated, (part) => {
    for (const match of part.matchAll(
      /[A-Za-z_\\][A-Za-z0-9_.\\]*\[[^\]]*\](?:\])?|\[[^\]]*\]/g,
    ))
      found.push(match[0]);
    return part;
  });
  return found;
}
