/** Segmenting partners into tiers by score and by the tiers' requirements. */
import { readCell, showCell } from "./cell";
import { CellError, catchCellError, invalid, notAvailable } from "./errors";
import type { Condition, CriteriaModel, Tier } from "./model";
import { excelRound15 } from "./precision";
import { checkCondition, meets } from "./requires";

/** A partner's values with the criteria they belong to, for checking Requires. */
export interface PartnerValues {
  model: CriteriaModel;
  values: readonly unknown[];
}

/**
 * A score cell: a number in 0-100, or null when missing (nothing to segment). Read as Excel
 * compares it, to 15 significant digits (precision.ts): a score of 58.99999999999999, from
 * any formula, shows as 59 and is in the tier that starts at 59.
 */
export function readScore(cell: unknown): number | null {
  const reading = readCell(cell);
  if (reading.kind === "missing") return null;
  if (reading.kind !== "number")
    return invalid(`A score must be a number, not ${showCell(cell)}`);
  const score = excelRound15(reading.value);
  if (score < 0 || score > 100)
    return invalid(`A score must be between 0 and 100, not ${reading.value}`);
  return score;
}

/** The tiers from the highest Min score down; equal Min scores keep the table's order. */
export function rankTiers(tiers: readonly Tier[]): readonly Tier[] {
  // Ranked once per tiers list (lists are values, never changed): tierFor runs per partner.
  let ranked = rankedTiers.get(tiers);
  if (!ranked) {
    ranked = tiers
      .map((tier, index) => ({ tier, index }))
      .sort((a, b) => b.tier.minScore - a.tier.minScore || a.index - b.index)
      .map((t) => t.tier);
    rankedTiers.set(tiers, ranked);
  }
  return ranked;
}
const rankedTiers = new WeakMap<readonly Tier[], readonly Tier[]>();

/** Runs `check`; a #VALUE! it raises is raised again naming the tier it belongs to. */
function inTier<T>(tier: Tier, check: () => T): T {
  const result = catchCellError(check);
  if (result instanceof CellError)
    return invalid(`Tier ${tier.name}: ${result.message}`);
  return result;
}

/**
 * Checks every tier's Requires against the criteria, partner or not: a condition naming no
 * criterion, or a value the criterion cannot hold (a label off its scale), is a #VALUE!
 * naming the tier and the condition, whatever score the partner has.
 */
export function checkRequirements(
  tiers: readonly Tier[],
  model: CriteriaModel,
): void {
  for (const tier of tiers)
    for (const condition of tier.requires)
      inTier(tier, () => checkCondition(model, condition));
}

/** The tier's requirements the partner does not meet; none are checked without values. */
export function unmetRequirements(
  tier: Tier,
  partner: PartnerValues | null,
): Condition[] {
  if (partner === null || tier.requires.length === 0) return [];
  return inTier(tier, () =>
    tier.requires.filter((c) => !meets(partner.model, partner.values, c)),
  );
}

function qualifies(
  tier: Tier,
  score: number,
  partner: PartnerValues | null,
): boolean {
  // A tier without Requires is decided by its Min score alone, with no list of unmet
  // conditions made per partner (a spill asks once per partner and tier).
  return (
    tier.minScore <= score &&
    (tier.requires.length === 0 ||
      unmetRequirements(tier, partner).length === 0)
  );
}

/** Index in `ranked` of the partner's tier: the highest whose Min score and Requires hold. */
function tierIndex(
  ranked: readonly Tier[],
  score: number,
  partner: PartnerValues | null,
): number {
  return ranked.findIndex((tier) => qualifies(tier, score, partner));
}

export function tierFor(
  tiers: readonly Tier[],
  score: number,
  partner: PartnerValues | null,
): Tier {
  const ranked = rankTiers(tiers);
  const index = tierIndex(ranked, score, partner);
  if (index >= 0) return ranked[index];
  const lowest = ranked[ranked.length - 1];
  return notAvailable(
    score < lowest.minScore
      ? `No tier for a score of ${score}: the lowest tier, ${lowest.name}, starts at ${lowest.minScore}`
      : `The partner meets no tier's requirements (score ${score})`,
  );
}

export interface NextTier {
  tier: Tier;
  /** Points still short of the tier's Min score (0 when the score is enough). */
  short: number;
  unmet: Condition[];
}

/** The tier just above the partner's, or null when the partner is in the top tier. */
export function nextTier(
  tiers: readonly Tier[],
  score: number,
  partner: PartnerValues | null,
): NextTier | null {
  const ranked = rankTiers(tiers);
  const index = tierIndex(ranked, score, partner);
  const nextIndex = (index < 0 ? ranked.length : index) - 1;
  if (nextIndex < 0) return null;
  const tier = ranked[nextIndex];
  return {
    tier,
    // 70 - 58.3 is 11.700000000000003 in doubles: shown as Excel keeps it, 11.7.
    short: excelRound15(Math.max(0, tier.minScore - score)),
    unmet: unmetRequirements(tier, partner),
  };
}
