/** The browser workbook page for an end-to-end test: the builds checked, served, opened in Chromium. */
import { existsSync, readFileSync } from "fs";
import { join, resolve } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { startServer, type RunningServer } from "../../scripts/serve";
import { browserTestsRunnable, launchChromium } from "./browser";

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
export async function openPreview(
  viewport: { width: number; height: number },
  watch: (page: Page) => unknown = () => undefined,
): Promise<PreviewPage> {
  for (const built of [
    "dist/functions.js",
    "dist/taskpane.html",
    "dist-preview/preview.html",
  ]) {
    if (!existsSync(join(ROOT, built)))
      throw new Error(
        `${built} is missing: run npm run test:e2e (it builds first)`,
      );
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

/** The grid of the page: its cells by A1 name, columns by header, typing like a user. */
export function gridOf(page: Page) {
  const cell = (name: string) =>
    page.locator(`#workbook td[data-cell="${name}"]`);
  return {
    cell,
    /** The column letters of the header cell in row 1 that reads `header`. */
    async columnOf(header: string): Promise<string> {
      const name = await page.evaluate((wanted) => {
        const cells = [
          ...document.querySelectorAll<HTMLTableCellElement>(
            '#workbook td[data-row="0"]',
          ),
        ];
        return (
          cells.find((td) => td.textContent === wanted)?.dataset.cell ?? null
        );
      }, header);
      if (!name) throw new Error(`no column is headed ${header}`);
      return name.replace(/\d+$/, "");
    },
    async typeInto(name: string, text: string): Promise<void> {
      await cell(name).click();
      await page.keyboard.type(text);
      await page.keyboard.press("Enter");
    },
    async showSheet(sheet: string): Promise<void> {
      await page.getByTestId(`sheet-tab-${sheet}`).click();
      await page
        .locator(`[data-testid="sheet-tab-${sheet}"][aria-selected="true"]`)
        .waitFor();
    },
  };
}

/** The task pane in its frame: a locator root for its controls, and the frame to evaluate in. */
export function paneOf(page: Page) {
  return {
    pane: () => page.frameLocator("#taskpane iframe"),
    paneFrame(): Frame {
      const frame = page
        .frames()
        .find((f) => f.url().includes("taskpane.html"));
      if (!frame) throw new Error("the task pane's frame is not loaded");
      return frame;
    },
  };
}

/** The tier counts the pane's "Effect on partners" chart shows for the draft (tiers with none left out). */
export async function paneTierCounts(
  page: Page,
  tiers: string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const tier of tiers) {
    const count = Number(
      await paneOf(page)
        .pane()
        .getByTestId(`tier-count-${tier}`)
        .getAttribute("data-count"),
    );
    if (count > 0) counts[tier] = count;
  }
  return counts;
}

/** Pastes `text` where the focus is, as another program would put it on the clipboard. */
export function pasteText(page: Page, text: string): Promise<void> {
  return page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.activeElement!.dispatchEvent(
      new ClipboardEvent("paste", {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      }),
    );
  }, text);
}

/** describe where Chromium can run, else describe.skip (browser.ts). */
export const describeInBrowser = browserTestsRunnable()
  ? describe
  : describe.skip;

/**
 * The browser workbook for a whole test file: opened before its tests (openPreview), closed
 * after them, and the page's pane, grid and cells to reach for. Call it at the file's top.
 */
export function usePreview(
  viewport: { width: number; height: number },
  watch?: (page: Page) => unknown,
) {
  let opened: PreviewPage | undefined;
  beforeAll(async () => {
    opened = await openPreview(viewport, watch);
  });
  afterAll(async () => {
    await opened?.close();
  });
  const open = (): PreviewPage => {
    if (!opened) throw new Error("the preview is not open yet");
    return opened;
  };
  return {
    get page(): Page {
      return open().page;
    },
    /** Uncaught errors of the page so far. */
    get pageErrors(): string[] {
      return open().pageErrors;
    },
    pane: () => paneOf(open().page).pane(),
    paneFrame: () => paneOf(open().page).paneFrame(),
    grid: () => gridOf(open().page),
    cell: (name: string) => gridOf(open().page).cell(name),
    pasteText: (text: string) => pasteText(open().page, text),
    /** Creates the sample from the pane and waits for its Partners sheet to show. */
    async createSample(): Promise<void> {
      await paneOf(open().page).pane().getByTestId("create-sample").click();
      await open()
        .page.locator(
          '[data-testid="sheet-tab-Partners"][aria-selected="true"]',
        )
        .waitFor();
    },
  };
}

/** An axe-core finding, as the tests report it. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical accessibility violations axe-core finds in the pane's frame, in
 * the element `selector` names or the whole pane. axe is evaluated rather than added as a
 * <script>: the pane's Content-Security-Policy forbids inline script.
 */
export async function paneAxeViolations(
  frame: Frame,
  selector?: string,
): Promise<AxeViolation[]> {
  await frame.evaluate(
    readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"),
  );
  const violations = await frame.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Element | Document): Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const context = within ? document.querySelector(within) : document;
    if (!context) throw new Error(`nothing in the pane matches ${within}`);
    const { violations: found } = await axe.run(context);
    return found.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  }, selector ?? null);
  return violations.filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
}
