/**
 * The pane's session over the real Excel adapter and a stateful fake workbook (fakeExcel.ts),
 * where things go wrong: a failed write (protected sheet, deleted table, dropped connection)
 * loses nothing and says what to do; a change made meanwhile is never overwritten unseen; odd
 * workbooks (protected, Criteria renamed or moved, extra rows and columns, 5,000 partners) are
 * reported and worked with. Round trips are counted as context.sync() calls.
 */
import { serialFromDate } from "../../src/core";
import { addTier, setCell } from "../../src/programme/draft";
import { TaskpaneSession } from "../../src/taskpane/state/session";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { sampleTables } from "../../src/workbook/sample";
import type { TableData } from "../../src/workbook/store";
import { FakeExcel, FakeOfficeError } from "../workbook/fakeExcel";

const AS_OF = serialFromDate(2026, 11, 29);
const [CRITERIA, TIERS, PARTNERS] = sampleTables(AS_OF).map((t) => ({ header: t.header, rows: t.rows.map((r) => r.map((c) => c ?? "")) }));
const WEIGHT = CRITERIA.header.indexOf("Weight");

/** A workbook with the sample's Criteria and Tiers on Scorecard and its Partners (values only). */
function workbook(place: { criteria?: [string, string]; tiers?: [string, string] } = {}): FakeExcel {
  const excel = new FakeExcel();
  const [cSheet, cAt] = place.criteria ?? ["Scorecard", "A1"];
  const [tSheet, tAt] = place.tiers ?? ["Scorecard", "M1"];
  excel.addTable(cSheet, "Criteria", cAt, CRITERIA);
  excel.addTable(tSheet, "Tiers", tAt, TIERS);
  excel.addTable("Partners", "Partners", "A1", PARTNERS);
  (global as unknown as { Excel: unknown }).Excel = excel;
  return excel;
}

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

/** Records the syncs each store call made, by call. */
function counted(excel: FakeExcel, store: ExcelScorecardStore) {
  const calls: { call: "load" | "save"; syncs: number; writes: number }[] = [];
  for (const call of ["load", "save"] as const) {
    const original = store[call].bind(store) as (...args: unknown[]) => Promise<unknown>;
    (store as unknown as Record<string, unknown>)[call] = async (...args: unknown[]) => {
      const [syncs, writes] = [excel.syncs, excel.writeSyncs];
      try {
        return await original(...args);
      } finally {
        calls.push({ call, syncs: excel.syncs - syncs, writes: excel.writeSyncs - writes });
      }
    };
  }
  return calls;
}

async function open(excel: FakeExcel) {
  const store = new ExcelScorecardStore({ canResizeTables: true, calculationWaitMs: 0 });
  const session = new TaskpaneSession(store);
  await session.load();
  return { store, session, excel };
}

/** Sets the default weight of the draft's first criterion (Revenue). */
function editFirstWeight(session: TaskpaneSession, weight: number): void {
  // The default Weight column: the pane opens on the profile most partners use (Reseller in the sample).
  session.profile = "";
  expect(session.setWeight(session.draft.criteria.ids[0], weight)).toBe(true);
  expect(session.canApply).toBe(true);
}

/** Makes `happen` occur at the start of the store's next save only: after Apply's check, before its write. */
function justBeforeTheWrite(store: ExcelScorecardStore, happen: () => void): void {
  const save = store.save.bind(store);
  store.save = async (c, t) => {
    store.save = save;
    happen();
    return save(c, t);
  };
}

const snapshot = (excel: FakeExcel) => ({ criteria: excel.tableData("Criteria"), tiers: excel.tableData("Tiers") });

describe("Apply's round trips", () => {
  test("a verifying load of at most two syncs, then exactly one write sync", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const calls = counted(excel, store);
    editFirstWeight(session, 55);
    await session.apply();
    expect(calls.map((c) => c.call)).toEqual(["load", "save"]);
    // The check reads only; the write is one sync that sends the whole change.
    expect(calls[0].syncs).toBeLessThanOrEqual(2);
    expect(calls[0].writes).toBe(0);
    expect(calls[1]).toMatchObject({ syncs: 1, writes: 1 });
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(55);
  });

  test("a change made meanwhile is found by that load: nothing is written and the change is listed", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const calls = counted(excel, store);
    editFirstWeight(session, 55);
    // A co-author's edit whose change event has not reached the pane.
    excel.sheets.get("Scorecard")!.write(3, WEIGHT, 3); // Deal registrations' Weight
    await session.apply();
    expect(calls.every((c) => c.call === "load")).toBe(true);
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(CRITERIA.rows[0][WEIGHT]);
    expect(session.stale?.changes.join("\n")).toMatch(/Deal registrations/);
    expect(session.draft.criteria.rows[0][WEIGHT]).toBe(55);
    // The user may then reload, or keep the edits and apply them on top: the co-author's stays.
    expect(session.keepDraft()).toBe(true);
    await session.apply();
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(55);
    expect(excel.tableData("Criteria").rows[2][WEIGHT]).toBe(3);
  });
});

