/** Criteria edits: perspective groups and moves, Method, adding and renaming a criterion. */
import {
  CRITERIA_HEADERS,
  TIER_HEADERS,
  cellText,
  formatRequires,
  parseRequires,
  weightHeader,
} from "../../core";
import type { TableData } from "../../workbook/store";
import { sameCell } from "./compare";
import {
  cellAt,
  columnIndex,
  insertRow,
  originOf,
  profilesOf,
  setCell,
  swapRows,
  textAt,
  uniqueName,
  type Draft,
  type DraftTable,
} from "./table";

/** Criterion names in table order (blank for a blank cell). */
export function criterionNames(table: TableData): string[] {
  return table.rows.map((_, i) =>
    textAt(table, i, CRITERIA_HEADERS.name).trim(),
  );
}

/** Perspectives in order of first appearance, each with its rows in table order. */
export function perspectiveGroups(
  table: TableData,
): { perspective: string; rows: number[] }[] {
  const groups: { perspective: string; rows: number[] }[] = [];
  table.rows.forEach((_, i) => {
    const perspective = textAt(table, i, CRITERIA_HEADERS.perspective).trim();
    const key = perspective.toLowerCase();
    let group = groups.find((g) => g.perspective.toLowerCase() === key);
    if (!group) groups.push((group = { perspective, rows: [] }));
    group.rows.push(i);
  });
  return groups;
}

/** The row above/below `row` within its perspective group (what the up/down buttons swap with). */
export function neighbourInGroup(
  table: TableData,
  row: number,
  step: -1 | 1,
): number | null {
  const group = perspectiveGroups(table).find((g) => g.rows.includes(row));
  if (!group) return null;
  const at = group.rows.indexOf(row) + step;
  return at >= 0 && at < group.rows.length ? group.rows[at] : null;
}

export function moveCriterion(
  draft: DraftTable,
  row: number,
  step: -1 | 1,
): DraftTable {
  const other = neighbourInGroup(draft, row, step);
  return other === null ? draft : swapRows(draft, row, other);
}

/** What addCriterion writes for a new criterion's numeric method: range, higher is better, 0 to 100. */
const NEW_RANGE = {
  [CRITERIA_HEADERS.method]: "range",
  [CRITERIA_HEADERS.better]: "higher",
  [CRITERIA_HEADERS.min]: 0,
  [CRITERIA_HEADERS.max]: 100,
} as const;

/** The cells only range and target read: a rating or yes/no criterion leaves them blank. */
const NUMERIC_ONLY = [
  CRITERIA_HEADERS.better,
  CRITERIA_HEADERS.min,
  CRITERIA_HEADERS.max,
] as const;

/**
 * Sets a criterion's Method. On a criterion added in this draft, a switch to rating or yes/no
 * clears Better, Min and Max where they still hold what addCriterion wrote (range defaults,
 * meaningless now). A value the user typed, and every cell of a row the workbook holds, stay.
 */
export function setMethod(
  draft: DraftTable,
  row: number,
  method: string,
): DraftTable {
  let next = setCell(draft, row, CRITERIA_HEADERS.method, method);
  const numeric = ["range", "target"].includes(method.trim().toLowerCase());
  if (!numeric && originOf(draft, row) === null)
    for (const column of NUMERIC_ONLY)
      if (sameCell(cellAt(next, row, column), NEW_RANGE[column]))
        next = setCell(next, row, column, "");
  return next;
}

/** Adds a criterion row to a perspective (after that perspective's last row), weight 0 in every profile. */
export function addCriterion(
  draft: DraftTable,
  perspective: string,
): { draft: DraftTable; id: number } {
  const group = perspectiveGroups(draft).find(
    (g) => g.perspective.toLowerCase() === perspective.trim().toLowerCase(),
  );
  const at = group ? group.rows[group.rows.length - 1] + 1 : draft.rows.length;
  const values: Record<string, unknown> = {
    [CRITERIA_HEADERS.name]: uniqueName(
      draft,
      CRITERIA_HEADERS.name,
      "New criterion",
    ),
    [CRITERIA_HEADERS.perspective]: perspective,
    ...NEW_RANGE,
    Weight: 0,
  };
  for (const p of profilesOf(draft)) values[weightHeader(p)] = 0;
  return insertRow(draft, values, at);
}

/** Rewrites one Requires text, renaming the criterion `from` to `to`; null when nothing changes. */
export function renameInRequires(
  text: string,
  from: string,
  to: string,
): string | null {
  const parsed = parseRequires(text);
  if (typeof parsed === "string") return null; // unreadable: left as it is (the pane lists it)
  const key = from.trim().toLowerCase();
  if (!parsed.some((c) => c.criterion.toLowerCase() === key)) return null;
  return formatRequires(
    parsed.map((c) =>
      c.criterion.toLowerCase() === key ? { ...c, criterion: to } : c,
    ),
  );
}

/**
 * Renames a criterion: its Criterion cell and every condition naming it in the Tiers'
 * Requires, so no requirement is orphaned. PRM formulas match values to criteria by
 * position, so they are not affected.
 */
export function renameCriterion(draft: Draft, row: number, to: string): Draft {
  const from = textAt(draft.criteria, row, CRITERIA_HEADERS.name).trim();
  const name = to.trim();
  const criteria = setCell(draft.criteria, row, CRITERIA_HEADERS.name, name);
  let tiers = draft.tiers;
  if (
    from !== "" &&
    name !== "" &&
    from !== name &&
    columnIndex(tiers, TIER_HEADERS.requires) >= 0
  ) {
    tiers.rows.forEach((_, i) => {
      const text = cellText(cellAt(tiers, i, TIER_HEADERS.requires));
      const renamed = text === null ? null : renameInRequires(text, from, name);
      if (renamed !== null)
        tiers = setCell(tiers, i, TIER_HEADERS.requires, renamed);
    });
  }
  return { criteria, tiers };
}
