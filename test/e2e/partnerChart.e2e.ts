/**
 * The partner card's picture in Chromium, on the browser workbook with the real pane and
 * functions bundle: selecting a partner's row draws its bars, a weight changed in the what-if
 * draft moves them before any Apply, and the picture is copied to the clipboard and saved as
 * a PNG for a review deck. Screenshots go to artifacts/ (the e2e tests' artifacts folder,
 * ignored by git). Needs the builds (npm run test:e2e makes them) and Chromium (browser.ts).
 */
import { mkdirSync, readFileSync } from "fs";
import { join, resolve } from "path";
import type { Page } from "playwright-core";
import { sampleTables } from "../../src/workbook/sample";
import { pngSize } from "../manifest/manifestChecks";
import { browserTestsRunnable } from "./browser";
import {
  gridOf,
  openPreview,
  paneAxeViolations,
  paneOf,
  type PreviewPage,
} from "./previewPage";

const ARTIFACTS = join(resolve(__dirname, "../.."), "artifacts");
/** A Gold reseller: its picture has all three series (Platinum is the next tier). */
const PARTNER = "Bluefin Networks";
const PERSPECTIVES = ["Financial", "Growth", "Customer", "Capability"];

let preview: PreviewPage;
let page: Page;

beforeAll(async () => {
  preview = await openPreview({ width: 1600, height: 900 });
  ({ page } = preview);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: preview.server.url,
  });
});

afterAll(async () => {
  await preview?.close();
});

const ui = () => paneOf(page);
const picture = () => ui().pane().getByTestId("partner-picture");

/** The values the picture's table of values gives one series, per perspective. */
async function seriesValues(series: string): Promise<number[]> {
  return picture()
    .locator(`[data-testid="picture-values"] td[data-series="${series}"]`)
    .evaluateAll((cells) =>
      cells.map((td) => Number(td.getAttribute("data-value"))),
    );
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("the partner card's picture in the browser workbook", () => {
  const [, , partnersTable] = sampleTables();
  const gridRow = partnersTable.rows.findIndex((row) => row[0] === PARTNER) + 2;
  let before: number[];

  it("selecting a partner's row draws its bars per perspective, with every value in text", async () => {
    await ui().pane().getByTestId("create-sample").click();
    await page
      .locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]')
      .waitFor();
    await gridOf(page).cell(`B${gridRow}`).click();
    const svg = picture().locator('svg[role="img"]');
    await svg.waitFor();
    await expect(svg.locator("title").textContent()).resolves.toBe(
      `${PARTNER}: points per perspective against the Gold average and the Platinum threshold`,
    );
    for (const series of ["partner", "tier-average", "next-tier"]) {
      await expect(
        svg
          .locator(`rect[data-series="${series}"]`)
          .evaluateAll((bars) =>
            bars.map((b) => b.getAttribute("data-category")),
          ),
      ).resolves.toEqual(PERSPECTIVES);
    }
    before = await seriesValues("partner");
    // The bars add up to the score the card shows.
    const score = Number(
      await ui().pane().getByTestId("partner-score").getAttribute("data-value"),
    );
    expect(before.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 9);
    await expect(seriesValues("next-tier")).resolves.toEqual([
      21.25, 17, 17, 29.75,
    ]);
  });

  it("a weight changed in the what-if draft moves the bars before any Apply", async () => {
    await ui().pane().getByTestId("profile").selectOption("Reseller");
    await ui().pane().getByTestId("weight-Revenue").fill("75");
    await ui()
      .paneFrame()
      .waitForFunction(
        (old) =>
          document
            .querySelector(
              '[data-testid="picture-values"] td[data-series="partner"]',
            )
            ?.getAttribute("data-value") !== old,
        String(before[0]),
      );
    const after = await seriesValues("partner");
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after.slice(1).every((v, i) => v < before[i + 1])).toBe(true);
    // Platinum's 85 spread by the draft's Reseller weights: Revenue is 75 of 150.
    const threshold = await seriesValues("next-tier");
    expect(threshold[0]).toBeCloseTo(42.5, 9);
    // The bars are drawn to the new values.
    const widths = await picture()
      .locator('rect[data-series="partner"]')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute("width"))));
    expect(widths[0] / widths[1]).toBeCloseTo(after[0] / after[1], 6);
    mkdirSync(ARTIFACTS, { recursive: true });
    await picture().screenshot({
      path: join(ARTIFACTS, "partner-picture.png"),
    });
    await page.screenshot({
      path: join(ARTIFACTS, "partner-picture-pane.png"),
    });
  });

  it("has no serious or critical accessibility violations in the picture (axe-core)", async () => {
    await expect(
      paneAxeViolations(ui().paneFrame(), '[data-testid="partner-picture"]'),
    ).resolves.toEqual([]);
  });

  it("per criterion: one bar per criterion", async () => {
    await ui().pane().getByTestId("picture-by-criterion").check();
    await expect(
      picture().locator('rect[data-series="partner"]').count(),
    ).resolves.toBe(8);
    await ui().pane().getByTestId("picture-by-criterion").uncheck();
    await expect(
      picture().locator('rect[data-series="partner"]').count(),
    ).resolves.toBe(4);
  });

  it("Copy picture puts a PNG of the picture on the clipboard", async () => {
    await ui().pane().getByTestId("copy-picture").click();
    await ui()
      .pane()
      .getByTestId("picture-status")
      .filter({ hasText: /^Copied / })
      .waitFor();
    const bytes = await ui()
      .paneFrame()
      .evaluate(async () => {
        const items = await navigator.clipboard.read();
        const png = await items[0].getType("image/png");
        return [...new Uint8Array(await png.arrayBuffer())];
      });
    const size = pngSize(Uint8Array.from(bytes));
    // Drawn at twice the picture's 320-unit width, for a sharp slide.
    expect(size?.width).toBe(640);
    expect(size?.height).toBeGreaterThan(300);
  });

  it("Save picture downloads the same PNG, named after the partner", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      ui().pane().getByTestId("save-picture").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${PARTNER} scorecard.png`);
    const saved = join(ARTIFACTS, "partner-picture-saved.png");
    await download.saveAs(saved);
    expect(pngSize(readFileSync(saved))?.width).toBe(640);
  });
});
