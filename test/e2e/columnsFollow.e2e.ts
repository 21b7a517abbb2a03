/**
 * Issue 21 item 2 in Chromium, on the browser workbook with the real pane and functions: adding
 * a criterion in the pane adds its column to Partners in the same Apply, inside the span the
 * sample's formulas read (Microsoft's Excel.TableColumnCollection.add: the column at that
 * position shifts right, and a reference over it grows), so no Score or Tier cell shows an
 * error and the tier counts the pane showed are the grid's; renaming a criterion renames its
 * column and leaves the scores as they were. Needs the builds and Chromium (see browser.ts).
 */
import { sampleTables } from "../../src/workbook/sample";
import { describeInBrowser, paneTierCounts, usePreview } from "./previewPage";

const preview = usePreview({ width: 1600, height: 900 });

const { pane, grid, cell } = preview;

async function columnTexts(header: string, rows: number): Promise<string[]> {
  const column = await grid().columnOf(header);
  const texts: string[] = [];
  for (let r = 2; r < rows + 2; r++)
    texts.push((await cell(`${column}${r}`).textContent()) ?? "");
  return texts;
}

const counts = (tiers: string[]) =>
  tiers.reduce<Record<string, number>>(
    (all, t) => ({ ...all, [t]: (all[t] ?? 0) + 1 }),
    {},
  );

/** The id of the criterion whose name field has the focus (a criterion just added). */
async function focusedCriterionId(): Promise<string> {
  const frame = preview.paneFrame();
  return frame.evaluate(() =>
    document.activeElement!.id.replace("ps-name-", ""),
  );
}

describeInBrowser("the Partners columns follow the criteria", () => {
  const [, tiersTable, partnersTable] = sampleTables();
  const tierNames = tiersTable.rows.map((row) => String(row[0]));
  const partnerCount = partnersTable.rows.length;
  const isError = (text: string) => text.startsWith("#");

  it("creates the sample", async () => {
    await preview.createSample();
    expect((await columnTexts("Score", partnerCount)).some(isError)).toBe(
      false,
    );
  });

  it("adds a criterion with a weight and a range: its column appears, no Score or Tier is an error, the counts shown are the grid's", async () => {
    await pane()
      .getByRole("button", { name: "Add criterion to Financial" })
      .click();
    const id = await focusedCriterionId();
    await pane().locator(`#ps-name-${id}`).fill("Events");
    await pane().locator(`#ps-name-${id}`).press("Tab");
    await pane().locator(`#ps-min-${id}`).fill("0");
    await pane().locator(`#ps-max-${id}`).fill("10");
    await pane().locator(`#ps-max-${id}`).press("Tab");
    // A weight so large that the partners scored with it lack data for half the weight: their
    // Scores would be #N/A after Apply, and the pane says so first, with the count and the reason.
    await pane().locator(`#ps-w-${id}`).fill("100000");
    await pane().locator(`#ps-w-${id}`).press("Tab");
    const errors = pane().getByTestId("effect-errors");
    await errors
      .filter({
        hasText:
          /^After Apply, \d+ partners' Score and Tier cells would show an error\. .*weight/,
      })
      .waitFor();
    const notScored = Number(
      await pane().getByTestId("not-scored").getAttribute("data-count"),
    );
    expect(notScored).toBeGreaterThan(0);
    await expect(errors.textContent()).resolves.toContain(
      `After Apply, ${notScored} partners'`,
    );
    await pane().locator(`#ps-w-${id}`).fill("10");
    await pane().locator(`#ps-w-${id}`).press("Tab");
    await errors.waitFor({ state: "hidden" });
    const shown = await paneTierCounts(preview.page, tierNames);
    await pane().getByTestId("apply").click();
    await pane()
      .getByText(/^Applied/)
      .waitFor();
    await grid().showSheet("Partners");
    await expect(grid().columnOf("Events")).resolves.toMatch(/^[A-Z]+$/);
    const scores = await columnTexts("Score", partnerCount);
    const tiers = await columnTexts("Tier", partnerCount);
    expect(scores.filter(isError)).toEqual([]);
    expect(tiers.filter(isError)).toEqual([]);
    expect(counts(tiers)).toEqual(shown);
  });

  it("renames a criterion: the header follows and the scores are unchanged", async () => {
    const before = await columnTexts("Score", partnerCount);
    const card = pane().locator('[data-criterion="Deal registrations"]');
    await card.locator("summary").click();
    const name = card.locator('input[id^="ps-name-"]');
    await name.fill("Deals registered");
    await name.press("Tab");
    await pane().getByTestId("apply").click();
    await pane()
      .getByText(/^Applied/)
      .waitFor();
    await grid().showSheet("Partners");
    await expect(grid().columnOf("Deals registered")).resolves.toMatch(
      /^[A-Z]+$/,
    );
    expect(await columnTexts("Score", partnerCount)).toEqual(before);
  });

  it("threw no uncaught error", () => {
    expect(preview.pageErrors).toEqual([]);
  });
});
