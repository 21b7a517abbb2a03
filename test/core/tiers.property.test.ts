/**
 * Properties of tier requirements over random tiers, conditions and partners: requirements
 * can only hold a partner back, never lift it, and the Requires printer and parser agree.
 */
import fc from "fast-check";
import {
  CellError,
  catchCellError,
  formatRequires,
  meets,
  parseRequires,
  rankTiers,
  readCriteria,
  tierFor,
  type Condition,
  type Operator,
  type PartnerValues,
  type Tier,
} from "../../src/core";
import { CRITERIA } from "../fixtures";

const { model } = readCriteria(CRITERIA);
const ALL_OPS: Operator[] = [">=", "<=", "<>", ">", "<", "="];

/** A condition the model can check, for each of its criteria (see test/fixtures.ts). */
const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ criterion: fc.constant("Revenue"), op: fc.constantFrom(...ALL_OPS), value: fc.integer({ min: 0, max: 1_000_000 }).map(String) }),
  fc.record({ criterion: fc.constant("Growth"), op: fc.constantFrom(...ALL_OPS), value: fc.integer({ min: -5, max: 25 }).map(String) }),
  fc.record({ criterion: fc.constantFrom("Accreditation", "accreditation"), op: fc.constantFrom(...ALL_OPS), value: fc.constantFrom("Low", "Medium", "high") }),
  fc.record({ criterion: fc.constant("Support load"), op: fc.constantFrom(...ALL_OPS), value: fc.integer({ min: 0, max: 50 }).map(String) }),
  fc.record({ criterion: fc.constant("Deal registrations"), op: fc.constantFrom(...ALL_OPS), value: fc.integer({ min: 0, max: 40 }).map(String) }),
  fc.record({ criterion: fc.constant("Strategic fit"), op: fc.constantFrom<Operator>("=", "<>"), value: fc.constantFrom("Yes", "No") })
);

/** One partner's values in the criteria's order, blanks and n/a included. */
const values = fc.tuple(
  fc.oneof(fc.integer({ min: 0, max: 1_200_000 }), fc.constant(null)),
  fc.oneof(fc.integer({ min: -5, max: 30 }), fc.constant("n/a")),
  fc.constantFrom("Low", "Medium", "High", null),
  fc.oneof(fc.integer({ min: 0, max: 60 }), fc.constant(null)),
  fc.integer({ min: 0, max: 45 }),
  fc.constantFrom("Yes", "No", true, false, null)
);

const tiers: fc.Arbitrary<Tier[]> = fc
  .array(fc.record({ minScore: fc.integer({ min: 0, max: 100 }), requires: fc.array(condition, { maxLength: 3 }) }), { minLength: 1, maxLength: 5 })
  .map((list) => list.map((t, i) => ({ name: `T${i}`, graceDays: 0, ...t })));

const scenario = fc.record({ tiers, values, score: fc.double({ min: 0, max: 100, noNaN: true }) });

/** The partner's place among the ranked tiers (0 is the top); below them all when no tier is reached. */
function place(list: readonly Tier[], score: number, partner: PartnerValues | null): number {
  const ranked = rankTiers(list);
  const tier = catchCellError(() => tierFor(list, score, partner));
  if (tier instanceof CellError) {
    expect(tier.kind).toBe("na"); // never a #VALUE!: every condition here is valid
    return ranked.length;
  }
  return ranked.indexOf(tier);
}

const withRequirement = (list: readonly Tier[], at: number, extra: Condition): Tier[] =>
  list.map((t, i) => (i === at ? { ...t, requires: [...t.requires, extra] } : t));

describe("tier requirements (properties)", () => {
  test("adding a requirement never raises any partner's tier", () => {
    fc.assert(
      fc.property(scenario, condition, fc.nat(), ({ tiers: list, values: v, score }, extra, pick) => {
        const partner = { model, values: v };
        const before = place(list, score, partner);
        const after = place(withRequirement(list, pick % list.length, extra), score, partner);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 }
    );
  });

  test("removing a requirement never lowers any partner's tier", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ tiers: list, values: v, score }, pick) => {
        const partner = { model, values: v };
        const at = list.findIndex((t, i) => i >= pick % list.length && t.requires.length > 0);
        fc.pre(at >= 0);
        const fewer = list.map((t, i) => (i === at ? { ...t, requires: t.requires.slice(1) } : t));
        expect(place(fewer, score, partner)).toBeLessThanOrEqual(place(list, score, partner));
      }),
      { numRuns: 500 }
    );
  });

  test("a partner that meets every requirement gets the tier its score alone gives", () => {
    fc.assert(
      fc.property(scenario, ({ tiers: list, values: v, score }) => {
        const partner = { model, values: v };
        // Keep only the conditions this partner meets, so it meets every requirement left.
        const met = list.map((t) => ({ ...t, requires: t.requires.filter((c) => meets(model, v, c)) }));
        expect(place(met, score, partner)).toBe(place(met, score, null));
      }),
      { numRuns: 500 }
    );
  });

  test("the tier by score alone is the requirement-free ranking: requirements only move a partner down", () => {
    fc.assert(
      fc.property(scenario, ({ tiers: list, values: v, score }) => {
        expect(place(list, score, { model, values: v })).toBeGreaterThanOrEqual(place(list, score, null));
      }),
      { numRuns: 300 }
    );
  });
});

/** Text without the parser's separators: `;` splits conditions, `<`, `>`, `=` are operators. */
const NAME_CHARS = "abcXYZ 019_-.()%&/'éü€".split("");
const trimmed = (chars: string[], maxLength: number) =>
  fc
    .string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength })
    .map((s) => s.trim())
    .filter((s) => s !== "");
const printable: fc.Arbitrary<Condition> = fc.record({
  criterion: trimmed(NAME_CHARS, 20),
  op: fc.constantFrom(...ALL_OPS),
  value: trimmed([...NAME_CHARS, "<", ">", "="], 12),
});

describe("the Requires printer and parser", () => {
  test("parseRequires reads back what formatRequires prints", () => {
    fc.assert(
      fc.property(fc.array(printable, { maxLength: 6 }), (conditions) => {
        expect(parseRequires(formatRequires(conditions))).toEqual(conditions);
      }),
      { numRuns: 1000 }
    );
  });

  test("printing what was parsed gives the canonical text, whatever the spacing typed", () => {
    expect(formatRequires(parseRequires(" Accreditation>=Gold ;;Certified staff>= 2; ") as Condition[])).toBe("Accreditation >= Gold; Certified staff >= 2");
    expect(formatRequires([])).toBe("");
    expect(parseRequires("")).toEqual([]);
  });
});
