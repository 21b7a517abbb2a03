/** The pane's Sharing section without the DOM: snapshots, movers, the tier chart's counts and the export. */
import { serialFromDate, type Move } from "../../../src/core";
import { setCell } from "../../../src/programme/draft";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import { SharingSession } from "../../../src/taskpane/state/sharing";
import { NOT_SCORED } from "../../../src/programme/valuesExport";
import type { ScorecardStore, SharingStore, TableData, ValuesSheet, WorkbookScorecard } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../fixtures";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const MAY_1 = serialFromDate(2026, 5, 1);
const JUNE_1 = serialFromDate(2026, 6, 1);

/** An in-memory workbook with a History table and added sheets; writes can be made to fail. */
class FakeStore implements ScorecardStore, SharingStore {
  history: TableData | null = null;
  appends: unknown[][][] = [];
  sheets: ValuesSheet[] = [];
  fail: string | null = null;
  constructor(public tables: WorkbookScorecard) {}
  async load() {
    return clone(this.tables);
  }
  async save(c: TableData, t: TableData) {
    this.tables = { ...this.tables, criteria: clone(c), tiers: clone(t) };
  }
  async createSample() {}
  async watch() {
    return () => undefined;
  }
  async loadHistory() {
    return clone(this.history);
  }
  async appendHistory(rows: unknown[][]) {
    if (this.fail) throw new Error(this.fail);
    this.appends.push(clone(rows));
    this.history = { header: ["Date", "Partner", "Score", "Tier"], rows: [...(this.history?.rows ?? []), ...clone(rows)] };
  }
  async writeValuesSheet(sheet: ValuesSheet) {
    if (this.fail) throw new Error(this.fail);
    this.sheets.push(clone(sheet));
    return sheet.name;
  }
}

/** The fixtures' partners plus a row without a name and a name used twice. */
function partnersWithProblems(): TableData {
  const table = partners();
  const blank = table.rows.pop()!;
  return {
    ...table,
    rows: [
      ...table.rows,
      ["", "", 5, 100, "Low", 10, ""],
      ["Epsilon", "", 5, 100, "Low", 10, ""],
      ["epsilon ", "", 15, 900, "High", 10, ""],
      blank,
    ],
  };
}

async function open(table: TableData = partners(), today = MAY_1) {
  const store = new FakeStore({ criteria: criteria(), tiers: tiers(), partners: table });
  const session = new TaskpaneSession(store);
  await session.load();
  let day = today;
  const sharing = new SharingSession(session, store, { today: () => day });
  await sharing.loadHistory();
  return { store, session, sharing, setToday: (next: number) => (day = next) };
}

