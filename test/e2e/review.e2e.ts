/**
 * The tier review in Chromium (issue 22), on the browser workbook with the real pane and
 * functions bundle: the first review adds the review columns; data typed in the grid makes
 * three partners move; approving two writes their Assigned tier and Since and records two
 * decisions in the History table; Undo puts the cells back and records "Undone" rows.
 * Needs the builds (npm run test:e2e makes them) and Chromium (see browser.ts).
 */
import type { Page } from "playwright-core";
import { isoDateFromSerial, todaySerial } from "../../src/core";
import { sampleTables } from "../../src/workbook/sample";
import { browserTestsRunnable } from "./browser";
import { gridOf, openPreview, type PreviewPage } from "./previewPage";

let preview: PreviewPage;
let page: Page;

beforeAll(async () => {
  preview = await openPreview({ width: 1600, height: 1000 });
  ({ page } = preview);
});

afterAll(async () => {
  await preview?.close();
});

const pane = () => page.frameLocator("#taskpane iframe");
const grid = () => gridOf(page);
const text = async (name: string) =>
  (await grid().cell(name).textContent()) ?? "";

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("the tier review in the browser workbook", () => {
  const partners = sampleTables()[2];
  const today = isoDateFromSerial(todaySerial());
  /** Grid rows (1-based, as in A1 names) of the three partners whose data the test lowers. */
  const moved: number[] = [];
  const assignedBefore: string[] = [];
  let tier: string;
  let assigned: string;
  let since: string;

  it("adds the review columns on first review, filled with the computed tiers as of the Evaluation date", async () => {
    await pane().getByTestId("create-sample").click();
    await page
      .locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]')
      .waitFor();
    await pane().getByTestId("review-open").click();
    await pane().getByTestId("review-add-columns").click();
    await pane().getByTestId("review-summary").waitFor();
    await expect(
      pane().getByTestId("review-summary").textContent(),
    ).resolves.toMatch(
      new RegExp(
        `^As of ${today} \\(the Evaluation date\\): 0 proposed changes`,
      ),
    );
    tier = await grid().columnOf("Tier");
    assigned = await grid().columnOf("Assigned tier");
    since = await grid().columnOf("Since");
    for (let r = 2; r < partners.rows.length + 2; r++) {
      const computed = await text(`${tier}${r}`);
      expect(await text(`${assigned}${r}`)).toBe(computed);
      if (computed !== "") expect(await text(`${since}${r}`)).toBe(today);
    }
  });

  it("proposes the changes of three partners whose data fell; approving two writes their cells and two History rows", async () => {
    // Three partners above the lowest tier lose their revenue, growth and deals: they fall.
    for (let r = 2; r < partners.rows.length + 2 && moved.length < 3; r++)
      if (!["Registered", ""].includes(await text(`${tier}${r}`)))
        moved.push(r);
    for (const r of moved) {
      assignedBefore.push(await text(`${assigned}${r}`));
      for (const header of [
        "Revenue",
        "Revenue growth %",
        "Deal registrations",
      ])
        await grid().typeInto(`${await grid().columnOf(header)}${r}`, "0");
    }
    for (const [i, r] of moved.entries())
      expect(await text(`${tier}${r}`)).not.toBe(assignedBefore[i]);

    await pane().getByTestId("review-open").click();
    const items = pane().locator(
      '[data-testid="review-proposals"] [data-testid="review-item"]',
    );
    await items.nth(2).waitFor();
    await expect(items.count()).resolves.toBe(3);
    const names = moved.map((r) => String(partners.rows[r - 2][0]));
    await expect(
      items.evaluateAll((li) => li.map((e) => e.getAttribute("data-partner"))),
    ).resolves.toEqual(names);
    await expect(items.first().textContent()).resolves.toMatch(
      new RegExp(`^ ${names[0]}: ${assignedBefore[0]} → Demote to `),
    );

    await items.nth(0).getByTestId("review-tick").check();
    await items.nth(1).getByTestId("review-tick").check();
    await pane().getByTestId("review-approve-selected").click();
    await pane()
      .locator(".notice")
      .filter({ hasText: "Approved 2 tier changes" })
      .waitFor();

    for (const r of moved.slice(0, 2)) {
      expect(await text(`${assigned}${r}`)).toBe(await text(`${tier}${r}`));
      expect(await text(`${since}${r}`)).toBe(today);
    }
    // The third was not ticked: still proposed, its cells as they were.
    expect(await text(`${assigned}${moved[2]}`)).toBe(assignedBefore[2]);
    await expect(items.count()).resolves.toBe(1);

    await grid().showSheet("Tier history");
    expect([
      await text("A1"),
      await text("B1"),
      await text("D1"),
      await text("E1"),
    ]).toEqual(["Date", "Partner", "Tier", "Change"]);
    expect([await text("A2"), await text("B2"), await text("E2")]).toEqual([
      today,
      names[0],
      `Demoted from ${assignedBefore[0]}`,
    ]);
    expect(await text("B3")).toBe(names[1]);
    expect(await text("A4")).toBe("");
  });

  it("undoes the approval: the cells as they were, and Undone rows appended to History", async () => {
    await pane().getByTestId("review-undo").click();
    await pane()
      .locator(".notice")
      .filter({ hasText: "Undone: Approved 2 tier changes" })
      .waitFor();
    await grid().showSheet("Partners");
    for (const [i, r] of moved.entries())
      expect(await text(`${assigned}${r}`)).toBe(assignedBefore[i]);
    await grid().showSheet("Tier history");
    const names = moved.map((r) => String(partners.rows[r - 2][0]));
    expect(await text("E2")).toBe(`Demoted from ${assignedBefore[0]}`);
    expect([await text("B4"), await text("D4"), await text("E4")]).toEqual([
      names[0],
      assignedBefore[0],
      `Undone: Demoted from ${assignedBefore[0]}`,
    ]);
    expect(await text("B5")).toBe(names[1]);
    await expect(
      pane()
        .locator('[data-testid="review-proposals"] [data-testid="review-item"]')
        .count(),
    ).resolves.toBe(3);
    expect(preview.pageErrors).toEqual([]);
  });

  it("says what is wrong with an override beside each field, writing nothing", async () => {
    await pane()
      .getByTestId("override-partner")
      .fill(String(partners.rows[0][0]));
    await pane().getByTestId("override-tier").fill("Gold");
    await pane().getByTestId("override-until").fill("2020-01-01");
    await pane().getByTestId("override-set").click();
    await pane()
      .getByTestId("override-until-error")
      .filter({ hasText: "must end after the review's date" })
      .waitFor();
    await expect(
      pane().getByTestId("override-reason-error").textContent(),
    ).resolves.toMatch(/Give the reason/);
    await expect(
      pane().getByTestId("override-until").getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    // What the user typed is kept.
    await expect(
      pane().getByTestId("override-tier").inputValue(),
    ).resolves.toBe("Gold");
    expect(await text("A6")).toBe("");
  });
});
