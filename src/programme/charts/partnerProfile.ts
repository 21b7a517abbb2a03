/**
 * The partner card's picture, as numbers: the selected partner's points per perspective (or
 * per criterion), against the average of its tier and the threshold profile of the next tier
 * up. Built on the partner card (the breakdown table beside the picture), so the bars and the
 * table say the same. No DOM.
 */
import { excelRound15, relativeWeights, type Tier } from "../../core";
import type { TableData } from "../../workbook/store";
import { partnerCard, type PartnerCard } from "../partnerCard";
import type { PartnerResult, Scenario } from "../whatIf";
import {
  chartCategories,
  perspectiveAveragesByTier,
  pointsByCategory,
  type ChartBy,
  type ChartCategories,
} from "./tierAverages";

export interface PartnerProfile {
  row: number;
  partner: string;
  /** The profile's name ("" for the Weight column). */
  profile: string;
  score: number;
  tier: string;
  by: ChartBy;
  categories: string[];
  /** The partner's points per category; they add up to its score. */
  points: number[];
  /** The average of the partners in its tier scored with its profile (itself included). */
  tierAverage: { tier: string; partners: number; values: number[] };
  /** What a partner exactly at the next tier's Min score has per category; null in the top tier. */
  nextTier: { tier: string; minScore: number; values: number[] } | null;
}

/**
 * The picture of Partners data row `row` under `scenario`, the card's message when the
 * partner cannot be scored, or null for no such row. `scored`: the partners already scored
 * under `scenario`, when the caller has them.
 */
export function partnerProfile(
  partners: TableData,
  scenario: Scenario,
  row: number,
  by: ChartBy,
  scored?: readonly PartnerResult[],
): PartnerProfile | { row: number; partner: string; error: string } | null {
  const card = partnerCard(partners, scenario, row);
  if (card === null || "error" in card) return card;
  const categories = chartCategories(scenario.model, by);
  const averages = perspectiveAveragesByTier(partners, scenario, {
    by,
    profile: card.profile,
    scored,
  });
  const ownTier = averages.tiers.find((t) => t.tier === card.tier);
  const points = pointsByCategory(
    card.parts.map((p) => p.points),
    categories,
  );
  const next =
    card.next && scenario.tiers.find((t) => t.name === card.next?.tier);
  return {
    row,
    partner: card.partner,
    profile: card.profile,
    score: card.score,
    tier: card.tier,
    by,
    categories: categories.names,
    points,
    tierAverage: {
      tier: card.tier,
      partners: ownTier?.partners ?? 1,
      // The partner is in its own tier, so the average exists; its own points otherwise.
      values: ownTier?.average ?? points,
    },
    nextTier: next ? thresholdProfile(card, scenario, next, categories) : null,
  };
}

/**
 * The next tier's threshold profile: Min score x each category's share of the profile's
 * weight, i.e. the points of a partner that reaches the Min score with the same value on
 * every criterion. Chosen because it is what the tier asks, spread by the weights the
 * manager set: it needs no partner to be in that tier (an empty tier still has a bar), it
 * does not move when other partners' data changes, and it adds up to the Min score, so the
 * partner's bars against it show in which perspectives the points are short. (The tier's
 * actual average would say what partners there happen to do, not what the tier requires.)
 * Full weight shares, not the partner's re-weighted ones: a value the partner is missing is
 * still asked for.
 */
function thresholdProfile(
  card: PartnerCard,
  scenario: Scenario,
  next: Tier,
  categories: ChartCategories,
): { tier: string; minScore: number; values: number[] } {
  const weights = relativeWeights(scenario.model, card.profile);
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = categories.names.map(() => 0);
  weights.forEach((w, i) => (shares[categories.of[i]] += w / total));
  return {
    tier: next.name,
    minScore: next.minScore,
    values: shares.map((share) => excelRound15(next.minScore * share)),
  };
}
