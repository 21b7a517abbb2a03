/**
 * The shared runtime's hidden page (issue 20, item 1): Excel loads taskpane.html hidden when a
 * workbook uses the PRM functions and keeps it running after the pane closes (Microsoft,
 * "Configure your Office Add-in to use a shared runtime"; "Show or hide the task pane of your
 * Office Add-in": event listeners keep running while hidden). The session, driven by
 * readWhileVisible, over the real ExcelScorecardStore and the stateful fake Excel: while hidden
 * it makes no context.sync() and holds no Excel event handler; shown, it reads once and watches.
 */
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { sampleTables } from "../../src/workbook/sample";
import type { PaneVisibility } from "../../src/taskpane/paneVisibility";
import { readWhileVisible } from "../../src/taskpane/state/readWhileVisible";
import { TaskpaneSession } from "../../src/taskpane/state/session";
import { installEmptyWorkbook, type FakeExcel } from "../workbook/fakeExcel";

/** The pane's visibility as a test sets it (Office.VisibilityMode "Hidden" / "Taskpane"). */
class Switch implements PaneVisibility {
  private readonly listeners = new Set<(visible: boolean) => void>();
  constructor(public visible: boolean) {}
  subscribe(listener: (visible: boolean) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  set(visible: boolean) {
    this.visible = visible;
    this.listeners.forEach((listener) => listener(visible));
  }
}

const CALCULATION_WAIT = 5;
/** Lets events, the reads they start and the calculation wait run out. */
const settle = async (excel: FakeExcel) => {
  await excel.settle();
  await new Promise((resolve) => setTimeout(resolve, 4 * CALCULATION_WAIT));
  await excel.settle();
};

/** 100 edits by the user, as in a working day: weights, partner values, recalculations, selections. */
async function hundredEdits(excel: FakeExcel): Promise<void> {
  for (let i = 0; i < 25; i++) {
    excel.edit("Scorecard", "A2", `Revenue ${i}`);
    excel.edit("Partners", "C3", 1000 + i);
    excel.recalculated("Partners", "D3", i); // a volatile CERTSTATUS recalculating
    excel.select("Partners", "B3");
  }
  await settle(excel);
}

async function workbookAndPane(visible: boolean) {
  const excel = installEmptyWorkbook();
  const store = new ExcelScorecardStore({ canResizeTables: true, calculationWaitMs: CALCULATION_WAIT });
  await store.createSample(sampleTables());
  excel.syncs = 0;
  const loads = jest.spyOn(store, "load");
  const session = new TaskpaneSession(store);
  const visibility = new Switch(visible);
  const following = readWhileVisible(visibility, session);
  await following.ready;
  return { excel, store, session, visibility, loads, following };
}

/** Lets a visibility turn (pause or resume, not awaited by the signal) finish. */
const turned = (excel: FakeExcel) => settle(excel);

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("the pane in a hidden shared runtime", () => {
  it("loaded hidden: no sync and no handler across 100 edits; shown: exactly one load, then it watches", async () => {
    const { excel, session, visibility, loads } = await workbookAndPane(false);
    await hundredEdits(excel);
    expect(excel.syncs).toBe(0);
    expect(excel.handlerCount()).toBe(0);
    expect(session.phase).toBe("loading");

    visibility.set(true);
    await turned(excel);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(session.phase).toBe("editor");
    // Criteria and Tiers changes, Partners changes, its selection and its sheet's calculation.
    expect(excel.handlerCount()).toBe(5);
  });

  it("hidden after use: removes every Excel handler, reads nothing across 100 edits, catches up with one load when shown", async () => {
    const { excel, session, visibility, loads } = await workbookAndPane(true);
    expect(loads).toHaveBeenCalledTimes(1);
    expect(excel.handlerCount()).toBe(5);

    visibility.set(false);
    await turned(excel);
    expect(excel.handlerCount()).toBe(0);
    const syncs = excel.syncs;
    await hundredEdits(excel);
    expect(excel.syncs).toBe(syncs);
    expect(loads).toHaveBeenCalledTimes(1);

    visibility.set(true);
    await turned(excel);
    expect(loads).toHaveBeenCalledTimes(2);
    expect(excel.handlerCount()).toBe(5);
    // The catch-up showed what changed while hidden: the renamed criterion.
    expect(session.base.criteria.rows[0][0]).toBe("Revenue 24");
  });

  it("a quick hide and show leaves one set of handlers, not two", async () => {
    const { excel, visibility } = await workbookAndPane(true);
    visibility.set(false);
    visibility.set(true);
    visibility.set(false);
    visibility.set(true);
    await turned(excel);
    expect(excel.handlerCount()).toBe(5);
  });
});
