/**
 * @jest-environment jsdom
 *
 * The Review section (issue 22) drawn into a jsdom document over a real ReviewSession and the
 * browser workbook's store: the proposals listed with a checkbox each, "Approve selected"
 * approving the partners ticked (and only those), and the override form saying beside each
 * field what is wrong with a bad date and a blank reason, keeping what was typed.
 */
import { serialFromDate } from "../../../src/core";
import { GridStore } from "../../../src/preview/gridStore";
import { Workbook } from "../../../src/preview/workbook";
import { ReviewSession } from "../../../src/taskpane/state/review";
import { TaskpaneSession } from "../../../src/taskpane/state/session";
import { builder } from "../../../src/taskpane/views/dom";
import {
  reviewSection,
  showReview,
  type ReviewHandlers,
} from "../../../src/taskpane/views/reviewView";
import type { SheetTable, TableData } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../fixtures";

const EVALUATION = serialFromDate(2027, 1, 5);

function table(name: string, sheet: string, data: TableData): SheetTable {
  return { name, sheet, topLeft: "A1", header: data.header, rows: data.rows };
}

async function mounted() {
  const p = partners();
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  await store.createSample([
    table("Criteria", "Scorecard", criteria()),
    { ...table("Tiers", "Scorecard", tiers()), topLeft: "M1" },
    {
      ...table("Evaluation", "Scorecard", {
        header: ["Evaluation date"],
        rows: [[EVALUATION]],
      }),
      topLeft: "R1",
    },
    table("Partners", "Partners", {
      header: p.header.slice(0, 6),
      rows: p.rows.slice(0, 3).map((row) => row.slice(0, 6)),
    }),
  ]);
  const session = new TaskpaneSession(store);
  await session.load();
  const review = new ReviewSession(session, store, {
    today: () => EVALUATION + 15,
  });
  const el = builder(document);
  const calls: string[] = [];
  const on: ReviewHandlers = {
    open: () => void review.open(),
    addColumns: () => void review.addColumns(),
    tick: (partner, ticked) => {
      calls.push(`tick ${partner} ${ticked}`);
      review.setTicked(partner, ticked);
    },
    approve: (which) => {
      calls.push(`approve ${which}`);
      void review.approve(which);
    },
    undo: () => void review.undoLast(),
    override: (form) => {
      calls.push(`override ${JSON.stringify(form)}`);
      void review.setOverride(form);
    },
  };
  document.body.replaceChildren(reviewSection(el, on));
  review.subscribe(() => showReview(document, el, review, on));
  showReview(document, el, review, on);
  /** Types a value into a Partners cell (data row r, column by name), as a user would. */
  const type = async (r: number, column: string, value: number | string) => {
    const col = (await store.load()).partners!.header.indexOf(column);
    workbook.enter({ sheet: "Partners", row: r + 1, col }, String(value));
    await session.reload();
  };
  const writes = jest.spyOn(store, "writeReview");
  /** Lets the handlers' promises (reads and writes of the store) finish. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { review, type, writes, calls, settle };
}

const byTestId = (id: string) =>
  document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const click = (id: string) => byTestId(id)!.click();

describe("the Review section in a document", () => {
  it("lists the proposals with a checkbox each; Approve selected approves the partners ticked, and only them", async () => {
    const { review, type, writes, calls, settle } = await mounted();
    click("review-open");
    await settle();
    click("review-add-columns");
    await settle();
    expect(byTestId("review-summary")!.textContent).toMatch(
      /^As of 2027-01-05 \(the Evaluation date\): 0 proposed changes/,
    );
    // Beta rises to Gold; Gamma to Silver; Alpha falls (no Grace days: due at once).
    await type(1, "Revenue", 1000);
    await type(1, "Growth", 20);
    await type(2, "Revenue", 800);
    await type(2, "Support load", 0);
    await type(0, "Accreditation", "Low");
    click("review-open");
    await settle();

    const items = [
      ...document.querySelectorAll<HTMLLIElement>(
        '[data-testid="review-proposals"] [data-testid="review-item"]',
      ),
    ];
    expect(items.map((li) => li.dataset.partner).sort()).toEqual([
      "Alpha",
      "Beta",
      "Gamma",
    ]);
    const beta = items.find((li) => li.dataset.partner === "Beta")!;
    expect(beta.textContent).toMatch(
      /^ Beta: Silver → Promote to Gold, score /,
    );
    const ticks = items.map((li) =>
      li.querySelector<HTMLInputElement>('[data-testid="review-tick"]')!,
    );
    expect(ticks.every((t) => t.type === "checkbox" && !t.checked)).toBe(true);

    for (const li of items.filter((li) => li.dataset.partner !== "Gamma"))
      li.querySelector<HTMLInputElement>(
        '[data-testid="review-tick"]',
      )!.click();
    expect(byTestId("review-approve-all")!.textContent).toBe("Approve all (3)");
    click("review-approve-selected");
    await settle();

    expect(calls.filter((c) => c.startsWith("tick")).sort()).toEqual([
      "tick Alpha true",
      "tick Beta true",
    ]);
    expect(calls).toContain("approve selected");
    expect(writes).toHaveBeenCalledTimes(1);
    const approved = writes.mock.calls[0][0].history.map((row) => row[1]);
    expect(approved.sort()).toEqual(["Alpha", "Beta"]);
    // Gamma was not ticked: still proposed, now alone.
    expect(
      [
        ...document.querySelectorAll<HTMLLIElement>(
          '[data-testid="review-proposals"] [data-testid="review-item"]',
        ),
      ].map((li) => li.dataset.partner),
    ).toEqual(["Gamma"]);
    expect(byTestId("review-undo")!.textContent).toBe(
      "Undo: Approved 2 tier changes as of 2027-01-05",
    );
    expect(review.canUndo).toBe(true);
  });

  it("says beside each field what is wrong with a bad date and a blank reason, writing nothing and keeping what was typed", async () => {
    const { writes, calls, settle } = await mounted();
    click("review-open");
    await settle();
    click("review-add-columns");
    await settle();
    const input = (name: string) =>
      byTestId(`override-${name}`) as HTMLInputElement;
    expect(byTestId("override-set")!.closest("form")!.hidden).toBe(false);
    input("partner").value = "Beta";
    input("tier").value = "Gold";
    // A date input keeps only a valid date: a text field stands in for what a browser lets through.
    input("until").type = "text";
    input("until").value = "2027-02-30";
    click("override-set");
    await settle();

    expect(calls).toContain(
      `override ${JSON.stringify({ partner: "Beta", tier: "Gold", until: "2027-02-30", reason: "" })}`,
    );
    expect(byTestId("override-until-error")!.textContent).toBe(
      "2027-02-30 is not a date (yyyy-mm-dd).",
    );
    expect(byTestId("override-reason-error")!.textContent).toMatch(
      /^Give the reason/,
    );
    expect(byTestId("override-partner-error")!.textContent).toBe("");
    expect(input("until").getAttribute("aria-invalid")).toBe("true");
    expect(input("reason").getAttribute("aria-invalid")).toBe("true");
    expect(input("tier").getAttribute("aria-invalid")).toBe("false");
    expect(writes).not.toHaveBeenCalled();
    expect([input("partner").value, input("tier").value]).toEqual([
      "Beta",
      "Gold",
    ]);

    input("until").value = "2026-12-31";
    click("override-set");
    await settle();
    expect(byTestId("override-until-error")!.textContent).toBe(
      "The override must end after the review's date, 2027-01-05.",
    );
  });
});
