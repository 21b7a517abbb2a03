/**
 * The review columns of the Partners table (DESIGN.md section 2: Assigned tier, Since,
 * Override until, Reason), read into what the review rules take (core/review.ts), and the
 * columns to add to a workbook that has none, filled with today's computed tiers. Pure.
 */
import {
  cellNumber,
  cellText,
  headerKey,
  partnerKey,
  serialFromIsoText,
} from "../../core";
import { REVIEW_HEADER, type ReviewPartner } from "../../core/review";
import type { ReviewColumns, TableData } from "../../workbook/store";
import { partnerName, standingsOf } from "../standings";
import type { Scoring } from "../whatIf";

export const [ASSIGNED_TIER, SINCE, OVERRIDE_UNTIL, REASON] = REVIEW_HEADER;

/** Where each review column is in the Partners header; -1 for one it lacks. */
export function reviewColumnsAt(
  partners: TableData,
): Record<(typeof REVIEW_HEADER)[number], number> {
  const keys = partners.header.map(headerKey);
  return Object.fromEntries(
    REVIEW_HEADER.map((name) => [name, keys.indexOf(headerKey(name))]),
  ) as Record<(typeof REVIEW_HEADER)[number], number>;
}

/** The review columns the Partners table lacks, in REVIEW_HEADER's order. */
export function missingReviewColumns(partners: TableData): string[] {
  const at = reviewColumnsAt(partners);
  return REVIEW_HEADER.filter((name) => at[name] < 0);
}

/** Whether the workbook holds assigned tiers: the review's columns are all there. */
export function hasReviewColumns(partners: TableData | null): boolean {
  return partners !== null && missingReviewColumns(partners).length === 0;
}

/** A date cell as a whole-day serial: a number, or ISO text such as 2027-03-31; null when blank or not a date. */
export function cellDate(cell: unknown): number | null {
  const iso = typeof cell === "string" ? serialFromIsoText(cell) : undefined;
  const serial = iso ?? cellNumber(cell);
  return serial === null || serial === undefined || serial <= 0
    ? null
    : Math.floor(serial);
}

/** The partners the review looks at, and the Partners data row each one is. */
export interface ReviewRoster {
  partners: ReviewPartner[];
  /** rows[i] is the Partners data row (0-based) of partners[i]. */
  rows: number[];
}

/**
 * Every partner named once and scored under `scoring` (the model the workbook holds), with
 * its review cells. Partners left out of standings (no name, a name used twice, not scored)
 * cannot be reviewed: the Sharing section lists them.
 */
export function reviewRoster(
  partners: TableData,
  scoring: Scoring,
): ReviewRoster {
  const at = reviewColumnsAt(partners);
  const rowOf = new Map(
    scoring.results.map((r) => [
      partnerKey(partnerName(partners, r.row)),
      r.row,
    ]),
  );
  const roster: ReviewRoster = { partners: [], rows: [] };
  for (const standing of standingsOf(partners, scoring).standings) {
    const row = rowOf.get(partnerKey(standing.partner))!;
    const cell = (name: (typeof REVIEW_HEADER)[number]) =>
      partners.rows[row][at[name]];
    const text = (name: (typeof REVIEW_HEADER)[number]) =>
      cellText(cell(name)) ?? "";
    roster.partners.push({
      partner: standing.partner,
      score: standing.score,
      computedTier: standing.tier,
      assignedTier: text(ASSIGNED_TIER),
      since: cellDate(cell(SINCE)),
      overrideUntil: cellDate(cell(OVERRIDE_UNTIL)),
      reason: text(REASON),
    });
    roster.rows.push(row);
  }
  return roster;
}

/**
 * The review columns Partners lacks, filled: Assigned tier with each partner's computed tier
 * under `scoring` (blank where it is not scored), Since with `date`, the others blank. One
 * row per Partners data row, blank rows included (they stay blank).
 */
export function initialReviewColumns(
  partners: TableData,
  scoring: Scoring,
  date: number,
): ReviewColumns {
  const header = missingReviewColumns(partners);
  const tierOf = new Map(
    scoring.results.map((r) => [
      r.row,
      r.tier === null ? "" : scoring.tiers[r.tier].name,
    ]),
  );
  const rows = partners.rows.map((_, row) => {
    const tier = tierOf.get(row) ?? "";
    return header.map((name) =>
      name === ASSIGNED_TIER ? tier : name === SINCE && tier !== "" ? date : "",
    );
  });
  return { header, rows };
}

/**
 * The tier a manager assigned to Partners data row `row`, or null where the table has no
 * Assigned tier column or the cell is blank: there the computed tier is the partner's tier.
 */
export function assignedTierAt(
  partners: TableData,
  row: number,
): string | null {
  const column = reviewColumnsAt(partners)[ASSIGNED_TIER];
  if (column < 0) return null;
  const text = cellText(partners.rows[row]?.[column])?.trim() ?? "";
  return text === "" ? null : text;
}
