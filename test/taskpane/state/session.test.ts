import { removeRow, setCell } from "../../../src/programme/draft";
import { TaskpaneSession, type SessionChange } from "../../../src/taskpane/state/session";
import type { ScorecardStore, SheetTable, TableData, WorkbookScorecard } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../fixtures";

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** An in-memory workbook: counts loads and saves, and lets a test change the tables as another hand would. */
class FakeStore implements ScorecardStore {
  saves: { criteria: TableData; tiers: TableData }[] = [];
  loads = 0;
  watches = 0;
  listener: (() => void) | null = null;

  constructor(public tables: WorkbookScorecard = { criteria: null, tiers: null, partners: null }) {}

  async load(): Promise<WorkbookScorecard> {
    this.loads++;
    return clone(this.tables);
  }

  async save(c: TableData, t: TableData): Promise<void> {
    this.saves.push(clone({ criteria: c, tiers: t }));
    // The store's own write is not reported to the watcher.
    this.tables = { ...this.tables, criteria: clone(c), tiers: clone(t) };
  }

  async createSample(tables: SheetTable[]): Promise<void> {
    const byName = (name: string) => {
      const table = tables.find((t) => t.name === name);
      return table ? { header: [...table.header], rows: clone(table.rows) } : null;
    };
    this.tables = { criteria: byName("Criteria"), tiers: byName("Tiers"), partners: byName("Partners") };
  }

  async watch(listener: () => void): Promise<() => void> {
    this.watches++;
    this.listener = listener;
    return () => {
      this.listener = null;
    };
  }

  /** Another hand changes the workbook (a co-author, the user in the grid) and the store reports it. */
  async changeOutside(change: (tables: WorkbookScorecard) => void): Promise<void> {
    change(this.tables);
    expect(this.listener).not.toBeNull();
    this.listener!();
    await settle();
  }
}

/** Lets the reload a watch listener starts (it is not awaited) run to its end. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const scorecard = (): WorkbookScorecard => ({ criteria: criteria(), tiers: tiers(), partners: partners() });

/** A session over `tables`, loaded and watching, with every change it reported. */
async function open(tables: WorkbookScorecard = scorecard()) {
  const store = new FakeStore(tables);
  const session = new TaskpaneSession(store);
  const changes: SessionChange["kind"][] = [];
  session.subscribe((change) => changes.push(change.kind));
  await session.load();
  await session.watch();
  return { store, session, changes };
}

const WEIGHT = 7; // the Weight column of the fixtures' Criteria
const REVENUE = 0; // its first row

/** Sets Revenue's default weight in the draft. */
function editRevenueWeight(session: TaskpaneSession, weight: number): void {
  expect(session.setWeight(session.draft.criteria.ids[REVENUE], weight)).toBe(true);
}

/** The fixtures' Tiers with Gold's Min score raised to 80 and its Requires cleared: a change made in the grid. */
const GOLD_80 = ["Gold", 80, "", "gold"];
function tiersWithGold80(): TableData {
  return { ...tiers(), rows: [GOLD_80, ...tiers().rows.slice(1)] };
}

/** The fixtures' Criteria with Revenue's default weight changed. */
function criteriaWithWeight(weight: unknown): TableData {
  const c = criteria();
  c.rows[REVENUE][WEIGHT] = weight;
  return c;
}