describe("snapshot", () => {
  it("appends today's date, each partner, its score and tier, as the model the workbook holds scores them", async () => {
    const { store, sharing, session } = await open();
    await sharing.snapshot();
    expect(store.appends).toHaveLength(1);
    const rows = store.appends[0];
    // Delta lacks more than half of the weight: PARTNERSCORE gives #N/A, so it has no score to record.
    expect(rows.map((r) => r[1])).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(rows.every((r) => r[0] === MAY_1)).toBe(true);
    // The same computation the what-if shows for the workbook's model.
    const scored = session.scoring("workbook")!;
    const results = scored.results.filter((r) => r.score !== null);
    expect(rows.map((r) => r[2])).toEqual(results.map((r) => r.score));
    expect(rows.map((r) => r[3])).toEqual(results.map((r) => scored.tiers[r.tier!].name));
    expect(rows[0]).toEqual([MAY_1, "Alpha", 100, "Gold"]);
    expect(sharing.lastSnapshot?.standings).toHaveLength(3);
    expect(session.notice?.text).toMatch(/Snapshot of 3 partners added to the History table for 2026-05-01/);
    expect(session.notice?.details).toEqual([expect.stringMatching(/^Left out, not scored: Delta \(.+\)\.$/)]);
  });

  it("lists and leaves out partners without a name or with a name used twice", async () => {
    const { store, sharing, session } = await open(partnersWithProblems());
    await sharing.snapshot();
    expect(store.appends[0].map((r) => r[1])).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(session.notice?.details).toEqual([
      "Left out, no name: Partners table row 5.",
      "Left out, named more than once: Epsilon (Partners table rows 6, 7).",
      expect.stringMatching(/^Left out, not scored: Delta/),
    ]);
  });

  it("asks before a second snapshot the same day, and writes only when confirmed", async () => {
    const { store, sharing, setToday } = await open();
    await sharing.snapshot();
    await sharing.snapshot();
    expect(sharing.confirmingSameDay).toBe(true);
    expect(store.appends).toHaveLength(1);
    sharing.cancelSnapshot();
    expect(sharing.confirmingSameDay).toBe(false);
    expect(store.appends).toHaveLength(1);
    await sharing.snapshot(true);
    expect(store.appends).toHaveLength(2);
    expect(sharing.history.snapshots).toHaveLength(2);
    setToday(JUNE_1);
    await sharing.snapshot();
    expect([sharing.confirmingSameDay, store.appends.length]).toEqual([false, 3]);
  });

  it("sees a snapshot another hand took today before asking", async () => {
    const { store, sharing } = await open();
    store.history = { header: ["Date", "Partner", "Score", "Tier"], rows: [[MAY_1, "Alpha", 90, "Gold"]] };
    await sharing.snapshot();
    expect(sharing.confirmingSameDay).toBe(true);
    expect(store.appends).toHaveLength(0);
  });

  it("says why when the write fails, and the History it read stays", async () => {
    const { store, sharing, session } = await open();
    store.fail = "The sheet is protected";
    await sharing.snapshot();
    expect(session.notice).toMatchObject({ kind: "error", text: "Could not take the snapshot: The sheet is protected" });
    expect([sharing.busy, sharing.history.snapshots.length]).toEqual([false, 0]);
  });
});

describe("movers", () => {
  it("compares the last snapshot with the model now, then with the what-if being edited", async () => {
    const { sharing, session } = await open();
    expect(sharing.movers()).toBe("no-snapshot");
    await sharing.snapshot();
    const same = sharing.movers();
    if (typeof same === "string") throw new Error(same);
    expect([same.withEdits, same.movers.same.length, same.movers.up.length, same.movers.down.length]).toEqual([false, 3, 0, 0]);

    // Gold's threshold lowered to 45 in the draft: Beta (50, Accreditation Medium as Gold requires) moves up.
    session.edit((d) => ({ ...d, tiers: setCell(d.tiers, 0, "Min score", 45) }));
    const edited = sharing.movers();
    if (typeof edited === "string") throw new Error(edited);
    expect(edited.withEdits).toBe(true);
    expect(edited.movers.up.map((m) => [m.partner, m.before?.tier, m.after?.tier, m.scoreChange])).toEqual([["Beta", "Silver", "Gold", 0]]);
    expect(edited.movers.same.map((m) => m.partner)).toEqual(["Alpha", "Gamma"]);
  });

  it("uses the tier a manager assigned where the workbook has one: now from Partners, at the snapshot from Since or History's decisions (issue 22)", async () => {
    const { store, sharing, session } = await open();
    await sharing.snapshot(); // May 1, computed: Alpha Gold, Beta Silver, Gamma Registered
    const JUNE_2 = JUNE_1 + 1;
    const assigned: Record<string, [string, number]> = {
      Alpha: ["Silver", JUNE_1], // demoted by a decision after the snapshot
      Beta: ["Gold", MAY_1], // kept at Gold since the snapshot's day (an override)
      Gamma: ["Silver", JUNE_2], // promoted after the snapshot, no decision row in History
    };
    const table = store.tables.partners!;
    store.tables = {
      ...store.tables,
      partners: {
        header: [...table.header, "Assigned tier", "Since"],
        rows: table.rows.map((row) => [...row, ...(assigned[String(row[0])] ?? ["", ""])]),
      },
    };
    store.history = {
      header: ["Date", "Partner", "Score", "Tier", "Change"],
      rows: [...store.history!.rows.map((r) => [...r, ""]), [JUNE_1, "Alpha", 100, "Silver", "Demoted from Gold"]],
    };
    await session.reload();
    await sharing.loadHistory();
    const moved = sharing.movers();
    if (typeof moved === "string") throw new Error(moved);
    const tiers = (ms: Move[]) =>
      ms.map((m) => [m.partner, m.before?.tier, m.after?.tier]);
    expect(tiers(moved.movers.down)).toEqual([["Alpha", "Gold", "Silver"]]);
    expect(tiers(moved.movers.up)).toEqual([["Gamma", "Registered", "Silver"]]);
    expect(tiers(moved.movers.same)).toEqual([["Beta", "Gold", "Gold"]]);
  });

  it("counts tiers over the snapshots, the model's tiers first", async () => {
    const { sharing, setToday } = await open();
    await sharing.snapshot();
    setToday(JUNE_1);
    await sharing.snapshot();
    const counts = sharing.tierCounts();
    expect(counts.tiers).toEqual(["Gold", "Silver", "Registered"]);
    expect(counts.points.map((p) => p.date)).toEqual([MAY_1, JUNE_1]);
    expect(counts.points[0].counts.reduce((a, b) => a + b)).toBe(3);
  });
});

