/** The preview's ScorecardStore over the grid, with the real sample and the built functions. */
import { loadBuiltFunctions } from "../../test/host/loadBuild";
import { sampleTables } from "../workbook/sample";
import { registerCustomFunctions } from "./customFunctionsPlugin";
import { GridStore } from "./gridStore";
import { Workbook } from "./workbook";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

async function sampleWorkbook(): Promise<{
  workbook: Workbook;
  store: GridStore;
}> {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  // Today's date, as CERTSTATUS judges against today: the sample then shows every status.
  await store.createSample(sampleTables());
  return { workbook, store };
}

/** The Partners table's column named `header`, read through the store. */
async function column(store: GridStore, header: string): Promise<unknown[]> {
  const { partners } = await store.load();
  const index = partners!.header.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return partners!.rows.map((row) => row[index]);
}

describe("GridStore", () => {
  it("creates the sample's sheets and tables, and every partner gets a score and a tier", async () => {
    const { workbook, store } = await sampleWorkbook();
    expect(workbook.sheetNames).toEqual(["Sheet1", "Scorecard", "Partners"]);
    const { criteria, tiers } = await store.load();
    const sample = sampleTables();
    expect(criteria?.header).toEqual(sample[0].header);
    expect(criteria).toMatchObject({ address: "Scorecard!A1:J9" });
    expect(tiers).toMatchObject({ address: "Scorecard!M1:O5" });
    expect(tiers?.rows.map((r) => r[0])).toEqual(
      sample[1].rows.map((r) => r[0]),
    );
    // Blank cells read back as "", as Excel's range.values gives them.
    expect(tiers?.rows[3][2]).toBe("");
    const scores = await column(store, "Score");
    expect(scores).toHaveLength(sample[2].rows.length);
    for (const score of scores) {
      expect(typeof score).toBe("number");
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(100);
    }
    expect(new Set(await column(store, "Tier"))).toEqual(
      new Set(["Platinum", "Gold", "Silver", "Registered"]),
    );
    expect(new Set(await column(store, "Certification"))).toEqual(
      new Set(["Active", "Expiring", "Expired", "None"]),
    );
  });

  it("formats the columns the Excel adapter formats", async () => {
    const { workbook } = await sampleWorkbook();
    expect(workbook.numberFormat({ sheet: "Partners", row: 1, col: 10 })).toBe(
      "yyyy-mm-dd",
    );
    expect(
      workbook.numberFormat({ sheet: "Partners", row: 0, col: 10 }),
    ).toBeUndefined();
  });

  it("saves new weights in one batch and the scores follow", async () => {
    const { workbook, store } = await sampleWorkbook();
    const before = await column(store, "Score");
    const { criteria, tiers } = await store.load();
    // The sample scores each partner by its type's profile: resellers use Weight (Reseller).
    const weight = criteria!.header.indexOf("Weight (Reseller)");
    criteria!.rows[0][weight] = 80;
    let recalculations = 0;
    workbook.on((event) => event.kind === "values" && recalculations++);
    await store.save(criteria!, tiers!);
    expect(recalculations).toBe(1);
    const after = await column(store, "Score");
    expect(after).not.toEqual(before);
    expect((await store.load()).criteria!.rows[0][weight]).toBe(80);
  });

  it("grows and shrinks a table, and the formulas that use it follow", async () => {
    const { store } = await sampleWorkbook();
    const { criteria, tiers } = await store.load();
    // A ninth criterion that every partner lacks: skipped, so the scores stay numbers.
    const extra = criteria!.header.map((h) =>
      h === "Criterion"
        ? "Partner NPS"
        : h === "Method"
          ? "range"
          : h === "Max"
            ? 100
            : h.startsWith("Weight")
              ? 0
              : "",
    );
    await store.save(
      { header: criteria!.header, rows: [...criteria!.rows, extra] },
      tiers!,
    );
    expect((await store.load()).criteria!.rows).toHaveLength(9);
    // The partner rows have eight values for nine criteria now: every score says so.
    expect(await column(store, "Score")).toContainEqual("#VALUE!");
    await store.save(criteria!, {
      header: tiers!.header,
      rows: tiers!.rows.slice(1),
    });
    expect((await store.load()).criteria!.rows).toHaveLength(8);
    expect((await store.load()).tiers!.rows).toHaveLength(3);
    expect(
      (await column(store, "Score")).every((s) => typeof s === "number"),
    ).toBe(true);
    expect(await column(store, "Tier")).not.toContain("Platinum");
  });

  it("removes a column from the middle of a table without renaming its neighbour's references", async () => {
    const { workbook, store } = await sampleWorkbook();
    const { criteria, tiers } = await store.load();
    const reseller = criteria!.header.indexOf("Weight (Reseller)");
    const influencer = criteria!.header.indexOf("Weight (Influencer)");
    expect(influencer).toBe(reseller + 1);
    const cell = (col: number) => ({ sheet: "Sheet1", row: 0, col });
    workbook.write(cell(0), "=SUM(Criteria[Weight (Reseller)])");
    workbook.write(cell(1), "=SUM(Criteria[Weight (Influencer)])");
    const influencerSum = workbook.cell(cell(1)).value;
    const without = (row: unknown[]) => row.filter((_, c) => c !== reseller);
    await store.save(
      {
        header: without(criteria!.header) as string[],
        rows: criteria!.rows.map(without),
      },
      tiers!,
    );
    // The store rewrote the header cell by cell: the Influencer weights moved one column left.
    expect(workbook.cell(cell(1))).toMatchObject({
      value: influencerSum,
      input: "=SUM(Criteria[Weight (Influencer)])",
    });
    expect(workbook.cell(cell(0))).toMatchObject({
      value: { error: "#REF!" },
      input: "=SUM(Criteria[Weight (Reseller)])",
    });
  });

  it("refuses a second sample, or a sample over data already in a sheet, writing nothing", async () => {
    const { store } = await sampleWorkbook();
    await expect(store.createSample(sampleTables())).rejects.toThrow(
      /already has a table named Criteria/,
    );
    const workbook = new Workbook(["Sheet1", "Scorecard"]);
    workbook.enter({ sheet: "Scorecard", row: 3, col: 13 }, "my notes");
    await expect(
      new GridStore(workbook).createSample(sampleTables()),
    ).rejects.toThrow(
      /Scorecard already has data at N4, where the Tiers table goes/,
    );
    expect(workbook.sheetNames).toEqual(["Sheet1", "Scorecard"]);
    expect(workbook.tables.all()).toEqual([]);
  });

  it("refuses a save that would make a table overlap another, writing nothing", async () => {
    const { store } = await sampleWorkbook();
    const { criteria, tiers } = await store.load();
    const wide = {
      header: [...criteria!.header, "A", "B", "C"],
      rows: criteria!.rows.map((r) => [...r, "", "", ""]),
    };
    await expect(store.save(wide, tiers!)).rejects.toThrow(
      /overlap the Tiers table/,
    );
    expect((await store.load()).criteria!.header).toEqual(criteria!.header);
  });

  it("tells watchers about edits typed into Criteria or Tiers, not about saves or other cells", async () => {
    const { workbook, store } = await sampleWorkbook();
    let heard = 0;
    const stop = await store.watch(() => heard++);
    const { criteria, tiers } = await store.load();
    await store.save(criteria!, tiers!);
    workbook.enter({ sheet: "Partners", row: 1, col: 2 }, "5");
    workbook.enter({ sheet: "Sheet1", row: 0, col: 0 }, "hello");
    expect(heard).toBe(0);
    workbook.enter({ sheet: "Scorecard", row: 1, col: 7 }, "40");
    workbook.enter({ sheet: "Scorecard", row: 2, col: 13 }, "71");
    expect(heard).toBe(2);
    stop();
    workbook.enter({ sheet: "Scorecard", row: 1, col: 7 }, "41");
    expect(heard).toBe(2);
  });

  it("tells Partners watchers about the user's edits in the Partners table, not elsewhere", async () => {
    const { workbook, store } = await sampleWorkbook();
    let heard = 0;
    const stop = await store.watchPartners(() => heard++);
    // A Perspective edit: renaming a criterion would change the scores, which match values by name.
    workbook.enter({ sheet: "Scorecard", row: 1, col: 1 }, "Money");
    workbook.enter({ sheet: "Partners", row: 0, col: 60 }, "outside");
    expect(heard).toBe(0);
    workbook.enter({ sheet: "Partners", row: 1, col: 2 }, "5");
    expect(heard).toBeGreaterThan(0);
    heard = 0;
    workbook.undo();
    expect(heard).toBeGreaterThan(0);
    heard = 0;
    stop();
    workbook.enter({ sheet: "Partners", row: 1, col: 2 }, "6");
    expect(heard).toBe(0);
  });

  it("tells them when a Partners formula's value changes with a cell it reads on another sheet", async () => {
    const { workbook, store } = await sampleWorkbook();
    workbook.addSheet("ERP");
    workbook.enter({ sheet: "ERP", row: 0, col: 0 }, "1200");
    workbook.enter({ sheet: "Partners", row: 1, col: 2 }, "=ERP!A1");
    let heard = 0;
    const stop = await store.watchPartners(() => heard++);
    workbook.enter({ sheet: "ERP", row: 0, col: 1 }, "not read by Partners");
    expect(heard).toBe(0);
    workbook.enter({ sheet: "ERP", row: 0, col: 0 }, "1500"); // a new extract
    expect(heard).toBe(1);
    expect((await column(store, "Revenue"))[0]).toBe(1500);
    stop();
    workbook.enter({ sheet: "ERP", row: 0, col: 0 }, "1600");
    expect(heard).toBe(1);
  });

  it("tells them when a partner typed under the table joins it, and when Ctrl+Z takes the row out again", async () => {
    const { workbook, store } = await sampleWorkbook();
    const below = workbook.tables.get("Partners")!.height;
    let heard = 0;
    await store.watchPartners(() => heard++);
    workbook.enter({ sheet: "Partners", row: below, col: 0 }, "Newcomer");
    expect(heard).toBeGreaterThan(0);
    expect((await store.load()).partners?.rows).toHaveLength(below);
    // Undone, the row's cells lie outside the table: its shrinking is what is heard.
    heard = 0;
    workbook.undo();
    expect(heard).toBeGreaterThan(0);
    expect((await store.load()).partners?.rows).toHaveLength(below - 1);
  });
});

