/**
 * The spill PARTNERTIER and NEXTTIER share: one row of `width` cells per score, in the
 * scores' order. A blank score gives a blank row; a score or partner that cannot be read
 * gives its error in every cell of its row; an error in the tiers is the formula's.
 */
import { CellError } from "../core/errors";
import { type Tier } from "../core/model";
import { readScore, type PartnerValues } from "../core/tiers";
import { tierArguments } from "./arguments";
import { callResult, toExcelError } from "./excel";

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
    const { tiers, scores, partnerOf } = tierArguments(...tierArgs);
    const column = new Array<unknown[]>(scores.length);
    // One loop with one try, no closure or object per score: a spill of 100,000 scores
    // allocated about 300 bytes a row that way (bench/README.md, "Twelfth pass").
    for (let i = 0; i < scores.length; i++) {
      try {
        const score = readScore(scores.cell(i));
        column[i] =
          score === null
            ? new Array<unknown>(width).fill("")
            : cells(score, partnerOf(i), tiers);
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        column[i] = new Array<unknown>(width).fill(toExcelError(e));
      }
    }
    return column;
  });
}
