/**
 * Tier reviews (issue 22): a partner keeps the tier a manager approved (its Assigned tier)
 * until the manager approves a change. The review proposes the changes: a first assignment
 * and a promotion at once; a demotion only once the partner has stood below its assigned
 * tier for that tier's Grace days (by the tier history); nothing for a partner whose
 * override (Override until) is still in force. Dates are whole-day Excel serials.
 */
import { columnKey } from "./columnMatch";
import { isoDateFromSerial } from "./dates";
import type { Snapshot } from "./history";
import type { Tier } from "./model";
import { partnerKey, type Standing } from "./movers";
import { excelRound15 } from "./precision";
import { rankTiers } from "./tiers";

/** The Partners table's review columns (DESIGN.md section 2), in the order the pane adds them. */
export const REVIEW_HEADER = [
  "Assigned tier",
  "Since",
  "Override until",
  "Reason",
] as const;

export interface ReviewPartner {
  partner: string;
  /** The partner's score as computed (rounded as precision.ts), null when not scored. */
  score: number | null;
  /** The Tier the formula gives now; "" when none. */
  computedTier: string;
  /** "" when blank (never assigned). */
  assignedTier: string;
  /** When the assigned tier was approved. */
  since: number | null;
  overrideUntil: number | null;
  reason: string;
}

export type ReviewStatus =
  /** The computed tier is the assigned one (or there is no computed tier to move to). */
  | { kind: "keep" }
  /** No assigned tier yet: propose the computed one. */
  | { kind: "assign"; to: string }
  /** Computed above assigned: proposed at once. */
  | { kind: "promote"; to: string }
  /** Below for at least the grace: proposed now (due <= asOf). */
  | { kind: "demote"; to: string; due: number }
  /** Below, grace still running: falls due on `due`. */
  | { kind: "pending"; to: string; due: number }
  /** An override in force (asOf <= until): nothing proposed. */
  | { kind: "override"; until: number }
  /**
   * A tier the Tiers table does not have: the partner's assigned tier (column "Assigned
   * tier"), or its computed one (column "Tier", a Tier column out of step with the table).
   */
  | { kind: "unknownTier"; tier: string; column: "Assigned tier" | "Tier" };

/** A tier name as the core matches names: any case, surrounding spaces, a number as its text. */
const tierKey: (name: string) => string = columnKey;

/** Each tier's rank by Min score (0 is the top), by tier key. */
function ranksOf(tiers: readonly Tier[]): Map<string, number> {
  let ranks = tierRanks.get(tiers);
  if (!ranks) {
    ranks = new Map(rankTiers(tiers).map((t, i) => [tierKey(t.name), i]));
    tierRanks.set(tiers, ranks);
  }
  return ranks;
}
const tierRanks = new WeakMap<readonly Tier[], Map<string, number>>();

/** The tier of the table that `name` names, or undefined. */
function tierNamed(tiers: readonly Tier[], name: string): Tier | undefined {
  const key = tierKey(name);
  return tiers.find((t) => tierKey(t.name) === key);
}

/** A snapshot's standings by partner key, made once per snapshot. */
function standingOf(snapshot: Snapshot, partner: string): Standing | undefined {
  let byPartner = standingsByPartner.get(snapshot);
  if (!byPartner) {
    byPartner = new Map();
    for (const s of snapshot.standings) {
      const key = partnerKey(s.partner);
      if (!byPartner.has(key)) byPartner.set(key, s);
    }
    standingsByPartner.set(snapshot, byPartner);
  }
  return byPartner.get(partnerKey(partner));
}
const standingsByPartner = new WeakMap<Snapshot, Map<string, Standing>>();

/**
 * The first date of the latest unbroken run of snapshots in which `partner` stood below
 * `assignedTier` (by tier rank), or null when the latest snapshot does not show it below. A
 * snapshot without the partner, or with a tier the Tiers table no longer has (renamed since),
 * breaks the run: it does not show the partner below.
 */
export function belowSince(
  partner: string,
  assignedTier: string,
  tiers: readonly Tier[],
  snapshots: readonly Snapshot[],
): number | null {
  const ranks = ranksOf(tiers);
  const assignedRank = ranks.get(tierKey(assignedTier));
  if (assignedRank === undefined) return null;
  let since: number | null = null;
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const standing = standingOf(snapshots[i], partner);
    const rank = standing && ranks.get(tierKey(standing.tier));
    if (rank === undefined || rank <= assignedRank) break;
    since = snapshots[i].date;
  }
  return since;
}

/**
 * A partner's review status on `asOf`, `belowSince` being when it started standing below its
 * assigned tier (belowSince() of the history; null: not below in the history, so a grace
 * starts on asOf). A demotion's grace, the Grace days of the assigned tier, runs from the
 * latest of belowSince, the day the assigned tier was approved (Since: standing below a tier
 * before it was assigned does not count) and the day after an ended override.
 */
