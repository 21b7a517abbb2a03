/**
 * NormalizedRows (read once into a typed matrix, score under any weights) gives what scoring
 * cell by cell gives: the same score, null, or the same error with the same message, for every
 * missing-data policy, junk cells included. The reference (./cellByCellScore.ts) is that
 * cell-by-cell algorithm, written plainly with normalize.
 */
import fc from "fast-check";
import { CellError, NormalizedRows, catchCellError, criteriaReader, readCriteria, relativeWeights, type MissingPolicy } from "../../src/core";
import { cellByCellScore as reference, TABLE } from "./cellByCellScore";

const { model, problems } = readCriteria(TABLE);

const cell = fc.oneof(
  fc.integer({ min: -100, max: 1200 }),
  fc.constantFrom(null, "", "n/a", "-", "Low", "HIGH", "Yes", "no", true, false, "junk", Infinity, { code: "#N/A" }),
);
const outcome = (score: () => number | null | CellError) => {
  const result = catchCellError(score);
  return result instanceof CellError ? [result.kind, result.message] : result;
};

test("the table reads", () => expect(problems).toEqual([]));

test("many rows scored from the matrix equal each row scored cell by cell", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 20 }),
      fc.constantFrom<MissingPolicy>("skip", "zero", "error"),
      fc.constantFrom("", "P"),
      (rows, missing, profile) => {
        const weights = relativeWeights(model, profile);
        const matrix = new NormalizedRows(model, rows.length);
        rows.forEach((row, r) => matrix.read(r, row));
        rows.forEach((row, r) => {
          expect(outcome(() => matrix.score(r, weights, missing))).toEqual(outcome(() => reference(row, model, weights, missing)));
        });
      },
    ),
    { numRuns: 2000 },
  );
});

/** Rows of the cells most partners hold (numbers, blanks, labels and Yes/No as spelled), which scoreCells scores in one pass. */
const number = fc.oneof(fc.integer({ min: -100, max: 1200 }), fc.double({ min: -10, max: 2000, noNaN: true }), fc.constant(null));
const commonRow = fc.tuple(number, number, fc.constantFrom("Low", "Medium", "High", "HIGH", null), fc.constantFrom("Yes", "No", "no", true, false, null), number);

test("rows scored straight from their cells (scoreCells, a spill's way) equal each row scored cell by cell", () => {
  const scratch = new NormalizedRows(model, 1);
  fc.assert(
    fc.property(
      fc.oneof(commonRow, fc.tuple(commonRow, fc.nat({ max: 4 }), cell).map(([row, at, odd]) => row.map((c, i) => (i === at ? odd : c))), fc.array(cell, { minLength: 5, maxLength: 5 })),
      fc.constantFrom<MissingPolicy>("skip", "zero", "error"),
      fc.constantFrom("", "P"),
      (row, missing, profile) => {
        const weights = relativeWeights(model, profile);
        expect(outcome(() => scratch.scoreCells(0, row, weights, missing))).toEqual(outcome(() => reference(row, model, weights, missing)));
      },
    ),
    { numRuns: 5000 },
  );
});

test("the one-pass reading decides the common rows and leaves every other row to the full reading", () => {
  const reader = criteriaReader(model.criteria);
  const weights = relativeWeights(model, "");
  // Every cell common: decided in one pass, whatever the missing-data policy allows.
  expect(reader.scoreRow([500, 20, "Low", "Yes", 5], weights, "error")).toBeCloseTo(((3 * 50 + 2 * 50 + 4 * 0 + 1 * 100) / 10), 12);
  expect(reader.scoreRow([500, null, "High", true, null], weights, "skip")).toBeCloseTo((3 * 50 + 4 * 100 + 1 * 100) / 8, 12);
  expect(reader.scoreRow([500, null, "High", true, null], weights, "zero")).toBeCloseTo((3 * 50 + 4 * 100 + 1 * 100) / 10, 12);
  // Anything else is NaN: the full reading gives its score, blank or error.
  for (const [row, missing] of [
    [[500, 20, "junk", "Yes", 5], "skip"], // not on the scale
    [[500, 20, " low", "Yes", 5], "skip"], // a spelling normalize trims
    [[500, null, "Low", "Yes", 5], "error"], // missing under "error"
    [[null, null, null, "Yes", null], "skip"], // under half the weight
    [[null, null, null, null, null], "skip"], // no value: a blank result
    [[500, 20, "Low", "Yes"], "skip"], // the wrong width
  ] as const)
    expect(reader.scoreRow(row, weights, missing)).toBeNaN();
});

test("a row of the wrong width is that row's error", () => {
  const matrix = new NormalizedRows(model, 2);
  matrix.read(0, [1, 2]);
  matrix.read(1, [500, 20, "Low", "Yes", 5]);
  expect(outcome(() => matrix.score(0, relativeWeights(model, ""), "skip"))).toEqual(["value", "2 values for 5 criteria: give one value per criterion, in the table's order"]);
  expect(typeof matrix.score(1, relativeWeights(model, ""), "skip")).toBe("number");
});
