/**
 * The Excel adapter against office-addin-mock, Microsoft's mock of the Office API: every
 * context.sync() is counted, every value written is read back from the mock (officeMock.ts).
 * Events and a workbook whose content changes (what watch() needs) are in excelStore.fake.test.ts.
 */
// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full import
// drags in an ES-module dependency (strip-bom) that this project's jest does not transform.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { ExcelScorecardStore, NO_TABLE_RESIZE } from "../../src/workbook/excelStore";
import type { TableData } from "../../src/workbook/store";
import { sampleTables } from "../../src/workbook/sample";
import { officeWorkbook, type TableSpec } from "./officeMock";

const CRITERIA: TableSpec = {
  header: ["Criterion", "Method", "Weight", "Owner"],
  rows: [
    ["Revenue", "range", 30, "Finance"],
    ["Strategic fit", "yesno", 10, ""],
  ],
};
const TIERS: TableSpec = { header: ["Tier", "Min score"], rows: [["Gold", 70], ["Registered", 0]] };
const PARTNERS: TableSpec = { header: ["Partner", "Revenue", "Strategic fit"], rows: [["Alder Peak IT", 1200, "Yes"]] };

/** A workbook holding `tables` (by name), with `Excel.run` and a sync counter. */
function mockExcel(tables: Record<string, TableSpec>, sheets: string[] = []) {
  const mock = officeWorkbook(tables, sheets, jest.fn);
  // Counts the calls and still runs the mock's own sync, which makes loaded values readable.
  const sync = jest.spyOn(mock.excel.context, "sync");
  (global as unknown as { Excel: unknown }).Excel = mock.excel;
  return { ...mock, sync };
}

