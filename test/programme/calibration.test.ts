/** Calibrating the tiers to target shares (issue 21 item 3), and the programme health line. */
import fc from "fast-check";
import {
  calibrate,
  placePartners,
  programmeHealth,
  quotaOf,
  thresholdFor,
  tiedWith,
  type CalibrationPartner,
  type TierTarget,
} from "../../src/programme/calibration";

const TARGETS: TierTarget[] = [
  { name: "Platinum", share: 0.1 },
  { name: "Gold", share: 0.2 },
  { name: "Silver", share: 0.4 },
  { name: "Registered", share: 0 },
];

const partner = (
  name: string,
  score: number,
  meets: boolean[] = [true, true, true, true],
): CalibrationPartner => ({ name, score, meets });
/** Ten partners scoring 95, 85, ..., 5. */
const TEN = Array.from({ length: 10 }, (_, i) => partner(`P${i}`, 95 - 10 * i));

const counts = (tiers: number[], k: number) =>
  tiers.filter((t) => t === k).length;

describe("calibrate", () => {
  test("10% / 20% / 40% / the rest of ten partners: 1, 2, 4, 3, at Min scores taken from their scores", () => {
    const mins = calibrate(TEN, TARGETS, 0);
    expect(mins).toEqual([95, 75, 35, 0]);
    const tiers = placePartners(TEN, mins);
    expect([0, 1, 2, 3].map((k) => counts(tiers, k))).toEqual([1, 2, 4, 3]);
  });

  test("requirements respected: a partner who misses Platinum's requirements is not counted there, and falls to Gold", () => {
    const list = TEN.map((p, i) =>
      i === 0 ? partner(p.name, p.score, [false, true, true, true]) : p,
    );
    const mins = calibrate(list, TARGETS, 0);
    const tiers = placePartners(list, mins);
    expect(tiers[0]).toBe(1);
    expect(counts(tiers, 0)).toBe(1); // P1 (85) takes the Platinum place
    expect(mins[0]).toBe(85);
  });

  test("ties at a boundary go in together rather than splitting partners with the same score", () => {
    const list = [
      partner("A", 90),
      partner("B", 90),
      partner("C", 50),
      partner("D", 40),
    ];
    const mins = calibrate(
      list,
      [
        { name: "Top", share: 0.25 },
        { name: "Rest", share: 0 },
      ],
      0,
    );
    expect(mins).toEqual([90, 0]);
    expect(counts(placePartners(list, mins), 0)).toBe(2);
  });

  test("a share of 0 leaves the tier empty with its Min score above everyone below", () => {
    const mins = calibrate(
      TEN,
      [
        { name: "Top", share: 0 },
        { name: "Mid", share: 0.5 },
        { name: "Low", share: 0 },
      ],
      0,
    );
    expect(mins[0]).toBeGreaterThan(95);
    expect(mins[0]).toBeGreaterThan(mins[1]);
    expect(counts(placePartners(TEN, mins), 0)).toBe(0);
  });

  test("Min scores are to one decimal, never above the score that sets them", () => {
    expect(thresholdFor(84.96)).toBe(84.9);
    expect(thresholdFor(84.9)).toBe(84.9);
    expect(thresholdFor(0.3)).toBe(0.3);
    expect(tiedWith(84.96, 84.9)).toBe(true);
    expect(tiedWith(85, 84.9)).toBe(false);
  });
});

describe("property: calibration never puts more partners in a tier than its target share plus ties", () => {
  const score = fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  );
  const targets = fc
    .array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 4 })
    .filter((shares) => shares.reduce((a, b) => a + b, 0) <= 100)
    .map((shares): TierTarget[] => [
      ...shares.map((s, k) => ({ name: `T${k}`, share: s / 100 })),
      { name: "Lowest", share: 0 },
    ]);

  test.each([
    ["every partner meeting every tier's requirements", false],
    ["random requirements met or missed", true],
  ])("%s", (_, withRequirements) => {
    fc.assert(
      fc.property(
        targets.chain((t) =>
          fc.tuple(
            fc.constant(t),
            fc.array(
              fc
                .tuple(
                  score,
                  fc.array(fc.boolean(), {
                    minLength: t.length,
                    maxLength: t.length,
                  }),
                )
                .map(([s, meets]) =>
                  partner(
                    `P${s}`,
                    s,
                    withRequirements
                      ? [...meets.slice(0, -1), true]
                      : meets.map(() => true),
                  ),
                ),
              { maxLength: 60 },
            ),
          ),
        ),
        ([t, list]) => {
          const mins = calibrate(list, t, 0);
          expect(mins).toHaveLength(t.length);
          for (let k = 1; k < mins.length; k++)
            expect(mins[k]).toBeLessThan(mins[k - 1]);
          const tiers = placePartners(list, mins);
          for (let k = 0; k < t.length - 1; k++) {
            const inTier = list.filter((_, i) => tiers[i] === k);
            const ties = inTier.filter((p) =>
              tiedWith(p.score, mins[k]),
            ).length;
            // Partners above the tier's ceiling who missed a higher tier's requirements land
            // here whatever its Min score: without requirements there are none.
            const fallen =
              k === 0 ? 0 : inTier.filter((p) => p.score >= mins[k - 1]).length;
            if (!withRequirements) expect(fallen).toBe(0);
            // Within the quota, or over it only by partners who could not be told apart: all
            // tied at the Min score, or fallen from above.
            const quota = quotaOf(t[k].share, list.length);
            if (inTier.length > quota)
              expect(ties + fallen).toBe(inTier.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("programmeHealth", () => {
  test("shares against targets, partners within 2 points of a boundary, partners held back by requirements", () => {
    const list = [
      partner("Near", 86),
      partner("Held", 97, [false, true, true, true]),
      partner("Clear", 60),
      partner("Low", 10),
    ];
    const health = programmeHealth(list, TARGETS, [85, 70, 50, 0]);
    expect(health.tiers.map((t) => [t.name, t.count, t.target])).toEqual([
      ["Platinum", 1, 0.1],
      ["Gold", 1, 0.2],
      ["Silver", 1, 0.4],
      ["Registered", 1, expect.closeTo(0.3, 12)],
    ]);
    expect(health.tiers[0].share).toBe(0.25);
    expect(health.nearBoundary).toEqual(["Near"]);
    expect(health.heldBack).toEqual(["Held"]);
  });
});
