import { CellError, catchCellError, readCriteria, relativeWeights, resolveProfile, scoreParts, scorePartner, type MissingPolicy } from "../../src/core";
import { CRITERIA, STRONG, WEAK } from "../fixtures";

const { model } = readCriteria(CRITERIA);
const score = (values: unknown[], profile = "", missing: MissingPolicy = "skip") =>
  catchCellError(() => scorePartner(values, model, relativeWeights(model, resolveProfile(model, profile)), missing)?.score ?? null);
const withValue = (values: unknown[], index: number, value: unknown) => values.map((v, i) => (i === index ? value : v));
const message = (x: unknown) => (x as CellError).message;

describe("scorePartner", () => {
  test("weights the normalised values relative to their sum (worked by hand)", () => {
    // 30x90 + 20x90 + 20x100 + 10x90 + 10x75 + 10x100 = 9150 over a weight of 100.
    expect(score(STRONG)).toBeCloseTo(91.5, 10);
    // 30x10 + 20x10 + 20x0 + 10x10 + 10x5 + 10x0 = 650.
    expect(score(WEAK)).toBeCloseTo(6.5, 10);
  });

  test("a profile uses its own weight column (case-insensitive name)", () => {
    // Influencer: 0 + 10x90 + 30x100 + 10x90 + 40x75 + 10x100 = 8800.
    expect(score(STRONG, "influencer")).toBeCloseTo(88, 10);
    expect(score(STRONG, "Default")).toBeCloseTo(91.5, 10);
  });

  test("an unknown profile is a #VALUE! listing the known ones", () => {
    expect(message(score(STRONG, "Distributor"))).toBe('Profile "Distributor" has no Weight (Distributor) column; profiles: Influencer');
  });

  test("skip leaves a missing criterion out and re-weights the rest", () => {
    // Without Revenue: (1800 + 2000 + 900 + 750 + 1000) / 70.
    expect(score(withValue(STRONG, 0, null))).toBeCloseTo(6450 / 70, 10);
    expect(score(withValue(STRONG, 0, "n/a"))).toBeCloseTo(6450 / 70, 10);
  });

  test("skip gives #N/A when less than half of the weight has data", () => {
    const sparse = [null, "", "-", 5, 30, "Yes"];
    const result = score(sparse);
    expect(result).toBeInstanceOf(CellError);
    expect((result as CellError).kind).toBe("na");
    expect(message(result)).toBe("Only 30% of the weight has data (missing: Revenue, Growth, Accreditation); at least half is needed");
  });

  test("exactly half of the weight is enough", () => {
    // Revenue (30) and Growth (20) missing: 50 of 100 present.
    expect(score([null, null, "High", 5, 30, "Yes"])).toBeCloseTo((2000 + 900 + 750 + 1000) / 50, 10);
  });

  test("zero counts a missing value as 0 points", () => {
    expect(score(withValue(STRONG, 0, null), "", "zero")).toBeCloseTo(64.5, 10);
  });

  test("error makes a missing value #N/A naming the criterion", () => {
    const result = score(withValue(STRONG, 1, null), "", "error");
    expect((result as CellError).kind).toBe("na");
    expect(message(result)).toBe("Growth is missing");
  });

  test("a missing value of a criterion weighted 0 in the profile is no loss", () => {
    expect(score(withValue(STRONG, 0, null), "Influencer", "error")).toBeCloseTo(88, 10);
  });

  test("a row with every value missing gives no score (null), not an error", () => {
    expect(score([null, "", null, "n/a", null, null])).toBeNull();
  });

  test("a count of values that differs from the criteria count is a #VALUE!", () => {
    expect(message(score(STRONG.slice(0, 5)))).toBe("5 values for 6 criteria: give one value per criterion, in the table's order");
  });

  test("all weights zero is a #VALUE! naming the profile", () => {
    const zeroed = readCriteria([[0, 0]]).model;
    const result = catchCellError(() => relativeWeights(zeroed, ""));
    expect(message(result)).toBe("All weights are zero in the default profile (Weight)");
  });

  test("the parts' points add up to the score", () => {
    const weights = relativeWeights(model, "");
    const result = scorePartner(withValue(STRONG, 0, null), model, weights, "skip")!;
    const parts = scoreParts(result, model, weights);
    expect(parts.reduce((sum, p) => sum + p.points, 0)).toBeCloseTo(result.score, 10);
    expect(parts[0]).toMatchObject({ normalized: null, share: 0, points: 0 });
    expect(parts.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 12);
  });
});
