import type { Problem } from "../../src/core";
import { setCell, draftOf } from "../../src/programme/draft";
import {
  cellAddress,
  describeAt,
  problemPlace,
  requiresProblems,
  tierOrderProblems,
  validateDraft,
} from "../../src/programme/validation";
import { readCriteria } from "../../src/core";
import { criteria, tiers } from "../taskpane/fixtures";

const messages = (problems: Problem[]) =>
  problems.map((p) => `${p.table}:${p.row}:${p.column}: ${p.message}`);

describe("validateDraft", () => {
  test("a good draft has no problems and gives the model and tiers", () => {
    const check = validateDraft(criteria(), tiers());
    expect(check.problems).toEqual([]);
    expect(check.model?.criteria.map((c) => c.name)).toEqual([
      "Revenue",
      "Growth",
      "Accreditation",
      "Support load",
    ]);
    expect(check.tiers?.map((t) => t.name)).toEqual(["Gold", "Silver", "Registered"]);
  });

  test("the core's findings come with their row and column", () => {
    let t = draftOf(criteria());
    t = setCell(t, 1, "Criterion", "revenue"); // duplicate, any case
    t = setCell(t, 2, "Scale", "Low; High=100");
    t = setCell(t, 3, "Weight", -1);
    t = setCell(t, 0, "Method", "linear");
    const check = validateDraft(t, tiers());
    expect(check.model).toBeNull();
    expect(check.tiers).toBeNull();
    const found = check.problems.map((p) => [p.row, p.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        [1, "Criterion"],
        [2, "Scale"],
        [3, "Weight"],
        [0, "Method"],
      ])
    );
  });

  test("an unreadable Scale is one problem, not also 'needs a Scale'", () => {
    const t = setCell(draftOf(criteria()), 2, "Scale", "Low=0; High");
    expect(messages(validateDraft(t, tiers()).problems)).toEqual([
      'Criteria:2:Scale: Scale part "High" is not label=points (write e.g. Low=0; Medium=50; High=100)',
    ]);
    const blank = setCell(draftOf(criteria()), 2, "Scale", "");
    expect(messages(validateDraft(blank, tiers()).problems)).toEqual([
      "Criteria:2:Scale: a rating criterion needs a Scale such as Low=0; Medium=50; High=100",
    ]);
  });

  test("tiers out of order, or outside 0-100, are problems of the pane", () => {
    let t = draftOf(tiers());
    t = setCell(t, 1, "Min score", 80);
    t = setCell(t, 2, "Min score", 120);
    const check = validateDraft(criteria(), t);
    expect(messages(check.problems)).toEqual([
      "Tiers:1:Min score: Min score 80 must be below the 70 of Gold: list tiers from the highest Min score down",
      "Tiers:2:Min score: Min score must be between 0 and 100",
      "Tiers:2:Min score: Min score 120 must be below the 80 of Silver: list tiers from the highest Min score down",
    ]);
  });

  test("equal thresholds are out of order too (strictly descending)", () => {
    const t = setCell(draftOf(tiers()), 1, "Min score", 70);
    expect(tierOrderProblems(t)).toHaveLength(1);
    expect(tierOrderProblems(tiers())).toEqual([]);
  });

  test("a Requires naming a criterion that does not exist is a problem (no orphaned requirement)", () => {
    const t = setCell(draftOf(tiers()), 1, "Requires", "Certified staff >= 2");
    const check = validateDraft(criteria(), t);
    expect(check.problems).toEqual([
      expect.objectContaining({ table: "Tiers", row: 1, column: "Requires", name: "Silver" }),
    ]);
    expect(check.problems[0].message).toContain("names no criterion");
    const { model } = readCriteria([criteria().header, ...criteria().rows]);
    expect(requiresProblems(tiers(), model)).toEqual([]);
  });

  test("while the criteria have problems, Requires are still checked for names", () => {
    const c = setCell(draftOf(criteria()), 0, "Method", "linear");
    const t = setCell(draftOf(tiers()), 1, "Requires", "accreditation >= Low; Staff >= 2");
    const found = validateDraft(c, t).problems.filter((p) => p.table === "Tiers");
    expect(messages(found)).toEqual([
      'Tiers:1:Requires: the requirement "Staff >= 2" names no criterion of the Criteria table',
    ]);
  });

  test("problems are listed table by table, row by row", () => {
    let c = draftOf(criteria());
    c = setCell(c, 3, "Weight", -1);
    c = setCell(c, 0, "Method", "x");
    const t = setCell(draftOf(tiers()), 0, "Min score", 101);
    const found = validateDraft(c, t).problems.map((p) => `${p.table}${p.row}`);
    expect(found).toEqual(["Criteria0", "Criteria3", "Tiers0"]);
  });

  test("a profile whose weights are all zero cannot score anyone", () => {
    let t = draftOf(criteria());
    for (let r = 0; r < 4; r++) t = setCell(t, r, "Weight (Influencer)", 0);
    expect(messages(validateDraft(t, tiers()).problems)).toEqual([
      "Criteria:-1:Weight (Influencer): every weight of profile Influencer is zero, so no partner of it can be scored",
    ]);
  });

  test("blank rows, no criteria and a tiers table without a Min score column are reported", () => {
    const withBlank = { ...criteria(), rows: [...criteria().rows, new Array(10).fill("")] };
    expect(messages(validateDraft(withBlank, tiers()).problems)).toEqual([
      "Criteria:4:null: the row is blank: fill it in or remove it",
    ]);
    expect(messages(validateDraft({ ...criteria(), rows: [] }, tiers()).problems)).toContain(
      "Criteria:-1:null: there are no criteria: add one"
    );
    const noScore = { header: ["Tier", "Score"], rows: [["Gold", 70]] };
    expect(messages(validateDraft(criteria(), noScore).problems)).toEqual([
      "Tiers:-1:Min score: the tiers table has no Min score column",
    ]);
  });
});

