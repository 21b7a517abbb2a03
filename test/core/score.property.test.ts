/** Properties of the scoring core over random scorecards and partners. */
import fc from "fast-check";
import { CellError, catchCellError, readCriteria, relativeWeights, scorePartner, type MissingPolicy } from "../../src/core";

const HEADER = ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight"];
const SCALE = "Low=0; Medium=50; High=100";

interface Column {
  row: unknown[];
  /** A value this criterion accepts. */
  value: fc.Arbitrary<unknown>;
}

const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
const weight = fc.double({ min: 0.001, max: 1000, noNaN: true });

const column: fc.Arbitrary<Column> = fc.oneof(
  fc.tuple(fc.constantFrom("range", "target"), fc.constantFrom("higher", "lower"), finite, fc.double({ min: 0.001, max: 1e6, noNaN: true }), weight).map(
    ([method, better, min, span, w]): Column => ({
      row: [method, better, min, min + span, null, w],
      value: fc.oneof(finite, fc.constant(null)),
    })
  ),
  weight.map((w): Column => ({ row: ["rating", null, null, null, SCALE, w], value: fc.constantFrom("Low", "medium", "HIGH", null) })),
  weight.map((w): Column => ({ row: ["yesno", null, null, null, null, w], value: fc.constantFrom(true, false, "Yes", "n", 1, 0, null) }))
);

/** A random scorecard (as table cells) with one partner's values. */
const scorecard = fc
  .array(column, { minLength: 1, maxLength: 8 })
  .chain((columns) =>
    fc.tuple(fc.constant(columns), fc.tuple(...columns.map((c) => c.value)), fc.constantFrom<MissingPolicy>("skip", "zero", "error"))
  )
  .map(([columns, values, missing]) => ({
    table: [HEADER, ...columns.map((c, i) => [`C${i}`, ...c.row])],
    values: values as unknown[],
    missing,
  }));

function score(table: unknown[][], values: unknown[], missing: MissingPolicy): number | null | CellError {
  const { model, problems } = readCriteria(table);
  expect(problems).toEqual([]);
  return catchCellError(() => scorePartner(values, model, relativeWeights(model, ""), missing)?.score ?? null);
}

describe("score properties", () => {
  test("a score is always within 0-100 (or no score, or a cell error)", () => {
    fc.assert(
      fc.property(scorecard, ({ table, values, missing }) => {
        const result = score(table, values, missing);
        if (typeof result === "number") {
          expect(result).toBeGreaterThanOrEqual(0);
          expect(result).toBeLessThanOrEqual(100);
        } else if (result !== null) {
          expect(result).toBeInstanceOf(CellError);
        }
      })
    );
  });

  test("scaling all weights by a positive factor changes nothing", () => {
    fc.assert(
      fc.property(scorecard, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), ({ table, values, missing }, factor) => {
        const scaled = table.map((row, i) => (i === 0 ? row : row.map((c, j) => (j === 6 ? (c as number) * factor : c))));
        const before = score(table, values, missing);
        const after = score(scaled, values, missing);
        if (typeof before === "number") expect(after).toBeCloseTo(before, 6);
        else expect(after).toEqual(before);
      })
    );
  });

  test("reordering criteria together with their values changes nothing", () => {
    fc.assert(
      fc.property(scorecard, fc.integer(), ({ table, values, missing }, seed) => {
        const order = values.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b);
        const shuffled = [table[0], ...order.map((i) => table[i + 1])];
        const before = score(table, values, missing);
        const after = score(shuffled, order.map((i) => values[i]), missing);
        if (typeof before === "number") expect(after).toBeCloseTo(before, 6);
        else if (before === null) expect(after).toBeNull();
        else expect((after as CellError).kind).toBe(before.kind);
      })
    );
  });

  test("improving a value of a higher-is-better criterion never lowers the score", () => {
    fc.assert(
      fc.property(scorecard, fc.double({ min: 0, max: 1e9, noNaN: true }), ({ table, values, missing }, gain) => {
        const index = table.findIndex((row, i) => i > 0 && (row[1] === "range" || row[1] === "target") && row[2] === "higher") - 1;
        if (index < 0 || typeof values[index] !== "number") return;
        const better = values.map((v, i) => (i === index ? (v as number) + gain : v));
        const before = score(table, values, missing);
        const after = score(table, better, missing);
        if (typeof before === "number" && typeof after === "number") expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      })
    );
  });
});
