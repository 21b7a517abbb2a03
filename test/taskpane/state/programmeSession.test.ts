/** The programme tools over a session and a store: presets through Apply and Undo, selection, upkeep. */
import { certStatus, readDate, serialFromDate } from "../../../src/core";
import { draftTables, setCell } from "../../../src/programme/draft";
import {
  partnerProfile,
  type PartnerProfile,
} from "../../../src/programme/charts";
import { applyPreset } from "../../../src/programme/presets";
import { Programme } from "../../../src/taskpane/state/programme";
import {
  TaskpaneSession,
  type SessionChange,
} from "../../../src/taskpane/state/session";
import { sampleTables } from "../../../src/workbook/sample";
import type {
  ScorecardStore,
  SheetTable,
  TableData,
  WorkbookScorecard,
} from "../../../src/workbook/store";

const TODAY = serialFromDate(2026, 11, 29);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The sample as a store loads it: formulas replaced by what they compute (Certification only; Score and Tier are not read). */
function sampleWorkbook(): WorkbookScorecard {
  const [c, t, p] = sampleTables(TODAY);
  const expiry = p.header.indexOf("Cert expiry");
  const status = p.header.indexOf("Certification");
  return {
    criteria: { header: c.header, rows: clone(c.rows) },
    tiers: { header: t.header, rows: clone(t.rows) },
    partners: {
      header: p.header,
      rows: p.rows.map((row) =>
        row.map((v, i) =>
          i === status
            ? certStatus(readDate(row[expiry], "expiry"), TODAY, 60)
            : v,
        ),
      ),
    },
  };
}

