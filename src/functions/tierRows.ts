/**
 * The spill PARTNERTIER and NEXTTIER share: one row of `width` cells per score, in the
 * scores' order. A blank score gives a blank row; a score or partner that cannot be read
 * gives its error in every cell of its row; an error in the tiers is the formula's.
 */
import { readScore, type PartnerValues, type Tier } from "../core";
import { tierArguments } from "./arguments";
import { callResult, cellResult } from "./excel";

export function tierRows(
  tierArgs: Parameters<typeof tierArguments>,
  width: number,
  cells: (
    score: number,
    partner: PartnerValues | null,
    tiers: Tier[],
  ) => unknown[],
): unknown[][] {
  return callResult(() => {
    const args = tierArguments(...tierArgs);
    return args.scores.map(({ score: cell, partner }) => {
      const row = cellResult(() => {
        const s = readScore(cell);
        return s === null
          ? new Array<unknown>(width).fill("")
          : cells(s, partner, args.tiers);
      });
      return Array.isArray(row) ? row : new Array<unknown>(width).fill(row);
    });
  });
}
