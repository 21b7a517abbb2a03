/**
 * What a manager's decisions write (issue 22), pure: approving proposals, setting an override
 * by hand, and undoing either. Each is the Partners review cells of the rows it changes and
 * the decision rows appended to History; an undo writes the cells as they were before and
 * appends "Undone: ..." rows, so history is never rewritten.
 */
import { isoDateFromSerial } from "../../core";
import { counted } from "../counted";
import { decisionRow } from "../../core/history";
import { REVIEW_HEADER, type Review, type ReviewItem } from "../../core/review";
import type { ReviewCells, ReviewWrite, TableData } from "../../workbook/store";
import {
  ASSIGNED_TIER,
  OVERRIDE_UNTIL,
  REASON,
  SINCE,
  reviewColumnsAt,
  type ReviewRoster,
} from "./reviewColumns";

/** A decision written, and how to take it back. */
export interface Decision {
  /** What it did, for the notice ("Approved 2 tier changes ..."). */
  summary: string;
  write: ReviewWrite;
  /** The review cells as they were before, row by row: what an undo writes back. */
  before: ReviewCells[];
}

/** One approved change (moved from core/review.ts: only the pane approves). */
export interface Approval {
  index: number;
  assignedTier: string;
  since: number;
  /** Clear Override until and Reason: the approval replaces an override that has ended. */
  clearOverride: boolean;
}

/**
 * What approving writes: the new Assigned tier and Since (asOf) per approved proposal; the
 * override columns cleared when an ended override is approved over. Items that are not
 * proposals (pending, overrides in force, unknown tiers) write nothing.
 */
export function approvals(
  items: readonly ReviewItem[],
  asOf: number,
): Approval[] {
  return items.flatMap(({ index, status, overrideUntil }) =>
    status.kind === "assign" ||
    status.kind === "promote" ||
    status.kind === "demote"
      ? [
          {
            index,
            assignedTier: status.to,
            since: asOf,
            clearOverride: overrideUntil !== null && overrideUntil < asOf,
          },
        ]
      : [],
  );
}

/** The items "Approve" can take: proposals, and overrides that have ended. */
export function approvable(review: Review): ReviewItem[] {
  return [...review.proposals, ...review.overridesEnded];
}

/** The review cells of `row` as the Partners table holds them now (blank as null). */
function cellsNow(partners: TableData, row: number): ReviewCells {
  const at = reviewColumnsAt(partners);
  const values: ReviewCells["values"] = {};
  for (const name of REVIEW_HEADER) {
    const cell = partners.rows[row]?.[at[name]];
    if (at[name] >= 0)
      values[name] =
        typeof cell === "number" || (typeof cell === "string" && cell !== "")
          ? cell
          : null;
  }
  return { row, values };
}

/** One partner's part of a decision: its review cells, and its History row's tier and Change. */
interface Change {
  index: number;
  values: ReviewCells["values"];
  tier: string;
  change: string;
}

/** The decision that writes `changes` (roster indexes) as of `asOf`. */
function decision(
  partners: TableData,
  roster: ReviewRoster,
  summary: string,
  asOf: number,
  changes: readonly Change[],
): Decision {
  const cells = changes.map(({ index, values }) => ({
    row: roster.rows[index],
    values,
  }));
  return {
    summary,
    write: {
      partners: cells,
      history: changes.map(({ index, tier, change }) => {
        const { partner, score } = roster.partners[index];
        return decisionRow(asOf, partner, score, tier, change);
      }),
    },
    before: cells.map(({ row }) => cellsNow(partners, row)),
  };
}

/**
 * Approving `items` (proposals, or ended overrides) as of `asOf`: each partner's Assigned tier
 * becomes the proposed one, Since `asOf`, and an ended override is cleared.
 */
export function approvalDecision(
  partners: TableData,
  roster: ReviewRoster,
  items: readonly ReviewItem[],
  asOf: number,
): Decision {
  const changes = approvals(items, asOf).map((a): Change => {
    const item = items.find((i) => i.index === a.index)!;
    return {
      index: a.index,
      values: {
        [ASSIGNED_TIER]: a.assignedTier,
        [SINCE]: a.since,
        ...(a.clearOverride ? { [OVERRIDE_UNTIL]: null, [REASON]: null } : {}),
      },
      tier: a.assignedTier,
      change: changeText(item),
    };
  });
  const n = changes.length;
  return decision(
    partners,
    roster,
    `Approved ${counted(n, "tier change", "tier changes")} as of ${isoDateFromSerial(asOf)}`,
    asOf,
    changes,
  );
}

/** The Change a decision row records: "Promoted from Silver", "Assigned", "Override ... ended; Demoted from Gold". */
function changeText({ status, from, overrideUntil }: ReviewItem): string {
  const ended =
    overrideUntil !== null && status.kind !== "override"
      ? `Override until ${isoDateFromSerial(overrideUntil)} ended; `
      : "";
  return `${ended}${status.kind === "promote" ? `Promoted from ${from}` : status.kind === "demote" ? `Demoted from ${from}` : "Assigned"}`;
}

/** An override a manager sets: the partner's tier by hand, until a date, with a reason. */
export interface Override {
  /** Index in the roster. */
  index: number;
  tier: string;
  until: number;
  reason: string;
}

/** Setting an override as of `asOf` (already checked: see checkOverride). */
export function overrideDecision(
  partners: TableData,
  roster: ReviewRoster,
  { index, tier, until, reason }: Override,
  asOf: number,
): Decision {
  const { partner, assignedTier } = roster.partners[index];
  const date = isoDateFromSerial(until);
  return decision(
    partners,
    roster,
    `${partner} is kept at ${tier} until ${date}`,
    asOf,
    [
      {
        index,
        values: {
          [ASSIGNED_TIER]: tier,
          [SINCE]: asOf,
          [OVERRIDE_UNTIL]: until,
          [REASON]: reason,
        },
        tier,
        change: `Override until ${date}${assignedTier ? ` (was ${assignedTier})` : ""}: ${reason}`,
      },
    ],
  );
}

/**
 * Taking `decision` back on `date`: its rows' review cells as they were, and one "Undone: ..."
 * row per decision row it appended (with the tier the partner is back at).
 */
export function undoWrite(decision: Decision, date: number): ReviewWrite {
  return {
    partners: decision.before,
    history: decision.write.history.map((row, i) =>
      decisionRow(
        date,
        String(row[1]),
        typeof row[2] === "number" ? row[2] : null,
        String(decision.before[i]?.values[ASSIGNED_TIER] ?? ""),
        `Undone: ${String(row[4])}`,
      ),
    ),
  };
}

/**
 * The Partners rows whose review cells no longer hold what `decision` wrote (compared as
 * trimmed text in any case): an undo over a cell changed since would overwrite someone's edit.
 */
export function changedSince(
  partners: TableData,
  decision: Decision,
): number[] {
  const text = (value: unknown) =>
    String(value ?? "")
      .trim()
      .toLowerCase();
  return decision.write.partners
    .filter(({ row, values }) => {
      const now = cellsNow(partners, row).values;
      return Object.entries(values).some(
        ([name, value]) => text(now[name]) !== text(value),
      );
    })
    .map(({ row }) => row);
}
