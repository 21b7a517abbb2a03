/**
 * The Excel adapter against a stateful fake workbook (fakeExcel.ts says why office-addin-mock
 * is not enough here): watching for changes, creating the sample, and saving then loading.
 */
import { serialFromDate } from "../../src/core";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { sampleTables } from "../../src/workbook/sample";
import type { TableData } from "../../src/workbook/store";
import { FakeExcel, installEmptyWorkbook } from "./fakeExcel";

const CRITERIA: TableData = {
  header: ["Criterion", "Method", "Min", "Max", "Weight"],
  rows: [
    ["Revenue", "range", 0, 1000000, 30],
    ["Growth", "target", 0, 20, 20],
    ["Support load", "range", 0, 50, 10],
    ["Deal registrations", "target", 0, 40, 10],
  ],
};
const TIERS: TableData = { header: ["Tier", "Min score"], rows: [["Gold", 70], ["Silver", 50], ["Registered", 0]] };

function workbookWithScorecard(): FakeExcel {
  const excel = new FakeExcel();
  excel.addTable("Scorecard", "Criteria", "A1", CRITERIA);
  excel.addTable("Scorecard", "Tiers", "H1", TIERS);
  (global as unknown as { Excel: unknown }).Excel = excel;
  return excel;
}

const emptyWorkbook = installEmptyWorkbook;

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("watch", () => {
  it("calls the listener for a change made by another hand", async () => {
    const excel = workbookWithScorecard();
    const listener = jest.fn();
    await new ExcelScorecardStore().watch(listener);
    excel.edit("Scorecard", "E2", 45);
    await excel.settle();
    expect(listener).toHaveBeenCalled();
  });

  it("does not call the listener for the store's own save, although its events arrive after the save", async () => {
    const excel = workbookWithScorecard();
    const store = new ExcelScorecardStore();
    const listener = jest.fn();
    await store.watch(listener);
    await store.save({ ...CRITERIA, rows: CRITERIA.rows.slice(0, 2) }, { ...TIERS, rows: [["Gold", 75]] });
    const afterSave = excel.syncs;
    await excel.settle();
    expect(listener).not.toHaveBeenCalled();
    // The save's events did arrive: the store read the tables to judge them.
    expect(excel.syncs).toBeGreaterThan(afterSave);
  });

  it("still reports another hand's change that lands right after the store's save", async () => {
    const excel = workbookWithScorecard();
    const store = new ExcelScorecardStore();
    const listener = jest.fn();
    await store.watch(listener);
    await store.save(CRITERIA, { ...TIERS, rows: [["Gold", 75]] });
    excel.edit("Scorecard", "I2", 80); // before the save's own events have been delivered
    await excel.settle();
    expect(listener).toHaveBeenCalled();
  });

  it("stops calling the listener once unsubscribed", async () => {
    const excel = workbookWithScorecard();
    const listener = jest.fn();
    const stop = await new ExcelScorecardStore().watch(listener);
    await stop();
    excel.edit("Scorecard", "E2", 45);
    await excel.settle();
    expect(listener).not.toHaveBeenCalled();
    expect(excel.table("Criteria").handlers.size).toBe(0);
  });

  it("watches nothing, and costs one sync, in a workbook without a scorecard", async () => {
    const excel = emptyWorkbook();
    const stop = await new ExcelScorecardStore().watch(jest.fn());
    expect(excel.syncs).toBe(1);
    await stop();
  });
});

describe("save then load", () => {
  it("gives back what was saved, an unknown column included, in one sync", async () => {
    const excel = workbookWithScorecard();
    const store = new ExcelScorecardStore();
    const criteria: TableData = {
      header: [...CRITERIA.header, "Owner"],
      rows: CRITERIA.rows.map((row, i) => [...row, i === 0 ? "Finance" : ""]),
    };
    const before = excel.syncs;
    await store.save(criteria, TIERS);
    expect(excel.syncs - before).toBe(1);
    const loaded = await store.load();
    expect(loaded.criteria).toEqual({ ...criteria, address: "Scorecard!A1:F5" });
    const { address: tiersAddress, ...tiers } = loaded.tiers!;
    expect(tiers).toEqual(TIERS);
    expect(tiersAddress).toMatch(/^Scorecard!/);
  });

  it("shrinks a table without leaving its old rows behind as loose cells", async () => {
    const excel = workbookWithScorecard();
    await new ExcelScorecardStore().save({ ...CRITERIA, rows: CRITERIA.rows.slice(0, 1) }, TIERS);
    expect(excel.tableData("Criteria").rows).toEqual([CRITERIA.rows[0]]);
    for (const address of ["A3", "A4", "A5", "E5"]) expect(excel.cell("Scorecard", address)).toBe("");
  });

  it("grows a table and keeps text that looks like a number as text", async () => {
    const excel = workbookWithScorecard();
    const rows = [...CRITERIA.rows, ["0012", "yesno", "", "", 5]];
    await new ExcelScorecardStore().save({ ...CRITERIA, rows }, TIERS);
    expect(excel.tableData("Criteria").rows).toEqual(rows);
  });

  it("fails when a table is missing, and leaves the other as it was", async () => {
    const excel = new FakeExcel();
    excel.addTable("Scorecard", "Criteria", "A1", CRITERIA);
    (global as unknown as { Excel: unknown }).Excel = excel;
    await expect(new ExcelScorecardStore().save({ ...CRITERIA, rows: [] }, TIERS)).rejects.toThrow(/ItemNotFound/);
    expect(excel.tableData("Criteria")).toEqual(CRITERIA);
  });
});

