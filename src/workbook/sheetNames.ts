/**
 * Excel's rules for sheet names, in one place: the Excel adapter picks names by them, and the
 * browser workbook (and the tests' fake Excel) refuses whatever Excel refuses, so no test can
 * pass on a name Excel would not take.
 *
 * Microsoft, "Rename a worksheet" (support.microsoft.com): a sheet name cannot be blank, be
 * longer than 31 characters, contain any of / \ ? * : [ ], begin or end with an apostrophe,
 * or be "History", which Excel reserves (in any case). Excel also refuses a name another
 * sheet of the workbook has, ignoring case.
 */
const MAX_LENGTH = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;
/** Names Excel keeps for itself, in lower case. */
const RESERVED = new Set(["history"]);

/** Why Excel refuses `name` beside the sheets `existing`, or null when it takes it. */
export function sheetNameProblem(
  name: string,
  existing: readonly string[] = [],
): string | null {
  const quoted = `The sheet name "${name}"`;
  if (name.trim() === "") return "A sheet name cannot be blank.";
  if (name.length > MAX_LENGTH)
    return `${quoted} is ${name.length} characters long; Excel allows at most ${MAX_LENGTH}.`;
  const forbidden = name.match(FORBIDDEN);
  if (forbidden)
    return `${quoted} contains ${[...new Set(forbidden)].join(" ")}; Excel refuses any of : \\ / ? * [ ] in a sheet name.`;
  if (name.startsWith("'") || name.endsWith("'"))
    return `${quoted} begins or ends with an apostrophe, which Excel refuses.`;
  if (RESERVED.has(name.toLowerCase()))
    return `${quoted} is reserved by Excel; choose another name.`;
  const taken = existing.find(
    (sheet) => sheet.toLowerCase() === name.toLowerCase(),
  );
  if (taken !== undefined)
    return `${quoted} is taken: the workbook already has a sheet named "${taken}" (Excel ignores case).`;
  return null;
}

/** Throws, with the reason, where Excel would refuse `name` beside `existing`. */
export function assertSheetName(
  name: string,
  existing: readonly string[] = [],
): void {
  const problem = sheetNameProblem(name, existing);
  if (problem !== null) throw new Error(problem);
}

/** `wanted` made acceptable to Excel: forbidden characters as "-", cut to length. */
export function validSheetName(wanted: string): string {
  const name = wanted
    .replace(FORBIDDEN, "-")
    .trim()
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, MAX_LENGTH)
    .trim();
  return name === "" ? "Sheet" : name;
}

/**
 * `wanted` (made valid), or `wanted (2)`, `wanted (3)`... : the first name no sheet has and
 * Excel does not reserve.
 */
export function freeSheetName(
  wanted: string,
  existing: readonly string[],
): string {
  const base = validSheetName(wanted);
  if (sheetNameProblem(base, existing) === null) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (sheetNameProblem(name, existing) === null) return name;
  }
}