describe("first load", () => {
  test("a workbook without a scorecard opens at the start, with nothing to edit or apply", async () => {
    const { session, store, changes } = await open({ criteria: null, tiers: null, partners: null });
    expect(session.phase).toBe("empty");
    expect(session.dirty).toBe(false);
    expect(session.canApply).toBe(false);
    expect(store.loads).toBe(1);
    expect(changes).toEqual(["state", "state"]); // "loading", then the start
  });

  test("a workbook with a scorecard opens in the editor with a clean draft of what it holds", async () => {
    const { session } = await open();
    expect(session.phase).toBe("editor");
    expect(session.base).toEqual({ criteria: criteria(), tiers: tiers() });
    expect(session.draft.criteria.rows).toEqual(criteria().rows);
    expect(session.draft.tiers.rows).toEqual(tiers().rows);
    expect(session.loaded.partners).toEqual(partners());
    expect(session.problems).toEqual([]);
    expect(session.dirty).toBe(false);
    expect(session.canApply).toBe(false);
    expect(session.stale).toBeNull();
    expect(session.notice).toBeNull();
  });

  test("a workbook without a Tiers table gets an empty one to edit", async () => {
    const { session } = await open({ criteria: criteria(), tiers: null, partners: null });
    expect(session.phase).toBe("editor");
    expect(session.base.tiers).toEqual({ header: ["Tier", "Min score", "Requires"], rows: [] });
  });

  test("a load that fails says why", async () => {
    const store = new FakeStore();
    store.load = () => Promise.reject(new Error("no access"));
    const session = new TaskpaneSession(store);
    await session.load();
    expect(session.phase).toBe("failed");
    expect(session.failure).toBe("no access");
  });

  test("creating the sample writes its tables, watches them and opens the editor", async () => {
    const { session, store } = await open({ criteria: null, tiers: null, partners: null });
    await expect(session.createSample()).resolves.toBe(true);
    expect(store.tables.criteria).not.toBeNull();
    expect(session.phase).toBe("editor");
    expect(session.notice?.kind).toBe("info");
    // A store watches the tables that exist, so the session watches again once they do.
    expect(store.watches).toBe(2);
    expect(store.listener).not.toBeNull();
    expect(store.saves).toHaveLength(0);
  });
});