describe("ExcelScorecardStore against office-addin-mock", () => {
  afterEach(() => {
    delete (global as unknown as { Excel?: unknown }).Excel;
  });

  describe("load", () => {
    it("reads header and rows of the three tables, as Excel gives them, in at most two syncs", async () => {
      const { sync } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS, Partners: PARTNERS });
      const scorecard = await new ExcelScorecardStore().load();
      expect(scorecard).toEqual({
        criteria: { header: CRITERIA.header, rows: CRITERIA.rows, address: "Scorecard!A1:D3" },
        tiers: { header: TIERS.header, rows: TIERS.rows, address: "Scorecard!A1:B3" },
        partners: { header: PARTNERS.header, rows: PARTNERS.rows, address: "Scorecard!A1:C2" },
      });
      expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    });

    it("reads the Partners data rows as formulas too when asked, in the same syncs", async () => {
      const formulas = [["Alder Peak IT", "=SUM(1200)", "=PRM.CERTSTATUS(K2)"]];
      const { sync } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS, Partners: { ...PARTNERS, formulas } });
      const scorecard = await new ExcelScorecardStore().load({ formulasOf: ["Partners"] });
      expect(scorecard.partners).toEqual({ header: PARTNERS.header, rows: PARTNERS.rows, address: "Scorecard!A1:C2", formulas });
      // Only the table asked for.
      expect(scorecard.criteria).not.toHaveProperty("formulas");
      expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    });

    it("maps missing tables to null", async () => {
      const { sync } = mockExcel({ Tiers: TIERS });
      await expect(new ExcelScorecardStore().load()).resolves.toEqual({
        criteria: null,
        tiers: { header: TIERS.header, rows: TIERS.rows, address: "Scorecard!A1:B3" },
        partners: null,
      });
      expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
    });

    it("needs a single sync in a workbook without a scorecard", async () => {
      const { sync } = mockExcel({});
      await expect(new ExcelScorecardStore().load()).resolves.toEqual({ criteria: null, tiers: null, partners: null });
      expect(sync).toHaveBeenCalledTimes(1);
    });
  });

  describe("save", () => {
    const newCriteria: TableData = {
      header: CRITERIA.header,
      rows: [
        ["Revenue", "range", 40, "Finance"],
        ["Deal registrations", "target", 20, null],
        ["Strategic fit", "yesno", 10, ""],
      ],
    };
    const newTiers: TableData = { header: TIERS.header, rows: [["Gold", 75]] };

    it("writes both tables in exactly one sync", async () => {
      const { sync } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS });
      await new ExcelScorecardStore({ canResizeTables: true }).save(newCriteria, newTiers);
      expect(sync).toHaveBeenCalledTimes(1);
    });

    it("refuses, saying why and writing nothing, where Excel cannot resize tables", async () => {
      const { sync, table } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS });
      const store = new ExcelScorecardStore({ canResizeTables: false });
      await expect(store.save(newCriteria, newTiers)).rejects.toThrow(NO_TABLE_RESIZE);
      expect(sync).not.toHaveBeenCalled();
      expect(table("Criteria").resize).not.toHaveBeenCalled();
    });

    it("resizes each table to header + rows and writes that whole rectangle as values", async () => {
      const { table } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS });
      await new ExcelScorecardStore().save(newCriteria, newTiers);

      const criteria = table("Criteria");
      expect(criteria.header.cell.getResizedRange).toHaveBeenCalledWith(3, 3);
      expect(criteria.resize).toHaveBeenCalledWith(criteria.header.cell.written);
      // The Owner column is unknown to the pane and is written back as given; a blank is "".
      expect(criteria.header.cell.written.values).toEqual([
        ["Criterion", "Method", "Weight", "Owner"],
        ["Revenue", "range", 40, "Finance"],
        ["Deal registrations", "target", 20, ""],
        ["Strategic fit", "yesno", 10, ""],
      ]);
      // The old body is cleared first, so rows left outside a shrunk table do not linger.
      expect(criteria.body.clear).toHaveBeenCalledWith("Contents");

      const tiers = table("Tiers");
      expect(tiers.header.cell.getResizedRange).toHaveBeenCalledWith(1, 1);
      expect(tiers.header.cell.written.values).toEqual([["Tier", "Min score"], ["Gold", 75]]);
      expect(tiers.body.clear).toHaveBeenCalledWith("Contents");
      expect(tiers.showTotals).toBe(false);
    });

    it("keeps one blank data row for a table saved without rows", async () => {
      const { table } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS });
      await new ExcelScorecardStore().save(newCriteria, { header: TIERS.header, rows: [] });
      expect(table("Tiers").header.cell.getResizedRange).toHaveBeenCalledWith(1, 1);
      expect(table("Tiers").header.cell.written.values).toEqual([["Tier", "Min score"], ["", ""]]);
    });

    it("puts back a totals row that the last load saw", async () => {
      const { table } = mockExcel({ Criteria: { ...CRITERIA, showTotals: true }, Tiers: TIERS });
      const store = new ExcelScorecardStore();
      await store.load();
      await store.save(newCriteria, newTiers);
      expect(table("Criteria").showTotals).toBe(true);
      expect(table("Tiers").showTotals).toBe(false);
      // With the totals row off while resizing, the new range holds header and data rows only.
      expect(table("Criteria").header.cell.getResizedRange).toHaveBeenCalledWith(3, 3);
    });

    it("reads sheet protection in the load's syncs, then refuses to save without a sync or a write", async () => {
      const { sync, table } = mockExcel({ Criteria: CRITERIA, Tiers: { ...TIERS, sheetProtected: true } });
      const store = new ExcelScorecardStore({ canResizeTables: true });
      const loaded = await store.load();
      expect(sync.mock.calls.length).toBeLessThanOrEqual(2);
      expect(loaded.tiers?.sheetProtected).toBe(true);
      expect(loaded.criteria?.sheetProtected).toBeUndefined();
      sync.mockClear();
      await expect(store.save(newCriteria, newTiers)).rejects.toMatchObject({ code: "AccessDenied", message: expect.stringMatching(/Tiers table is protected; nothing was written/) });
      expect(sync).not.toHaveBeenCalled();
      expect(table("Criteria").resize).not.toHaveBeenCalled();
      expect(table("Criteria").body.clear).not.toHaveBeenCalled();
    });

    it("writes nothing, and does not sync, when a row does not fit the header", async () => {
      const { sync, table } = mockExcel({ Criteria: CRITERIA, Tiers: TIERS });
      const bad = { header: TIERS.header, rows: [["Gold"]] };
      await expect(new ExcelScorecardStore().save(newCriteria, bad)).rejects.toThrow(/Row 1 of the Tiers table/);
      expect(sync).not.toHaveBeenCalled();
      expect(table("Criteria").resize).not.toHaveBeenCalled();
    });
  });

  describe("createSample", () => {
    it("refuses to overwrite a workbook that already has a Criteria table, and changes nothing", async () => {
      const { sync, addSheet, table } = mockExcel({ Criteria: CRITERIA }, ["Scorecard"]);
      await expect(new ExcelScorecardStore().createSample(sampleTables())).rejects.toThrow(
        /already has a table named Criteria/
      );
      expect(sync).toHaveBeenCalledTimes(1);
      expect(addSheet).not.toHaveBeenCalled();
      expect(table("Criteria").resize).not.toHaveBeenCalled();
    });
  });
});
