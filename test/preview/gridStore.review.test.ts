/**
 * The browser workbook's side of the Review section (issue 22): the review columns added to
 * Partners, and approving (or undoing) writes the review cells and the History decision rows
 * in one batch, touching nothing else. As Microsoft's Excel.TableColumnCollection.add page
 * says of Excel, a column added without an index goes at the table's right.
 */
import { serialFromDate } from "../../src/core";
import type { ReviewWrite, SheetTable } from "../../src/workbook/store";
import { GridStore } from "../../src/preview/gridStore";
import { Workbook } from "../../src/preview/workbook";

const JAN_5 = serialFromDate(2027, 1, 5);
const REVIEW = ["Assigned tier", "Since", "Override until", "Reason"];
const DECISION = ["Date", "Partner", "Score", "Tier", "Change"];

function partnersTable(): SheetTable {
  return {
    sheet: "Partners",
    name: "Partners",
    topLeft: "A1",
    header: ["Partner", "Revenue", "Tier", "Notes"],
    rows: [
      ["Alpha", 90, '=IF(B2>50,"Gold","Silver")', "key account"],
      ["Beta", 40, '=IF(B3>50,"Gold","Silver")', ""],
    ],
  };
}

async function withPartners() {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  await store.createSample([partnersTable()]);
  return { workbook, store };
}

/**
 * Whether the write ran as one batch: the grid's outermost batch calls counted, and any cell
 * written outside a batch counted as a batch of its own.
 */
function countBatches(workbook: Workbook): () => number {
  let batches = 0;
  let depth = 0;
  const batch = workbook.batch.bind(workbook);
  const write = workbook.write.bind(workbook);
  workbook.write = (cell, input) => {
    if (depth === 0) batches++;
    write(cell, input);
  };
  workbook.batch = (write) => {
    if (depth === 0) batches++;
    depth++;
    try {
      batch(write);
    } finally {
      depth--;
    }
  };
  return () => batches;
}

const approveAlpha: ReviewWrite = {
  partners: [{ row: 0, values: { "Assigned tier": "Gold", Since: JAN_5 } }],
  history: [[JAN_5, "Alpha", 90, "Gold", "Silver -> Gold (approved)"]],
};

describe("GridStore review columns", () => {
  it("adds the review columns at the table's right, filled, with date formats, in one batch; the rest is kept", async () => {
    const { workbook, store } = await withPartners();
    const batches = countBatches(workbook);
    await store.addReviewColumns({
      header: REVIEW,
      rows: [
        ["Gold", JAN_5, "", ""],
        ["Silver", JAN_5, "", ""],
      ],
    });
    expect(batches()).toBe(1);
    const { partners } = await store.load({ formulasOf: ["Partners"] });
    expect(partners?.header).toEqual([
      "Partner",
      "Revenue",
      "Tier",
      "Notes",
      ...REVIEW,
    ]);
    expect(partners?.rows).toEqual([
      ["Alpha", 90, "Gold", "key account", "Gold", JAN_5, "", ""],
      ["Beta", 40, "Silver", "", "Silver", JAN_5, "", ""],
    ]);
    expect(partners?.formulas?.[0][2]).toBe('=IF(B2>50,"Gold","Silver")');
    expect(workbook.numberFormat({ sheet: "Partners", row: 1, col: 5 })).toBe(
      "yyyy-mm-dd",
    );
  });

  it("refuses columns the table already has, adding nothing", async () => {
    const { store } = await withPartners();
    const add = {
      header: REVIEW,
      rows: [
        ["Gold", JAN_5, "", ""],
        ["Silver", JAN_5, "", ""],
      ],
    };
    await store.addReviewColumns(add);
    await expect(store.addReviewColumns(add)).rejects.toThrow(
      /already has Assigned tier, Since, Override until, Reason/,
    );
    expect((await store.load()).partners?.header).toHaveLength(8);
  });
});

describe("GridStore writeReview", () => {
  it("writes the review cells and creates History with its Change column, in one batch, touching nothing else", async () => {
    const { workbook, store } = await withPartners();
    await store.addReviewColumns({
      header: REVIEW,
      rows: [
        ["Silver", 100, "", ""],
        ["Silver", 100, "", ""],
      ],
    });
    const before = (await store.load({ formulasOf: ["Partners"] })).partners!;
    const batches = countBatches(workbook);
    await store.writeReview(approveAlpha);
    expect(batches()).toBe(1);
    const after = (await store.load({ formulasOf: ["Partners"] })).partners!;
    const expected = before.formulas!.map((row) => [...row]);
    expected[0][4] = "Gold";
    expected[0][5] = JAN_5;
    expect(after.formulas).toEqual(expected);
    expect(await store.loadHistory()).toMatchObject({
      header: DECISION,
      rows: [[JAN_5, "Alpha", 90, "Gold", "Silver -> Gold (approved)"]],
    });
    expect(
      workbook.numberFormat({ sheet: "Tier history", row: 1, col: 0 }),
    ).toBe("yyyy-mm-dd");
  });

  it("adds the Change column to a 4-column History and appends below its snapshots", async () => {
    const { store } = await withPartners();
    await store.addReviewColumns({
      header: REVIEW,
      rows: [
        ["Silver", 100, "", ""],
        ["Silver", 100, "", ""],
      ],
    });
    await store.appendHistory([[100, "Alpha", 60, "Silver"]]);
    await store.writeReview(approveAlpha);
    expect(await store.loadHistory()).toMatchObject({
      header: DECISION,
      rows: [
        [100, "Alpha", 60, "Silver", ""],
        [JAN_5, "Alpha", 90, "Gold", "Silver -> Gold (approved)"],
      ],
    });
  });

  it("refuses, writing nothing, when Partners lacks a review column", async () => {
    const { store } = await withPartners();
    await expect(store.writeReview(approveAlpha)).rejects.toThrow(
      /no Assigned tier column/,
    );
    expect(await store.loadHistory()).toBeNull();
  });
});

describe("GridStore evaluation date", () => {
  it("reads the Evaluation table's date, or null without one", async () => {
    const { store } = await withPartners();
    expect(await store.readEvaluationDate()).toBeNull();
    await store.createSample([
      {
        sheet: "Scorecard",
        name: "Evaluation",
        topLeft: "A1",
        header: ["Evaluation date"],
        rows: [["=DATE(2027,1,5)"]],
      },
    ]);
    expect(await store.readEvaluationDate()).toBe(JAN_5);
  });
});
