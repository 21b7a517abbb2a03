import {
  CellError,
  catchCellError,
  checkRequirements,
  describeProblem,
  formatCondition,
  nextTier,
  readCriteria,
  readScore,
  readTiers,
  tierFor,
  type PartnerValues,
} from "../../src/core";
import { CRITERIA, STRONG, TIERS } from "../fixtures";

const { model } = readCriteria(CRITERIA);
const { tiers, problems } = readTiers(TIERS);
const partner = (values: unknown[]): PartnerValues => ({ model, values });
const withValue = (values: unknown[], index: number, value: unknown) => values.map((v, i) => (i === index ? value : v));

describe("readTiers", () => {
  test("reads Tiers[#All] by header and Tiers without header by position, in any row order", () => {
    expect(problems).toEqual([]);
    expect(tiers.map((t) => [t.name, t.minScore])).toEqual([
      ["Gold", 70],
      ["Platinum", 85],
      ["Registered", 0],
      ["Silver", 50],
    ]);
    const headless = readTiers(TIERS.slice(1));
    expect(headless.problems).toEqual([]);
    expect(headless.tiers).toEqual(tiers);
    expect(tiers[1].requires.map(formatCondition)).toEqual(["Accreditation >= High", "Deal registrations >= 20"]);
  });

  test.each([
    [[["Gold", "high", null]], 'Tiers row 1 (Gold): Min score must be a number, not "high"'],
    [[["Gold", 120, null]], "Tiers row 1 (Gold): Min score must be between 0 and 100"],
    [[["Gold", 70, null], ["gold", 50, null]], 'Tiers row 2 (gold): the tier name "gold" is used twice'],
    [[["Gold", 70, "Accreditation Gold"]], 'Tiers row 1 (Gold): cannot read the condition "Accreditation Gold"'],
    [[[null, 70, null]], "Tiers row 1: the tier name is blank"],
    [[["Tier", "Min score"]], "Tiers: there are no tiers"],
    [[["Gold", 70, null, -5]], "Tiers row 1 (Gold): Grace days must be a whole number of days, 0 or more"],
    [[["Tier", "Min score", "Grace days"], ["Gold", 70, 2.5]], "Tiers row 1 (Gold): Grace days must be a whole number of days, 0 or more"],
    [[["Tier", "Grace days", "Min score"], ["Gold", "90 days", 70]], 'Tiers row 1 (Gold): Grace days must be a number, not "90 days"'],
    [[["Tier", "Grace days", "Min score"], ["Gold", { type: "Error", errorType: "NotAvailable" }, 70]], "Tiers row 1 (Gold): Grace days must be a number, not an error value"],
  ])("bad tiers %p are reported", (cells, message) => {
    expect(readTiers(cells).problems.map(describeProblem).join("\n")).toContain(message);
  });

  test("Grace days: optional, found by name or fourth by position; blank (null, 0, \"\", n/a) is 0", () => {
    expect(tiers.map((t) => t.graceDays)).toEqual([0, 0, 0, 0]); // no Grace days column
    const graced = readTiers([
      ["Grace days", "Tier", "Min score"],
      [90, "Gold", 70],
      [null, "Silver", 50],
      ["", "Bronze", 30],
      [0, "Registered", 0],
    ]);
    expect(graced.problems).toEqual([]);
    expect(graced.tiers.map((t) => t.graceDays)).toEqual([90, 0, 0, 0]);
    expect(readTiers([["Gold", 70, null, 60]]).tiers[0].graceDays).toBe(60);
  });
});

