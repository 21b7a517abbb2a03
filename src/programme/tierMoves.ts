/**
 * Who moves between tiers from one model to another: the names behind the what-if's counts.
 * Where the workbook holds an Assigned tier (issue 22), that is where the partner is now: a
 * move is then a partner whose tier under `after` differs from the one a manager assigned.
 */
import type { TableData } from "../workbook/store";
import { assignedTierAt } from "./review/reviewColumns";
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
  const named = (name: string | null | undefined) =>
    name
      ? (before.tiers.find(
          (t) => t.name.toLowerCase() === name.toLowerCase(),
        ) ?? {
          name,
          minScore: -1,
        })
      : null;
  const inAfter = (name: string | undefined) =>
    name === undefined
      ? undefined
      : after.tiers.find((t) => t.name.toLowerCase() === name.toLowerCase());
  return scorePartners(partners, after).flatMap((now): TierMove[] => {
    const old = was.get(now.row);
    const from =
      named(assignedTierAt(partners, now.row)) ??
      (old?.tier == null ? null : before.tiers[old.tier]);
    const to = now.tier === null ? null : after.tiers[now.tier];
    if (from?.name.toLowerCase() === to?.name.toLowerCase()) return [];
    return [
      {
        partner: now.partner,
        from: from?.name ?? null,
        to: to?.name ?? null,
        // Ranked in one model (the draft's) where it has both tiers: its Min scores may all differ.
        up:
          (to?.minScore ?? -1) >
          (inAfter(from?.name)?.minScore ?? from?.minScore ?? -1),
      },
    ];
  });
}
