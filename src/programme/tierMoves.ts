/** Who moves between tiers from one model to another: the names behind the what-if's counts. */
import type { TableData } from "../workbook/store";
import { scorePartners, type Scenario } from "./whatIf";

export interface TierMove {
  partner: string;
  /** Tier names; null when not scored under that model. */
  from: string | null;
  to: string | null;
  /** Whether the new tier's Min score is above the old one's. */
  up: boolean;
}

/** The partners whose tier differs between `before` and `after` (by tier name), in table order. */
export function tierMoves(
  partners: TableData,
  before: Scenario,
  after: Scenario,
): TierMove[] {
  const was = new Map(scorePartners(partners, before).map((p) => [p.row, p]));
  return scorePartners(partners, after).flatMap((now): TierMove[] => {
    const old = was.get(now.row);
    const from = old?.tier == null ? null : before.tiers[old.tier];
    const to = now.tier === null ? null : after.tiers[now.tier];
    if (from?.name.toLowerCase() === to?.name.toLowerCase()) return [];
    return [
      {
        partner: now.partner,
        from: from?.name ?? null,
        to: to?.name ?? null,
        up: (to?.minScore ?? -1) > (from?.minScore ?? -1),
      },
    ];
  });
}
