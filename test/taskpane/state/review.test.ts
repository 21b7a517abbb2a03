/**
 * The pane's Review section without the DOM (issue 22), over the browser workbook's store:
 * the first review adds the review columns, data changes make partners move, approving some
 * writes them with the History decision rows in one write, undo puts the cells back and
 * records "Undone", the override form refuses bad input field by field.
 */
import { serialFromDate } from "../../../src/core";
import { GridStore } from "../../../src/preview/gridStore";
import { Workbook } from "../../../src/preview/workbook";
import {
  ReviewSession,
  type ReviewNow,
} from "../../../src/taskpane/state/review";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import type { SheetTable, TableData } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../fixtures";

const EVALUATION = serialFromDate(2027, 1, 5);
const TODAY = serialFromDate(2027, 1, 20);

function table(name: string, sheet: string, data: TableData): SheetTable {
  return { name, sheet, topLeft: "A1", header: data.header, rows: data.rows };
}

/** The fixtures' partners without their Score column (the store's own formulas are not the point). */
function partnerList(): TableData {
  const p = partners();
  return {
    header: p.header.slice(0, 6),
    rows: p.rows.slice(0, 3).map((row) => row.slice(0, 6)),
  };
}

async function open(withEvaluation = true) {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  await store.createSample([
    table("Criteria", "Scorecard", criteria()),
    { ...table("Tiers", "Scorecard", tiers()), topLeft: "M1" },
    ...(withEvaluation
      ? [
          {
            ...table("Evaluation", "Scorecard", {
              header: ["Evaluation date"],
              rows: [[EVALUATION]],
            }),
            topLeft: "R1",
          },
        ]
      : []),
    table("Partners", "Partners", partnerList()),
  ]);
  const session = new TaskpaneSession(store);
  await session.load();
  const writes = jest.spyOn(store, "writeReview");
  const review = new ReviewSession(session, store, { today: () => TODAY });
  /** Types a value into a Partners cell (data row r, column by name), as a user would. */
  const type = async (r: number, column: string, value: string | number) => {
    const col = (await store.load()).partners!.header.indexOf(column);
    workbook.enter({ sheet: "Partners", row: r + 1, col }, String(value));
    await session.reload();
  };
  const partnersNow = async () => (await store.load()).partners!;
  const cell = async (r: number, column: string) => {
    const p = await partnersNow();
    return p.rows[r][p.header.indexOf(column)];
  };
  return { workbook, store, session, review, writes, type, cell };
}

function reviewed(review: ReviewSession): ReviewNow {
  const now = review.now();
  if (typeof now === "string") throw new Error(`no review: ${now}`);
  return now;
}

const names = (items: { partner: string }[]) => items.map((i) => i.partner);

describe("ReviewSession", () => {
  it("offers to add the review columns, then adds them filled with the computed tiers as of the Evaluation date", async () => {
    const { review, cell } = await open();
    expect(review.now()).toBe("not-opened");
    await review.open();
    expect(review.now()).toBe("no-columns");
    await review.addColumns();
    expect(await cell(0, "Assigned tier")).toBe("Gold");
    expect(await cell(1, "Assigned tier")).toBe("Silver");
    expect(await cell(2, "Assigned tier")).toBe("Registered");
    expect(await cell(1, "Since")).toBe(EVALUATION);
    const now = reviewed(review);
    expect(now).toMatchObject({ asOf: EVALUATION, fromEvaluation: true });
    expect(now.review.proposals).toEqual([]);
  });

  it("uses today where the workbook has no Evaluation date", async () => {
    const { review } = await open(false);
    await review.addColumns();
    expect(reviewed(review)).toMatchObject({
      asOf: TODAY,
      fromEvaluation: false,
    });
  });

  it("approves the ticked proposals only, in one write with their History rows; undo restores the cells and records Undone", async () => {
    const { store, review, writes, type, cell } = await open();
    await review.addColumns();
    // Beta rises to Gold; Gamma to Silver; Alpha falls (no Grace days: due at once).
    await type(1, "Revenue", 1000);
    await type(1, "Growth", 20);
    await type(2, "Revenue", 800);
    await type(2, "Support load", 0);
    await type(0, "Accreditation", "Low");
    await review.open();
    const proposals = reviewed(review).review.proposals;
    expect(names(proposals).sort()).toEqual(["Alpha", "Beta", "Gamma"]);

    review.setTicked("Beta", true);
    review.setTicked("alpha", true);
    await review.approve("selected");
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await cell(1, "Assigned tier")).toBe("Gold");
    expect(await cell(1, "Since")).toBe(EVALUATION);
    expect(await cell(0, "Assigned tier")).toBe("Silver");
    // Gamma was not ticked: as it was.
    expect(await cell(2, "Assigned tier")).toBe("Registered");
    const history = (await store.loadHistory())!;
    expect(history.header).toEqual([
      "Date",
      "Partner",
      "Score",
      "Tier",
      "Change",
    ]);
    expect(history.rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual(
      expect.arrayContaining([
        [EVALUATION, "Beta", "Gold", "Promoted from Silver"],
        [
          EVALUATION,
          "Alpha",
          "Silver",
          expect.stringMatching(/^Demoted from Gold/),
        ],
      ]),
    );
    expect(names(reviewed(review).review.proposals)).toEqual(["Gamma"]);

    await review.undoLast();
    expect(writes).toHaveBeenCalledTimes(2);
    expect(await cell(1, "Assigned tier")).toBe("Silver");
    expect(await cell(0, "Assigned tier")).toBe("Gold");
    const after = (await store.loadHistory())!;
    expect(after.rows.slice(0, 2)).toEqual(history.rows);
    expect(after.rows.slice(2).map((r) => [r[0], r[1], r[3], r[4]])).toEqual(
      expect.arrayContaining([
        [TODAY, "Beta", "Silver", "Undone: Promoted from Silver"],
      ]),
    );
    expect(review.canUndo).toBe(false);
  });

  it("does not undo over a review cell changed since", async () => {
    const { review, writes, type, cell } = await open();
    await review.addColumns();
    await type(1, "Revenue", 1000);
    await type(1, "Growth", 20);
    await review.approve("all");
    await type(1, "Assigned tier", "Registered");
    await review.undoLast();
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await cell(1, "Assigned tier")).toBe("Registered");
  });

  it("refuses a bad override field by field, writing nothing; sets a good one, after which the review proposes nothing for it", async () => {
    const { review, writes, type, cell } = await open();
    await review.addColumns();
    const ok = await review.setOverride({
      partner: "Beta",
      tier: "Gold",
      until: "2026-12-31",
      reason: "",
    });
    expect(ok).toBe(false);
    expect(review.errors).toEqual({
      until: expect.stringMatching(
        /must end after the review's date, 2027-01-05/,
      ),
      reason: expect.stringMatching(/Give the reason/),
    });
    expect(writes).not.toHaveBeenCalled();

    expect(
      await review.setOverride({
        partner: "beta",
        tier: "gold",
        until: "2027-06-30",
        reason: "strategic",
      }),
    ).toBe(true);
    expect(review.errors).toEqual({});
    expect(await cell(1, "Assigned tier")).toBe("Gold");
    expect(await cell(1, "Override until")).toBe(serialFromDate(2027, 6, 30));
    expect(await cell(1, "Reason")).toBe("strategic");
    // Beta computes Silver, below Gold: no demotion while the override is in force.
    await type(1, "Revenue", 0);
    await review.open();
    const now = reviewed(review);
    expect(names(now.review.proposals)).toEqual([]);
    expect(names(now.review.overridesInForce)).toEqual(["Beta"]);
  });
});
