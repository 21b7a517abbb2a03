/** Reading the Partners review columns into the review's partners, and the columns a first review adds. */
import { serialFromDate } from "../../../src/core";
import {
  cellDate,
  hasReviewColumns,
  initialReviewColumns,
  missingReviewColumns,
  reviewRoster,
} from "../../../src/programme/review";
import { scenarioOf, scorePartners } from "../../../src/programme/whatIf";
import type { TableData } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../../taskpane/fixtures";

const JAN_5 = serialFromDate(2027, 1, 5);
const JUNE_30 = serialFromDate(2027, 6, 30);

function scoring(table: TableData) {
  const scenario = scenarioOf(criteria(), tiers())!;
  return { results: scorePartners(table, scenario), tiers: scenario.tiers };
}

function withReview(): TableData {
  const table = partners();
  return {
    header: [...table.header, "Assigned tier", "Since", "Override until", "Reason"],
    rows: table.rows.map((row, r) =>
      r === 0
        ? [...row, " Gold ", JAN_5, "2027-06-30", "strategic"]
        : [...row, "Silver", "", "", ""],
    ),
  };
}

describe("reviewRoster", () => {
  it("gives each partner named once and scored its score, computed tier and review cells, with its Partners row", () => {
    const table = withReview();
    const roster = reviewRoster(table, scoring(table));
    expect(roster.partners.map((p) => p.partner)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(roster.rows).toEqual([0, 1, 2]);
    expect(roster.partners[0]).toMatchObject({
      assignedTier: "Gold",
      since: JAN_5,
      // ISO text is a date too, as in the History table.
      overrideUntil: JUNE_30,
      reason: "strategic",
      computedTier: "Gold",
    });
    expect(roster.partners[1]).toMatchObject({
      assignedTier: "Silver",
      since: null,
      overrideUntil: null,
      reason: "",
    });
  });

  it("reads blank review cells where the table has no review columns", () => {
    const table = partners();
    const roster = reviewRoster(table, scoring(table));
    expect(roster.partners[0]).toMatchObject({ assignedTier: "", since: null });
    expect(hasReviewColumns(table)).toBe(false);
    expect(hasReviewColumns(withReview())).toBe(true);
  });
});

describe("initialReviewColumns", () => {
  it("fills Assigned tier with each partner's computed tier and Since with the date; unscored and blank rows stay blank", () => {
    const table = partners();
    const columns = initialReviewColumns(table, scoring(table), JAN_5);
    expect(columns.header).toEqual(["Assigned tier", "Since", "Override until", "Reason"]);
    expect(columns.rows).toEqual([
      ["Gold", JAN_5, "", ""],
      ["Silver", JAN_5, "", ""],
      ["Registered", JAN_5, "", ""],
      // Delta has no values for the criteria: not scored.
      ["", "", "", ""],
      ["", "", "", ""],
    ]);
  });

  it("adds only the columns the table lacks", () => {
    const table = partners();
    table.header = [...table.header, "Since", "Assigned tier"];
    table.rows = table.rows.map((row) => [...row, "", ""]);
    expect(missingReviewColumns(table)).toEqual(["Override until", "Reason"]);
    expect(initialReviewColumns(table, scoring(table), JAN_5).rows[0]).toEqual(["", ""]);
  });
});

describe("cellDate", () => {
  it("reads serials, ISO text, and nothing else", () => {
    expect(cellDate(JAN_5 + 0.5)).toBe(JAN_5);
    expect(cellDate("2027-01-05")).toBe(JAN_5);
    expect(cellDate("")).toBeNull();
    expect(cellDate("soon")).toBeNull();
    expect(cellDate(0)).toBeNull();
  });
});