describe("where a problem is", () => {
  const minProblem: Problem = {
    table: "Criteria",
    row: 2,
    column: "Min",
    name: "Accreditation",
    message: "x",
  };

  test("in words when no address is known", () => {
    expect(problemPlace(minProblem)).toBe("Criteria row 3 (Accreditation), column Min");
    expect(problemPlace({ table: "Tiers", row: -1, column: null, message: "x" })).toBe(
      "Tiers table"
    );
    expect(describeAt(minProblem, null)).toBe("Criteria row 3 (Accreditation), column Min: x");
  });

  test("as a cell from the table's address: header row first, then data rows", () => {
    expect(cellAddress("Scorecard!A1:J5", criteria(), minProblem)).toBe("Scorecard!E4");
    expect(
      cellAddress("'My sheet'!$C$10:$L$14", criteria(), {
        ...minProblem,
        row: 0,
        column: "Weight (Influencer)",
      })
    ).toBe("'My sheet'!K11");
    expect(cellAddress("Scorecard!A1:J5", criteria(), { ...minProblem, column: null })).toBe(
      "Scorecard!A4:J4"
    );
    expect(
      cellAddress("Scorecard!M1:O4", tiers(), {
        table: "Tiers",
        row: -1,
        column: "Min score",
        message: "x",
      })
    ).toBe("Scorecard!N1");
    expect(cellAddress("not an address", criteria(), minProblem)).toBeNull();
  });

  test("cell addresses past column Z", () => {
    // Min is the table's fifth column: Y + 4 = AC.
    expect(cellAddress("Scorecard!Y1:AH5", criteria(), minProblem)).toBe("Scorecard!AC4");
    expect(cellAddress("Scorecard!Y1:AH5", criteria(), { ...minProblem, column: null })).toBe(
      "Scorecard!Y4:AH4"
    );
  });
});
