/**
 * The preview's store writes a save whole or not at all: when a write fails part-way (here
 * made to fail at every point of the batch in turn), the Criteria and Tiers tables, their
 * extents and the scores computed from them are exactly as before.
 */
import { loadBuiltFunctions } from "../host/loadBuild";
import { sampleTables } from "../workbook/sample";
import type { TableData } from "../workbook/store";
import { WorkbookError } from "../workbook/writeFailure";
import { TaskpaneSession } from "../taskpane/state/session";
import { registerCustomFunctions } from "./customFunctionsPlugin";
import { GridStore } from "./gridStore";
import { Workbook } from "./workbook";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

async function sample() {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  await store.createSample(sampleTables());
  return { workbook, store };
}

/** The sample's Criteria with one more criterion, Tiers with one fewer: the tables grow and shrink. */
function changed(criteria: TableData, tiers: TableData) {
  const extra = criteria.header.map((h, i) =>
    i === 0
      ? "Market reach"
      : h === "Method"
        ? "range"
        : h === "Max"
          ? 10
          : h.startsWith("Weight")
            ? 5
            : "",
  );
  return {
    criteria: {
      header: criteria.header,
      rows: [
        ...criteria.rows.map((r) =>
          r.map((c, i) => (criteria.header[i] === "Weight" ? 1 : c)),
        ),
        extra,
      ],
    },
    tiers: { header: tiers.header, rows: tiers.rows.slice(0, -1) },
  };
}

describe("GridStore.save under a failure part-way", () => {
  it("leaves every table, extent and score as it was, wherever the failure comes", async () => {
    const { workbook, store } = await sample();
    const before = await store.load();
    const next = changed(before.criteria!, before.tiers!);
    // How many cell writes a whole save makes, to fail at each point of it.
    const counting = jest.spyOn(workbook, "write");
    const probe = await sample();
    const probeWrite = jest.spyOn(probe.workbook, "write");
    await probe.store.save(next.criteria, next.tiers);
    const writes = probeWrite.mock.calls.length;
    expect(writes).toBeGreaterThan(50);

    for (const failAt of [
      1,
      2,
      10,
      Math.floor(writes / 2),
      writes - 1,
      writes,
    ]) {
      let n = 0;
      const original = counting.getMockImplementation();
      counting.mockImplementation(function (
        this: Workbook,
        ...args: Parameters<Workbook["write"]>
      ) {
        if (++n === failAt)
          throw new WorkbookError("AccessDenied", "the sheet is protected");
        return Workbook.prototype.write.apply(this, args);
      });
      await expect(store.save(next.criteria, next.tiers)).rejects.toThrow(
        /protected/,
      );
      counting.mockImplementation(original);
      expect([failAt, await store.load()]).toEqual([failAt, before]);
    }
    // And the same save, not interrupted, does write.
    await store.save(next.criteria, next.tiers);
    expect((await store.load()).criteria?.rows).toHaveLength(
      next.criteria.rows.length,
    );
  });
});

describe("the task pane over the preview's store, when a write fails", () => {
  it("keeps the user's edits, leaves the grid as it was and says what happened and what to do", async () => {
    const { workbook, store } = await sample();
    const session = new TaskpaneSession(store);
    await session.load();
    const before = await store.load();
    const weight = before.criteria!.header.indexOf("Weight");
    // The default Weight column: the pane opens on the profile most partners use.
    session.profile = "";
    expect(session.setWeight(session.draft.criteria.ids[0], 77)).toBe(true);
    let n = 0;
    const write = jest.spyOn(workbook, "write").mockImplementation(function (
      this: Workbook,
      ...args: Parameters<Workbook["write"]>
    ) {
      if (++n === 5)
        throw new WorkbookError("AccessDenied", "the sheet is protected");
      return Workbook.prototype.write.apply(this, args);
    });
    await session.apply();
    write.mockRestore();
    expect(await store.load()).toEqual(before);
    expect(session.notice?.text).toMatch(
      /^Could not apply: Excel refused the change: .*protected.* Nothing was written: the workbook is as it was, and your edits are still here\.$/,
    );
    expect(session.draft.criteria.rows[0][weight]).toBe(77);
    expect(session.canApply).toBe(true);
    await session.apply();
    expect((await store.load()).criteria!.rows[0][weight]).toBe(77);
  });
});

describe("GridStore.save next to the user's cells", () => {
  it("refuses to grow a table over them, writing nothing", async () => {
    const { workbook, store } = await sample();
    const before = await store.load();
    // Tiers is Scorecard!M1:O5; a note right below it.
    workbook.write({ sheet: "Scorecard", row: 5, col: 12 }, "keep me");
    const tiers = before.tiers!;
    const grown = {
      header: tiers.header,
      rows: [...tiers.rows, ["Bronze", 0, ""]],
    };
    await expect(store.save(before.criteria!, grown)).rejects.toMatchObject({
      code: "NoRoom",
      message:
        "The Tiers table would grow over Scorecard!M6, which holds data that Apply would overwrite.",
    });
    expect((await store.load()).tiers).toEqual(tiers);
    expect(workbook.cell({ sheet: "Scorecard", row: 5, col: 12 }).value).toBe(
      "keep me",
    );
  });
});
