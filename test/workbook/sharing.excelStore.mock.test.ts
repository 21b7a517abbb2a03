/**
 * The Sharing section's writes (a snapshot appended to History, a values-only export) through
 * ExcelScorecardStore against office-addin-mock, counting context.sync(): each queues all of
 * its writes after its reads, so exactly one sync carries them.
 */
// As in excelStore.test.ts: office-addin-mock needs only this enum of office-addin-manifest.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";

type Mock = OfficeMockObject & Record<string, any>;

/** Syncs counted, and the count each write was queued at: writes after the last read. */
function installExcel(workbook: Record<string, unknown>) {
  const excel = new OfficeMockObject({
    context: { workbook },
    run: async function (this: Mock, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as Mock;
  const sync = jest.spyOn(excel.context, "sync");
  (global as unknown as { Excel: unknown }).Excel = excel;
  return { excel, sync };
}

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("ExcelScorecardStore.appendHistory against office-addin-mock", () => {
  /** A History table that exists, with a Notes column a user added between Partner and Score. */
  function historyWorkbook() {
    const syncsAtWrite: number[] = [];
    let syncs = (): number => 0;
    const added = { numberFormat: [] as string[][] };
    const table = {
      header: { values: [["Date", "Partner", "Notes", "Score", "Tier"]] },
      // The rows just added: the body's last row, offset up and resized to their count.
      body: {
        lastRow: {
          block: {
            added,
            getResizedRange(this: Mock) {
              return this.added;
            },
          },
          getOffsetRange(this: Mock) {
            return this.block;
          },
        },
        getLastRow(this: Mock) {
          return this.lastRow;
        },
      },
      rows: {
        add: jest.fn(() => {
          syncsAtWrite.push(syncs());
        }),
      },
      getHeaderRowRange(this: Mock) {
        return this.header;
      },
      getDataBodyRange(this: Mock) {
        return this.body;
      },
    };
    const workbook = {
      tables: {
        history: table,
        getItemOrNullObject(this: Mock) {
          return this.history;
        },
      },
      worksheets: {
        sheet: {},
        getItemOrNullObject(this: Mock) {
          return this.sheet;
        },
      },
    };
    const { excel, sync } = installExcel(workbook);
    excel.context.workbook.tables.history.isNullObject = false;
    excel.context.workbook.worksheets.sheet.isNullObject = false;
    syncs = () => sync.mock.calls.length;
    return { excel, sync, syncsAtWrite, rows: excel.context.workbook.tables.history.rows };
  }

  it("appends under the table's columns by name in one write sync after two reads", async () => {
    const { sync, syncsAtWrite, rows, excel } = historyWorkbook();
    await new ExcelScorecardStore().appendHistory([
      [46355, "Alder Peak IT", 88.5, "Platinum"],
      [46355, "Birch Lane", 41, "Registered"],
    ]);
    expect(rows.add).toHaveBeenCalledTimes(1);
    // The user's Notes column is left blank; nothing already in the table is touched.
    expect(rows.add.mock.calls[0][1]).toEqual([
      [46355, "Alder Peak IT", "", 88.5, "Platinum"],
      [46355, "Birch Lane", "", 41, "Registered"],
    ]);
    expect(excel.context.workbook.tables.history.body.lastRow.block.added.numberFormat).toEqual([
      ["yyyy-mm-dd", "General", "General", "0.0", "General"],
      ["yyyy-mm-dd", "General", "General", "0.0", "General"],
    ]);
    expect(sync).toHaveBeenCalledTimes(3);
    expect(syncsAtWrite).toEqual([2]);
  });

  it("writes nothing, and makes no round trip, for an empty snapshot or a malformed row", async () => {
    const { sync, rows } = historyWorkbook();
    await new ExcelScorecardStore().appendHistory([]);
    await expect(new ExcelScorecardStore().appendHistory([[46355, "Alder Peak IT", { not: "a cell" }, "Gold"]])).rejects.toThrow();
    expect(rows.add).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
  });
});

describe("ExcelScorecardStore.writeValuesSheet against office-addin-mock", () => {
  function exportWorkbook(existing: string[]) {
    const written = { values: [] as unknown[][], numberFormat: [] as string[][], format: { autofitColumns: jest.fn() } };
    const added = {
      activate: jest.fn(),
      block: written,
      getRange: jest.fn(function (this: Mock) {
        return this.block;
      }),
    };
    const { excel, sync } = installExcel({
      worksheets: {
        added,
        add: jest.fn(function (this: Mock) {
          return this.added;
        }),
      },
    });
    const worksheets = excel.context.workbook.worksheets;
    // office-addin-mock cannot load a collection's `items/name`: the names are there once loaded.
    worksheets.load = jest.fn(() => {
      worksheets.items = existing.map((name) => ({ name }));
      return worksheets;
    });
    return { sync, worksheets };
  }

  it("adds a sheet under a free name and writes the values in one write sync after one read", async () => {
    const { sync, worksheets } = exportWorkbook(["Partners", "Scores 2026-11-29"]);
    const name = await new ExcelScorecardStore().writeValuesSheet({
      name: "Scores 2026-11-29",
      cells: [
        ["scores as of", 46355],
        ["Partner", "Score"],
        ["=cmd|' /c calc'!A0", 88.5],
      ],
      numberFormats: [
        ["General", "yyyy-mm-dd"],
        ["General", "General"],
        ["General", "0.0"],
      ],
    });
    expect(name).toBe("Scores 2026-11-29 (2)");
    expect(worksheets.add).toHaveBeenCalledWith("Scores 2026-11-29 (2)");
    expect(worksheets.added.getRange).toHaveBeenCalledWith("A1:B3");
    // Values only: text that looks like a formula stays text (a quote prefix).
    expect(worksheets.added.block.values[2][0]).toBe("'=cmd|' /c calc'!A0");
    expect(worksheets.added.block.numberFormat[0][1]).toBe("yyyy-mm-dd");
    expect(sync).toHaveBeenCalledTimes(2);
  });

  it("refuses ragged rows before any round trip", async () => {
    const { sync, worksheets } = exportWorkbook([]);
    await expect(
      new ExcelScorecardStore().writeValuesSheet({ name: "Scores", cells: [["a", "b"], ["c"]], numberFormats: [["General", "General"], ["General"]] }),
    ).rejects.toThrow(/as many cells/);
    expect(worksheets.add).not.toHaveBeenCalled();
    expect(sync).not.toHaveBeenCalled();
  });
});
