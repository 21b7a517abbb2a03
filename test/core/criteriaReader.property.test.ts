/**
 * The reader a spilling PARTNERSCORE uses (criteriaReader) reads every cell as normalize
 * does: the same points, null for the same missing cells, the same error message. Its
 * shortcuts (exact spellings of labels and Yes/No, plain numbers) must never differ.
 */
import fc from "fast-check";
import { CellError, catchCellError, criteriaReader, normalize, readCriteria } from "../../src/core";

const TABLE = [
  ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight"],
  ["Revenue", "range", "higher", -50, 1000, null, 1],
  ["Support load", "target", "lower", null, 40, null, 1],
  ["Accreditation", "rating", null, null, null, "None=0; Silver=40; gold=75; PLATINUM=100; ß=10; n/a=5; İx=20", 1],
  ["Certified", "yesno", null, null, null, null, 1],
  // A and Platinum share a usual-text slot (length and first letter): the second must still
  // read as its own points, and neither as the other's.
  ["Grade", "rating", null, null, null, "A=100; Platinum=50; B=0", 1],
  // Spans whose plain form is inexact at its ends (0.1 to 0.3) or overflows (the widest): the
  // reader's clamp without branches must still give percentOfSpan's doubles.
  ["Share", "range", "higher", 0.1, 0.3, null, 1],
  ["Exposure", "range", "lower", -1e306, 1.7e308, null, 1],
];
const { model, problems } = readCriteria(TABLE);

const words = ["None", "silver", "GOLD", "Gold", "gold ", " Platinum", "platinum", "ß", "SS", "ss", "n/a", "N/A", "İx", "i̇x", "İX", "yes", "Yes", "YES", "y", "Y", "no", "No", "NO", "n", "N", "true", "True", "TRUE", "false", "1", "0", "-", "", "na", "maybe", "A", "a", "B", "Platinum"];
const cell = fc.oneof(
  fc.constantFrom(...words),
  fc.string(),
  fc.double(),
  fc.integer({ min: -100, max: 2000 }),
  fc.boolean(),
  fc.constantFrom(null, undefined, { code: "#N/A" }, 0, 1, Infinity, NaN),
  // The ends of the spans above, and just beside them.
  fc.constantFrom(-50, 1000, 40, 0.1, 0.3, 0.30000000000000004, 0.09999999999999999, -1e306, 1.7e308, -0, 5e-324, -Infinity),
);

/** What reading gives: the value, or the CellError's kind and message. */
const outcome = (read: () => number | null) => {
  const result = catchCellError(read);
  return result instanceof CellError ? [result.kind, result.message] : result;
};

test("the table reads", () => expect(problems).toEqual([]));

test("the reader agrees with normalize on any cell of any criterion", () => {
  const reader = criteriaReader(model.criteria);
  fc.assert(
    fc.property(fc.nat({ max: model.criteria.length - 1 }), cell, (i, value) => {
      expect(outcome(() => reader.read(i, value))).toEqual(outcome(() => normalize(model.criteria[i], value)));
    }),
    { numRuns: 5000 },
  );
});

test("labels sharing a slot each read as their own points", () => {
  const reader = criteriaReader(model.criteria);
  const grade = model.criteria.findIndex((c) => c.name === "Grade");
  expect([reader.read(grade, "A"), reader.read(grade, "Platinum"), reader.read(grade, "B")]).toEqual([100, 50, 0]);
});

test("the reader is made once per criteria list", () => {
  expect(criteriaReader(model.criteria)).toBe(criteriaReader(model.criteria));
});