describe("createSample", () => {
  const AS_OF = serialFromDate(2026, 11, 29);

  it("creates both sheets and the three named tables in few syncs, and opens Partners", async () => {
    const excel = emptyWorkbook();
    await new ExcelScorecardStore().createSample(sampleTables(AS_OF));
    expect([...excel.sheets.keys()]).toEqual(["Sheet1", "Scorecard", "Partners"]);
    expect(excel.tables.map((t) => [t.name, t.sheet.name])).toEqual([
      ["Criteria", "Scorecard"],
      ["Tiers", "Scorecard"],
      ["Partners", "Partners"],
    ]);
    expect(excel.activeSheet).toBe("Partners");
    expect(excel.syncs).toBeLessThanOrEqual(3);
  });

  it("writes the formulas and formats dates and scores", async () => {
    const excel = emptyWorkbook();
    await new ExcelScorecardStore().createSample(sampleTables(AS_OF));
    expect(excel.cell("Partners", "L2")).toBe("=PRM.PARTNERSCORE(C2:K2,Criteria[#All],B2,,C$1:K$1)");
    expect(excel.cell("Partners", "J31")).toBe("=PRM.CERTSTATUS(K31)");
    const partners = excel.sheets.get("Partners")!;
    expect(partners.formats.get("1,10")).toBe("yyyy-mm-dd"); // K2: Cert expiry
    expect(partners.formats.get("30,11")).toBe("0.0"); // L31: Score
    expect(partners.formats.has("0,10")).toBe(false); // the header keeps its format
    expect(partners.autofitted).toBe(1);
  });

  it("leaves a scorecard the store loads without a problem", async () => {
    emptyWorkbook();
    const store = new ExcelScorecardStore();
    const sample = sampleTables(AS_OF);
    await store.createSample(sample);
    const loaded = await store.load();
    const blankAsExcel = (rows: unknown[][]) => rows.map((row) => row.map((cell) => cell ?? ""));
    expect(loaded.criteria).toEqual({ header: sample[0].header, rows: blankAsExcel(sample[0].rows), address: "Scorecard!A1:J9" });
    const { address: tiersAddress, ...tiers } = loaded.tiers!;
    expect(tiers).toEqual({ header: sample[1].header, rows: blankAsExcel(sample[1].rows) });
    expect(tiersAddress).toBe(`Scorecard!${sample[1].topLeft}:${String.fromCharCode(sample[1].topLeft.charCodeAt(0) + 2)}5`);
    expect(loaded.partners?.rows).toHaveLength(30);
  });

  it("refuses to write over data on an existing sheet, and changes nothing", async () => {
    const excel = emptyWorkbook();
    excel.addSheet("Partners").write(4, 3, "my own list");
    const sheetsBefore = [...excel.sheets.keys()];
    await expect(new ExcelScorecardStore().createSample(sampleTables(AS_OF))).rejects.toThrow(
      /Sheet Partners already has data in A1:M31/
    );
    expect([...excel.sheets.keys()]).toEqual(sheetsBefore);
    expect(excel.tables).toHaveLength(0);
  });

  it("uses an existing empty sheet", async () => {
    const excel = emptyWorkbook();
    excel.addSheet("Scorecard");
    await new ExcelScorecardStore().createSample(sampleTables(AS_OF));
    expect(excel.table("Criteria").sheet).toBe(excel.sheets.get("Scorecard"));
  });
});

