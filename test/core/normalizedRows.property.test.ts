/**
 * NormalizedRows (read once into a typed matrix, score under any weights) gives what scoring
 * cell by cell gives: the same score, null, or the same error with the same message, for every
 * missing-data policy, junk cells included. The reference below is that cell-by-cell
 * algorithm, written plainly with normalize.
 */
import fc from "fast-check";
import {
  CellError,
  NormalizedRows,
  catchCellError,
  invalid,
  isMissing,
  normalize,
  notAvailable,
  readCriteria,
  relativeWeights,
  type CriteriaModel,
  type MissingPolicy,
} from "../../src/core";

function reference(values: readonly unknown[], model: CriteriaModel, weights: readonly number[], missing: MissingPolicy): number | null {
  const { criteria } = model;
  if (values.length !== criteria.length) invalid(`${values.length} values for ${criteria.length} criteria: give one value per criterion, in the table's order`);
  if (values.every(isMissing)) return null;
  let total = 0;
  let present = 0;
  let sum = 0;
  const normalized: (number | null)[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const value = normalize(criteria[i], values[i]);
    total += weights[i];
    normalized[i] = value;
    if (value === null && weights[i] > 0) {
      if (missing === "error") notAvailable(`${criteria[i].name} is missing`);
      if (missing === "skip") continue;
      normalized[i] = 0;
    }
    present += weights[i];
    sum += weights[i] * (normalized[i] ?? 0);
  }
  if (present < (total / 2) * (1 - 1e-12)) {
    const absent = criteria.filter((_, i) => normalized[i] === null && weights[i] > 0).map((c) => c.name);
    notAvailable(`Only ${Math.round((100 * present) / total)}% of the weight has data (missing: ${absent.join(", ")}); at least half is needed`);
  }
  return Math.min(100, Math.max(0, sum / present));
}

const TABLE = [
  ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight", "Weight (P)"],
  ["Revenue", "range", "higher", 0, 1000, null, 3, 0],
  ["Load", "target", "lower", null, 40, null, 2, 1],
  ["Level", "rating", null, null, null, "Low=0; Medium=50; High=100", 4, 0],
  ["Certified", "yesno", null, null, null, null, 1, 5],
  ["Unused", "range", null, 0, 10, null, 0, 0],
];
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
