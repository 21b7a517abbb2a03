import { describeProblem, profileInWeightHeader, readCriteria } from "../../src/core";
import { CRITERIA } from "../fixtures";

const withRow = (index: number, column: number, value: unknown) =>
  CRITERIA.map((row, i) => (i === index ? row.map((cell, j) => (j === column ? value : cell)) : row));

describe("readCriteria", () => {
  test("finds columns by header name in any order and reads every criterion", () => {
    const reversed = CRITERIA.map((row) => [...row].reverse());
    const { model, problems } = readCriteria(reversed);
    expect(problems).toEqual([]);
    expect(model.criteria.map((c) => c.name)).toEqual(["Revenue", "Growth", "Accreditation", "Support load", "Deal registrations", "Strategic fit"]);
    expect(model.profiles).toEqual(["Influencer"]);
    expect(model.criteria[0].weights).toEqual({ "": 30, Influencer: 0 });
    expect(model.criteria[2].scale).toEqual([
      { label: "Low", points: 0 },
      { label: "Medium", points: 50 },
      { label: "High", points: 100 },
    ]);
    expect(model.criteria[1].better).toBe("higher");
  });

  test("a plain row or column of numbers means weights of values already on 0-100", () => {
    for (const cells of [[[2, 1, 1]], [[2], [1], [1]]]) {
      const { model, problems } = readCriteria(cells);
      expect(problems).toEqual([]);
      expect(model.criteria.map((c) => [c.method, c.min, c.max, c.weights[""]])).toEqual([
        ["range", 0, 100, 2],
        ["range", 0, 100, 1],
        ["range", 0, 100, 1],
      ]);
    }
  });

  test("trailing blank rows (a range drawn larger than the table) are ignored", () => {
    const { model, problems } = readCriteria([...CRITERIA, CRITERIA[0].map(() => null), CRITERIA[0].map(() => "")]);
    expect(problems).toEqual([]);
    expect(model.criteria).toHaveLength(6);
  });

  test.each([
    ["a blank criterion name", withRow(1, 0, null), "Criteria row 1: the criterion name is blank"],
    ["a duplicate name", withRow(2, 0, "revenue"), 'Criteria row 2 (revenue): the criterion name "revenue" is used twice'],
    ["a negative weight", withRow(1, 7, -3), "Criteria row 1 (Revenue): a weight must not be below zero"],
    ["a text weight", withRow(1, 7, "high"), 'Criteria row 1 (Revenue): Weight must be a number, not "high"'],
    ["an unknown method", withRow(1, 2, "linear"), 'Criteria row 1 (Revenue): Method "linear" is not one of range, target, rating, yesno'],
    ["an unknown direction", withRow(1, 3, "up"), 'Criteria row 1 (Revenue): Better "up" is not higher or lower'],
    ["text in Min", withRow(1, 4, "zero"), 'Criteria row 1 (Revenue): Min must be a number, not "zero"'],
    ["Min above Max", withRow(1, 4, 2e6), "Criteria row 1 (Revenue): Max (1000000) must be above Min (2000000)"],
    ["a range without Max", withRow(1, 5, null), "Criteria row 1 (Revenue): a range criterion needs both Min and Max"],
    ["a scale that does not parse", withRow(3, 6, "Low; High=100"), 'Criteria row 3 (Accreditation): Scale part "Low" is not label=points'],
    ["a rating without scale", withRow(3, 6, null), "Criteria row 3 (Accreditation): a rating criterion needs a Scale"],
    ["points outside 0-100", withRow(3, 6, "Low=0; High=150"), "Criteria row 3 (Accreditation): rating points must be between 0 and 100"],
    ["no header and not numbers", [["Revenue", 3]], "Criteria: criteria must be the Criteria table with its header row"],
  ])("%s is reported with its row and criterion", (_, cells, message) => {
    const { problems } = readCriteria(cells);
    expect(problems.map(describeProblem).join("\n")).toContain(message);
  });

  test("a missing required column is named", () => {
    const { problems } = readCriteria(CRITERIA.map((row) => row.filter((_, j) => j !== 2)));
    expect(problems.map(describeProblem)).toEqual(["Criteria: the table has no Method column"]);
  });

  test("every problem of every row is collected, with its column", () => {
    const cells = withRow(1, 7, -1).map((row, i) => (i === 2 ? row.map((c, j) => (j === 4 ? "x" : c)) : row));
    const { problems } = readCriteria(cells);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [0, "Weight"],
      [1, "Min"],
    ]);
  });

  test("profileInWeightHeader reads the profile of Weight (X) headers only, in their own spelling", () => {
    expect(["Weight (Influencer)", " weight(North America) ", "Weight ()", "Weight", "Weights (X)", null].map(profileInWeightHeader)).toEqual([
      "Influencer",
      "North America",
      "",
      null,
      null,
      null,
    ]);
  });
});