class SelectingStore implements ScorecardStore {
  loads = 0;
  saves: { criteria: TableData; tiers: TableData }[] = [];
  select: ((row: number | null, values?: unknown[]) => void) | null = null;
  constructor(public tables: WorkbookScorecard) {}
  async load(): Promise<WorkbookScorecard> {
    this.loads++;
    return clone(this.tables);
  }
  async save(criteria: TableData, tiers: TableData): Promise<void> {
    this.saves.push(clone({ criteria, tiers }));
    this.tables = {
      ...this.tables,
      criteria: clone(criteria),
      tiers: clone(tiers),
    };
  }
  async createSample(_: SheetTable[]): Promise<void> {}
  async watch(): Promise<() => void> {
    return () => undefined;
  }
  async watchPartnerSelection(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => void> {
    this.select = listener;
    return () => void (this.select = null);
  }
}

/**
 * A store that also reports changes to the Partners table, as the Excel adapter and the
 * grid's do; as Excel's, only of a table that exists when the pane asks.
 */
class WatchingStore extends SelectingStore {
  partnersChanged: (() => void) | null = null;
  partnerWatches = 0;
  async watchPartners(listener: () => void): Promise<() => void> {
    this.partnerWatches++;
    if (this.tables.partners === null) return () => undefined;
    this.partnersChanged = listener;
    return () => void (this.partnersChanged = null);
  }
}

/** The partner card's Support tickets part. */
function card2(programme: Programme) {
  const card = programme.card();
  return card && "parts" in card
    ? card.parts.find((p) => p.criterion === "Support tickets")
    : undefined;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function open(store = new SelectingStore(sampleWorkbook())) {
  const session = new TaskpaneSession(store);
  const changes: SessionChange["kind"][] = [];
  session.subscribe((change) => changes.push(change.kind));
  await session.load();
  await session.watch();
  return {
    store,
    session,
    changes,
    programme: new Programme(session, () => TODAY),
  };
}

describe("the partner view follows the workbook's selection", () => {
  it("selecting a Partners row shows that partner's card, read from the workbook again", async () => {
    const { store, session, changes, programme } = await open();
    expect(programme.card()).toBeNull();
    // The user changes Fjord Digital's support tickets in the sheet, then selects its row.
    const fjord = store.tables.partners!.rows.findIndex(
      (r) => r[0] === "Fjord Digital",
    );
    const tickets = store.tables.partners!.header.indexOf("Support tickets");
    store.tables.partners!.rows[fjord][tickets] = 0;
    const loads = store.loads;
    store.select!(fjord);
    await settle();
    expect(session.selectedPartner).toBe(fjord);
    expect(changes).toContain("partner");
    expect(store.loads).toBe(loads + 1);
    const card = programme.card();
    expect(card).toMatchObject({ partner: "Fjord Digital", tier: "Silver" });
    expect(
      card &&
        "parts" in card &&
        card.parts.find((p) => p.criterion === "Support tickets"),
    ).toMatchObject({ value: 0, normalized: 100 });
  });

  it("where the store reports Partners changes, a selection loads nothing (the row it read is taken), and a change reads the workbook again", async () => {
    const store = new WatchingStore(sampleWorkbook());
    const { session, changes, programme } = await open(store);
    const fjord = store.tables.partners!.rows.findIndex(
      (r) => r[0] === "Fjord Digital",
    );
    const tickets = store.tables.partners!.header.indexOf("Support tickets");
    const loads = store.loads;
    store.select!(fjord);
    store.select!(fjord + 1);
    store.select!(fjord);
    await settle();
    expect(session.selectedPartner).toBe(fjord);
    expect(store.loads).toBe(loads);
    // The user changes Fjord Digital's support tickets in the sheet: the card follows.
    store.tables.partners!.rows[fjord][tickets] = 0;
    changes.length = 0;
    store.partnersChanged!();
    await settle();
    expect(store.loads).toBe(loads + 1);
    expect(changes).toContain("values");
    expect(card2(programme)).toMatchObject({ value: 0, normalized: 100 });
    // A selection that reads the row as it is now (a formula over another sheet recalculated,
    // which raises no change event): the pane takes it, without a load.
    const row = [...store.tables.partners!.rows[fjord]];
    row[tickets] = 50;
    store.select!(fjord, row);
    await settle();
    expect(store.loads).toBe(loads + 1);
    expect(card2(programme)).toMatchObject({ value: 50 });
    // Watching again (after createSample) replaces the subscription; disposing ends it.
    await session.watch();
    expect(store.partnersChanged).not.toBeNull();
    session.dispose();
    await settle();
    expect(store.partnersChanged).toBeNull();
  });

  it("a Partners table made after the pane opened is watched from the first read that finds it", async () => {
    const withPartners = sampleWorkbook();
    const store = new WatchingStore({ ...withPartners, partners: null });
    const { session } = await open(store);
    expect(store.partnersChanged).toBeNull();
    // The user makes the Partners table by hand, then edits the Criteria table, whose change
    // the pane hears: the read that follows finds the new table and watches it.
    store.tables = { ...store.tables, partners: withPartners.partners };
    await session.reload();
    await settle();
    expect(session.loaded.partners).not.toBeNull();
    expect(store.partnersChanged).not.toBeNull();
    // From now on an edit in Partners is heard as any other, and reads that find the same
    // tables subscribe nothing again.
    const loads = store.loads;
    store.partnersChanged!();
    await settle();
    expect(store.loads).toBe(loads + 1);
    await session.reload();
    await settle();
    expect(store.partnerWatches).toBe(2);
  });

  it("the header row clears the selection", async () => {
    const { store, session } = await open();
    store.select!(3);
    store.select!(null);
    await settle();
    expect(session.selectedPartner).toBeNull();
  });
});

describe("a preset through the session", () => {
  it("is previewed in the draft with who moves, applied in one save, and undone to the model before it", async () => {
    const { store, session, programme } = await open();
    const before = clone(store.tables);
    const preview = programme.previewPreset("exclusive");
    expect(preview.preset.label).toBe("Exclusive");
    expect(preview.changes.length).toBeGreaterThan(0);
    expect(session.dirty).toBe(true);
    expect(store.saves).toHaveLength(0); // nothing is written by a preview
    const moves = programme.moves();
    expect(moves.length).toBeGreaterThan(0);
    expect(moves.every((m) => !m.up)).toBe(true); // higher bars only move partners down
    // The what-if's counts are the preset's: the same tiers the preset's tables give.
    const effect = session.effect();
    if (typeof effect === "string") throw new Error(effect);
    expect(effect.down).toBe(moves.length);

    await session.apply();
    expect(store.saves).toHaveLength(1);
    // The preset applied to the tables as loaded gives exactly what was written.
    const expected = applyPreset(
      draftTables({ criteria: before.criteria!, tiers: before.tiers! }),
      "exclusive",
    ).draft;
    expect(store.saves[0].criteria.rows).toEqual(expected.criteria.rows);
    expect(store.saves[0].tiers.rows).toEqual(expected.tiers.rows);
    expect(programme.preview).toBeNull(); // applied: nothing is previewed any more

    await session.undoLastApply();
    expect(store.tables.criteria).toEqual(before.criteria);
    expect(store.tables.tiers).toEqual(before.tiers);
  });

  it("Revert drops a previewed preset", async () => {
    const { session, programme } = await open();
    programme.previewPreset("inclusive");
    expect(programme.preview?.preset.id).toBe("inclusive");
    session.revert();
    expect(session.dirty).toBe(false);
    expect(programme.preview).toBeNull();
    expect(programme.moves()).toEqual([]);
  });
});

describe("certification upkeep in the pane", () => {
  it("defaults to today, and looks ahead to the day chosen", async () => {
    const { programme } = await open();
    expect(programme.asOf).toBe(TODAY);
    const today = programme.upkeep();
    programme.asOf = TODAY + 60;
    const ahead = programme.upkeep();
    if (today.kind !== "lapses" || ahead.kind !== "lapses")
      throw new Error("no upkeep");
    expect(ahead.lapses.length).toBeGreaterThan(today.lapses.length);
    expect(
      ahead.lapses.some(
        (l) =>
          l.partner === "Bluefin Networks" &&
          l.falls &&
          l.tierThen === "Silver",
      ),
    ).toBe(true);
  });

  it("judges under the model the workbook holds, not the draft", async () => {
    const { programme } = await open();
    programme.asOf = TODAY + 60;
    const before = programme.upkeep();
    programme.previewPreset("inclusive"); // Gold would no longer require the certification ...
    const during = programme.upkeep(); // ... but until Apply the workbook's Gold does
    expect(during).toEqual(before);
    expect(
      during.kind === "lapses" &&
        during.lapses.find((l) => l.partner === "Bluefin Networks")?.tierThen,
    ).toBe("Silver");
  });
});

describe("a preset's preview as the pane's listeners see it", () => {
  it("is known when the session announces the edit", async () => {
    const { session, programme } = await open();
    const seen: (string | null)[] = [];
    session.subscribe(
      (change) =>
        change.kind === "state" &&
        seen.push(programme.preview?.preset.id ?? null),
    );
    programme.previewPreset("exclusive");
    expect(seen).toEqual(["exclusive"]);
  });
});

describe("the partner card's picture follows the selection and the what-if draft", () => {
  it("is the selected partner's, under the draft once a weight is edited, and per criterion on request", async () => {
    const { store, session, programme } = await open();
    expect(programme.picture()).toBeNull();
    const bluefin = store.tables.partners!.rows.findIndex(
      (r) => r[0] === "Bluefin Networks",
    );
    store.select!(bluefin);
    await settle();
    const before = programme.picture();
    expect(before).toMatchObject({
      partner: "Bluefin Networks",
      categories: ["Financial", "Growth", "Customer", "Capability"],
    });
    // Revenue (Financial) weighs 25 of the Reseller profile's 100; the draft makes it 75.
    session.edit((d) => ({
      ...d,
      criteria: setCell(d.criteria, 0, "Weight (Reseller)", 75),
    }));
    const after = programme.picture();
    if (!before || !after || "error" in before || "error" in after)
      throw new Error("no picture");
    expect(after.points[0]).toBeGreaterThan(before.points[0]);
    // The threshold is Platinum's 85 spread by the draft's weights: 75 of 150 is Financial.
    expect(after.nextTier?.values[0]).toBeCloseTo(85 / 2, 9);
    // Scored with the session's what-if partners, the tier's average is the same as scored afresh.
    const afresh = partnerProfile(
      session.loaded.partners!,
      programme.draftScenario()!,
      bluefin,
      "perspective",
    ) as PartnerProfile;
    expect(after.tierAverage).toEqual(afresh.tierAverage);
    programme.pictureBy = "criterion";
    expect(programme.picture()).toMatchObject({
      by: "criterion",
      categories: session.loaded.criteria!.rows.map((r) => r[0]),
    });
  });
});
