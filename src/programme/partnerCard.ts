/**
 * The partner view: one partner's score, tier, the breakdown per criterion (points and share
 * of the weight) and what it needs for the next tier, computed with the same core as the PRM
 * functions (PARTNERSCORE, SCOREBREAKDOWN, PARTNERTIER, NEXTTIER). No DOM.
 */
import {
  CellError,
  catchCellError,
  cellText,
  formatCondition,
  nextTier,
  relativeWeights,
  resolveProfile,
  scoreParts,
  scorePartner,
  tierFor,
} from "../core";
import type { TableData } from "../workbook/store";
import { assignedTierAt } from "./review/reviewColumns";
import {
  nameColumn,
  partnerColumns,
  partnerLabel,
  typeColumn,
  type Scenario,
} from "./whatIf";

export interface CardPart {
  criterion: string;
  /** The value as the Partners table holds it. */
  value: unknown;
  /** On the 0-100 scale; null when missing (left out and the rest re-weighted). */
  normalized: number | null;
  /** Share of the weight, 0-1. */
  share: number;
  points: number;
}

export interface PartnerCard {
  row: number;
  partner: string;
  /** The profile's name ("" for the Weight column). */
  profile: string;
  score: number;
  /** The tier the model computes. */
  tier: string;
  /** The tier a manager assigned (the Partners table's Assigned tier), or null without one. */
  assigned: string | null;
  parts: CardPart[];
  /** The next tier up; null in the top tier. */
  next: { tier: string; short: number; unmet: string[] } | null;
}

/** The card of Partners data row `row`, or the core's message when the partner cannot be scored. */
export function partnerCard(
  partners: TableData,
  scenario: Scenario,
  row: number,
): PartnerCard | { row: number; partner: string; error: string } | null {
  const cells = partners.rows[row];
  if (!cells) return null;
  const { model, tiers } = scenario;
  const partner = partnerLabel(cells, nameColumn(partners), row);
  const typeAt = typeColumn(partners);
  const values = partnerColumns(partners, scenario.columns).map((c) =>
    c < 0 ? null : cells[c],
  );
  const card = catchCellError((): PartnerCard => {
    const profile = resolveProfile(
      model,
      typeAt < 0 ? "" : (cellText(cells[typeAt]) ?? ""),
    );
    const weights = relativeWeights(model, profile);
    const scored = scorePartner(values, model, weights, "skip");
    if (scored === null)
      throw new CellError("na", "it has no values for the criteria");
    const withValues = { model, values };
    const next = nextTier(tiers, scored.score, withValues);
    return {
      row,
      partner,
      profile,
      score: scored.score,
      tier: tierFor(tiers, scored.score, withValues).name,
      assigned: assignedTierAt(partners, row),
      parts: scoreParts(scored, model, weights).map((p, i) => ({
        criterion: p.criterion.name,
        value: values[i],
        normalized: p.normalized,
        share: p.share,
        points: p.points,
      })),
      next: next && {
        tier: next.tier.name,
        short: next.short,
        unmet: next.unmet.map(formatCondition),
      },
    };
  });
  return card instanceof CellError
    ? { row, partner, error: card.message }
    : card;
}
