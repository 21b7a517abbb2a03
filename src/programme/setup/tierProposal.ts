/**
 * Four tiers calibrated to a new list by quantiles (issue 21, set-up): Platinum for the top
 * 10% of scores, Gold the next 20%, Silver the next 40%, Registered the rest. A stand-in for
 * the calibration of issue 21 point 3 until the set-up can use it. Pure.
 */

export interface TierShare {
  name: string;
  /** Share of the partners in this tier, 0-1; the lowest tier takes the rest (its share is ignored). */
  share: number;
}

/** The set-up's four tiers, highest first, with the example shares. */
export const SET_UP_TIERS: readonly TierShare[] = [
  { name: "Platinum", share: 0.1 },
  { name: "Gold", share: 0.2 },
  { name: "Silver", share: 0.4 },
  { name: "Registered", share: 0.3 },
];

/** `score` rounded down to one decimal: a Min score a person can read. */
function floorTenth(score: number): number {
  return Math.floor(score * 10 + 1e-9) / 10;
}

/**
 * Each tier's Min score (highest tier first; the lowest is 0) so that a tier holds at most its
 * share of `scores` (at least one partner, where there are partners), plus the partners whose
 * scores tie with its last one at one decimal. A tier that cannot get a partner of its own
 * (too few distinct scores) gets a Min score one point above the next tier, so the Min scores
 * always fall strictly; near 100 (scores above 98 with four tiers) a Min score is lowered to
 * leave room for the tiers above it, which may let that tier hold a few more.
 */
export function proposeTierMins(
  scores: readonly number[],
  tiers: readonly TierShare[] = SET_UP_TIERS,
): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  const mins: number[] = [];
  let cumulative = 0;
  tiers.forEach((tier, i) => {
    if (i === tiers.length - 1) return void mins.push(0);
    cumulative += tier.share;
    const count = Math.max(1, Math.floor(cumulative * sorted.length + 1e-9));
    const last = sorted[Math.min(count, sorted.length) - 1];
    mins.push(last === undefined ? 0 : floorTenth(last));
  });
  // Each Min score leaves room for the tiers above it (the top one at most 100), then, from
  // the bottom up, stands strictly above the one below it.
  mins.forEach((min, i) => (mins[i] = Math.min(min, 100 - i)));
  for (let i = mins.length - 2; i >= 0; i--)
    mins[i] = Math.max(mins[i], mins[i + 1] + 1);
  return mins;
}
