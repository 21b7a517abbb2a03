import { errorsAfterApply } from "../../src/programme/applyErrors";
import type { WhatIf } from "../../src/programme/whatIf";

const effect = (
  notScored: number,
  unscored: WhatIf["unscored"] = [],
): WhatIf => ({
  tiers: [],
  notScored,
  notScoredBefore: 0,
  unscored,
  compared: true,
  up: 0,
  down: 0,
  same: 0,
  newlyScored: 0,
  noLongerScored: notScored,
  partners: 3,
  blankRows: 0,
});

describe("the errors an Apply would leave in Score and Tier", () => {
  test("none: no warning", () => {
    expect(errorsAfterApply(effect(0))).toBeNull();
  });

  test("the count and the first reason", () => {
    expect(
      errorsAfterApply(
        effect(2, [
          {
            partner: "Alpha",
            row: 0,
            message: "Only 20% of the weight has data",
          },
        ]),
      ),
    ).toBe(
      "After Apply, 2 partners' Score and Tier cells would show an error. Alpha: Only 20% of the weight has data",
    );
    expect(errorsAfterApply(effect(1))).toMatch(
      /^After Apply, 1 partner's Score/,
    );
  });
});