describe("watchPartnerSelection", () => {
  const PARTNERS: TableData = { header: ["Partner", "Revenue"], rows: [["Alpha", 1], ["Beta", 2], ["Gamma", 3]] };

  it("reports the Partners data row the user selects, with its values read in one sync", async () => {
    const excel = workbookWithScorecard();
    excel.addTable("Partners", "Partners", "B3", PARTNERS);
    const seen: unknown[] = [];
    await new ExcelScorecardStore().watchPartnerSelection((row, values) => seen.push([row, values]));
    // A value that changes without an edit event (a formula over another sheet recalculated).
    excel.sheets.get("Partners")!.write(4, 2, 20); // Beta's revenue, C5
    const syncs = excel.syncs;
    excel.select("Partners", "B5");
    await excel.settle();
    excel.select("Partners", "C3"); // the header: no values
    await excel.settle();
    expect(seen).toEqual([
      [1, ["Beta", 20]],
      [null, undefined],
    ]);
    expect(excel.syncs - syncs).toBe(2);
  });

  it("reports the Partners data row the user selects, and stops when told", async () => {
    const excel = workbookWithScorecard();
    excel.addTable("Partners", "Partners", "B3", PARTNERS); // header in row 3, Alpha in row 4
    const rows: (number | null)[] = [];
    const stop = await new ExcelScorecardStore().watchPartnerSelection((row) => rows.push(row));
    excel.select("Partners", "C5"); // Beta
    await excel.settle();
    excel.select("Partners", "B6:C6"); // Gamma, a range
    await excel.settle();
    excel.select("Partners", "B3"); // the header
    await excel.settle();
    excel.select("Partners", "H20"); // outside the table: no partner, nothing reported
    await excel.settle();
    expect(rows).toEqual([1, 2, null]);
    await stop();
    excel.select("Partners", "C4");
    await excel.settle();
    expect(rows).toEqual([1, 2, null]);
  });

  it("watchPartners reports changes to the Partners table by any hand, not to other tables", async () => {
    const excel = workbookWithScorecard();
    excel.addTable("Partners", "Partners", "B3", PARTNERS);
    const listener = jest.fn();
    const stop = await new ExcelScorecardStore().watchPartners(listener);
    excel.edit("Scorecard", "E2", 35); // a weight: Criteria, not Partners
    await excel.settle();
    expect(listener).not.toHaveBeenCalled();
    excel.edit("Partners", "C5", 20); // Beta's revenue
    await excel.settle();
    expect(listener).toHaveBeenCalledTimes(1);
    await stop();
    excel.edit("Partners", "C5", 21);
    await excel.settle();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("watchPartners reports a Partners value recalculated from another sheet, which raises no change event", async () => {
    const excel = workbookWithScorecard();
    excel.addTable("Partners", "Partners", "B3", PARTNERS);
    const listener = jest.fn();
    const wait = 200;
    const stop = await new ExcelScorecardStore({ calculationWaitMs: wait }).watchPartners(listener);
    const afterTheWait = () => new Promise((resolve) => setTimeout(resolve, 2 * wait));
    excel.recalculated("Partners", "C5", 25); // Beta's revenue, =ERP!B7, after a new extract
    excel.recalculated("Partners", "C6", 31); // and Gamma's, in the same burst
    await excel.settle();
    expect(listener).not.toHaveBeenCalled();
    await afterTheWait();
    expect(listener).toHaveBeenCalledTimes(1); // once for the burst
    excel.recalculated("Partners", "C5", 26);
    await afterTheWait();
    expect(listener).toHaveBeenCalledTimes(2);
    // Stopped while a wait is under way: nothing more is reported.
    excel.recalculated("Partners", "C5", 27);
    await excel.settle();
    await stop();
    await afterTheWait();
    excel.recalculated("Partners", "C5", 28);
    await afterTheWait();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it("watchPartners still reports the table's changes where the host lacks the calculation event (ExcelApi 1.8)", async () => {
    const excel = workbookWithScorecard();
    excel.addTable("Partners", "Partners", "B3", PARTNERS);
    excel.calculatedEventMissing = true;
    const listener = jest.fn();
    const stop = await new ExcelScorecardStore().watchPartners(listener);
    excel.edit("Partners", "C5", 20);
    await excel.settle();
    expect(listener).toHaveBeenCalledTimes(1);
    await stop();
  });

  it("is a no-op in a workbook without a Partners table", async () => {
    const excel = workbookWithScorecard();
    const listener = jest.fn();
    const stop = await new ExcelScorecardStore().watchPartnerSelection(listener);
    excel.select("Scorecard", "A2");
    await excel.settle();
    expect(listener).not.toHaveBeenCalled();
    await stop();
  });
});
