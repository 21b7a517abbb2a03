/**
 * PRM.TIERREVIEW's arguments shaped for core/review.ts: one review status per partner row.
 * `tier` and `assigned` are the partners' computed and assigned tiers (one cell, or a column
 * that spills); overrideuntil, partner and since are one cell for all rows or one per row.
 */
import { cellText, isErrorValue, isMissing, showCell } from "../core/cell";
import { readDate } from "../core/certification";
import { todaySerial } from "../core/dates";
import { invalid, notAvailable } from "../core/errors";
import { readHistory, type Snapshot } from "../core/history";
import { type Tier } from "../core/model";
import { belowSince, reviewStatus, reviewStatusText } from "../core/review";
import {
  cellList,
  perRow,
  rangeOf,
  tiersArgument,
  type CellList,
  type Range,
} from "./arguments";
import { cellResult } from "./excel";
import { memoByContent } from "./memo";

/** One cell per partner: the tiers, the assigned tiers. */
function partnerList(argument: unknown, what: string): CellList {
  return cellList(
    rangeOf(argument),
    `${what} must be one cell or a single column (one per partner)`,
  );
}

/**
 * A tier name cell: "" when blank. A blank that an older desktop build passes as 0 (DESIGN
 * section 3) is blank too, unless the Tiers table has a tier named 0.
 */
function tierName(cell: unknown, what: string, tiers: readonly Tier[]): string {
  if (isErrorValue(cell))
    return what === "tier"
      ? notAvailable(
          `tier is ${showCell(cell)}: the partner has no tier to review`,
        )
      : invalid(`${what} must be a tier name, not ${showCell(cell)}`);
  if (cell === 0 && !tiers.some((t) => t.name === "0")) return "";
  const text = cellText(cell);
  if (text === null && typeof cell === "boolean")
    invalid(`${what} must be a tier name, not ${showCell(cell)}`);
  return text ?? "";
}

/** A date cell (asof, or a partner row's): null when blank; an error value is not a blank. */
function dateOrBlank(cell: unknown, what: string): number | null {
  if (isErrorValue(cell))
    invalid(`${what} must be a date, not ${showCell(cell)}`);
  return readDate(cell, what);
}

const readHistoryOnce = memoByContent((range) =>
  readHistory(range[0] ?? [], range.slice(1)),
);

/** The history argument's snapshots: History[#All], with its header row. */
function historySnapshots(history: unknown): Snapshot[] {
  const { snapshots, missing } = readHistoryOnce(rangeOf(history));
  if (missing.length > 0)
    invalid(
      `history must be the History table with its header row, e.g. History[#All]: it has no ${missing.join(", ")} column`,
    );
  return snapshots;
}

/**
 * Whether an optional range argument is left out: omitted, written empty (which Excel may
 * pass as null or as a blank cell, DESIGN section 3), or all blank cells.
 */
function isBlankArgument(argument: unknown): boolean {
  return rangeOf(argument).every((row) => row.every(isMissing));
}

/** PRM.TIERREVIEW: the review status text of each partner row ("" for a blank row). */
export function tierReviewColumn(
  tier: unknown,
  assigned: unknown,
  tiers: unknown,
  overrideuntil: unknown,
  asof: unknown,
  history: unknown,
  partner: unknown,
  since: unknown,
): unknown[][] {
  const tierList = tiersArgument(rangeOf(tiers) as Range);
  const computed = partnerList(tier, "tier");
  const assignedCells = partnerList(assigned, "assigned");
  if (assignedCells.length !== computed.length)
    invalid(
      `assigned has ${assignedCells.length} cells but tier has ${computed.length}: give one assigned tier per partner row`,
    );
  // An error where the day should be is not today: only a blank asof means today.
  const asOf = dateOrBlank(asof, "asof") ?? todaySerial();
  const withHistory = !isBlankArgument(history);
  // A partner cell may be blank (a row below the list); the argument left out is a mistake.
  if (withHistory && partner == null)
    invalid(
      "history needs partner: the partners' names (e.g. [@Partner]), to find each one in the history",
    );
  const snapshots = withHistory ? historySnapshots(history) : [];
  const rows = computed.length;
  const overrideOf = perRow(overrideuntil ?? null, rows, "overrideuntil");
  const partnerOf = perRow(partner ?? null, rows, "partner");
  const sinceOf = perRow(since ?? null, rows, "since");
  return Array.from({ length: rows }, (_, i) => [
    cellResult(() => {
      const now = tierName(computed.cell(i), "tier", tierList);
      const was = tierName(assignedCells.cell(i), "assigned", tierList);
      // A row below the list (nothing computed, nothing assigned) stays blank.
      if (now === "" && was === "") return "";
      const name = cellText(partnerOf(i)) ?? "";
      const p = {
        partner: name,
        score: null,
        computedTier: now,
        assignedTier: was,
        since: dateOrBlank(sinceOf(i), "since"),
        overrideUntil: dateOrBlank(overrideOf(i), "overrideuntil"),
        reason: "",
      };
      const below =
        name === "" ? null : belowSince(name, was, tierList, snapshots);
      return reviewStatusText(reviewStatus(p, tierList, asOf, below));
    }),
  ]);
}
