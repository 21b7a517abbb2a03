/**
 * The Excel adapter's History and values-only export against the stateful fake workbook,
 * counting context.sync() calls: one write sync per action, reads before it.
 */
import { serialFromDate } from "../../src/core";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { installEmptyWorkbook } from "./fakeExcel";

const MAY_1 = serialFromDate(2026, 5, 1);
const JUNE_1 = serialFromDate(2026, 6, 1);

const workbook = installEmptyWorkbook;

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("History", () => {
  it("reads no History table as null", async () => {
    workbook();
    await expect(new ExcelScorecardStore().loadHistory()).resolves.toBeNull();
  });

  it("creates the Tier history sheet (Excel reserves the sheet name History) and the History table on first use, in one write sync, dates and scores formatted", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    await store.appendHistory([
      [MAY_1, "Alpha", 72.5, "Gold"],
      [MAY_1, "=HYPERLINK(\"x\")", 40, "Silver"],
    ]);
    expect(excel.writeSyncs).toBe(1);
    expect(excel.syncs).toBe(2);
    expect(excel.tableData("History")).toEqual({
      header: ["Date", "Partner", "Score", "Tier"],
      rows: [
        [MAY_1, "Alpha", 72.5, "Gold"],
        [MAY_1, "=HYPERLINK(\"x\")", 40, "Silver"],
      ],
    });
    // The partner named like a formula was written quoted, so it stays text.
    const history = excel.sheets.get("Tier history")!;
    expect(history.formats.get("1,0")).toBe("yyyy-mm-dd");
    expect(history.formats.get("2,2")).toBe("0.0");
    expect((await store.loadHistory())?.address).toBe("'Tier history'!A1:D3");
  });

  it("appends below what is there, in one write sync, and rewrites none of it", async () => {
    const excel = workbook();
    const store = new ExcelScorecardStore();
    await store.appendHistory([[MAY_1, "Alpha", 72.5, "Gold"]]);
    excel.edit("Tier history", "B2", "Alpha (renamed by hand)");
    excel.syncs = 0;
    excel.writeSyncs = 0;
    await store.appendHistory([
      [JUNE_1, "Alpha", 60, "Silver"],
      [JUNE_1, "Beta", 80, "Gold"],
    ]);
    // Reads: whether History exists, then its header; then the one write.
    expect([excel.syncs, excel.writeSyncs]).toEqual([3, 1]);
    expect(excel.tableData("History").rows).toEqual([
      [MAY_1, "Alpha (renamed by hand)", 72.5, "Gold"],
      [JUNE_1, "Alpha", 60, "Silver"],
      [JUNE_1, "Beta", 80, "Gold"],
    ]);
    const history = excel.sheets.get("Tier history")!;
    expect([history.formats.get("2,0"), history.formats.get("3,0"), history.formats.get("3,2")]).toEqual(["yyyy-mm-dd", "yyyy-mm-dd", "0.0"]);
  });

  it("puts each value under its column by name, and blanks under a column the user added", async () => {
    const excel = workbook();
    excel.addTable("Snapshots", "History", "A1", { header: ["Partner", "Date", "Notes", "Tier", "Score"], rows: [["Alpha", MAY_1, "checked", "Gold", 72.5]] });
    await new ExcelScorecardStore().appendHistory([[JUNE_1, "Alpha", 60, "Silver"]]);
    expect(excel.tableData("History").rows).toEqual([
      ["Alpha", MAY_1, "checked", "Gold", 72.5],
      ["Alpha", JUNE_1, "", "Silver", 60],
    ]);
    // The table is found by its name on whichever sheet it is (here one an older version made).
    expect(excel.sheets.has("Tier history")).toBe(false);
    const history = excel.sheets.get("Snapshots")!;
    expect([history.formats.get("2,1"), history.formats.get("2,4")]).toEqual(["yyyy-mm-dd", "0.0"]);
  });

  it("refuses, writing nothing, a History table that lost one of its columns", async () => {
    const excel = workbook();
    excel.addTable("Tier history", "History", "A1", { header: ["Date", "Partner", "Points"], rows: [[MAY_1, "Alpha", 1]] });
    await expect(new ExcelScorecardStore().appendHistory([[JUNE_1, "Alpha", 60, "Silver"]])).rejects.toThrow(
      /The History table has no Score, Tier column/
    );
    expect(excel.writeSyncs).toBe(0);
    expect(excel.tableData("History").rows).toEqual([[MAY_1, "Alpha", 1]]);
  });

  it("uses an empty Tier history sheet someone made, but refuses one with data where the table goes, writing nothing", async () => {
    const excel = workbook();
    excel.addSheet("Tier history");
    await new ExcelScorecardStore().appendHistory([[MAY_1, "Alpha", 72.5, "Gold"]]);
    expect(excel.table("History").sheet.name).toBe("Tier history");

    const other = workbook();
    other.addSheet("Tier history").write(1, 1, "my notes");
    await expect(new ExcelScorecardStore().appendHistory([[MAY_1, "Alpha", 72.5, "Gold"]])).rejects.toThrow(
      /Sheet Tier history already has data in A1:D2, where the History table goes; nothing was written/
    );
    expect(other.tables).toHaveLength(0);
    expect(other.writeSyncs).toBe(0);
    expect(other.cell("Tier history", "B2")).toBe("my notes");
  });

  it("writes nothing for a row of the wrong width", async () => {
    const excel = workbook();
    await expect(new ExcelScorecardStore().appendHistory([[MAY_1, "Alpha", 72.5]])).rejects.toThrow(/Row 1 of the History table has 3 cells for 4 columns/);
    expect(excel.syncs).toBe(0);
  });
});

