/**
 * Properties of the pictures' series over random scorecards: perspectives in any case, two
 * profiles picked by Type, missing values, tiers with requirements. The per-tier averages,
 * weighted by their partner counts, are the overall average; every series has one value per
 * perspective (or criterion) and one entry per tier; a partner's points per perspective add up
 * to its score as Excel compares them (precision.ts).
 */
import fc from "fast-check";
import { excelRound15 } from "../../../src/core";
import { partnerCard } from "../../../src/programme/partnerCard";
import {
  chartCategories,
  partnerProfile,
  perspectiveAveragesByTier,
  type ChartBy,
} from "../../../src/programme/charts";
import { scenarioOf, type Scenario } from "../../../src/programme/whatIf";
import type { TableData } from "../../../src/workbook/store";

const HEADER = [
  "Criterion",
  "Perspective",
  "Method",
  "Better",
  "Min",
  "Max",
  "Scale",
  "Weight",
  "Weight (Influencer)",
];
const PERSPECTIVES = ["Financial", "financial ", "Customer", "Growth", ""];

const criterion = fc.record({
  perspective: fc.constantFrom(...PERSPECTIVES),
  weight: fc.integer({ min: 0, max: 9 }),
  influencer: fc.integer({ min: 0, max: 9 }),
});
const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
const scorecard = fc
  .record({
    criteria: fc.array(criterion, { minLength: 1, maxLength: 6 }),
    minScores: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), {
      maxLength: 4,
    }),
    requireFirst: fc.integer({ min: 0, max: 100 }),
    partners: fc.array(
      fc.record({
        influencer: fc.boolean(),
        values: fc.array(value, { minLength: 6, maxLength: 6 }),
      }),
      {
        minLength: 1,
        maxLength: 25,
      },
    ),
  })
  .filter(
    (s) =>
      s.criteria.some((c) => c.weight > 0) &&
      s.criteria.some((c) => c.influencer > 0),
  );

interface Built {
  scenario: Scenario;
  partners: TableData;
}

function build(s: {
  criteria: { perspective: string; weight: number; influencer: number }[];
  minScores: number[];
  requireFirst: number;
  partners: { influencer: boolean; values: (number | null)[] }[];
}): Built {
  const names = s.criteria.map((_, i) => `C${i}`);
  const criteria: TableData = {
    header: HEADER,
    rows: s.criteria.map((c, i) => [
      names[i],
      c.perspective,
      "range",
      "higher",
      0,
      100,
      "",
      c.weight,
      c.influencer,
    ]),
  };
  // The highest tier also requires the first criterion's value, so requirements hold some partners back.
  const ranked = [...s.minScores].sort((a, b) => b - a);
  const tiers: TableData = {
    header: ["Tier", "Min score", "Requires"],
    rows: [
      ...ranked.map((min, i) => [
        `T${min}`,
        min,
        i === 0 ? `C0 >= ${s.requireFirst}` : "",
      ]),
      ["Base", 0, ""],
    ],
  };
  const partners: TableData = {
    header: ["Partner", "Type", ...names],
    rows: s.partners.map((p, k) => [
      `P${k}`,
      p.influencer ? "Influencer" : "",
      ...p.values.slice(0, names.length),
    ]),
  };
  return { scenario: scenarioOf(criteria, tiers)!, partners };
}

const BY: ChartBy[] = ["perspective", "criterion"];

test("per-tier averages weighted by their partner counts equal the overall average; one entry per tier, one value per category", () => {
  let counted = 0;
  fc.assert(
    fc.property(
      scorecard,
      fc.constantFrom(...BY),
      fc.constantFrom(undefined, "", "Influencer"),
      (s, by, profile) => {
        const { scenario, partners } = build(s);
        const averages = perspectiveAveragesByTier(partners, scenario, {
          by,
          profile,
        });
        const categories = chartCategories(scenario.model, by).names;
        expect(averages.categories).toEqual(categories);
        expect(categories).toHaveLength(
          by === "criterion"
            ? s.criteria.length
            : new Set(s.criteria.map((c) => c.perspective.trim().toLowerCase()))
                .size,
        );
        expect(averages.tiers).toHaveLength(scenario.tiers.length);
        expect(
          averages.tiers.map((t) => t.partners).reduce((a, b) => a + b, 0),
        ).toBe(averages.overall.partners);
        for (const t of averages.tiers) {
          expect(t.average === null).toBe(t.partners === 0);
          if (t.average) expect(t.average).toHaveLength(categories.length);
        }
        if (averages.overall.partners === 0)
          return expect(averages.overall.average).toBeNull();
        counted += averages.overall.partners;
        categories.forEach((_, c) => {
          const weighted = averages.tiers.reduce(
            (sum, t) => sum + t.partners * (t.average?.[c] ?? 0),
            0,
          );
          expect(weighted / averages.overall.partners).toBeCloseTo(
            averages.overall.average![c],
            9,
          );
        });
      },
    ),
    { numRuns: 300, seed: 20261204 },
  );
  expect(counted).toBeGreaterThan(1000);
});

test("a partner's points per category add up to its score; the next tier's threshold adds up to its Min score", () => {
  let pictured = 0;
  fc.assert(
    fc.property(scorecard, fc.constantFrom(...BY), (s, by) => {
      const { scenario, partners } = build(s);
      partners.rows.forEach((_, row) => {
        const picture = partnerProfile(partners, scenario, row, by);
        const card = partnerCard(partners, scenario, row);
        if (picture === null || "error" in picture)
          return expect(picture).toEqual(card);
        pictured++;
        const categories = chartCategories(scenario.model, by).names.length;
        for (const series of [
          picture.points,
          picture.tierAverage.values,
          picture.nextTier?.values ?? picture.points,
        ])
          expect(series).toHaveLength(categories);
        // Each category's points are kept to 15 significant digits (precision.ts), as the score is,
        // so their sum can differ from the score in the 15th digit only: 1e-12 on a 0-100 score.
        expect(
          Math.abs(
            excelRound15(picture.points.reduce((a, b) => a + b, 0)) -
              picture.score,
          ),
        ).toBeLessThanOrEqual(1e-12);
        if (picture.nextTier)
          expect(
            picture.nextTier.values.reduce((a, b) => a + b, 0),
          ).toBeCloseTo(picture.nextTier.minScore, 9);
        expect(picture.tierAverage.partners).toBeGreaterThanOrEqual(1);
      });
    }),
    { numRuns: 200, seed: 20261204 },
  );
  expect(pictured).toBeGreaterThan(1000);
});
