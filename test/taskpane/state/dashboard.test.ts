/**
 * The pane's "Write dashboard" with the session, over the browser workbook's store (the real
 * sample and the built functions; run npm run build first) given a test double's
 * writeChartedSheet that writes the sheet as writeOwnedSheet does and keeps the charts: it
 * writes the Dashboard, rewrites it on every Apply once it exists, never touches a user's
 * sheet named Dashboard, and says so where the store refuses to draw charts.
 */
import {
  DASHBOARD_CHARTS,
  DASHBOARD_MARKER,
  DASHBOARD_SHEET,
} from "../../../src/programme/dashboard";
import { registerCustomFunctions } from "../../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../../src/preview/gridStore";
import { Workbook } from "../../../src/preview/workbook";
import { DashboardWriter } from "../../../src/taskpane/state/dashboard";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import { NO_CHARTS } from "../../../src/workbook/excelCharts";
import { parseCell } from "../../../src/workbook/address";
import { sampleTables } from "../../../src/workbook/sample";
import type {
  ChartedSheet,
  ChartSpec,
  OwnedSheetWrite,
  ScorecardStore,
} from "../../../src/workbook/store";
import { loadBuiltFunctions } from "../../../src/host/loadBuild";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

/** The grid's store with charts kept as written (the browser workbook draws them on its own branch). */
class ChartingStore extends GridStore {
  charts: ChartSpec[] = [];
  writes = 0;
  refuse = false;
  async writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    if (this.refuse) throw new Error(NO_CHARTS);
    const done = await this.writeOwnedSheet(sheet, onlyIfPresent);
    if (done === "written") {
      this.charts = sheet.charts;
      this.writes++;
    }
    return done;
  }
}

async function opened() {
  const workbook = new Workbook(["Sheet1"]);
  const store = new ChartingStore(workbook);
  await store.createSample(sampleTables(46000));
  const session = new TaskpaneSession(store);
  await session.load();
  const dashboard = new DashboardWriter(
    store,
    () => new Date(Date.UTC(2026, 10, 29, 9)),
  );
  dashboard.followApplies(session);
  return { workbook, store, session, dashboard };
}

/** What the engine shows in a chart's source range. */
function shown(
  workbook: Workbook,
  store: ChartingStore,
  name: string,
): unknown[][] {
  const spec = store.charts.find((c) => c.name === name)!;
  const [a, b] = spec.source.split(":").map(parseCell);
  return Array.from({ length: b.row - a.row + 1 }, (_, r) =>
    Array.from(
      { length: b.column - a.column + 1 },
      (_, c) =>
        workbook.cell({
          sheet: DASHBOARD_SHEET,
          row: a.row + r,
          col: a.column + c,
        }).value,
    ),
  );
}

describe("Write dashboard in the pane", () => {
  it("writes the Dashboard with its four charts and says what it shows and how to paste a chart", async () => {
    const { workbook, store, dashboard } = await opened();
    expect(dashboard.available).toBe(true);
    const notice = await dashboard.write();
    expect(notice).toEqual({
      kind: "info",
      text: expect.stringMatching(
        /^Wrote the sheet "Dashboard".*Paste as picture\.$/,
      ),
    });
    expect(dashboard.message).toBe(notice);
    expect(
      workbook.cell({ sheet: DASHBOARD_SHEET, row: 0, col: 0 }).value,
    ).toBe(DASHBOARD_MARKER);
    expect(store.charts.map((c) => c.name)).toEqual(
      Object.values(DASHBOARD_CHARTS),
    );
    const counts = shown(workbook, store, DASHBOARD_CHARTS.tiers).slice(1);
    expect(counts.reduce((n, [, count]) => n + (count as number), 0)).toBe(30);
  });

  it("rewrites the Dashboard on every Apply once it exists, from the model just applied, and says so", async () => {
    const { workbook, store, session, dashboard } = await opened();
    await dashboard.write();
    const before = shown(workbook, store, DASHBOARD_CHARTS.perspectives);
    session.profile = "Reseller";
    expect(session.setWeight(session.draft.criteria.ids[0], 90)).toBe(true);
    await session.apply();
    expect(store.writes).toBe(2);
    expect(session.notice?.text).toMatch(
      /^Applied: .* The sheet "Dashboard" was rewritten too\.$/,
    );
    // The averages per perspective are values: only the rewrite changes them.
    expect(shown(workbook, store, DASHBOARD_CHARTS.perspectives)).not.toEqual(
      before,
    );
    await session.undoLastApply();
    expect(store.writes).toBe(3);
    expect(shown(workbook, store, DASHBOARD_CHARTS.perspectives)).toEqual(
      before,
    );
  });

  it("does not create a Dashboard on Apply when none was written", async () => {
    const { workbook, store, session } = await opened();
    expect(session.setWeight(session.draft.criteria.ids[0], 40)).toBe(true);
    await session.apply();
    expect(workbook.hasSheet(DASHBOARD_SHEET)).toBe(false);
    expect(store.writes).toBe(0);
    expect(session.notice?.text).not.toMatch(/Dashboard/);
  });

  it("leaves a sheet named Dashboard that the add-in did not make as it is: the button says why, an Apply says nothing", async () => {
    const { workbook, store, session, dashboard } = await opened();
    workbook.addSheet(DASHBOARD_SHEET);
    workbook.write(
      { sheet: DASHBOARD_SHEET, row: 0, col: 0 },
      "My own dashboard",
    );
    workbook.write({ sheet: DASHBOARD_SHEET, row: 4, col: 1 }, 42);
    const notice = await dashboard.write();
    expect(notice).toEqual({
      kind: "error",
      text: expect.stringMatching(
        /^Could not write the Dashboard: .*already has a sheet named "Dashboard" that the add-in did not make; nothing was changed/,
      ),
    });
    expect(
      workbook.cell({ sheet: DASHBOARD_SHEET, row: 0, col: 0 }).value,
    ).toBe("My own dashboard");
    expect(session.setWeight(session.draft.criteria.ids[0], 40)).toBe(true);
    await session.apply();
    expect(session.notice).toMatchObject({
      kind: "info",
      text: expect.stringMatching(/^Applied: /),
    });
    expect(session.notice?.text).not.toMatch(/Dashboard/);
    expect(
      workbook.cell({ sheet: DASHBOARD_SHEET, row: 4, col: 1 }).value,
    ).toBe(42);
    expect(store.writes).toBe(0);
  });

  it("says so beside the button where the store cannot draw charts, and writes nothing", async () => {
    const { workbook, store, dashboard } = await opened();
    store.refuse = true;
    const notice = await dashboard.write();
    expect(notice).toEqual({
      kind: "error",
      text: `Could not write the Dashboard: ${NO_CHARTS}`,
    });
    expect(workbook.hasSheet(DASHBOARD_SHEET)).toBe(false);
  });

  it("is not offered by a store that cannot draw charts", () => {
    const store = {
      load: jest.fn(),
      save: jest.fn(),
      createSample: jest.fn(),
      watch: jest.fn(),
      writeOwnedSheet: jest.fn(),
    } as unknown as ScorecardStore;
    expect(new DashboardWriter(store).available).toBe(false);
  });
});
