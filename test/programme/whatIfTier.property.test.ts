/**
 * The pane's what-if puts every partner in the tier PRM.PARTNERTIER gives (the built bundle
 * through the host; run `npm run build` first), and both in the tier the exact decimal score
 * reaches, on tier boundaries too: a score summed to 58.99999999999999 in doubles is 59, as
 * Excel keeps 15 significant digits (Microsoft: "Floating-point arithmetic may give
 * inaccurate results in Excel").
 */
import fc from "fast-check";
import { scenarioOf, scorePartners } from "../../src/programme/whatIf";
import type { TableData } from "../../src/workbook/store";
import type { Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

const host = loadBuiltFunctions();
const NAMES = ["Reach", "Depth", "Breadth"];
const HEADER = ["Criterion", "Perspective", "Method", "Better", "Min", "Max", "Scale", "Weight"];

/** Criteria on 0-100 (values need no normalising), so the exact score is a fraction of integers. */
function criteriaTable(weights: number[]): TableData {
  return { header: HEADER, rows: NAMES.map((name, i) => [name, "Capability", "range", "higher", 0, 100, "", weights[i]]) };
}

/** The exact score as a fraction: sum of weight x value over the sum of the weights. */
function exactScore(weights: number[], values: number[]): { numerator: number; denominator: number } {
  return {
    numerator: weights.reduce((sum, w, i) => sum + w * values[i], 0),
    denominator: weights.reduce((sum, w) => sum + w, 0),
  };
}

/** The tier the exact score reaches: the highest Min score at or below it (tiers ranked high to low). */
function exactTier(tiers: [string, number][], score: { numerator: number; denominator: number }): string {
  return tiers.find(([, min]) => score.numerator >= min * score.denominator)![0];
}

const partnerValues = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 });
const scorecard = fc.record({
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
  partners: fc.array(partnerValues, { minLength: 1, maxLength: 12 }),
});

test("the what-if tier equals PRM.PARTNERTIER's and the exact score's, on boundaries too", () => {
  const seen = { partners: 0, onBoundary: 0, belowInDoubles: 0 };
  fc.assert(
    fc.property(scorecard, ({ weights, partners }) => {
      // Tiers start exactly where partners' exact scores are (whole numbers), so ties are common.
      const scores = partners.map((values) => exactScore(weights, values));
      const starts = new Set(scores.filter((s) => s.numerator % s.denominator === 0).map((s) => s.numerator / s.denominator));
      starts.delete(0);
      const tiers: [string, number][] = [...starts].sort((a, b) => b - a).map((min, i) => [`T${i}`, min]);
      tiers.push(["Base", 0]);
      const tiersTable: TableData = { header: ["Tier", "Min score", "Requires"], rows: tiers.map(([name, min]) => [name, min, ""]) };
      const criteria = criteriaTable(weights);
      const partnersTable: TableData = { header: ["Partner", ...NAMES], rows: partners.map((values, p) => [`P${p}`, ...values]) };

      const pane = scorePartners(partnersTable, scenarioOf(criteria, tiersTable)!).map((r) => (r.tier === null ? null : tiers[r.tier][0]));
      const criteriaAll = [criteria.header, ...criteria.rows] as Cell[][];
      const values = partners as Cell[][];
      const score = host.call("PRM.PARTNERSCORE", values, criteriaAll) as Cell[][];
      const prm = (host.call("PRM.PARTNERTIER", score, [tiersTable.header, ...tiersTable.rows] as Cell[][], values, criteriaAll) as Cell[][]).map((r) => r[0]);
      const exact = scores.map((s) => exactTier(tiers, s));
      expect(pane).toEqual(prm);
      expect(prm).toEqual(exact);

      seen.partners += partners.length;
      scores.forEach((s, p) => {
        if (s.numerator % s.denominator !== 0 || s.numerator === 0) return;
        seen.onBoundary++;
        // The score as summed in doubles (weights relative to the largest, as the core sums).
        const largest = Math.max(...weights);
        const relative = weights.map((w) => w / largest);
        const summed = relative.reduce((sum, w, i) => sum + w * partners[p][i], 0) / relative.reduce((sum, w) => sum + w, 0);
        if (summed < s.numerator / s.denominator) seen.belowInDoubles++;
      });
    }),
    { numRuns: 300, seed: 20261204 },
  );
  // The property met the case it is about: scores on a boundary that doubles put below it.
  expect(seen.onBoundary).toBeGreaterThan(100);
  expect(seen.belowInDoubles).toBeGreaterThan(5);
});
