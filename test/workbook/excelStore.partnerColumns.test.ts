/**
 * The Excel adapter's Apply with the Partners columns following the criteria: one check load
 * and exactly one write sync (DESIGN.md section 7). Inserting uses
 * TableColumnCollection.add(index, values, name) (learn.microsoft.com, Excel.TableColumnCollection
 * class: "the previous column at this position is shifted to the right").
 */
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import type { TableData } from "../../src/workbook/store";
import { FakeExcel } from "./fakeExcel";

const CRITERIA: TableData = {
  header: ["Criterion", "Method", "Min", "Max", "Weight"],
  rows: [
    ["Revenue", "range", 0, 100, 1],
    ["NPS", "range", 0, 10, 1],
  ],
};
const TIERS: TableData = {
  header: ["Tier", "Min score"],
  rows: [
    ["Gold", 50],
    ["Registered", 0],
  ],
};
const PARTNERS: TableData = {
  header: ["Partner", "Revenue", "NPS", "Cert expiry", "Score"],
  rows: [
    ["Alpha", 80, 9, 45000, "=1"],
    ["Beta", 20, 3, "", "=2"],
  ],
};

function workbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addTable("Scorecard", "Criteria", "A1", CRITERIA);
  excel.addTable("Scorecard", "Tiers", "H1", TIERS);
  excel.addTable("Partners", "Partners", "A1", PARTNERS);
  (global as unknown as { Excel: unknown }).Excel = excel;
  return excel;
}

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("save with the Partners columns following", () => {
  it("renames a header and inserts a column inside the criteria's span in the same one write sync", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    await store.load();
    const criteria: TableData = {
      ...CRITERIA,
      rows: [
        ["Revenue", "range", 0, 100, 1],
        ["Net promoter", "range", 0, 10, 1],
        ["Events", "range", 0, 5, 1],
      ],
    };
    const before = excel.syncs;
    await store.save(criteria, TIERS, {
      renames: [{ column: 2, header: "Net promoter" }],
      inserts: { before: 2, headers: ["Events"] },
    });
    expect(excel.syncs - before).toBe(1);
    const partners = excel.tableData("Partners");
    expect(partners.header).toEqual([
      "Partner",
      "Revenue",
      "Events",
      "Net promoter",
      "Cert expiry",
      "Score",
    ]);
    // Values stay with their column; the new one is blank.
    expect(
      partners.rows.map((row) => [row[0], row[2], row[3], row[4]]),
    ).toEqual([
      ["Alpha", "", 9, 45000],
      ["Beta", "", 3, ""],
    ]);
    expect(excel.tableData("Criteria").rows).toEqual(criteria.rows);
  });

  it("writes nothing at all, Criteria included, when the Partners sheet is protected", async () => {
    const excel = workbook();
    excel.protect("Partners");
    const store = new ExcelScorecardStore();
    await store.load();
    const criteria = {
      ...CRITERIA,
      rows: [...CRITERIA.rows, ["Events", "range", 0, 5, 1]],
    };
    await expect(
      store.save(criteria, TIERS, {
        renames: [],
        inserts: { before: 2, headers: ["Events"] },
      }),
    ).rejects.toThrow(/Partners table is protected/);
    expect(excel.tableData("Criteria")).toEqual(CRITERIA);
    expect(excel.tableData("Partners")).toEqual(PARTNERS);
  });

  it("touches no Partners cell without a change to make", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    await store.load();
    await store.save(CRITERIA, TIERS, {
      renames: [],
      inserts: { before: 2, headers: [] },
    });
    expect(excel.tableData("Partners")).toEqual(PARTNERS);
  });
});
