/**
 * Names for sheets the add-in adds. Excel refuses a sheet name longer than 31 characters,
 * with any of : \ / ? * [ ], starting or ending with an apostrophe, or equal (in any case) to
 * another sheet's; the add-in never replaces a sheet, so it picks the first free name.
 */
const MAX_LENGTH = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

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

/** `wanted` (made valid), or `wanted (2)`, `wanted (3)`... : the first name no sheet has. */
export function freeSheetName(
  wanted: string,
  existing: readonly string[],
): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const base = validSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