describe("GridStore.watchPartnerSelection", () => {
  /** A stand-in for the grid: a selected cell and its listeners. */
  class Selection {
    selection = { sheet: "Sheet1", row: 0, col: 0 };
    private readonly listeners = new Set<() => void>();
    onChange(listener: () => void): () => void {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    }
    select(sheet: string, row: number, col: number): void {
      this.selection = { sheet, row, col };
      for (const listener of this.listeners) listener();
    }
  }

  it("reports the Partners data row of the selected cell when it changes, null on the header", async () => {
    const workbook = new Workbook();
    const grid = new Selection();
    const store = new GridStore(workbook, grid);
    await store.createSample(sampleTables());
    const rows: (number | null)[] = [];
    const values: unknown[][] = [];
    const stop = await store.watchPartnerSelection((row, read) => {
      rows.push(row);
      if (read) values.push(read);
    });
    grid.select("Partners", 3, 0); // the third partner
    grid.select("Partners", 3, 5); // the same partner, another column: not reported again
    grid.select("Partners", 0, 2); // the header
    grid.select("Scorecard", 3, 0); // another sheet: not a partner
    grid.select("Partners", 1, 1);
    stop();
    grid.select("Partners", 5, 1);
    expect(rows).toEqual([2, null, 0]);
    // Each data row with its values, as the table holds them now.
    const partners = (await store.load()).partners!;
    expect(values).toEqual([partners.rows[2], partners.rows[0]]);
  });
});
