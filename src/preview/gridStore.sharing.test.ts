/** The preview's History table and values-only export, over the grid. */
import { serialFromDate } from "../core";
import { GridStore } from "./gridStore";
import { Workbook } from "./workbook";

const MAY_1 = serialFromDate(2026, 5, 1);
const JUNE_1 = serialFromDate(2026, 6, 1);

describe("GridStore History", () => {
  it("creates the Tier history sheet (Excel reserves the sheet name History) and the History table on first use, then appends below, rewriting nothing", async () => {
    const workbook = new Workbook();
    const store = new GridStore(workbook);
    expect(await store.loadHistory()).toBeNull();
    await store.appendHistory([
      [MAY_1, "Alpha", 72.5, "Gold"],
      [MAY_1, "=1+1", 40, "Silver"],
    ]);
    expect(workbook.sheetNames).toEqual(["Sheet1", "Tier history"]);
    workbook.enter({ sheet: "Tier history", row: 1, col: 3 }, "Gold (checked)");
    await store.appendHistory([[JUNE_1, "Alpha", 60, "Silver"]]);
    expect(await store.loadHistory()).toEqual({
      header: ["Date", "Partner", "Score", "Tier"],
      rows: [
        [MAY_1, "Alpha", 72.5, "Gold (checked)"],
        // A partner named like a formula is kept as its text.
        [MAY_1, "=1+1", 40, "Silver"],
        [JUNE_1, "Alpha", 60, "Silver"],
      ],
      address: "'Tier history'!A1:D4",
    });
    expect(
      workbook.numberFormat({ sheet: "Tier history", row: 3, col: 0 }),
    ).toBe("yyyy-mm-dd");
    expect(
      workbook.numberFormat({ sheet: "Tier history", row: 3, col: 2 }),
    ).toBe("0.0");
    expect(
      workbook.numberFormat({ sheet: "Tier history", row: 0, col: 0 }),
    ).toBeUndefined();
  });

  it("refuses, writing nothing, where the rows would land on data", async () => {
    const workbook = new Workbook(["Sheet1", "Tier history"]);
    workbook.enter({ sheet: "Tier history", row: 1, col: 0 }, "my notes");
    const store = new GridStore(workbook);
    await expect(
      store.appendHistory([[MAY_1, "Alpha", 72.5, "Gold"]]),
    ).rejects.toThrow(/Sheet Tier history already has data at A2/);
    expect(workbook.tables.all()).toEqual([]);

    const grown = new Workbook();
    const growing = new GridStore(grown);
    await growing.appendHistory([[MAY_1, "Alpha", 72.5, "Gold"]]);
    // Written, not typed: typed right below the table, it would join the table, as in Excel.
    grown.write({ sheet: "Tier history", row: 2, col: 1 }, "below the table");
    await expect(
      growing.appendHistory([[JUNE_1, "Alpha", 60, "Silver"]]),
    ).rejects.toThrow(/already has data at B3/);
    expect((await growing.loadHistory())?.rows).toHaveLength(1);
  });
});

describe("GridStore values sheet", () => {
  it("adds a sheet of values with its formats, under a free name, and shows it", async () => {
    const workbook = new Workbook(["Sheet1", "Scores 2026-05-01"]);
    const shown: string[] = [];
    workbook.on(
      (event) => event.kind === "activate" && shown.push(event.sheet),
    );
    const name = await new GridStore(workbook).writeValuesSheet({
      name: "Scores 2026-05-01",
      cells: [
        ["Partner scores as of", MAY_1],
        ["Alpha", "=cmd"],
      ],
      numberFormats: [
        ["General", "yyyy-mm-dd"],
        ["General", "General"],
      ],
    });
    expect(name).toBe("Scores 2026-05-01 (2)");
    expect(shown).toEqual([name]);
    expect(workbook.cell({ sheet: name, row: 0, col: 1 }).value).toBe(MAY_1);
    expect(workbook.numberFormat({ sheet: name, row: 0, col: 1 })).toBe(
      "yyyy-mm-dd",
    );
    expect(workbook.cell({ sheet: name, row: 1, col: 1 }).value).toBe("=cmd");
  });
});

describe("GridStore evaluation date", () => {
  it("writes the date into the Evaluation table in one batch, and the cell computes it", async () => {
    const workbook = new Workbook(["Scorecard"]);
    workbook.setTable({
      name: "Evaluation",
      sheet: "Scorecard",
      topLeft: { row: 0, col: 17 },
      width: 1,
      height: 2,
    });
    workbook.write({ sheet: "Scorecard", row: 0, col: 17 }, "Evaluation date");
    workbook.write({ sheet: "Scorecard", row: 1, col: 17 }, MAY_1);
    const batches: string[] = [];
    workbook.on((event) => batches.push(event.kind));
    await new GridStore(workbook).setEvaluationDate(JUNE_1);
    const at = { sheet: "Scorecard", row: 1, col: 17 };
    expect(workbook.cell(at)).toMatchObject({
      input: "=DATE(2026,6,1)",
      value: JUNE_1,
    });
    expect(workbook.numberFormat(at)).toBe("yyyy-mm-dd");
    expect(batches.filter((kind) => kind === "values")).toHaveLength(1);
  });

  it("refuses, writing nothing, without the Evaluation table", async () => {
    await expect(
      new GridStore(new Workbook()).setEvaluationDate(JUNE_1),
    ).rejects.toThrow(/no Evaluation table/);
  });
});
