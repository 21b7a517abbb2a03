/** The browser workbook page for an end-to-end test: the builds checked, served, opened in Chromium. */
import { existsSync } from "fs";
import { join, resolve } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { launchChromium } from "./browser";

const ROOT = resolve(__dirname, "../..");

export interface PreviewPage {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Uncaught errors of the page, as they happen. */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens preview.html once its functions are loaded; `watch` sees the page before it loads
 * (listeners, init scripts), and is waited for.
 */
export async function openPreview(viewport: { width: number; height: number }, watch: (page: Page) => unknown = () => undefined): Promise<PreviewPage> {
  for (const built of ["dist/functions.js", "dist/taskpane.html", "dist-preview/preview.html"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run test:e2e (it builds first)`);
  }
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  await watch(page);
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}preview.html`);
  await page.locator("#status", { hasText: "functions loaded" }).waitFor();
  return {
    server,
    browser,
    page,
    pageErrors,
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