describe("editing and applying", () => {
  test("an edit makes the draft dirty; Apply saves once, the whole model with its unknown columns", async () => {
    const { session, store, changes } = await open();
    changes.length = 0;
    editRevenueWeight(session, 55);
    expect(changes).toEqual(["values"]);
    expect(session.dirty).toBe(true);
    expect(session.canApply).toBe(true);

    await session.apply();

    expect(store.saves).toHaveLength(1);
    const [saved] = store.saves;
    expect(saved.criteria).toEqual(criteriaWithWeight(55));
    expect(saved.tiers).toEqual(tiers());
    // Unknown columns (Notes, Colour) and their cells are written back as they were.
    expect(saved.criteria.header).toContain("Notes");
    expect(saved.criteria.rows[REVENUE][9]).toBe("from the ERP");
    expect(saved.tiers.header).toContain("Colour");
    expect(session.dirty).toBe(false);
    expect(session.base.criteria).toEqual(criteriaWithWeight(55));
    expect(session.undoDepth).toBe(1);
    expect(session.notice?.text).toMatch(/^Applied/);
  });

  test("a structural edit asks for a full redraw, a cell edit for an update in place", async () => {
    const { session, changes } = await open();
    changes.length = 0;
    session.edit((d) => ({ ...d, criteria: setCell(d.criteria, 1, "Min", 5) }));
    session.edit((d) => d, true);
    expect(changes).toEqual(["values", "state"]);
  });

  test("Apply is refused while the draft has problems", async () => {
    const { session, store } = await open();
    editRevenueWeight(session, -5);
    expect(session.dirty).toBe(true);
    expect(session.problems.length).toBeGreaterThan(0);
    expect(session.problems[0]).toMatchObject({ table: "Criteria", row: REVENUE });
    expect(session.canApply).toBe(false);

    await session.apply();

    expect(store.saves).toHaveLength(0);
    expect(store.tables.criteria).toEqual(criteria());
    expect(session.dirty).toBe(true);
  });

  test("Apply does not write over a change the pane has not been told of yet", async () => {
    const { session, store } = await open();
    editRevenueWeight(session, 55);
    store.tables.criteria = criteriaWithWeight(30); // changed, but no event (yet)

    await session.apply();

    expect(store.saves).toHaveLength(0);
    expect(session.stale?.changes.length).toBeGreaterThan(0);
    expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(55);
  });

  test("an Apply that finds the workbook changed ends its busy status", async () => {
    const { session, store } = await open();
    const busy: unknown[] = [];
    session.subscribe((change) => {
      if (change.kind === "busy") busy.push(change.working);
    });
    editRevenueWeight(session, 55);
    store.tables.criteria = criteriaWithWeight(30);

    await session.apply();

    expect(busy).toEqual(["applying", null]);
    expect(session.busy).toBe(false);
  });

  test("a failing save keeps the edits and says so", async () => {
    const { session, store } = await open();
    store.save = () => Promise.reject(new Error("locked"));
    editRevenueWeight(session, 55);
    await session.apply();
    expect(session.dirty).toBe(true);
    expect(session.notice).toMatchObject({ kind: "error" });
    expect(session.notice?.text).toContain("locked");
    expect(session.busy).toBe(false);
  });

  test("Revert returns the draft to what was loaded, without writing", async () => {
    const { session, store } = await open();
    editRevenueWeight(session, 55);
    session.edit((d) => ({ ...d, tiers: setCell(d.tiers, 0, "Min score", 75) }));
    expect(session.dirty).toBe(true);

    expect(session.revert()).toBe(true);

    expect(session.dirty).toBe(false);
    expect(session.draft.criteria.rows).toEqual(criteria().rows);
    expect(session.draft.tiers.rows).toEqual(tiers().rows);
    expect(store.saves).toHaveLength(0);
    expect(session.notice?.text).toBe("Reverted to what the workbook holds.");
  });

  test("spreading to 100 leaves locked weights alone", async () => {
    const { session } = await open();
    const [revenue, growth] = session.draft.criteria.ids;
    expect(session.setWeight(growth, 50)).toBe(true); // the weights now add up to 130
    session.setLocked(revenue, true);
    session.spread();
    expect(session.notice?.text).toBe("Spread: the weights of this profile now add up to 100.");
    const weights = session.draft.criteria.rows.map((r) => r[WEIGHT] as number);
    expect(weights[REVENUE]).toBe(40);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(session.isLocked(revenue)).toBe(true);
    expect(session.isLocked(growth)).toBe(false);
  });

  test("locks and open details follow their rows through an Apply that removed a row above them", async () => {
    const { session } = await open();
    const [revenue, growth] = session.draft.criteria.ids;
    session.setLocked(growth, true);
    session.setOpen(growth, true);
    session.edit((d) => ({ ...d, criteria: removeRow(d.criteria, REVENUE) }), true);
    await session.apply();
    expect(session.dirty).toBe(false);
    // The growth criterion is now the first row of what was written.
    const first = session.draft.criteria.ids[0];
    expect(session.isLocked(first)).toBe(true);
    expect(session.isOpen(first)).toBe(true);
    expect(session.isLocked(session.draft.criteria.ids[1])).toBe(false);
    expect(revenue).not.toBe(growth);
  });
});

describe("undo of the last apply", () => {
  async function applied() {
    const opened = await open();
    editRevenueWeight(opened.session, 55);
    await opened.session.apply();
    expect(opened.store.saves).toHaveLength(1);
    return opened;
  }

  test("writes the tables from before the apply back", async () => {
    const { session, store } = await applied();
    expect(session.canUndo).toBe(true);

    await session.undoLastApply();

    expect(store.saves).toHaveLength(2);
    expect(store.saves[1]).toEqual({ criteria: criteria(), tiers: tiers() });
    expect(session.base.criteria).toEqual(criteria());
    expect(session.dirty).toBe(false);
    expect(session.undoDepth).toBe(0);
    expect(session.canUndo).toBe(false);
    expect(session.notice?.text).toMatch(/^Undid the last apply/);
  });

  test("is off while there are unapplied edits", async () => {
    const { session, store } = await applied();
    editRevenueWeight(session, 60);
    expect(session.canUndo).toBe(false);
    await session.undoLastApply();
    expect(store.saves).toHaveLength(1);
  });

  test("asks first when the workbook changed since, and writes only when told to", async () => {
    const { session, store } = await applied();
    // Changed in the grid without the pane hearing of it yet.
    store.tables.tiers = tiersWithGold80();

    await session.undoLastApply();

    expect(store.saves).toHaveLength(1);
    expect(session.notice?.kind).toBe("error");
    expect(session.notice?.details?.some((d) => d.includes("Gold"))).toBe(true);
    const actions = session.notice?.actions ?? [];
    expect(actions.map((a) => a.testid)).toEqual(["undo-anyway", "undo-cancel"]);

    actions[0].run(); // "Undo anyway (overwrite them)"
    await settle();

    expect(store.saves).toHaveLength(2);
    expect(store.saves[1]).toEqual({ criteria: criteria(), tiers: tiers() });
  });

  test("Cancel leaves the workbook as it is", async () => {
    const { session, store } = await applied();
    store.tables.criteria = criteriaWithWeight(70);
    await session.undoLastApply();
    session.notice?.actions?.find((a) => a.testid === "undo-cancel")?.run();
    expect(session.notice).toBeNull();
    expect(store.saves).toHaveLength(1);
    expect(store.tables.criteria).toEqual(criteriaWithWeight(70));
  });
});