describe("values-only export", () => {
  it("writes the partner list with the model's scores and tiers and the date, leaving out unticked columns", async () => {
    const { store, sharing, session } = await open(partnersWithProblems());
    expect(sharing.exportColumns().map((c) => [c.name, c.included, c.required])).toEqual([
      ["Partner", true, true],
      ["Type", true, false],
      ["Growth", true, false],
      ["Revenue", true, false],
      ["Accreditation", true, false],
      ["Support load", true, false],
    ]);
    sharing.setColumnIncluded("Revenue", false);
    sharing.setColumnIncluded("type", false);
    sharing.setColumnIncluded("Partner", false); // the partner's name always goes
    await sharing.exportValues();
    const [sheet] = store.sheets;
    expect(sheet.name).toBe("Scores 2026-05-01");
    expect(sheet.cells[0].slice(0, 2)).toEqual(["Partner scores as of", MAY_1]);
    expect(sheet.numberFormats[0][1]).toBe("yyyy-mm-dd");
    expect(sheet.cells[2]).toEqual(["Partner", "Growth", "Accreditation", "Support load", "Score", "Tier"]);
    // Every non-blank partner row, the unnamed and repeated ones included: it is a copy of the list.
    expect(sheet.cells.slice(3).map((r) => r[0])).toEqual(["Alpha", "Beta", "Gamma", "Delta", "", "Epsilon", "epsilon "]);
    expect(sheet.cells[3]).toEqual(["Alpha", 20, "High", 0, 100, "Gold"]);
    expect(sheet.cells.every((row) => row.every((cell) => !(typeof cell === "string" && cell.startsWith("="))))).toBe(true);
    expect(session.notice?.text).toMatch(/Wrote 7 partners as plain values to the new sheet "Scores 2026-05-01"/);
  });

  it("exports one partner's own scorecard, and marks a partner the model cannot score", async () => {
    const table = partners();
    table.rows[1][4] = "Unheard-of"; // Beta's Accreditation is not on the scale
    const { store, sharing } = await open(table);
    expect(sharing.exportPartners()).toEqual(["Alpha", "Beta", "Gamma", "Delta"]);
    sharing.exportPartner = "Beta";
    await sharing.exportValues();
    const [sheet] = store.sheets;
    expect(sheet.name).toBe("Beta 2026-05-01");
    expect(sheet.cells[0][0]).toBe("Beta: scores as of");
    expect(sheet.cells.slice(3)).toEqual([["Beta", "", 10, 500, "Unheard-of", 25, "", NOT_SCORED]]);
  });
});
