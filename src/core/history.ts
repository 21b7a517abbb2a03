/**
 * The History table (DESIGN.md section 2): `Date`, `Partner`, `Score`, `Tier`, one row per
 * partner per snapshot, appended by the pane and never rewritten. This reads it back into
 * snapshots and counts tiers over them; columns are found by name, in any order, and columns
 * the add-in does not know are ignored.
 * An optional `Change` column marks the tier decisions a review records (review.ts): a row
 * with a Change ("Promoted from Silver") is a decision, not a partner's standing in a
 * snapshot, so snapshots, movers and tier counts never see it.
 */
import { cellNumber, cellText, isMissing } from "./cell";
import { serialFromIsoText } from "./dates";
import { partnerKey, type Standing } from "./movers";
import { headerKey, modelText } from "./table";

export const HISTORY_HEADER = ["Date", "Partner", "Score", "Tier"] as const;
/** The optional column of decision rows, after the four of HISTORY_HEADER. */
export const HISTORY_CHANGE_COLUMN = "Change";

/** A tier decision recorded in the History table: on `date`, `partner` was put in `tier`. */
export interface Decision {
  /** An Excel date serial (whole days). */
  date: number;
  partner: string;
  tier: string;
  /** What was decided, as written: "Promoted from Silver", "Override until 2027-06-30: ...". */
  change: string;
}

/** One snapshot: the partners as scored on that date. */
export interface Snapshot {
  /** An Excel date serial (whole days). */
  date: number;
  standings: Standing[];
}

export interface HistoryReading {
  /** In the order they were appended. */
  snapshots: Snapshot[];
  /** Data rows (0-based) that could not be read: no date, no partner, no score or no tier. */
  unread: number[];
  /** History columns the table lacks; with any missing, no snapshot is read. */
  missing: string[];
}

/** What readHistory reads: the snapshots, and apart from them the decisions. */
export interface HistoryWithDecisions extends HistoryReading {
  /** The rows with a Change, in the order they were appended. */
  decisions: Decision[];
}

/** A date cell as a whole-day serial: a number, or ISO text such as 2026-03-31. */
function dateOf(cell: unknown): number | null {
  const text = typeof cell === "string" ? serialFromIsoText(cell) : undefined;
  const serial = text ?? cellNumber(cell);
  return serial === null || serial === undefined ? null : Math.floor(serial);
}

/**
 * Reads the History table's rows into snapshots and decisions. Rows that follow each other
 * with the same date are one snapshot, unless a partner comes again (a second snapshot the
 * same day); decision rows between them are set apart and do not end a snapshot. A decision
 * needs a date, a partner and a tier (its Score is informative). Blank rows are skipped
 * silently; other unreadable rows are listed.
 */
export function readHistory(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): HistoryWithDecisions {
  const keys = header.map(headerKey);
  const at = HISTORY_HEADER.map((name) => keys.indexOf(headerKey(name)));
  const missing = HISTORY_HEADER.filter((_, i) => at[i] < 0);
  if (missing.length > 0)
    return { snapshots: [], decisions: [], unread: [], missing };
  const [dateAt, partnerAt, scoreAt, tierAt] = at;
  const changeAt = keys.indexOf(headerKey(HISTORY_CHANGE_COLUMN));
  const snapshots: Snapshot[] = [];
  const decisions: Decision[] = [];
  const unread: number[] = [];
  let seen = new Set<string>();
  rows.forEach((row, r) => {
    if (row.every(isMissing)) return;
    const date = dateOf(row[dateAt]);
    const partner = cellText(row[partnerAt])?.trim() ?? "";
    const score = cellNumber(row[scoreAt]);
    const tier = cellText(row[tierAt])?.trim() ?? "";
    // A blank Change may arrive as 0 (older builds): 0 is no decision anyone writes.
    const change = changeAt < 0 ? "" : modelText(row[changeAt]);
    if (change !== "") {
      if (date === null || partner === "" || tier === "")
        return void unread.push(r);
      return void decisions.push({ date, partner, tier, change });
    }
    if (date === null || partner === "" || score === null || tier === "")
      return void unread.push(r);
    const key = partnerKey(partner);
    const last = snapshots[snapshots.length - 1];
    if (!last || last.date !== date || seen.has(key)) {
      snapshots.push({ date, standings: [] });
      seen = new Set();
    }
    seen.add(key);
    snapshots[snapshots.length - 1].standings.push({ partner, score, tier });
  });
  return { snapshots, decisions, unread, missing };
}

/**
 * The row a tier decision appends: HISTORY_HEADER's four values, then the Change. `score` is
 * the partner's score on the day (null when it has none: the cell stays blank).
 */
export function decisionRow(
  date: number,
  partner: string,
  score: number | null,
  tier: string,
  change: string,
): (string | number)[] {
  return [date, partner, score ?? "", tier, change];
}

/** The rows one snapshot appends, in the History table's column order. */
export function historyRows(
  date: number,
  standings: readonly Standing[],
): (string | number)[][] {
  return standings.map((s) => [date, s.partner, s.score, s.tier]);
}

export interface TierCounts {
  /** Tier names: `tierOrder` first (highest first), then tiers only history knows. */
  tiers: string[];
  /** Per snapshot, in order, its date and how many partners each of `tiers` held. */
  points: { date: number; counts: number[] }[];
}

/** How many partners each tier held at each snapshot (tier names match in any case). */
export function tierCountsOver(
  snapshots: readonly Snapshot[],
  tierOrder: readonly string[],
): TierCounts {
  const tiers = [...tierOrder];
  const index = new Map(tiers.map((t, i) => [t.trim().toLowerCase(), i]));
  for (const { standings } of snapshots)
    for (const { tier } of standings) {
      const key = tier.trim().toLowerCase();
      if (!index.has(key)) index.set(key, tiers.push(tier) - 1);
    }
  const points = snapshots.map(({ date, standings }) => {
    const counts = tiers.map(() => 0);
    for (const { tier } of standings)
      counts[index.get(tier.trim().toLowerCase())!]++;
    return { date, counts };
  });
  return { tiers, points };
}

/**
 * The rows `historyRows` or `decisionRow` made, laid out for a History table whose header is
 * `header`: each value under its column found by name, blanks under columns the add-in does
 * not know (a user's Notes). Throws, naming them, when the table lacks one of the four
 * columns, or lacks the Change column that decision rows need (the caller adds it first).
 */
export function historyRowsFor(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): unknown[][] {
  const keys = [...HISTORY_HEADER, HISTORY_CHANGE_COLUMN].map((name) =>
    headerKey(name),
  );
  const source = header.map((h) => keys.indexOf(headerKey(h)));
  const missing = HISTORY_HEADER.filter((_, i) => !source.includes(i));
  if (missing.length > 0)
    throw new Error(
      `The History table has no ${missing.join(", ")} column, so a snapshot cannot be added; put the column back (the table needs ${HISTORY_HEADER.join(", ")}).`,
    );
  const changeAt = HISTORY_HEADER.length;
  if (
    !source.includes(changeAt) &&
    rows.some((row) => !isMissing(row[changeAt]))
  )
    throw new Error(
      `The History table has no ${HISTORY_CHANGE_COLUMN} column, so a tier decision cannot be recorded; add the column first.`,
    );
  return rows.map((row) => source.map((i) => (i < 0 ? "" : (row[i] ?? ""))));
}
