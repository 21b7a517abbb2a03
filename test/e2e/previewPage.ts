/** The browser workbook page for an end-to-end test: the builds checked, served, opened in Chromium. */
import { existsSync } from "fs";
import { join, resolve } from "path";
import type { Browser, Page } from "playwright-core";
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

/** Opens preview.html once its functions are loaded; `watch` sees the page before it loads. */
export async function openPreview(viewport: { width: number; height: number }, watch: (page: Page) => void = () => undefined): Promise<PreviewPage> {
  for (const built of ["dist/functions.js", "dist/taskpane.html", "dist-preview/preview.html"]) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run npm run test:e2e (it builds first)`);
  }
  const server = await startServer({ port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const pageErrors: string[] = [];
  watch(page);
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
