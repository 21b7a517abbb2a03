/**
 * ExcelScorecardStore.writeOwnedSheet (the copy for colleagues) against office-addin-mock,
 * counting context.sync(): the write is one sync after the reads, and a sheet the add-in did
 * not make is never written.
 */
// As in excelStore.test.ts: office-addin-mock needs only this enum of office-addin-manifest.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import type { OwnedSheet } from "../../src/workbook/store";

type Mock = OfficeMockObject & Record<string, any>;

const MARKER = "Made by the add-in";
const SHEET: OwnedSheet = {
  name: "Scorecard copy",
  marker: MARKER,
  cells: [
    [MARKER, null],
    ["Partner", "Score"],
    ['=Partners!$A2&""', "=IF(ISBLANK(Partners!$C2),\"\",Partners!$C2*2)"],
    ["1/2", 7],
  ],
};
const WRITTEN = [
  [MARKER, ""],
  ["Partner", "Score"],
  ['=Partners!$A2&""', '=IF(ISBLANK(Partners!$C2),"",Partners!$C2*2)'],
  // Text Excel would read as a date keeps its quote prefix; numbers stay numbers.
  ["'1/2", 7],
];

/** A sheet mock: A1 holds `first`; getRange() is the whole sheet; any other address the block written. */
function sheetMock(first: unknown) {
  return {
    a1: { values: [[first]] },
    whole: { clear: jest.fn() },
    block: { formulas: [] as unknown[][] },
    /** Called with each address of a block asked for. */
    at: jest.fn(),
    getRange(this: Mock, address?: string) {
      if (address === undefined) return this.whole;
      if (address === "A1") return this.a1;
      this.at(address);
      return this.block;
    },
  };
}

function mockExcel(existingFirstCell: unknown | undefined) {
  const added = sheetMock(null);
  const existing = existingFirstCell === undefined ? null : sheetMock(existingFirstCell);
  const add = jest.fn(() => excel.context.workbook.worksheets.added);
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          existing: existing ?? {},
          added,
          getItemOrNullObject(this: Mock) {
            return this.existing;
          },
          add,
        },
      },
    },
    run: async function (this: Mock, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as Mock;
  const { worksheets } = excel.context.workbook;
  worksheets.existing.isNullObject = existing === null;
  const sync = jest.spyOn(excel.context, "sync");
  (global as unknown as { Excel: unknown }).Excel = excel;
  return { sync, add, worksheets };
}

describe("ExcelScorecardStore.writeOwnedSheet against office-addin-mock", () => {
  afterEach(() => {
    delete (global as unknown as { Excel?: unknown }).Excel;
  });

  it("creates the sheet and writes every cell as formulas in one write sync after one read", async () => {
    const { sync, add, worksheets } = mockExcel(undefined);
    await expect(new ExcelScorecardStore().writeOwnedSheet(SHEET, false)).resolves.toBe("written");
    expect(add).toHaveBeenCalledWith("Scorecard copy");
    expect(worksheets.added.at.mock.calls).toEqual([["A1:B4"]]);
    expect(worksheets.added.block.formulas).toEqual(WRITTEN);
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("rewrites a sheet whose A1 holds the marker: cleared, then written in the one write sync", async () => {
    const { sync, add, worksheets } = mockExcel(MARKER);
    await expect(new ExcelScorecardStore().writeOwnedSheet(SHEET, true)).resolves.toBe("written");
    expect(add).not.toHaveBeenCalled();
    expect(worksheets.existing.whole.clear).toHaveBeenCalledTimes(1);
    expect(worksheets.existing.block.formulas).toEqual(WRITTEN);
    // Two reads (is there such a sheet, what is in its A1), one write.
    expect(sync).toHaveBeenCalledTimes(3);
  });

  it("refuses a sheet of that name that the add-in did not make, and writes nothing", async () => {
    const { sync, add, worksheets } = mockExcel("My own notes");
    await expect(new ExcelScorecardStore().writeOwnedSheet(SHEET, false)).rejects.toThrow(
      /already has a sheet named "Scorecard copy" that the add-in did not make; nothing was changed/,
    );
    expect(add).not.toHaveBeenCalled();
    expect(worksheets.existing.whole.clear).not.toHaveBeenCalled();
    expect(worksheets.existing.at).not.toHaveBeenCalled();
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("with onlyIfPresent, creates nothing when there is no such sheet (the rewrite after Apply)", async () => {
    const { sync, add } = mockExcel(undefined);
    await expect(new ExcelScorecardStore().writeOwnedSheet(SHEET, true)).resolves.toBe("absent");
    expect(add).not.toHaveBeenCalled();
    expect(sync).toHaveBeenCalledTimes(1);
  });

  it("refuses a cell that cannot be written before touching Excel", async () => {
    const { sync } = mockExcel(undefined);
    const bad = { ...SHEET, cells: [[MARKER, { not: "a cell" }]] };
    await expect(new ExcelScorecardStore().writeOwnedSheet(bad, false)).rejects.toThrow(/Cannot write/);
    expect(sync).not.toHaveBeenCalled();
  });
});
