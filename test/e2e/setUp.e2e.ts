/**
 * Set-up from a pasted list in Chromium (issue 21 item 1): a 12-partner list pasted into the
 * empty browser workbook, found by the pane, set up in one click; every partner gets a score
 * in the grid, the tiers the grid shows are the counts the pane showed before the write, and
 * "Undo set-up" leaves the list as it was.
 */
import { isoDateFromSerial, todaySerial } from "../../src/core";
import { LIST_HEADER, LIST_ROWS, AS_OF } from "../programme/setup/partnerList";
import { describeInBrowser, usePreview } from "./previewPage";

const preview = usePreview({ width: 1600, height: 900 });

const { pane, grid } = preview;

/** The list as text from another program: tabs between cells, a line per row, expiry dates as ISO dates around today. */
function listText(): string {
  const shift = todaySerial() - AS_OF;
  const rows = LIST_ROWS.map((row) => row.map((cell, c) => (LIST_HEADER[c] === "Cert expiry" && typeof cell === "number" ? isoDateFromSerial(cell + shift) : String(cell))));
  return [LIST_HEADER, ...rows].map((row) => row.join("\t")).join("\r\n");
}

describeInBrowser("set up from my list", () => {
  let shown: Record<string, number> = {};

  it("finds a pasted list and shows the tier counts before writing", async () => {
    await pane().getByTestId("find-list").waitFor();
    await grid().cell("A1").click();
    await preview.pasteText(listText());
    await expect(grid().cell("A13").textContent()).resolves.toBe("Larkspur");
    await pane().getByTestId("find-list").click();
    const counts = pane().getByTestId("setup-counts");
    await counts.waitFor();
    const text = (await counts.textContent()) ?? "";
    // "It would give: Platinum 1, Gold 2, Silver 5, Registered 4."
    shown = Object.fromEntries([...text.matchAll(/(Platinum|Gold|Silver|Registered) (\d+)/g)].map((m) => [m[1], Number(m[2])]));
    expect(Object.keys(shown)).toEqual(["Platinum", "Gold", "Silver", "Registered"]);
    expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(12);
    await expect(pane().getByTestId("setup-col-6").isChecked()).resolves.toBe(true); // Cert expiry
  });

  it("sets it up in one click: every partner has a score, and the grid's tiers are the counts shown", async () => {
    await pane().getByTestId("set-up-scorecard").click();
    await pane().getByTestId("undo-set-up").waitFor();
    await expect(preview.page.locator("[role=tab]").allTextContents()).resolves.toEqual(["Sheet1", "Scorecard"]);
    const score = await grid().columnOf("Score");
    const tier = await grid().columnOf("Tier");
    const tiers: string[] = [];
    for (let row = 2; row <= 13; row++) {
      const value = await grid().cell(`${score}${row}`).getAttribute("data-value");
      expect(Number(value)).toBeGreaterThanOrEqual(0);
      expect(Number(value)).toBeLessThanOrEqual(100);
      tiers.push((await grid().cell(`${tier}${row}`).textContent()) ?? "");
    }
    const counted = Object.fromEntries(Object.keys(shown).map((name) => [name, tiers.filter((t) => t === name).length]));
    expect(counted).toEqual(shown);
    await expect(grid().cell(`${await grid().columnOf("Next tier")}2`).textContent()).resolves.not.toMatch(/#/);
  });

  it("Undo set-up removes the Scorecard sheet and the added columns; the list stays", async () => {
    await pane().getByTestId("undo-set-up").click();
    await pane().getByTestId("find-list").waitFor();
    await expect(preview.page.locator("[role=tab]").allTextContents()).resolves.toEqual(["Sheet1"]);
    await expect(grid().cell("A13").textContent()).resolves.toBe("Larkspur");
    await expect(grid().cell("H1").textContent()).resolves.toBe("");
  });

  it("set up again, the data check lists a label spelled unlike the scale, and its Fix writes the scale's spelling", async () => {
    await pane().getByTestId("set-up-scorecard").click();
    await pane().getByTestId("undo-set-up").waitFor();
    const accreditation = await grid().columnOf("Accreditation");
    await grid().typeInto(`${accreditation}3`, " gold"); // Bluefin Networks: Gold
    const check = pane().getByTestId("data-check");
    await expect(check.textContent()).resolves.toContain(`Sheet1!${accreditation}3: " gold" is spelled "Gold" on the scale of Accreditation`);
    await pane().getByTestId("data-fix").click();
    await pane().getByTestId("data-fix").waitFor({ state: "detached" });
    await expect(grid().cell(`${accreditation}3`).textContent()).resolves.toBe("Gold");
  });
});
