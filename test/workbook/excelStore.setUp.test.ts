/**
 * Set-up from a list through the Excel adapter, against the stateful fake (issue 21 item 1):
 * the list is read from the active sheet, the set-up is written in one write sync (after one
 * sync of checks), refused without a write where it would overwrite, and undone in one sync.
 * Excel API per Microsoft's Excel JavaScript API reference: Worksheet.getUsedRangeOrNullObject
 * (ExcelApi 1.4), Table.resize (1.13), Table.convertToRange (1.2), Worksheet.delete (1.1).
 */
import { proposeChoices, proposeSetUp } from "../../src/programme/setup/setUpPlan";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { AS_OF, LIST_HEADER, LIST_ROWS } from "../programme/setup/partnerList";
import { FakeExcel, installEmptyWorkbook } from "./fakeExcel";

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

/** The 12-partner list pasted at B2 of Sheet1 (the active sheet). */
function pastedList(): FakeExcel {
  const excel = installEmptyWorkbook();
  excel.activeSheet = "Sheet1";
  [LIST_HEADER, ...LIST_ROWS].forEach((row, r) => row.forEach((value, c) => excel.edit("Sheet1", `${String.fromCharCode(66 + c)}${r + 2}`, value)));
  return excel;
}

async function readAndPropose(store: ExcelScorecardStore) {
  const list = await store.readList();
  expect(list).not.toBeNull();
  return proposeSetUp(list!, proposeChoices(list!), "Scorecard", AS_OF).setUp!;
}

describe("set-up from a list (Excel adapter)", () => {
  it("reads the active sheet's used block in one sync, or its first table in two", async () => {
    const excel = pastedList();
    const store = new ExcelScorecardStore();
    excel.syncs = 0;
    const list = await store.readList();
    expect(excel.syncs).toBe(1);
    expect(list).toMatchObject({ sheet: "Sheet1", topLeft: "B2", table: null, header: LIST_HEADER, sheetNames: ["Sheet1"] });
    expect(list!.rows).toHaveLength(12);

    const tabled = installEmptyWorkbook();
    tabled.addTable("Sheet1", "MyPartners", "C3", { header: LIST_HEADER, rows: LIST_ROWS });
    tabled.syncs = 0;
    expect(await store.readList()).toMatchObject({ topLeft: "C3", table: "MyPartners", header: LIST_HEADER });
    expect(tabled.syncs).toBe(2);
  });

  it("writes the Scorecard sheet, the Partners table and its formulas in one write sync", async () => {
    const excel = pastedList();
    const store = new ExcelScorecardStore();
    const setUp = await readAndPropose(store);
    excel.syncs = 0;
    excel.writeSyncs = 0;
    await store.setUpFromList(setUp);
    expect(excel.syncs).toBe(2);
    expect(excel.writeSyncs).toBe(1);
    expect(excel.tableData("Criteria").rows.map((r) => r[0])).toEqual(["Revenue", "Support tickets", "Accreditation", "Managed services", "Certification"]);
    expect(excel.tableData("Tiers").rows.map((r) => r[0])).toEqual(["Platinum", "Gold", "Silver", "Registered"]);
    const partners = excel.tableData("Partners");
    expect(partners.header).toEqual([...LIST_HEADER, "Certification", "Score", "Tier", "Next tier"]);
    expect(excel.table("Partners").rect).toEqual({ top: 1, left: 1, rows: 13, columns: 11 });
    expect(partners.rows[0].slice(7)).toEqual(setUp.added.rows[0]);
    expect(partners.rows[11].slice(0, 7)).toEqual(LIST_ROWS[11]);
  });

  it("refuses, writing nothing, when data sits where the added columns go", async () => {
    const excel = pastedList();
    const store = new ExcelScorecardStore();
    const setUp = await readAndPropose(store);
    excel.edit("Sheet1", "K7", "note");
    excel.writeSyncs = 0;
    await expect(store.setUpFromList(setUp)).rejects.toThrow("Sheet1!K7 holds data where the Score and Tier columns go; nothing was changed.");
    expect(excel.writeSyncs).toBe(0);
    expect([...excel.sheets.keys()]).toEqual(["Sheet1"]);
  });

  it("undo in one write sync: the sheet goes, a table list keeps its name and size, every cell stays", async () => {
    const excel = installEmptyWorkbook();
    excel.addTable("Sheet1", "MyPartners", "A1", { header: LIST_HEADER, rows: LIST_ROWS });
    const store = new ExcelScorecardStore();
    const setUp = await readAndPropose(store);
    await store.setUpFromList(setUp);
    expect(excel.table("Partners").rect.columns).toBe(11);
    excel.writeSyncs = 0;
    await store.undoSetUp(setUp);
    expect(excel.writeSyncs).toBe(1);
    expect([...excel.sheets.keys()]).toEqual(["Sheet1"]);
    expect(excel.tables.map((t) => t.name)).toEqual(["MyPartners"]);
    expect(excel.tableData("MyPartners")).toEqual({ header: LIST_HEADER, rows: LIST_ROWS });
    expect(excel.cell("Sheet1", "I2")).toBe("");
  });
});

describe("data check fixes (Excel adapter)", () => {
  const partners = { header: ["Partner", "Accreditation"], rows: [["Alder", " gold"], ["Bluefin", "Silver"]] };

  it("writes every fix in one write sync after one read", async () => {
    const excel = installEmptyWorkbook();
    excel.addTable("Sheet1", "Partners", "B2", partners);
    excel.syncs = 0;
    excel.writeSyncs = 0;
    await new ExcelScorecardStore().fixPartnerCells([{ row: 0, column: 1, was: " gold", value: "Gold" }]);
    expect([excel.syncs, excel.writeSyncs]).toEqual([2, 1]);
    expect(excel.cell("Sheet1", "C3")).toBe("Gold");
  });

  it("refuses, writing nothing, when a cell changed after the check", async () => {
    const excel = installEmptyWorkbook();
    excel.addTable("Sheet1", "Partners", "B2", partners);
    excel.edit("Sheet1", "C3", "Platinum");
    excel.writeSyncs = 0;
    await expect(
      new ExcelScorecardStore().fixPartnerCells([
        { row: 1, column: 1, was: "Silver", value: "Silver" },
        { row: 0, column: 1, was: " gold", value: "Gold" },
      ]),
    ).rejects.toThrow("Sheet1!C3 changed after the data check read it; nothing was written.");
    expect(excel.writeSyncs).toBe(0);
    expect(excel.cell("Sheet1", "C3")).toBe("Platinum");
  });
});
