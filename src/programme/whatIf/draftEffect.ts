/**
 * The draft's effect on the partners: every partner scored under the draft and under the
 * model the workbook holds now, counted per tier, and the moves between them compared.
 */
import { rankTiers } from "../../core";
import type { TableData } from "../../workbook/store";
import {
  scorePartners,
  type PartnerResult,
  type Scenario,
} from "./scorePartners";

export interface TierCount {
  name: string;
  count: number;
  /** How many partners the tier holds now (the tier it was loaded as), null for a new tier or no comparison. */
  before: number | null;
}

export interface WhatIf {
  /** The draft's tiers, highest first. */
  tiers: TierCount[];
  notScored: number;
  notScoredBefore: number | null;
  /** The first few partners not scored, with the reason. */
  unscored: { partner: string; row: number; message: string }[];
  /** Whether the workbook's current model could be read, so that moves mean something. */
  compared: boolean;
  up: number;
  down: number;
  /** Partners whose tier is unchanged (or only renamed). */
  same: number;
  /** Partners scored under one model but not the other. */
  newlyScored: number;
  noLongerScored: number;
  partners: number;
  blankRows: number;
}

/**
 * Compares the draft with the workbook's current model. `tierOrigin[i]` is the index among
 * the current tiers that the draft's tier i was loaded from (null for an added tier).
 */
export function whatIf(
  partners: TableData,
  draft: Scenario,
  current: Scenario | null,
  tierOrigin: readonly (number | null)[],
  listLimit = 5,
  /** The partners already scored under `current` (it changes less often than the draft). */
  scoredNow?: PartnerResult[],
): WhatIf {
  const after = scorePartners(partners, draft);
  const before = current
    ? (scoredNow ?? scorePartners(partners, current))
    : null;
  const counts = draft.tiers.map(() => 0);
  for (const p of after) if (p.tier !== null) counts[p.tier]++;
  const beforeCounts = current ? current.tiers.map(() => 0) : null;
  if (before && beforeCounts)
    for (const p of before) if (p.tier !== null) beforeCounts[p.tier]++;

  const ranked = rankTiers(draft.tiers).map((t) => draft.tiers.indexOf(t));
  const rankOf = (i: number) => ranked.indexOf(i);
  const tiers = ranked.map((i): TierCount => {
    const origin = tierOrigin[i] ?? null;
    return {
      name: draft.tiers[i].name,
      count: counts[i],
      before:
        beforeCounts && origin !== null ? (beforeCounts[origin] ?? null) : null,
    };
  });

  const result: WhatIf = {
    tiers,
    notScored: after.filter((p) => p.tier === null).length,
    notScoredBefore: before
      ? before.filter((p) => p.tier === null).length
      : null,
    unscored: after
      .filter((p) => p.error !== null)
      .slice(0, listLimit)
      .map((p) => ({ partner: p.partner, row: p.row, message: p.error ?? "" })),
    compared: before !== null,
    up: 0,
    down: 0,
    same: 0,
    newlyScored: 0,
    noLongerScored: 0,
    partners: after.length,
    // One result per partner, a partner per non-blank row: the rest are blank rows.
    blankRows: partners.rows.length - after.length,
  };
  if (!before || !current) return result;

  after.forEach((p, k) => {
    const was = before[k].tier;
    const now = p.tier;
    if (was === null && now === null) return;
    if (was === null) return void result.newlyScored++;
    if (now === null) return void result.noLongerScored++;
    const direction = compareTiers(now, was);
    if (direction > 0) result.up++;
    else if (direction < 0) result.down++;
    else result.same++;
  });
  return result;

  /** > 0 when the draft's tier `now` is above the current tier `was`. */
  function compareTiers(now: number, was: number): number {
    if (tierOrigin[now] === was) return 0;
    const still = tierOrigin.indexOf(was);
    if (still >= 0) return rankOf(still) - rankOf(now); // the old tier is still there: compare ranks
    return draft.tiers[now].minScore - current!.tiers[was].minScore; // it was removed: compare thresholds
  }
}
