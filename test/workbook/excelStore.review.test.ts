/**
 * The Excel adapter's side of the Review section (issue 22), against the stateful fake Excel:
 * adding the review columns, and approving (or undoing) in ONE write sync after its reads,
 * Partners cells and History decision rows together. Microsoft's Excel.TableColumnCollection
 * page (add(index, values, name): values hold the header cell then the rows) and
 * Excel.TableRowCollection (add at the end) are what the fake follows.
 */
import { serialFromDate } from "../../src/core";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import type { ReviewWrite, TableData } from "../../src/workbook/store";
import { FakeExcel } from "./fakeExcel";

const JAN_5 = serialFromDate(2027, 1, 5);
const REVIEW = ["Assigned tier", "Since", "Override until", "Reason"];
const DECISION = ["Date", "Partner", "Score", "Tier", "Change"];

const PARTNERS: TableData = {
  header: ["Partner", "Revenue", "Tier", "Notes"],
  rows: [
    ["Alpha", 90, "=PRM.PARTNERTIER(B2,Tiers)", "key account"],
    ["Beta", 40, "=PRM.PARTNERTIER(B3,Tiers)", ""],
  ],
};

function workbook(partners: TableData = PARTNERS): FakeExcel {
  const excel = new FakeExcel();
  excel.addTable("Partners", "Partners", "A1", partners);
  (global as unknown as { Excel: unknown }).Excel = excel;
  return excel;
}

const withReview: TableData = {
  header: [...PARTNERS.header, ...REVIEW],
  rows: PARTNERS.rows.map((row) => [...row, "Silver", 100, "", ""]),
};

const approveAlpha: ReviewWrite = {
  partners: [{ row: 0, values: { "Assigned tier": "Gold", Since: JAN_5 } }],
  history: [[JAN_5, "Alpha", 90, "Gold", "Silver -> Gold (approved)"]],
};

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("ExcelScorecardStore.addReviewColumns", () => {
  it("adds the columns at the table's right, filled, with date formats, in one read and one write sync", async () => {
    const excel = workbook();
    await new ExcelScorecardStore().addReviewColumns({
      header: REVIEW,
      rows: [
        ["Gold", JAN_5, "", ""],
        ["Silver", JAN_5, "", ""],
      ],
    });
    expect(excel.syncs).toBe(2);
    expect(excel.writeSyncs).toBe(1);
    expect(excel.tableData("Partners")).toEqual({
      header: [...PARTNERS.header, ...REVIEW],
      rows: [
        [...PARTNERS.rows[0], "Gold", JAN_5, "", ""],
        [...PARTNERS.rows[1], "Silver", JAN_5, "", ""],
      ],
    });
    expect(excel.sheets.get("Partners")?.formats.get("1,5")).toBe("yyyy-mm-dd");
  });

  it("refuses columns the table already has, writing nothing", async () => {
    const excel = workbook(withReview);
    await expect(
      new ExcelScorecardStore().addReviewColumns({
        header: REVIEW,
        rows: [
          ["Gold", JAN_5, "", ""],
          ["Silver", JAN_5, "", ""],
        ],
      }),
    ).rejects.toThrow(/already has Assigned tier/);
    expect(excel.writeSyncs).toBe(0);
  });
});

describe("ExcelScorecardStore.writeReview", () => {
  it("writes the review cells and appends the decisions to a 4-column History, adding Change, in one write sync", async () => {
    const excel = workbook(withReview);
    excel.addTable("Tier history", "History", "A1", {
      header: ["Date", "Partner", "Score", "Tier"],
      rows: [[100, "Alpha", 60, "Silver"]],
    });
    await new ExcelScorecardStore().writeReview(approveAlpha);
    expect(excel.writeSyncs).toBe(1);
    expect(excel.syncs).toBe(3);
    const expected = withReview.rows.map((row) => [...row]);
    expected[0][4] = "Gold";
    expected[0][5] = JAN_5;
    // The Tier formula column, Notes and Beta's row are as they were.
    expect(excel.tableData("Partners")).toEqual({
      header: withReview.header,
      rows: expected,
    });
    expect(excel.sheets.get("Partners")?.formats.get("1,5")).toBe("yyyy-mm-dd");
    expect(excel.tableData("History")).toEqual({
      header: DECISION,
      rows: [
        [100, "Alpha", 60, "Silver", ""],
        [JAN_5, "Alpha", 90, "Gold", "Silver -> Gold (approved)"],
      ],
    });
    expect(excel.sheets.get("Tier history")?.formats.get("2,0")).toBe(
      "yyyy-mm-dd",
    );
  });

  it("creates the Tier history sheet and History table with the Change column on first use, in one write sync", async () => {
    const excel = workbook(withReview);
    await new ExcelScorecardStore().writeReview(approveAlpha);
    expect(excel.writeSyncs).toBe(1);
    expect(excel.tableData("History")).toEqual({
      header: DECISION,
      rows: approveAlpha.history,
    });
  });

  it("refuses, writing nothing, when Partners lacks a review column or the row is gone", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    await expect(store.writeReview(approveAlpha)).rejects.toThrow(
      /no Assigned tier column/,
    );
    workbook(withReview);
    await expect(
      store.writeReview({
        ...approveAlpha,
        partners: [{ row: 5, values: { Since: 1 } }],
      }),
    ).rejects.toThrow(/no data row 6/);
    expect(excel.writeSyncs).toBe(0);
  });
});

describe("ExcelScorecardStore.readEvaluationDate", () => {
  it("reads the Evaluation table's date; null without the table", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    expect(await store.readEvaluationDate()).toBeNull();
    excel.addTable("Scorecard", "Evaluation", "A1", {
      header: ["Evaluation date"],
      rows: [[JAN_5]],
    });
    expect(await store.readEvaluationDate()).toBe(JAN_5);
  });
});
