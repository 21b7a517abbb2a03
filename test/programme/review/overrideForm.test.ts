/** The override form's check: every field required, each bad one with its own message. */
import { serialFromDate } from "../../../src/core";
import { checkOverride, type ReviewRoster } from "../../../src/programme/review";

const ASOF = serialFromDate(2027, 1, 5);
const roster: ReviewRoster = {
  partners: [
    { partner: "Alpha", score: 80, computedTier: "Gold", assignedTier: "Gold", since: 1, overrideUntil: null, reason: "" },
    { partner: "Beta", score: 45, computedTier: "Silver", assignedTier: "Gold", since: 1, overrideUntil: null, reason: "" },
  ],
  rows: [0, 3],
};
const TIERS = ["Gold", "Silver", "Registered"];
const good = { partner: " beta ", tier: "gold", until: "2027-06-30", reason: " strategic account " };

describe("checkOverride", () => {
  it("accepts a complete form, matching names in any case", () => {
    expect(checkOverride(good, roster, TIERS, ASOF)).toEqual({
      override: { index: 1, tier: "Gold", until: serialFromDate(2027, 6, 30), reason: "strategic account" },
    });
  });

  it("says what is wrong with each field", () => {
    const result = checkOverride({ partner: "", tier: "Bronze", until: "", reason: " " }, roster, TIERS, ASOF);
    expect(result).toEqual({
      errors: {
        partner: "Choose a partner.",
        tier: "Bronze is not a tier of the Tiers table (Gold, Silver, Registered).",
        until: "Give the date the override ends.",
        reason: expect.stringMatching(/Give the reason/),
      },
    });
  });

  it("refuses an unknown partner, a date that is not one, and an end date not after the review's date", () => {
    expect(checkOverride({ ...good, partner: "Omega" }, roster, TIERS, ASOF)).toEqual({
      errors: { partner: expect.stringMatching(/Omega is not a partner the review knows/) },
    });
    expect(checkOverride({ ...good, until: "2027-02-30" }, roster, TIERS, ASOF)).toEqual({
      errors: { until: "2027-02-30 is not a date (yyyy-mm-dd)." },
    });
    expect(checkOverride({ ...good, until: "2027-01-05" }, roster, TIERS, ASOF)).toEqual({
      errors: { until: expect.stringMatching(/must end after the review's date, 2027-01-05/) },
    });
  });
});
