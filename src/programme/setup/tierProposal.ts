/**
 * The set-up's four tiers for a new list (issue 21, set-up): Platinum for the top 10% of
 * scores, Gold the next 20%, Silver the next 40%, Registered the rest, their Min scores
 * proposed by the pane's calibration (calibration.ts), so that set-up and Calibrate tiers
 * place a list's partners alike. A new list has no Requires yet: every partner is eligible
 * for every tier. Pure.
 */
import { calibrate, type TierTarget } from "../calibration";

/** The set-up's four tiers, highest first, with the example shares. */
export const SET_UP_TIERS: readonly TierTarget[] = [
  { name: "Platinum", share: 0.1 },
  { name: "Gold", share: 0.2 },
  { name: "Silver", share: 0.4 },
  { name: "Registered", share: 0.3 },
];

/** Each set-up tier's Min score (highest first; the lowest is 0), calibrated to `scores`. */
export function proposeTierMins(scores: readonly number[]): number[] {
  return calibrate(
    scores.map((score) => ({ name: "", score, meets: [] })),
    SET_UP_TIERS,
    0,
  );
}