describe("changes made in the workbook", () => {
  test("with no unapplied edits, the pane reloads and says so", async () => {
    const { session, store } = await open();
    await store.changeOutside((t) => (t.criteria = criteriaWithWeight(30)));
    expect(session.base.criteria).toEqual(criteriaWithWeight(30));
    expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(30);
    expect(session.dirty).toBe(false);
    expect(session.stale).toBeNull();
    expect(session.notice).toEqual({
      kind: "info",
      text: "The scorecard was changed in the workbook; the pane reloaded.",
    });
    expect(store.saves).toHaveLength(0);
  });

  test("a change of the Partners alone updates the effect in place and leaves the draft", async () => {
    const { session, store, changes } = await open();
    editRevenueWeight(session, 55);
    changes.length = 0;
    await store.changeOutside((t) => (t.partners = { ...partners(), rows: partners().rows.slice(0, 2) }));
    expect(changes).toEqual(["values"]);
    expect(session.loaded.partners?.rows).toHaveLength(2);
    expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(55);
    expect(session.stale).toBeNull();
  });

  describe("with unapplied edits", () => {
    async function staleDraft() {
      const opened = await open();
      editRevenueWeight(opened.session, 55);
      await opened.store.changeOutside((t) => (t.tiers = tiersWithGold80()));
      return opened;
    }

    test("keeps the draft, marks it stale, lists the change and blocks Apply", async () => {
      const { session, store } = await staleDraft();
      expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(55);
      expect(session.base.tiers).toEqual(tiers()); // not adopted yet
      expect(session.stale).not.toBeNull();
      expect(session.stale?.changes.some((c) => c.includes("Gold"))).toBe(true);
      expect(session.dirty).toBe(true);
      expect(session.canApply).toBe(false);

      await session.apply();
      expect(store.saves).toHaveLength(0);
    });

    test("Keep my edits: the user's edits go on top of the workbook's change, which Apply keeps", async () => {
      const { session, store } = await staleDraft();
      expect(session.keepDraft()).toBe(true);
      expect(session.stale).toBeNull();
      expect(session.base.tiers.rows[0]).toEqual(GOLD_80);
      expect(session.draft.tiers.rows[0]).toEqual(GOLD_80);
      expect(session.canApply).toBe(true);

      await session.apply();

      // The user's weight, and the Gold tier as the workbook changed it.
      expect(store.saves).toHaveLength(1);
      expect(store.saves[0]).toEqual({ criteria: criteriaWithWeight(55), tiers: tiersWithGold80() });

      await session.undoLastApply();
      expect(store.saves).toHaveLength(2);
      expect(store.saves[1].criteria).toEqual(criteria());
      expect(store.saves[1].tiers.rows[0]).toEqual(GOLD_80);
    });

    test("Keep my edits where the workbook changed the same cell: Apply writes the user's, Undo restores the workbook's", async () => {
      const { session, store } = await open();
      editRevenueWeight(session, 55);
      await store.changeOutside((t) => (t.criteria = criteriaWithWeight(45)));
      expect(session.stale?.changes.join("\n")).toMatch(/Revenue/);
      expect(session.keepDraft()).toBe(true);
      await session.apply();
      expect(store.saves[0].criteria).toEqual(criteriaWithWeight(55));
      await session.undoLastApply();
      expect(store.saves[1].criteria).toEqual(criteriaWithWeight(45));
    });

    test("Reload (discard my edits): the draft becomes what the workbook holds now", async () => {
      const { session, store } = await staleDraft();
      expect(session.discardDraft()).toBe(true);
      expect(session.stale).toBeNull();
      expect(session.dirty).toBe(false);
      expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(40);
      expect(session.draft.tiers.rows[0]).toEqual(GOLD_80);
      expect(session.notice?.text).toMatch(/your unapplied edits were discarded/);
      expect(store.saves).toHaveLength(0);
    });

    test("Revert while stale reloads too", async () => {
      const { session } = await staleDraft();
      expect(session.revert()).toBe(true);
      expect(session.stale).toBeNull();
      expect(session.draft.tiers.rows[0]).toEqual(GOLD_80);
    });

    test("when the workbook goes back to what the draft started from, the draft is no longer stale", async () => {
      const { session, store } = await staleDraft();
      await store.changeOutside((t) => (t.tiers = tiers()));
      expect(session.stale).toBeNull();
      expect(session.draft.criteria.rows[REVENUE][WEIGHT]).toBe(55);
      expect(session.canApply).toBe(true);
    });
  });

  test("a change reported during an apply is read once the apply is done", async () => {
    const { session, store } = await open();
    editRevenueWeight(session, 55);
    const save = store.save.bind(store);
    store.save = async (c, t) => {
      await save(c, t);
      // Someone edits the Tiers while the write is under way.
      store.tables.tiers = tiersWithGold80();
      store.listener?.();
    };
    await session.apply();
    await settle();
    expect(store.saves).toHaveLength(1);
    expect(session.base.tiers.rows[0]).toEqual(GOLD_80);
    expect(session.notice?.text).toBe("The scorecard was changed in the workbook; the pane reloaded.");
  });

  test("a change reported while the workbook is being read is read again after that read", async () => {
    const { session, store } = await open();
    const load = store.load.bind(store);
    let loadsNow = 0;
    store.load = async () => {
      const read = await load(); // what the workbook held when the read was made
      if (++loadsNow === 1) {
        // Ctrl+Z in the grid while this read is on its way back: the read missed it.
        store.tables.partners = { ...partners(), rows: partners().rows.slice(0, 2) };
        store.listener?.();
      }
      return read;
    };
    store.listener?.();
    await settle();
    await settle();
    expect(loadsNow).toBe(2);
    expect(session.loaded.partners?.rows).toHaveLength(2);
  });

  test("after dispose, reported changes are ignored and watching stops", async () => {
    const { session, store } = await open();
    session.dispose();
    await settle();
    expect(store.listener).toBeNull();
    const loads = store.loads;
    await session.reload();
    expect(store.loads).toBe(loads);
  });
});

describe("the profile the weights open on (issue 21 item 5)", () => {
  /** The fixtures' partners, all but one typed Influencer. */
  function mostlyInfluencers(): TableData {
    const p = partners();
    p.rows = p.rows.map((row, i) => (i < 3 ? [row[0], "Influencer", ...row.slice(2)] : row));
    return p;
  }

  test("opens on the profile most partners use, not on the default with fewer", async () => {
    const { session } = await open({ criteria: criteria(), tiers: tiers(), partners: mostlyInfluencers() });
    expect(session.profile).toBe("Influencer");
  });

  test("opens on the default when most partners use it, and keeps the user's choice when the list changes", async () => {
    const { session, store } = await open();
    expect(session.profile).toBe("");
    session.profile = "Influencer";
    await store.changeOutside((t) => {
      t.criteria = criteriaWithWeight(41);
      t.partners = partners();
    });
    expect(session.profile).toBe("Influencer");
  });
});
