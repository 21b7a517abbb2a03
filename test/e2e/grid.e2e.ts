/**
 * The browser workbook's grid as a new user found it (issue 23): scrolling back to A1 after a
 * jump, a narrow cell after typing, a paste that keeps number formats and renames a duplicate
 * header, and two pane controls (the preset chosen, a new rating criterion). Needs the builds
 * (npm run test:e2e makes them) and Chromium (see browser.ts).
 */
import { describeInBrowser, usePreview } from "./previewPage";

const preview = usePreview({ width: 1400, height: 800 });

const { pane, grid, cell, pasteText } = preview;

/** Jumps to a cell with the name box, as a user does. */
async function goTo(name: string): Promise<void> {
  await preview.page.getByTestId("name-box").fill(name);
  await preview.page.getByTestId("name-box").press("Enter");
}

/** Where A1 sits against the row headers: its left edge minus the sticky header's right edge. */
const a1Overlap = () =>
  preview.page.evaluate(() => {
    const a1 = document.querySelector<HTMLElement>(
      '#workbook td[data-cell="A1"]',
    )!;
    const rowHeader = a1.parentElement!.querySelector("th")!;
    const scroller = a1.closest<HTMLElement>(".grid-scroll")!;
    return {
      gap:
        a1.getBoundingClientRect().left -
        rowHeader.getBoundingClientRect().right,
      scrollLeft: scroller.scrollLeft,
    };
  });

describeInBrowser("the browser workbook's grid", () => {
  it("shows column A whole again after a jump to the right and back to A1", async () => {
    await grid().typeInto("K2", "far right");
    await goTo("Z2");
    await expect(
      a1Overlap().then((o) => o.scrollLeft),
    ).resolves.toBeGreaterThan(0);
    await goTo("A1");
    await expect(a1Overlap()).resolves.toEqual({
      gap: expect.any(Number),
      scrollLeft: 0,
    });
    await expect(
      a1Overlap().then((o) => o.gap),
    ).resolves.toBeGreaterThanOrEqual(-1);
  });

  it("shows a narrow cell's text from its start after typing, not its end", async () => {
    await grid().typeInto("B4", "Marketing development funds, claimed");
    const shown = await cell("B4").evaluate((td) => ({
      scrollLeft: td.scrollLeft,
      clipped: td.scrollWidth > td.clientWidth,
    }));
    expect(shown).toEqual({ scrollLeft: 0, clipped: true });
  });

  it("renames a pasted header that duplicates one of its table's, as Excel does", async () => {
    await preview.createSample();
    const revenue = await grid().columnOf("Revenue");
    const certification = await grid().columnOf("Certification");
    await cell(`${certification}1`).click();
    await pasteText("Revenue");
    await expect(cell(`${certification}1`).textContent()).resolves.toBe(
      "Revenue2",
    );
    await expect(cell(`${revenue}1`).textContent()).resolves.toBe("Revenue");
    await preview.page.keyboard.press("Control+Z");
    await expect(cell(`${certification}1`).textContent()).resolves.toBe(
      "Certification",
    );
  });

  it("pastes a copied block of dates with their number format, as Excel does", async () => {
    const expiry = await grid().columnOf("Cert expiry");
    const shown = [
      await cell(`${expiry}2`).textContent(),
      await cell(`${expiry}3`).textContent(),
    ];
    expect(shown[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await cell(`${expiry}2`).click();
    await preview.page.keyboard.press("Shift+ArrowDown");
    await preview.page.keyboard.press("Control+C");
    await goTo(`${expiry}40`); // below the table, not next to it: it does not grow
    await preview.page.keyboard.press("Control+V");
    await expect(
      Promise.all([
        cell(`${expiry}40`).textContent(),
        cell(`${expiry}41`).textContent(),
      ]),
    ).resolves.toEqual(shown);
  });

  it("keeps the preset previewed chosen in its dropdown, with its own description", async () => {
    const select = pane().getByTestId("preset");
    await select.selectOption("influencer");
    await pane().getByTestId("preset-preview").click();
    await pane()
      .getByTestId("preset-result")
      .getByText(/Influencer.* is in the draft/)
      .waitFor();
    await expect(select.inputValue()).resolves.toBe("influencer");
    await expect(
      pane().locator("#ps-preset-description").textContent(),
    ).resolves.toMatch(/influenc/i);
    await pane().getByTestId("revert").click();
  });

  it("writes a new rating criterion without the range method's Better, Min and Max", async () => {
    await pane()
      .getByRole("button", { name: "Add criterion to Financial" })
      .click();
    // The new criterion's name field has the focus: its id ends with the criterion's id.
    const frame = preview.paneFrame();
    const id = await frame.evaluate(() =>
      document.activeElement!.id.replace("ps-name-", ""),
    );
    await pane().locator(`#ps-method-${id}`).selectOption("rating");
    await pane().locator(`#ps-scale-${id}`).fill("Low=0; High=100");
    await pane().locator(`#ps-scale-${id}`).press("Tab");
    await pane().getByTestId("apply").click();
    await pane()
      .getByText(/Applied/)
      .first()
      .waitFor();
    await grid().showSheet("Scorecard");
    const row = await preview.page.evaluate(() => {
      const td = [
        ...document.querySelectorAll<HTMLElement>("#workbook td"),
      ].find((c) => c.textContent === "New criterion")!;
      return [...td.parentElement!.querySelectorAll("td")].map(
        (c) => c.textContent,
      );
    });
    // Criterion, Perspective, Method, Better, Min, Max, Scale (the sample's column order).
    expect(row.slice(0, 7)).toEqual([
      "New criterion",
      "Financial",
      "rating",
      "",
      "",
      "",
      "Low=0; High=100",
    ]);
  });
});
