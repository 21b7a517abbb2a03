/**
 * The pane's "Copy for colleagues" with the session, over the browser workbook's store (the
 * real sample and the built functions; run npm run build first): it writes the copy, rewrites
 * it on Apply when there is one, and never touches a user's sheet of that name.
 */
import { COPY_MARKER, COPY_SHEET } from "../../../src/sharing";
import { registerCustomFunctions } from "../../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../../src/preview/gridStore";
import { Workbook } from "../../../src/preview/workbook";
import { ColleagueCopy } from "../../../src/taskpane/state/colleagueCopy";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import { sampleTables } from "../../../src/workbook/sample";
import type { ScorecardStore } from "../../../src/workbook/store";
import { loadBuiltFunctions } from "../../../src/host/loadBuild";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

/** A clock that moves a minute at each reading, so each write has its own "Generated" line. */
function clock(): () => Date {
  let minute = 0;
  return () => new Date(Date.UTC(2026, 10, 29, 9, minute++));
}

async function opened() {
  const workbook = new Workbook(["Sheet1"]);
  const store = new GridStore(workbook);
  await store.createSample(sampleTables(46000));
  const session = new TaskpaneSession(store);
  await session.load();
  const copy = new ColleagueCopy(store, clock());
  copy.followApplies(session);
  return { workbook, store, session, copy };
}

const text = (workbook: Workbook, row: number, col = 0) => workbook.cell({ sheet: COPY_SHEET, row, col }).value;

/** The copy's Score column, top to bottom. */
function copyScores(workbook: Workbook): unknown[] {
  const { rows } = workbook.usedSize(COPY_SHEET);
  let header = 0;
  while (text(workbook, header) !== "Partner") header++;
  const score = [0, 1, 2, 3].find((c) => text(workbook, header, c) === "Score")!;
  return Array.from({ length: rows - header - 1 }, (_, r) => text(workbook, header + 1 + r, score));
}

/** The Partners' PRM Score column. */
function prmScores(workbook: Workbook): unknown[] {
  const table = workbook.tables.get("Partners")!;
  const score = Array.from({ length: table.width }, (_, c) => workbook.cell({ sheet: "Partners", row: 0, col: c }).value).indexOf("Score");
  return Array.from({ length: table.height - 1 }, (_, r) => workbook.cell({ sheet: "Partners", row: r + 1, col: score }).value);
}

function expectSameScores(workbook: Workbook): void {
  const prm = prmScores(workbook);
  const copy = copyScores(workbook);
  expect(copy).toHaveLength(prm.length);
  prm.forEach((p, i) => expect(copy[i]).toBeCloseTo(p as number, 9));
}

describe("Copy for colleagues in the pane", () => {
  it("writes the sheet with the marker, when it was made and the policy, and says so", async () => {
    const { workbook, copy } = await opened();
    copy.missing = "zero";
    const notice = await copy.write();
    expect(notice).toEqual({ kind: "info", text: expect.stringContaining(`Wrote the sheet "${COPY_SHEET}"`) });
    expect(text(workbook, 0)).toBe(COPY_MARKER);
    expect(text(workbook, 1)).toMatch(/^Generated 2026-11-29 09:00 UTC .*missing values: zero/);
    // The store's formulas reached the copy: the sample's PRM.CERTSTATUS values are restated.
    const header = Array.from({ length: workbook.usedSize(COPY_SHEET).cols }, (_, c) => text(workbook, 9, c));
    expect(header).toContain("Certification (CERTSTATUS)");
  });

  it("rewrites the copy on Apply, from the model just applied, and adds that to the Apply notice", async () => {
    const { workbook, session, copy } = await opened();
    await copy.write();
    const before = copyScores(workbook);
    const revenue = session.draft.criteria.ids[0];
    session.profile = "Reseller";
    expect(session.setWeight(revenue, 90)).toBe(true);
    await session.apply();
    expect(session.notice?.text).toMatch(/^Applied: .* The sheet "Scorecard copy" for colleagues without the add-in was rewritten too\.$/);
    expect(text(workbook, 1)).toMatch(/^Generated 2026-11-29 09:01 UTC/);
    expect(copyScores(workbook)).not.toEqual(before);
    expectSameScores(workbook);
    // Undo writes the tables back, and the copy follows again.
    await session.undoLastApply();
    expect(text(workbook, 1)).toMatch(/^Generated 2026-11-29 09:02 UTC/);
    expect(copyScores(workbook)).toEqual(before);
  });

  it("rewrites the whole sheet: a shorter partner list leaves no old rows behind", async () => {
    const { workbook, copy } = await opened();
    await copy.write();
    expect(copyScores(workbook).filter((s) => typeof s === "number")).toHaveLength(30);
    const partners = workbook.tables.get("Partners")!;
    workbook.setTable({ ...partners, height: partners.height - 10 });
    await copy.write();
    // The sheet's used area does not shrink in the engine, but the old rows are empty.
    const scores = copyScores(workbook);
    expect(scores.slice(0, 20).every((s) => typeof s === "number")).toBe(true);
    expect(scores.slice(20)).toEqual(new Array(10).fill(null));
    expect(text(workbook, 0)).toBe(COPY_MARKER);
  });

  it("does not create a copy on Apply when none was made", async () => {
    const { workbook, session } = await opened();
    expect(session.setWeight(session.draft.criteria.ids[0], 40)).toBe(true);
    await session.apply();
    expect(workbook.hasSheet(COPY_SHEET)).toBe(false);
    expect(session.notice?.text).not.toMatch(/Scorecard copy/);
  });

  it("leaves a sheet of that name that the add-in did not make as it is, and says why", async () => {
    const { workbook, session, copy } = await opened();
    workbook.addSheet(COPY_SHEET);
    workbook.write({ sheet: COPY_SHEET, row: 0, col: 0 }, "My notes");
    workbook.write({ sheet: COPY_SHEET, row: 5, col: 2 }, 42);
    const notice = await copy.write();
    expect(notice).toEqual({ kind: "error", text: expect.stringMatching(/already has a sheet named "Scorecard copy" that the add-in did not make; nothing was changed/) });
    expect(text(workbook, 0)).toBe("My notes");
    expect(text(workbook, 5, 2)).toBe(42);
    // Nor on Apply: the pane says so instead of the usual "rewritten too".
    expect(session.setWeight(session.draft.criteria.ids[0], 40)).toBe(true);
    await session.apply();
    expect(session.notice).toMatchObject({ kind: "error", text: expect.stringMatching(/did not make/) });
    expect(text(workbook, 0)).toBe("My notes");
  });

  it("says why there is no copy when the workbook has no Partners table", async () => {
    const workbook = new Workbook(["Sheet1"]);
    const store = new GridStore(workbook);
    await store.createSample(sampleTables(46000).slice(0, 2));
    const notice = await new ColleagueCopy(store).write();
    expect(notice).toEqual({ kind: "error", text: "Could not write the copy for colleagues: The workbook has no Partners table." });
    expect(workbook.hasSheet(COPY_SHEET)).toBe(false);
  });

  it("is not offered by a store that cannot write sheets", () => {
    const store = { load: jest.fn(), save: jest.fn(), createSample: jest.fn(), watch: jest.fn() } as unknown as ScorecardStore;
    expect(new ColleagueCopy(store).available).toBe(false);
  });
});
