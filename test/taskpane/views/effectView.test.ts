import { countText, summaryText } from "../../../src/taskpane/views/effectView";
import type { WhatIf } from "../../../src/programme/whatIf";

const result = (over: Partial<WhatIf> = {}): WhatIf => ({
  tiers: [
    { name: "Gold", count: 2, before: 1 },
    { name: "Silver", count: 1, before: 2 },
  ],
  notScored: 1,
  notScoredBefore: 1,
  unscored: [],
  compared: true,
  up: 1,
  down: 0,
  same: 2,
  newlyScored: 0,
  noLongerScored: 0,
  partners: 4,
  blankRows: 0,
  ...over,
});

describe("effect summary", () => {
  test("without edits it states the workbook's tiers", () => {
    expect(summaryText(result(), false)).toBe(
      "4 partners: Gold 2, Silver 1; not scored 1. These are the tiers under the model the workbook holds."
    );
  });

  test("with edits it counts moves against the workbook, in singular and plural", () => {
    expect(summaryText(result(), true)).toBe(
      "With your edits, 4 partners: Gold 2, Silver 1; not scored 1. Against the workbook now: 1 moves up, 0 move down, 2 stay."
    );
    expect(summaryText(result({ same: 1, newlyScored: 1, noLongerScored: 2 }), true)).toContain(
      "1 stays, 1 newly scored, 2 no longer scored."
    );
  });

  test("says when there is nothing to compare with", () => {
    expect(summaryText(result({ compared: false }), true)).toContain(
      "The workbook's current model has problems, so no comparison is shown."
    );
  });

  test("a count shows the workbook's number beside it only when it differs", () => {
    expect(countText(8, 6, true)).toBe("8 (now 6)");
    expect(countText(8, 8, true)).toBe("8");
    expect(countText(8, null, true)).toBe("8");
    expect(countText(8, 6, false)).toBe("8");
  });
});
