/**
 * Programme rules in Chromium, on the browser workbook with the real pane and functions bundle:
 * a lapsed certification demotes a partner in the grid; the partner view follows the grid's
 * selection; a preset's tier counts shown before Apply are the grid's after it. Needs the
 * builds (npm run test:e2e makes them) and Chromium (see browser.ts).
 */
import { sampleTables } from "../../src/workbook/sample";
import { describeInBrowser, paneTierCounts, usePreview } from "./previewPage";

/** A Platinum reseller whose certification runs for months: the partner whose expiry the test moves. */
const PARTNER = "Alder Peak IT";

const preview = usePreview({ width: 1600, height: 900 });

const { pane, grid, cell } = preview;
const columnOf = (header: string) => grid().columnOf(header);
const typeInto = (name: string, text: string) => grid().typeInto(name, text);

/** How many partner rows of the grid show each tier. */
async function gridTierCounts(
  tierColumn: string,
  rows: number,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (let r = 2; r < rows + 2; r++) {
    const tier = (await cell(`${tierColumn}${r}`).textContent()) ?? "";
    counts[tier] = (counts[tier] ?? 0) + 1;
  }
  return counts;
}

describeInBrowser("programme rules in the browser workbook", () => {
  const [, tiersTable, partnersTable] = sampleTables();
  const tierNames = tiersTable.rows.map((row) => String(row[0]));
  const partnerCount = partnersTable.rows.length;
  const gridRow = partnersTable.rows.findIndex((row) => row[0] === PARTNER) + 2;
  let tierColumn: string;
  let scoreColumn: string;

  it("creates the sample: the partner is Platinum with an active certification", async () => {
    await preview.createSample();
    tierColumn = await columnOf("Tier");
    scoreColumn = await columnOf("Score");
    await expect(cell(`A${gridRow}`).textContent()).resolves.toBe(PARTNER);
    await expect(
      cell(`${await columnOf("Certification")}${gridRow}`).textContent(),
    ).resolves.toBe("Active");
    await expect(cell(`${tierColumn}${gridRow}`).textContent()).resolves.toBe(
      "Platinum",
    );
  });

  it("lists in the pane who would lapse within 90 days, with the tier each falls to", async () => {
    await pane().getByTestId("as-of-90").click();
    const bluefin = pane().locator(
      '[data-testid="lapse"][data-partner="Bluefin Networks"]',
    );
    await expect(bluefin.getAttribute("data-tier-then")).resolves.toBe(
      "Silver",
    );
    await expect(bluefin.textContent()).resolves.toMatch(/Gold → Silver/);
    await expect(
      pane()
        .locator(`[data-testid="lapse"][data-partner="${PARTNER}"]`)
        .count(),
    ).resolves.toBe(0);
  });

  it("moves the certification's expiry into the past: the partner's tier drops in the grid", async () => {
    await typeInto(`${await columnOf("Cert expiry")}${gridRow}`, "2020-01-31");
    await expect(
      cell(`${await columnOf("Certification")}${gridRow}`).textContent(),
    ).resolves.toBe("Expired");
    // 5 points of Certification lost puts the score under Platinum's 85, and Gold requires the certification.
    await expect(cell(`${tierColumn}${gridRow}`).textContent()).resolves.toBe(
      "Silver",
    );
  });

  it("selecting the partner's row shows its card in the pane, agreeing with the grid", async () => {
    await cell(`B${gridRow}`).click();
    const card = pane().getByTestId("partner-card");
    await card
      .getByTestId("partner-tier")
      .filter({ hasText: "Silver" })
      .waitFor();
    const gridScore = Number(
      await cell(`${scoreColumn}${gridRow}`).getAttribute("data-value"),
    );
    expect(
      Number(
        await card.getByTestId("partner-score").getAttribute("data-value"),
      ),
    ).toBeCloseTo(gridScore, 9);
    await expect(card.locator("tr[data-criterion]").count()).resolves.toBe(8);
    await expect(
      card
        .locator('tr[data-criterion="Certification"] td')
        .first()
        .textContent(),
    ).resolves.toBe("Expired");
    // A number reads as the grid shows it (Revenue is in column C).
    await expect(
      card.locator('tr[data-criterion="Revenue"] td').first().textContent(),
    ).resolves.toBe(await cell(`C${gridRow}`).textContent());
    await expect(
      card.getByTestId("partner-next").textContent(),
    ).resolves.toMatch(/^Next tier Gold: .*needs Certification >= Expiring\.$/);
    await expect(pane().getByTestId("partner-pick").inputValue()).resolves.toBe(
      String(gridRow - 2),
    );
  });

  it("shows a Partners value computed from a cell outside the table as it is recalculated, with no new selection", async () => {
    // Revenue fed by a formula, as from an ERP extract: typing the extract's cell changes no
    // cell of the Partners table, only a formula's value there (Excel's onCalculated).
    const revenue = `C${gridRow}`;
    const typed = String(await cell(revenue).getAttribute("data-value"));
    const extract = `A${partnerCount + 5}`; // below the table, not the row right under it
    await typeInto(extract, "4321");
    await typeInto(revenue, `=${extract}`);
    await cell(revenue).click();
    const shown = pane()
      .getByTestId("partner-card")
      .locator('tr[data-criterion="Revenue"] td')
      .first();
    await expect(shown.textContent()).resolves.toBe(
      await cell(revenue).textContent(),
    );
    await typeInto(extract, "98765"); // a new extract; the selection moves on, outside the table
    await expect(cell(revenue).getAttribute("data-value")).resolves.toBe(
      "98765",
    );
    await shown
      .filter({ hasText: (await cell(revenue).textContent()) ?? "" })
      .waitFor();
    // Back as it was, for the tests after this one.
    await typeInto(revenue, typed);
    await typeInto(extract, "");
  });

  it("previews the Exclusive preset: the tier counts shown before Apply are the grid's after it", async () => {
    const before = await gridTierCounts(tierColumn, partnerCount);
    await pane().getByTestId("preset").selectOption("exclusive");
    await pane().getByTestId("preset-preview").click();
    await pane()
      .getByTestId("preset-result")
      .getByText(/Exclusive is in the draft/)
      .waitFor();
    const shown = await paneTierCounts(preview.page, tierNames);
    expect(shown).not.toEqual(before); // the preset moves partners
    const moves = await pane().getByTestId("preset-move").count();
    expect(moves).toBeGreaterThan(0);
    await pane().getByTestId("apply").click();
    await pane()
      .getByText(/^Applied/)
      .waitFor();
    expect(await gridTierCounts(tierColumn, partnerCount)).toEqual(shown);
    // Undo last apply restores the model before the preset, and with it the tiers.
    await pane().getByTestId("undo-apply").click();
    await pane()
      .getByText(/^Undid the last apply/)
      .waitFor();
    expect(await gridTierCounts(tierColumn, partnerCount)).toEqual(before);
  });

  it("calibrates the tiers to 25/25/50: the tier counts the pane showed are the grid's after Apply, within the shares", async () => {
    for (const [tier, share] of [
      ["Platinum", 25],
      ["Gold", 25],
      ["Silver", 50],
    ] as const) {
      await pane().getByTestId(`target-${tier}`).fill(String(share));
      await pane().getByTestId(`target-${tier}`).press("Tab");
    }
    await pane()
      .getByTestId("programme-health")
      .getByText(/Platinum \d+% \(target 25%\)/)
      .waitFor();
    await pane().getByTestId("calibrate").click();
    await pane()
      .getByTestId("calibration-result")
      .getByText(/^In the draft: /)
      .waitFor();
    const shown = await paneTierCounts(preview.page, tierNames);
    await pane().getByTestId("apply").click();
    await pane()
      .getByText(/^Applied/)
      .waitFor();
    const grid = await gridTierCounts(tierColumn, partnerCount);
    expect(grid).toEqual(shown);
    // A quarter of 30 is 7; one more only for a partner tied at the boundary.
    expect(grid.Platinum).toBeGreaterThan(0);
    expect(grid.Platinum).toBeLessThanOrEqual(8);
    expect(grid.Gold).toBeLessThanOrEqual(8);
    expect(grid.Silver ?? 0).toBeLessThanOrEqual(16);
    await pane().getByTestId("undo-apply").click();
    await pane()
      .getByText(/^Undid the last apply/)
      .waitFor();
  });

  it("threw no uncaught error", () => {
    expect(preview.pageErrors).toEqual([]);
  });
});