export function reviewStatus(
  p: ReviewPartner,
  tiers: readonly Tier[],
  asOf: number,
  belowSince: number | null,
): ReviewStatus {
  const ranks = ranksOf(tiers);
  const assigned = p.assignedTier.trim();
  const computed = p.computedTier.trim();
  const assignedRank = ranks.get(tierKey(assigned));
  const computedRank = ranks.get(tierKey(computed));
  if (assigned !== "" && assignedRank === undefined)
    return { kind: "unknownTier", tier: assigned, column: "Assigned tier" };
  if (computed !== "" && computedRank === undefined)
    return { kind: "unknownTier", tier: computed, column: "Tier" };
  if (p.overrideUntil !== null && asOf <= p.overrideUntil)
    return { kind: "override", until: p.overrideUntil };
  // Nothing computed (the partner is not scored): no evidence to move it on.
  if (computedRank === undefined) return { kind: "keep" };
  const to = tierNamed(tiers, computed)!.name;
  if (assignedRank === undefined) return { kind: "assign", to };
  if (computedRank === assignedRank) return { kind: "keep" };
  if (computedRank < assignedRank) return { kind: "promote", to };
  const grace = tierNamed(tiers, assigned)!.graceDays;
  const start = Math.max(
    belowSince ?? asOf,
    p.since ?? -Infinity,
    p.overrideUntil === null ? -Infinity : p.overrideUntil + 1,
  );
  const due = start + grace;
  return due <= asOf
    ? { kind: "demote", to, due }
    : { kind: "pending", to, due };
}

/** The status in words, as the review lists it and PRM.TIERREVIEW returns it. */
export function reviewStatusText(status: ReviewStatus): string {
  switch (status.kind) {
    case "keep":
      return "Keep";
    case "assign":
      return `Assign ${status.to}`;
    case "promote":
      return `Promote to ${status.to}`;
    case "demote":
      return `Demote to ${status.to}`;
    case "pending":
      return `Demote to ${status.to} on ${isoDateFromSerial(status.due)}`;
    case "override":
      return `Override until ${isoDateFromSerial(status.until)}`;
    case "unknownTier":
      return `${status.column} ${status.tier} is not in the Tiers table`;
  }
}

export interface ReviewItem {
  /** The partner's index in the list reviewed (its data row in the Partners table). */
  index: number;
  partner: string;
  /** The assigned tier now ("" when none). */
  from: string;
  status: ReviewStatus;
  score: number | null;
  /** Score change since the partner's last snapshot, null when none. */
  pointsChange: number | null;
  /** The partner's Override until (in force or ended), null when none. */
  overrideUntil: number | null;
}

export interface Review {
  /** assign, promote, demote (due now): what the manager approves. */
  proposals: ReviewItem[];
  /** Demotions whose grace has not run (with due dates). */
  pending: ReviewItem[];
  /** Partners whose Override until is before asOf (listed whatever else is proposed for them). */
  overridesEnded: ReviewItem[];
  overridesInForce: ReviewItem[];
  unknown: ReviewItem[];
}

/** The partner's score change since the last snapshot that has it. */
function pointsChangeOf(
  p: ReviewPartner,
  snapshots: readonly Snapshot[],
): number | null {
  if (p.score === null) return null;
  for (let i = snapshots.length - 1; i >= 0; i--) {
    const standing = standingOf(snapshots[i], p.partner);
    if (standing) return excelRound15(p.score - standing.score);
  }
  return null;
}

/** Reviews every partner on `asOf` against the tier history `snapshots`. */
export function reviewPartners(
  partners: readonly ReviewPartner[],
  tiers: readonly Tier[],
  asOf: number,
  snapshots: readonly Snapshot[],
): Review {
  const review: Review = {
    proposals: [],
    pending: [],
    overridesEnded: [],
    overridesInForce: [],
    unknown: [],
  };
  partners.forEach((p, index) => {
    const below = belowSince(p.partner, p.assignedTier, tiers, snapshots);
    const status = reviewStatus(p, tiers, asOf, below);
    const item: ReviewItem = {
      index,
      partner: p.partner,
      from: p.assignedTier.trim(),
      status,
      score: p.score,
      pointsChange: pointsChangeOf(p, snapshots),
      overrideUntil: p.overrideUntil,
    };
    const list = listOf[status.kind];
    if (list) review[list].push(item);
    if (p.overrideUntil !== null && p.overrideUntil < asOf)
      review.overridesEnded.push(item);
  });
  return review;
}

/** Which list of the review a status goes to; a kept partner is in none. */
const listOf: Record<ReviewStatus["kind"], keyof Review | null> = {
  keep: null,
  assign: "proposals",
  promote: "proposals",
  demote: "proposals",
  pending: "pending",
  override: "overridesInForce",
  unknownTier: "unknown",
};
