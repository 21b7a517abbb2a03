/**
 * A formula's own-sheet A1 references after columns are inserted in its sheet, as Excel
 * adjusts them: a reference at or right of the inserted column moves right, and a range that
 * starts left of it and ends at or right of it grows (the sample's `C2:K2` becomes `C2:L2`
 * when a column goes in before K). The grid's table column insert (gridStore.ts) rewrites the
 * cells it moves with it. Sheet-qualified references (another sheet's cells), string
 * literals, function names (LOG10) and table references in brackets stay as they are.
 */
import { columnIndex, columnLetters } from "./a1";
import { outsideQuotes } from "./formulaText";

// A cell or a range of cells; a "!" or a name character before it means it is not ours.
const REFERENCE =
  /(^|[^A-Za-z0-9_.!$\]])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(![])/g;

/** `formula` with its references adjusted for `count` columns inserted before column `at` (0-based). */
export function formulaAfterColumnInsert(
  formula: string,
  at: number,
  count: number,
): string {
  return outsideQuotes(formula, (part) =>
    outsideBrackets(part, (text) =>
      text.replace(REFERENCE, (whole, lead, d1, c1, d2, r1, d3, c2, d4, r2) => {
        const first = columnIndex(c1);
        if (c2 === undefined) {
          const moved = first >= at ? first + count : first;
          return `${lead}${d1}${columnLetters(moved)}${d2}${r1}`;
        }
        const last = columnIndex(c2);
        const start = first >= at ? first + count : first;
        const end = last >= at ? last + count : last;
        return `${lead}${d1}${columnLetters(start)}${d2}${r1}:${d3}${columnLetters(end)}${d4}${r2}`;
      }),
    ),
  );
}

/** Applies `change` to the text outside brackets (table references: `Criteria[#All]`). */
function outsideBrackets(
  text: string,
  change: (part: string) => string,
): string {
  let out = "";
  let depth = 0;
  let run = "";
  for (const ch of text) {
    if (ch === "[" && depth++ === 0) {
      out += change(run) + ch;
      run = "";
    } else if (ch === "]" && depth > 0 && --depth === 0) {
      out += run + ch;
      run = "";
    } else run += ch;
  }
  return out + (depth > 0 ? run : change(run));
}