describe("a failed write loses nothing", () => {
  test("a protected Scorecard sheet: said on opening; Apply writes nothing and says what to do", async () => {
    const excel = workbook();
    excel.protect("Scorecard");
    const { store, session } = await open(excel);
    expect(session.phase).toBe("editor");
    expect(session.notice).toMatchObject({ kind: "info", text: expect.stringMatching(/protected.*Apply needs the sheet unprotected/) });
    const calls = counted(excel, store);
    const before = snapshot(excel);
    editFirstWeight(session, 55);
    await session.apply();
    expect(calls.map((c) => c.call)).toEqual(["load"]);
    expect(snapshot(excel)).toEqual(before);
    expect(session.notice?.kind).toBe("error");
    expect(session.notice?.text).toMatch(/^Could not apply: Excel refused the change: the sheet .* is protected.*Nothing was written; your edits are still here\.$/);
    expect(session.notice?.details).toEqual([expect.stringMatching(/Review > Unprotect Sheet/)]);
    expect(session.draft.criteria.rows[0][WEIGHT]).toBe(55);
    expect(session.busy).toBe(false);
    // Unprotected, the same Apply goes through.
    excel.protect("Scorecard", false);
    expect(session.canApply).toBe(true);
    await session.apply();
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(55);
  });

  test("Tiers moved to a protected sheet: neither table is written (Excel would stop half-way)", async () => {
    const excel = workbook({ tiers: ["Locked", "B2"] });
    excel.protect("Locked");
    const { session } = await open(excel);
    const before = snapshot(excel);
    editFirstWeight(session, 55);
    await session.apply();
    expect(snapshot(excel)).toEqual(before);
    expect(session.dirty).toBe(true);
  });

  test("the store refuses a save onto a protected sheet before queueing anything", async () => {
    const excel = workbook({ tiers: ["Locked", "B2"] });
    excel.protect("Locked");
    const store = new ExcelScorecardStore();
    await store.load();
    const before = snapshot(excel);
    const syncs = excel.syncs;
    await expect(store.save({ ...CRITERIA, rows: CRITERIA.rows.slice(0, 2) }, TIERS)).rejects.toMatchObject({ code: "AccessDenied" });
    expect(excel.syncs).toBe(syncs);
    expect(snapshot(excel)).toEqual(before);
  });

  test("a sheet protected between the check and the write: Excel's AccessDenied, the workbook as it was", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const before = snapshot(excel);
    justBeforeTheWrite(store, () => excel.protect("Scorecard"));
    editFirstWeight(session, 55);
    await session.apply();
    expect(snapshot(excel)).toEqual(before);
    expect(session.notice?.text).toMatch(/protected.*Nothing was written: the workbook is as it was, and your edits are still here/);
    expect(session.draft.criteria.rows[0][WEIGHT]).toBe(55);
  });

  test("the Tiers table deleted while applying: Criteria untouched, the change shown, edits kept", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const criteriaBefore = excel.tableData("Criteria");
    justBeforeTheWrite(store, () => excel.deleteTable("Tiers"));
    editFirstWeight(session, 55);
    await session.apply();
    expect(excel.tableData("Criteria")).toEqual(criteriaBefore);
    expect(session.notice?.text).toMatch(/^Could not apply: The Criteria or Tiers table is no longer in the workbook/);
    expect(session.notice?.details?.[0]).toMatch(/rename the table back/);
    expect(session.stale?.changes.join("\n")).toMatch(/Tiers/);
    expect(session.draft.criteria.rows[0][WEIGHT]).toBe(55);
    expect(session.canApply).toBe(false);
  });

  test("the connection drops during the write: nothing arrives, the pane says so, and Apply works again", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const before = snapshot(excel);
    justBeforeTheWrite(store, () => excel.dropNextSync());
    editFirstWeight(session, 55);
    await session.apply();
    expect(snapshot(excel)).toEqual(before);
    expect(session.notice?.text).toBe(
      "Could not apply: The connection to Excel was lost before the change was confirmed. Nothing was written: the workbook is as it was, and your edits are still here."
    );
    expect(session.notice?.details).toEqual(["Check your network connection, then Apply again."]);
    expect(session.canApply).toBe(true);
    await session.apply();
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(55);
    expect(session.notice?.text).toMatch(/^Applied/);
  });

  test("the answer is lost but the write arrived: the pane finds it written and counts it as applied", async () => {
    const excel = workbook();
    const { store, session } = await open(excel);
    const save = store.save.bind(store);
    store.save = async (c, t) => {
      await save(c, t);
      throw new FakeOfficeError("RequestAborted", "no answer");
    };
    editFirstWeight(session, 55);
    await session.apply();
    expect(session.notice?.text).toMatch(/^Applied/);
    expect(session.dirty).toBe(false);
    expect(session.undoDepth).toBe(1);
  });
});

