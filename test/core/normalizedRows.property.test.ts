/**
 * NormalizedRows (read once into a typed matrix, score under any weights) gives what scoring
 * cell by cell gives: the same score, null, or the same error with the same message, for every
 * missing-data policy, junk cells included. The reference (./cellByCellScore.ts) is that
 * cell-by-cell algorithm, written plainly with normalize.
 */
import fc from "fast-check";
import { CellError, NormalizedRows, catchCellError, readCriteria, relativeWeights, type MissingPolicy } from "../../src/core";
import { cellByCellScore as reference, TABLE } from "./cellByCellScore";

const { model, problems } = readCriteria(TABLE);

const cell = fc.oneof(
  fc.integer({ min: -100, max: 1200 }),
  fc.constantFrom(null, "", "n/a", "-", "Low", "HIGH", "Yes", "no", true, false, "junk", Infinity, { code: "#N/A" }),
);
const outcome = (score: () => number | null) => {
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

test("a row of the wrong width is that row's error", () => {
  const matrix = new NormalizedRows(model, 2);
  matrix.read(0, [1, 2]);
  matrix.read(1, [500, 20, "Low", "Yes", 5]);
  expect(outcome(() => matrix.score(0, relativeWeights(model, ""), "skip"))).toEqual(["value", "2 values for 5 criteria: give one value per criterion, in the table's order"]);
  expect(typeof matrix.score(1, relativeWeights(model, ""), "skip")).toBe("number");
});
