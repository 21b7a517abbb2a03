/**
 * The model's zod schemas (src/core/model.ts): the issues, paths, messages and order users
 * see. The expected issues were recorded from the project's first zod/mini schemas, and held
 * by the hand-written checks that stood in for zod for a while; the rules across fields run
 * only when no field had the wrong type.
 */
import { CriterionSchema, TierSchema } from "../../src/core";

const VALID = { name: "A", perspective: "", method: "range", better: "higher", min: 0, max: 10, scale: [], weights: { "": 1 } };
const issuesOf = (result: ReturnType<typeof CriterionSchema.safeParse> | ReturnType<typeof TierSchema.safeParse>) =>
  result.success ? result.data : result.error.issues.map((i) => [i.path, i.message]);

describe("CriterionSchema", () => {
  test.each<[string, Record<string, unknown>, unknown]>([
    ["a wrong type stops the cross-field rules", { better: "sideways", min: 10, max: 5 }, [[["better"], 'Better "sideways" is not higher or lower']]],
    [
      "a bound broken still lets them run",
      { weights: { "": -1 }, min: 10, max: 5 },
      [
        [["weights", ""], "a weight must not be below zero"],
        [["max"], "Max (5) must be above Min (10)"],
      ],
    ],
    [
      "a blank name too",
      { name: "", min: 10, max: 5 },
      [
        [["name"], "the criterion name is blank"],
        [["max"], "Max (5) must be above Min (10)"],
      ],
    ],
    [
      "rating points out of range, and a label twice",
      { method: "rating", scale: [{ label: "x", points: 200 }, { label: "X", points: -1 }] },
      [
        [["scale", 0, "points"], "rating points must be between 0 and 100"],
        [["scale", 1, "points"], "rating points must be between 0 and 100"],
        [["scale"], 'the rating label "X" appears twice in Scale'],
      ],
    ],
    [
      "every field is checked, in order",
      { method: null, min: "a", max: NaN, weights: { "": "w", P: Infinity, Q: -2 } },
      [
        [["method"], "Method a blank cell is not one of range, target, rating, yesno"],
        [["min"], 'Min must be a number, not "a"'],
        [["max"], "Max must be a number, not NaN (not a finite number)"],
        [["weights", ""], 'Weight must be a number, not "w"'],
        [["weights", "P"], "Weight must be a number, not Infinity (not a finite number)"],
        [["weights", "Q"], "a weight must not be below zero"],
      ],
    ],
    ["a name that is not text", { name: 5 }, [[["name"], "Invalid input"]]],
    [
      "a blank label and points that are not a number",
      { method: "rating", scale: [{ label: "", points: "z" }] },
      [
        [["scale", 0, "label"], "a rating label is blank"],
        [["scale", 0, "points"], 'Rating points must be a number, not "z"'],
      ],
    ],
    ["a range without bounds", { min: null, max: null }, [[["min"], "a range criterion needs both Min and Max"]]],
    ["a target without one", { method: "target", min: null, max: null }, [[["max"], "a target criterion needs Max (the target)"]]],
    ["a target below the default Min", { method: "target", min: null, max: -1 }, [[["max"], "Max (-1) must be above Min (0)"]]],
    ["a valid criterion, extra keys dropped", { extra: 1 }, VALID],
  ])("%s", (_, change, expected) => {
    expect(issuesOf(CriterionSchema.safeParse({ ...VALID, ...change }))).toEqual(expected);
  });
});

describe("TierSchema", () => {
  test.each<[string, unknown, unknown]>([
    [
      "a blank name and a Min score that is not a number",
      { name: "", minScore: "x", requires: [], graceDays: 0 },
      [
        [["name"], "the tier name is blank"],
        [["minScore"], 'Min score must be a number, not "x"'],
      ],
    ],
    [
      "a Min score out of range and a malformed condition",
      { name: "G", minScore: 101, requires: [{ criterion: "", op: "~", value: "" }], graceDays: 0 },
      [
        [["minScore"], "Min score must be between 0 and 100"],
        [["requires", 0, "criterion"], "Invalid input"],
        [["requires", 0, "op"], "Invalid input"],
      ],
    ],
    ["a valid tier, extra keys dropped", { name: "G", minScore: 0, requires: [], graceDays: 90, x: 1 }, { name: "G", minScore: 0, requires: [], graceDays: 90 }],
    [
      "nothing of the right type",
      { name: 3, minScore: null, requires: null, graceDays: "soon" },
      [
        [["name"], "Invalid input"],
        [["minScore"], "Min score must be a number, not a blank cell"],
        [["requires"], "Invalid input"],
        [["graceDays"], 'Grace days must be a number, not "soon"'],
      ],
    ],
    ["negative Grace days", { name: "G", minScore: 0, requires: [], graceDays: -1 }, [[["graceDays"], "Grace days must be a whole number of days, 0 or more"]]],
    ["fractional Grace days", { name: "G", minScore: 0, requires: [], graceDays: 1.5 }, [[["graceDays"], "Grace days must be a whole number of days, 0 or more"]]],
  ])("%s", (_, tier, expected) => {
    expect(issuesOf(TierSchema.safeParse(tier))).toEqual(expected);
  });
});