describe("odd workbooks", () => {
  test("Criteria renamed: the pane says what it found, offers to look again, and finds it once renamed back", async () => {
    const excel = workbook();
    excel.table("Criteria").name = "Criteria_old";
    const { session } = await open(excel);
    await session.watch();
    expect(session.phase).toBe("empty");
    expect(session.notice?.text).toBe("This workbook has a Tiers and a Partners table but no table named Criteria, so the pane has no scorecard to edit.");
    expect(session.notice?.details?.[0]).toMatch(/rename it back to Criteria/);
    excel.table("Criteria_old").name = "Criteria";
    session.notice?.actions?.find((a) => a.testid === "look-again")?.run();
    await excel.settle();
    expect(session.phase).toBe("editor");
    // The table found is watched: a weight changed in the sheet reaches the pane.
    excel.edit("Scorecard", `${String.fromCharCode(65 + WEIGHT)}2`, 21);
    await excel.settle();
    expect(session.base.criteria.rows[0][WEIGHT]).toBe(21);
    session.dispose();
  });

  test("a Partners table made after the pane opened is watched from the first read that finds it", async () => {
    const excel = workbook();
    excel.deleteTable("Partners"); // the list is there, not yet a table (Convert to Range)
    const { session } = await open(excel);
    await session.watch();
    expect(session.loaded.partners).toBeNull();
    // The user makes it a table named Partners (no event of Excel's says so), then changes a
    // weight in the Criteria table, which the pane hears: its read finds the new table.
    excel.addTable("Partners", "Partners", "A1", PARTNERS);
    excel.edit("Scorecard", `${String.fromCharCode(65 + WEIGHT)}2`, 21);
    await excel.settle();
    expect(session.loaded.partners?.rows).toHaveLength(PARTNERS.rows.length);
    // From then on a change in Partners reaches the pane.
    excel.edit("Partners", "C2", 999);
    await excel.settle();
    expect(session.loaded.partners?.rows[0][2]).toBe(999);
    session.dispose();
  });

  test("a Partners value computed from another sheet reaches the pane when Excel recalculates it", async () => {
    const excel = workbook();
    const { session } = await open(excel);
    await session.watch();
    // C2 is =ERP!B2 in the user's workbook: a new ERP extract recalculates it, and Excel
    // raises no change event of the Partners table for that.
    excel.recalculated("Partners", "C2", 4321);
    await excel.settle();
    expect(session.loaded.partners?.rows[0][2]).toBe(4321);
    session.dispose();
  });

  test("Criteria moved to another sheet and place: loaded, addressed and written where it is", async () => {
    const excel = workbook({ criteria: ["Model", "C5"] });
    const { session } = await open(excel);
    expect(session.loaded.criteria?.address).toBe(`Model!C5:L${5 + CRITERIA.rows.length}`);
    editFirstWeight(session, 55);
    await session.apply();
    expect(excel.tableData("Criteria").rows[0][WEIGHT]).toBe(55);
    expect(excel.cell("Model", "J6")).toBe(55);
  });

  test("extra user columns and rows inside the tables are kept as they are on save", async () => {
    const excel = new FakeExcel();
    const withNotes = (t: TableData, note: (r: number) => string): TableData => ({ header: [...t.header, "Notes"], rows: t.rows.map((r, i) => [...r, note(i)]) });
    const criteria = withNotes(CRITERIA, (i) => (i === 1 ? "=checked by finance" : `note ${i}`));
    // A tier the user added by hand in the middle of the Tiers table.
    const tiers = withNotes(TIERS, () => "");
    tiers.rows.splice(3, 0, ["Bronze", 25, "", "added by hand"]);
    excel.addTable("Scorecard", "Criteria", "A1", criteria);
    excel.addTable("Scorecard", "Tiers", "O1", tiers);
    (global as unknown as { Excel: unknown }).Excel = excel;
    const { session } = await open(excel);
    editFirstWeight(session, 55);
    await session.apply();
    const saved = excel.tableData("Criteria");
    expect(saved.header).toEqual(criteria.header);
    expect(saved.rows.map((r) => r[r.length - 1])).toEqual(criteria.rows.map((r) => r[r.length - 1]));
    expect(excel.tableData("Tiers")).toEqual(tiers);
  });

  test("a blank row inside a table is named as a problem at its cell, and nothing is written until it is fixed", async () => {
    const excel = new FakeExcel();
    const tiers = { header: TIERS.header, rows: [...TIERS.rows] };
    tiers.rows.splice(1, 0, TIERS.header.map(() => ""));
    excel.addTable("Scorecard", "Criteria", "A1", CRITERIA);
    excel.addTable("Scorecard", "Tiers", "M1", tiers);
    (global as unknown as { Excel: unknown }).Excel = excel;
    const { session } = await open(excel);
    expect(session.phase).toBe("editor");
    const blank = session.problems.find((p) => p.table === "Tiers" && p.column === null);
    expect(blank?.message).toMatch(/the row is blank/);
    expect(session.addressOf(blank!)).toMatch(/^Scorecard!M3/);
    session.edit((d) => ({ ...d, tiers: { ...d.tiers, rows: d.tiers.rows.filter((_, i) => i !== 1), ids: d.tiers.ids.filter((_, i) => i !== 1) } }), true);
    expect(session.problems).toEqual([]);
    await session.apply();
    expect(excel.tableData("Tiers")).toEqual(TIERS);
  });

  test("a table that would grow over the user's cells below it: refused before writing, with the cells named", async () => {
    const excel = workbook();
    // Tiers is M1:O5; the user keeps a note two rows below it.
    excel.sheets.get("Scorecard")!.write(6, 12, "Reviewed by the partner board");
    const { session } = await open(excel);
    const withTier = (name: string, min: number) =>
      session.edit((d) => {
        const { draft, id } = addTier(d.tiers);
        const row = draft.ids.indexOf(id);
        return { ...d, tiers: setCell(setCell(draft, row, "Tier", name), row, "Min score", min) };
      }, true);
    withTier("Bronze", 10);
    withTier("Copper", 5);
    expect(session.problems).toEqual([]);
    const before = snapshot(excel);
    await session.apply();
    expect(snapshot(excel)).toEqual(before);
    expect(excel.cell("Scorecard", "M7")).toBe("Reviewed by the partner board");
    expect(session.notice?.text).toBe(
      "Could not apply: The Tiers table needs 2 more rows, but Scorecard!M7 right below it holds data that Apply would overwrite. Nothing was written: the workbook is as it was, and your edits are still here."
    );
    expect(session.notice?.details?.[0]).toMatch(/^Move those cells/);
    // One more tier fits in the free row: that Apply goes through.
    session.revert();
    withTier("Bronze", 10);
    await session.apply();
    expect(excel.tableData("Tiers").rows.map((r) => r[0])).toContain("Bronze");
    expect(excel.cell("Scorecard", "M7")).toBe("Reviewed by the partner board");
  });

  test("a 5,000-partner sheet: loaded in two syncs, the effect counts every partner, Apply writes once", async () => {
    const excel = new FakeExcel();
    excel.addTable("Scorecard", "Criteria", "A1", CRITERIA);
    excel.addTable("Scorecard", "Tiers", "M1", TIERS);
    const many = { header: PARTNERS.header, rows: Array.from({ length: 5000 }, (_, i) => PARTNERS.rows[i % PARTNERS.rows.length].map((c, j) => (j === 0 ? `Partner ${i + 1}` : c))) };
    excel.addTable("Partners", "Partners", "A1", many);
    (global as unknown as { Excel: unknown }).Excel = excel;
    const before = excel.syncs;
    const { store, session } = await open(excel);
    expect(excel.syncs - before).toBeLessThanOrEqual(2);
    expect(session.loaded.partners?.rows).toHaveLength(5000);
    editFirstWeight(session, 80);
    const effect = session.effect();
    if (typeof effect === "string") throw new Error(`no effect: ${effect}`);
    expect(effect.partners).toBe(5000);
    expect(effect.tiers.reduce((n, t) => n + t.count, 0) + effect.notScored).toBe(5000);
    expect(effect.compared).toBe(true);
    const calls = counted(excel, store);
    await session.apply();
    expect(calls.filter((c) => c.call === "save").map((c) => c.syncs)).toEqual([1]);
    expect(excel.tableData("Partners").rows).toHaveLength(5000);
  });
});
