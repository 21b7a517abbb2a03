/**
 * Four tiers by quantiles for a new list (issue 21 item 1): a tier never holds more partners
 * than its share (at least one) plus the partners tied with its last one at one decimal.
 */
import fc from "fast-check";
import {
  proposeTierMins,
  SET_UP_TIERS,
} from "../../../src/programme/setup/tierProposal";

const floorTenth = (s: number) => Math.floor(s * 10 + 1e-9) / 10;

describe("proposeTierMins", () => {
  test("ten distinct scores: 1 Platinum, 2 Gold, 4 Silver, 3 Registered", () => {
    const scores = [95, 90, 85, 80, 70, 60, 50, 40, 30, 20];
    expect(proposeTierMins(scores)).toEqual([95, 85, 50, 0]);
  });

  test("the top tier holds at least one partner; Min scores fall strictly below 100", () => {
    expect(proposeTierMins([40, 40, 40])).toEqual([42, 41, 40, 0]);
    expect(proposeTierMins([])).toEqual([3, 2, 1, 0]);
  });

  test("property: no tier holds more than its cumulative share plus ties", () => {
    // Below 98, where no Min score has to be lowered to leave room above it (see proposeTierMins).
    const score = fc.double({ min: 0, max: 98, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 1, maxLength: 80 }),
        (scores) => {
          const mins = proposeTierMins(scores);
          let cumulative = 0;
          mins.slice(0, -1).forEach((min, i) => {
            cumulative += SET_UP_TIERS[i].share;
            const allowed = Math.max(
              1,
              Math.floor(cumulative * scores.length + 1e-9),
            );
            const atOrAbove = scores.filter((s) => s >= min).length;
            const ties = scores.filter((s) => floorTenth(s) === min).length;
            expect(atOrAbove).toBeLessThanOrEqual(allowed + ties);
            expect(min).toBeGreaterThan(mins[i + 1]);
          });
          expect(mins[mins.length - 1]).toBe(0);
        },
      ),
    );
  });
});
