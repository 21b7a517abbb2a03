/**
 * The History table (DESIGN.md section 2): `Date`, `Partner`, `Score`, `Tier`, one row per
 * partner per snapshot, appended by the pane and never rewritten. This reads it back into
 * snapshots and counts tiers over them; columns are found by name, in any order, and columns
 * the add-in does not know are ignored.
 */
import { cellNumber, cellText, isMissing } from "./cell";
import { serialFromIsoText } from "./dates";
import { partnerKey, type Standing } from "./movers";
import { headerKey } from "./table";

export const HISTORY_HEADER = ["Date", "Partner", "Score", "Tier"] as const;

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

/** A date cell as a whole-day serial: a number, or ISO text such as 2026-03-31. */
function dateOf(cell: unknown): number | null {
  const text = typeof cell === "string" ? serialFromIsoText(cell) : undefined;
  const serial = text ?? cellNumber(cell);
  return serial === null || serial === undefined ? null : Math.floor(serial);
}

/**
 * Reads the History table's rows into snapshots. Rows that follow each other with the same
 * date are one snapshot, unless a partner comes again (a second snapshot the same day).
 * Blank rows are skipped silently; other unreadable rows are listed.
 */
export function readHistory(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): HistoryReading {
  const keys = header.map(headerKey);
  const at = HISTORY_HEADER.map((name) => keys.indexOf(headerKey(name)));
  const missing = HISTORY_HEADER.filter((_, i) => at[i] < 0);
  if (missing.length > 0) return { snapshots: [], unread: [], missing };
  const [dateAt, partnerAt, scoreAt, tierAt] = at;
  const snapshots: Snapshot[] = [];
  const unread: number[] = [];
  let seen = new Set<string>();
  rows.forEach((row, r) => {
    if (row.every(isMissing)) return;
    const date = dateOf(row[dateAt]);
    const partner = cellText(row[partnerAt])?.trim() ?? "";
    const score = cellNumber(row[scoreAt]);
    const tier = cellText(row[tierAt])?.trim() ?? "";
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
  return { snapshots, unread, missing };
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
 * The rows `historyRows` made, laid out for a History table whose header is `header`: each
 * value under its column found by name, blanks under columns the add-in does not know (a
 * user's Notes). Throws, naming them, when the table lacks one of the four columns.
 */
export function historyRowsFor(
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
): unknown[][] {
  const keys = HISTORY_HEADER.map((name) => headerKey(name));
  const source = header.map((h) => keys.indexOf(headerKey(h)));
  const missing = HISTORY_HEADER.filter((_, i) => !source.includes(i));
  if (missing.length > 0)
    throw new Error(
      `The History table has no ${missing.join(", ")} column, so a snapshot cannot be added; put the column back (the table needs ${HISTORY_HEADER.join(", ")}).`,
    );
  return rows.map((row) => source.map((i) => (i < 0 ? "" : row[i])));
}