describe("writeValuesSheet", () => {
  const sheet = {
    name: "Scores 2026-05-01",
    cells: [
      ["Partner scores as of", MAY_1, ""],
      ["", "", ""],
      ["Partner", "Score", "Tier"],
      ["Alpha", 72.5, "Gold"],
    ],
    numberFormats: [
      ["General", "yyyy-mm-dd", "General"],
      ["General", "General", "General"],
      ["General", "General", "General"],
      ["General", "0.0", "General"],
    ],
  };

  it("adds a new sheet of values in one write sync and shows it", async () => {
    const excel = workbook();
    await expect(new ExcelScorecardStore().writeValuesSheet(sheet)).resolves.toBe("Scores 2026-05-01");
    expect([excel.syncs, excel.writeSyncs]).toEqual([2, 1]);
    expect(excel.cell("Scores 2026-05-01", "B1")).toBe(MAY_1);
    expect(excel.cell("Scores 2026-05-01", "C4")).toBe("Gold");
    expect(excel.sheets.get("Scores 2026-05-01")!.formats.get("0,1")).toBe("yyyy-mm-dd");
    expect(excel.activeSheet).toBe("Scores 2026-05-01");
  });

  it("never replaces a sheet: a taken name gets a number", async () => {
    const excel = workbook();
    excel.addSheet("scores 2026-05-01").write(0, 0, "someone's sheet");
    await expect(new ExcelScorecardStore().writeValuesSheet(sheet)).resolves.toBe("Scores 2026-05-01 (2)");
    expect(excel.cell("scores 2026-05-01", "A1")).toBe("someone's sheet");
    expect(excel.cell("Scores 2026-05-01 (2)", "A4")).toBe("Alpha");
  });
});

describe("setEvaluationDate", () => {
  it("writes the Evaluation table's date as a DATE formula (right in 1904 workbooks too) in one write sync", async () => {
    const excel = workbook();
    excel.addTable("Scorecard", "Evaluation", "R1", { header: ["Evaluation date"], rows: [[MAY_1]] });
    excel.syncs = 0;
    await new ExcelScorecardStore().setEvaluationDate(JUNE_1);
    // One read to find the table, then the one write.
    expect([excel.syncs, excel.writeSyncs]).toEqual([2, 1]);
    expect(excel.cell("Scorecard", "R2")).toBe("=DATE(2026,6,1)");
    expect(excel.sheets.get("Scorecard")!.formats.get("1,17")).toBe("yyyy-mm-dd");
  });

  it("writes nothing, and says what to do, in a workbook without the Evaluation table", async () => {
    const excel = workbook();
    await expect(new ExcelScorecardStore().setEvaluationDate(JUNE_1)).rejects.toThrow(/This workbook has no Evaluation table/);
    expect(excel.writeSyncs).toBe(0);
  });
});
