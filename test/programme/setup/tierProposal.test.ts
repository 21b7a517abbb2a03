/**
 * The set-up's four tiers for a new list (issue 21 item 1), calibrated as the pane's Calibrate
 * tiers does (calibration.ts): a tier holds at most its share of the partners, rounded down,
 * plus the partners tied with its Min score at one decimal.
 */
import fc from "fast-check";
import {
  proposeTierMins,
  SET_UP_TIERS,
} from "../../../src/programme/setup/tierProposal";
import { placePartners, tiedWith } from "../../../src/programme/calibration";

/** How many of `scores` each tier gets under `mins`. */
const counts = (scores: number[], mins: number[]) => {
  const tierOf = placePartners(
    scores.map((score) => ({ name: "", score, meets: [] })),
    mins,
  );
  return mins.map((_, k) => tierOf.filter((t) => t === k).length);
};

describe("proposeTierMins", () => {
  test("ten distinct scores: 1 Platinum, 2 Gold, 4 Silver, 3 Registered", () => {
    const scores = [95, 90, 85, 80, 70, 60, 50, 40, 30, 20];
    expect(proposeTierMins(scores)).toEqual([95, 85, 50, 0]);
    expect(counts(scores, proposeTierMins(scores))).toEqual([1, 2, 4, 3]);
  });

  test("a list under ten partners has no Platinum (10% rounds down to none): its Min score is just above the top partner", () => {
    const scores = [90, 80, 70, 60, 50, 40, 30];
    expect(proposeTierMins(scores)).toEqual([90.1, 90, 70, 0]);
    expect(counts(scores, proposeTierMins(scores))).toEqual([0, 1, 2, 4]);
  });

  test("no partners: Min scores a step apart above the lowest tier's 0", () => {
    expect(proposeTierMins([])).toEqual([0.3, 0.2, 0.1, 0]);
  });

  test("property: no tier holds more than its share plus ties; Min scores fall strictly to 0", () => {
    const score = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 80 }),
        (scores) => {
          const mins = proposeTierMins(scores);
          const held = counts(scores, mins);
          mins.slice(0, -1).forEach((min, k) => {
            const quota = Math.floor(
              SET_UP_TIERS[k].share * scores.length + 1e-9,
            );
            const ties = scores.filter((s) => tiedWith(s, min)).length;
            expect(held[k]).toBeLessThanOrEqual(quota + ties);
            expect(min).toBeGreaterThan(mins[k + 1]);
          });
          expect(mins[mins.length - 1]).toBe(0);
        },
      ),
    );
  });
});
