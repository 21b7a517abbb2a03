/**
 * Set-up from a pasted list in the browser workbook (issue 21 item 1): the list becomes the
 * Partners table with Score, Tier and Next tier formulas, the Scorecard sheet gets Criteria
 * and Tiers, nothing of the user's is overwritten, and undo leaves the list as it was.
 */
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import { todaySerial } from "../../src/core";
import { LIST_HEADER, LIST_ROWS } from "../programme/setup/partnerList";
import { proposeChoices, proposeSetUp } from "../../src/programme/setup/setUpPlan";
import { registerCustomFunctions } from "../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../src/preview/gridStore";
import { Workbook } from "../../src/preview/workbook";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

/** A workbook with the 12-partner list pasted at B2 of Sheet1, and its set-up proposal. */
async function pasted() {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  workbook.batch(() =>
    [LIST_HEADER, ...LIST_ROWS].forEach((row, r) =>
      row.forEach((value, c) =>
        workbook.write(
          { sheet: "Sheet1", row: r + 1, col: c + 1 },
          value as string | number,
        ),
      ),
    ),
  );
  const list = (await store.readList())!;
  const proposal = proposeSetUp(
    list,
    proposeChoices(list),
    "Scorecard",
    // PRM.CERTSTATUS counts from today: so does the proposal the pane shows.
    todaySerial(),
  );
  return { workbook, store, list, setUp: proposal.setUp!, proposal };
}

describe("GridStore set-up from a list", () => {
  it("reads the pasted block from its first used cell, blanks as Excel's values give them", async () => {
    const { list } = await pasted();
    expect(list).toMatchObject({
      sheet: "Sheet1",
      topLeft: "B2",
      table: null,
      sheetNames: ["Sheet1"],
    });
    expect(list.header).toEqual(LIST_HEADER);
    expect(list.rows).toHaveLength(12);
    expect(list.rows[3][6]).toBe("");
  });

  it("writes the scorecard and the formula columns; every partner gets a score and the proposed tier counts", async () => {
    const { workbook, store, setUp, proposal } = await pasted();
    await store.setUpFromList(setUp);
    expect(workbook.sheetNames).toEqual(["Sheet1", "Scorecard"]);
    const { criteria, tiers, partners } = await store.load();
    expect(criteria?.rows.map((r) => r[0])).toEqual([
      "Revenue",
      "Support tickets",
      "Accreditation",
      "Managed services",
      "Certification",
    ]);
    expect(tiers?.rows.map((r) => r[0])).toEqual([
      "Platinum",
      "Gold",
      "Silver",
      "Registered",
    ]);
    expect(partners).toMatchObject({ address: "Sheet1!B2:L14" });
    expect(partners!.header).toEqual([
      ...LIST_HEADER,
      "Certification",
      "Score",
      "Tier",
      "Next tier",
    ]);
    const at = (name: string) => partners!.header.indexOf(name);
    for (const row of partners!.rows) {
      expect(typeof row[at("Score")]).toBe("number");
      expect(["Platinum", "Gold", "Silver", "Registered"]).toContain(
        row[at("Tier")],
      );
    }
    const counted = proposal.counts.map(
      (c) => partners!.rows.filter((r) => r[at("Tier")] === c.name).length,
    );
    expect(counted).toEqual(proposal.counts.map((c) => c.count));
  });

  it("refuses, writing nothing, when the cells beside the list hold data", async () => {
    const { workbook, store, setUp } = await pasted();
    workbook.write({ sheet: "Sheet1", row: 5, col: 10 }, "note");
    await expect(store.setUpFromList(setUp)).rejects.toThrow(
      "Sheet1!K6 holds data where the Score and Tier columns go; nothing was changed.",
    );
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
    expect(workbook.tables.all()).toEqual([]);
  });

  it("undo removes the Scorecard sheet and the added columns and keeps every cell of the list", async () => {
    const { workbook, store, list, setUp } = await pasted();
    await store.setUpFromList(setUp);
    await store.undoSetUp(setUp);
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
    expect(workbook.tables.all()).toEqual([]);
    expect(await store.readList()).toEqual(list);
    for (let row = 0; row < 14; row++)
      for (let col = 8; col < 12; col++)
        expect(workbook.isFilled({ sheet: "Sheet1", row, col })).toBe(false);
  });
});

describe("GridStore data check fixes", () => {
  it("writes the fixes in one batch, and refuses when a cell changed after the check", async () => {
    const { workbook, store, setUp } = await pasted();
    await store.setUpFromList(setUp);
    const accreditation = { sheet: "Sheet1", row: 3, col: 5 }; // F4: Bluefin's "Gold"
    workbook.write(accreditation, " gold");
    await expect(
      store.fixPartnerCells([
        { row: 1, column: 4, was: "Gold", value: "Gold" },
      ]),
    ).rejects.toThrow(
      "Sheet1!F4 changed after the data check read it; nothing was written.",
    );
    await store.fixPartnerCells([
      { row: 1, column: 4, was: " gold", value: "Gold" },
    ]);
    expect(workbook.cell(accreditation).value).toBe("Gold");
  });
});
