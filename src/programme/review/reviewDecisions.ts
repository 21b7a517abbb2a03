/**
 * What a manager's decisions write (issue 22), pure: approving proposals, setting an override
 * by hand, and undoing either. Each is the Partners review cells of the rows it changes and
 * the decision rows appended to History; an undo writes the cells as they were before and
 * appends "Undone: ..." rows, so history is never rewritten.
 */
import { isoDateFromSerial } from "../../core";
import { decisionRow } from "../../core/history";
import { approvals, type ReviewItem } from "../../core/review";
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
  /** What it did, for the notice ("Approved 2 changes"). */
  summary: string;
  write: ReviewWrite;
  /** The review cells as they were before, row by row: what an undo writes back. */
  before: ReviewCells[];
}

/** The review cells of `row` as the Partners table holds them now (blank as null). */
function cellsNow(partners: TableData, row: number): ReviewCells {
  const at = reviewColumnsAt(partners);
  const values: ReviewCells["values"] = {};
  for (const [name, column] of Object.entries(at)) {
    if (column < 0) continue;
    const cell = partners.rows[row]?.[column];
    values[name] =
      typeof cell === "string" || typeof cell === "number" ? cell : null;
    if (values[name] === "") values[name] = null;
  }
  return { row, values };
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
  const byIndex = new Map(items.map((item) => [item.index, item]));
  const changes = approvals(items, asOf);
  const cells: ReviewCells[] = changes.map((change) => ({
    row: roster.rows[change.index],
    values: {
      [ASSIGNED_TIER]: change.assignedTier,
      [SINCE]: change.since,
      ...(change.clearOverride
        ? { [OVERRIDE_UNTIL]: null, [REASON]: null }
        : {}),
    },
  }));
  const rows = changes.map((change) => {
    const item = byIndex.get(change.index)!;
    const partner = roster.partners[change.index];
    return decisionRow(
      asOf,
      partner.partner,
      partner.score,
      change.assignedTier,
      changeText(item),
    );
  });
  const n = changes.length;
  return {
    summary: `Approved ${n} tier ${n === 1 ? "change" : "changes"} as of ${isoDateFromSerial(asOf)}`,
    write: { partners: cells, history: rows },
    before: cells.map((c) => cellsNow(partners, c.row)),
  };
}

/** The Change a decision row records: "Promoted from Silver", "Assigned", "Override ended; demoted from Gold". */
function changeText(item: ReviewItem): string {
  const ended =
    item.overrideUntil !== null && item.status.kind !== "override"
      ? `Override until ${isoDateFromSerial(item.overrideUntil)} ended; `
      : "";
  const what =
    item.status.kind === "promote"
      ? `Promoted from ${item.from}`
      : item.status.kind === "demote"
        ? `Demoted from ${item.from}`
        : "Assigned";
  return `${ended}${what}`;
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
  override: Override,
  asOf: number,
): Decision {
  const partner = roster.partners[override.index];
  const row = roster.rows[override.index];
  const cells: ReviewCells[] = [
    {
      row,
      values: {
        [ASSIGNED_TIER]: override.tier,
        [SINCE]: asOf,
        [OVERRIDE_UNTIL]: override.until,
        [REASON]: override.reason,
      },
    },
  ];
  const change = `Override until ${isoDateFromSerial(override.until)}${partner.assignedTier ? ` (was ${partner.assignedTier})` : ""}: ${override.reason}`;
  return {
    summary: `${partner.partner} is kept at ${override.tier} until ${isoDateFromSerial(override.until)}`,
    write: {
      partners: cells,
      history: [
        decisionRow(
          asOf,
          partner.partner,
          partner.score,
          override.tier,
          change,
        ),
      ],
    },
    before: [cellsNow(partners, row)],
  };
}

/**
 * Taking `decision` back on `date`: its rows' review cells as they were, and one "Undone: ..."
 * row per decision row it appended (with the tier the partner is back at).
 */
export function undoWrite(decision: Decision, date: number): ReviewWrite {
  return {
    partners: decision.before,
    history: decision.write.history.map((row, i) => {
      const tier = decision.before[i]?.values[ASSIGNED_TIER];
      return decisionRow(
        date,
        String(row[1]),
        typeof row[2] === "number" ? row[2] : null,
        tier === null || tier === undefined ? "" : String(tier),
        `Undone: ${String(row[4])}`,
      );
    }),
  };
}

/**
 * Whether the Partners table still holds what `decision` wrote, cell by cell: an undo over a
 * cell changed since would overwrite someone's edit. Returns the partners changed since.
 */
export function changedSince(
  partners: TableData,
  decision: Decision,
): number[] {
  const same = (a: unknown, b: unknown) =>
    (a ?? "") === (b ?? "") ||
    String(a ?? "")
      .trim()
      .toLowerCase() ===
      String(b ?? "")
        .trim()
        .toLowerCase();
  return decision.write.partners
    .filter(({ row, values }) => {
      const now = cellsNow(partners, row).values;
      return Object.entries(values).some(
        ([name, value]) => !same(now[name], value),
      );
    })
    .map(({ row }) => row);
}
