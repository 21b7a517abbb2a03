/**
 * The browser workbook page as the end-to-end tests drive it: the server and Chromium started
 * once per file, and the helpers that find the grid's cells and the task pane's frame.
 */
import { existsSync } from "fs";
import { join, resolve } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { launchChromium } from "./browser";

const ROOT = resolve(__dirname, "../..");

export interface OpenPreview {
  server: RunningServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/**
 * Serves the builds, opens preview.html in Chromium and waits for the functions; `prepare`
 * runs on the new page before it navigates (listeners, init scripts).
 */
export async function openPreview(prepare: (page: Page) => Promise<void> | void = () => undefined): Promise<OpenPreview> {
  for (const built of ["dist/functions.js", "dist/taskpane.html", "dist-preview/preview.html"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run test:e2e (it builds first)`);
  }
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await prepare(page);
  await page.goto(`${server.url}preview.html`);
  await page.locator("#status", { hasText: "functions loaded" }).waitFor();
  return {
    server,
    browser,
    page,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Helpers over the page `current()` gives (read when called, so they can be made before it opens). */
export function previewHelpers(current: () => Page) {
  const cell = (name: string) => current().locator(`#workbook td[data-cell="${name}"]`);
  return {
    pane: () => current().frameLocator("#taskpane iframe"),
    cell,
    paneFrame(): Frame {
      const frame = current()
        .frames()
        .find((f) => f.url().includes("taskpane.html"));
      if (!frame) throw new Error("the task pane's frame is not loaded");
      return frame;
    },
    async typeInto(name: string, text: string): Promise<void> {
      await cell(name).click();
      await current().keyboard.type(text);
      await current().keyboard.press("Enter");
    },
    async showSheet(sheet: string): Promise<void> {
      await current().getByTestId(`sheet-tab-${sheet}`).click();
      await current().locator(`[data-testid="sheet-tab-${sheet}"][aria-selected="true"]`).waitFor();
    },
  };
}