describe("tierFor", () => {
  test("the highest tier whose Min score is reached; boundaries are inclusive", () => {
    expect(tierFor(tiers, 70, null).name).toBe("Gold");
    expect(tierFor(tiers, 69.999, null).name).toBe("Silver");
    expect(tierFor(tiers, 100, null).name).toBe("Platinum");
    expect(tierFor(tiers, 0, null).name).toBe("Registered");
  });

  test("with values, a tier's Requires must hold too", () => {
    expect(tierFor(tiers, 91.5, partner(STRONG)).name).toBe("Platinum");
    expect(tierFor(tiers, 91.5, partner(withValue(STRONG, 2, "Medium"))).name).toBe("Gold");
    expect(tierFor(tiers, 91.5, partner(withValue(STRONG, 2, "Low"))).name).toBe("Silver");
    expect(tierFor(tiers, 91.5, partner(withValue(STRONG, 4, 19))).name).toBe("Gold");
  });

  test("a missing value does not meet a condition", () => {
    expect(tierFor(tiers, 91.5, partner(withValue(STRONG, 2, null))).name).toBe("Silver");
  });

  test("no tier reached is #N/A saying where the lowest starts", () => {
    const result = catchCellError(() => tierFor(tiers.slice(0, 2), 40, null));
    expect(result).toEqual(new CellError("na", "No tier for a score of 40: the lowest tier, Gold, starts at 70"));
  });

  test("a requirement naming no criterion, or a value off the scale, is a #VALUE! naming the tier and the condition", () => {
    const bad = readTiers([["Gold", 70, "Certified staff >= 2"]]).tiers;
    expect(catchCellError(() => tierFor(bad, 80, partner(STRONG)))).toEqual(
      new CellError("value", 'Tier Gold: the requirement "Certified staff >= 2" names no criterion of the Criteria table')
    );
    const offScale = readTiers([["Gold", 70, "Accreditation >= Expert"]]).tiers;
    expect(catchCellError(() => tierFor(offScale, 80, partner(STRONG)))).toEqual(
      new CellError("value", 'Tier Gold: in "Accreditation >= Expert", Expert is not on the scale of Accreditation (Low, Medium, High)')
    );
    const notANumber = readTiers([["Gold", 70, "Revenue >= lots"]]).tiers;
    expect((catchCellError(() => tierFor(notANumber, 80, partner(STRONG))) as CellError).message).toBe(
      'Tier Gold: in "Revenue >= lots", Revenue is a number criterion, so lots must be a number'
    );
    const yesNoOrder = readTiers([["Gold", 70, "Strategic fit >= Yes"]]).tiers;
    expect((catchCellError(() => tierFor(yesNoOrder, 80, partner(STRONG))) as CellError).message).toBe(
      'Tier Gold: in "Strategic fit >= Yes", Strategic fit is yes/no: write Strategic fit = Yes or Strategic fit = No'
    );
  });

  test("checkRequirements finds a bad condition in a tier the partner's score does not reach", () => {
    const bad = readTiers([["Platinum", 85, "Accreditation >= Expert"], ["Registered", 0, null]]).tiers;
    // tierFor alone never looks at Platinum's Requires for a score of 10 ...
    expect(tierFor(bad, 10, partner(STRONG)).name).toBe("Registered");
    // ... but the whole table is checked up front, as the functions do.
    expect(catchCellError(() => checkRequirements(bad, model))).toEqual(
      new CellError("value", 'Tier Platinum: in "Accreditation >= Expert", Expert is not on the scale of Accreditation (Low, Medium, High)')
    );
    expect(checkRequirements(tiers, model)).toBeUndefined();
  });

  test("yes/no and numeric conditions", () => {
    const yesNo = readTiers([["Fit", 0, "Strategic fit = Yes; Revenue > 500000"], ["Other", 0, null]]).tiers;
    expect(tierFor(yesNo, 50, partner(STRONG)).name).toBe("Fit");
    expect(tierFor(yesNo, 50, partner(withValue(STRONG, 5, false))).name).toBe("Other");
    expect(tierFor(yesNo, 50, partner(withValue(STRONG, 0, 500000))).name).toBe("Other");
  });
});

describe("readScore", () => {
  test("blank is no score; text and out-of-range scores are #VALUE!", () => {
    expect(readScore(null)).toBeNull();
    expect(readScore(55)).toBe(55);
    expect((catchCellError(() => readScore("high")) as CellError).message).toBe('A score must be a number, not "high"');
    expect((catchCellError(() => readScore(101)) as CellError).message).toBe("A score must be between 0 and 100, not 101");
  });
});

describe("nextTier", () => {
  test("the next tier up, the points short and its unmet requirements", () => {
    expect(nextTier(tiers, 60, null)).toMatchObject({ tier: { name: "Gold" }, short: 10, unmet: [] });
    const next = nextTier(tiers, 75, partner(withValue(STRONG, 2, "Medium")))!;
    expect(next.tier.name).toBe("Platinum");
    expect(next.short).toBe(10);
    expect(next.unmet.map(formatCondition)).toEqual(["Accreditation >= High"]);
  });

  test("a partner held back only by requirements is 0 points short", () => {
    const next = nextTier(tiers, 90, partner(withValue(STRONG, 2, "Medium")))!;
    expect(next).toMatchObject({ tier: { name: "Platinum" }, short: 0 });
  });

  test("a partner in the top tier has no next tier", () => {
    expect(nextTier(tiers, 95, null)).toBeNull();
  });
});
