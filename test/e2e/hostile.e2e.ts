/**
 * Hostile workbook content in Chromium: a shared workbook whose criterion, tier and profile
 * names are markup (`<img src=x onerror=alert(1)>`, `</script>`...). The pane must show them as
 * text, no script of theirs may run, and the pane's Content-Security-Policy must never have to
 * block anything the pane itself loads. Then the conflicting-edit flow: a change typed into
 * the grid under unapplied pane edits is shown, nothing is overwritten until the user chooses.
 * Needs the builds and Chromium (see browser.ts).
 */
import type { Page } from "playwright-core";
import { browserTestsRunnable } from "./browser";
import { gridOf, openPreview, paneOf, type PreviewPage } from "./previewPage";

const CRITERION = "<img src=x onerror=alert(1)>";
const TIER = "</script><script>alert(2)</script>";
const PROFILE = "<svg onload=alert(3)>";
/** Where the sample puts what gets renamed: Revenue, Silver, and the Influencer weights' header. */
const CRITERION_CELL = "A2";
const TIER_CELL = "M4";
const PROFILE_HEADER_CELL = "J1";

/** How long after it loads office.js adds its logger's telemetry frame (o15apptofilemappingtable.js). */
const OFFICE_JS_TELEMETRY_DELAY_MS = 3000;

let preview: PreviewPage;
let page: Page;
let pageErrors: string[];
const refusals: string[] = [];

/** In every frame, before any of its scripts: record alerts and CSP violations. */
function watchFrames(): void {
  const w = window as unknown as { __alerts: string[]; __csp: string[] };
  w.__alerts = [];
  w.__csp = [];
  for (const name of ["alert", "confirm", "prompt"] as const) {
    (window as unknown as Record<string, (m?: unknown) => void>)[name] = (m?: unknown) => void w.__alerts.push(`${name}(${String(m)})`);
  }
  document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
}

beforeAll(async () => {
  preview = await openPreview({ width: 1600, height: 900 }, async (opened) => {
    await opened.addInitScript(watchFrames);
    opened.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
  });
  ({ page, pageErrors } = preview);
  ui = { ...gridOf(page), ...paneOf(page) };
});

afterAll(async () => {
  await preview?.close();
});

/** The grid's and the pane's helpers, once the page is open. */
let ui: ReturnType<typeof gridOf> & ReturnType<typeof paneOf>;

/** Everything the pane shows as text: its text nodes, field values and option labels. */
async function paneTexts(): Promise<string> {
  return ui.paneFrame().evaluate(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((f) => f.value);
    return [document.body.textContent ?? "", ...fields].join("\n");
  });
}

const describeInBrowser = browserTestsRunnable() ? describe : describe.skip;

describeInBrowser("hostile workbook content in the task pane", () => {
  it("loads the pane under its Content-Security-Policy without a single violation", async () => {
    await ui.pane().getByTestId("create-sample").click();
    await page.locator('[data-testid="sheet-tab-Partners"][aria-selected="true"]').waitFor();
    const policy = await ui.paneFrame().evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null);
    expect(policy).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(await ui.paneFrame().evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  it("shows markup in criterion, tier and profile names as text, and runs none of it", async () => {
    await ui.showSheet("Scorecard");
    await ui.typeInto(CRITERION_CELL, CRITERION);
    await ui.typeInto(TIER_CELL, TIER);
    await ui.typeInto(PROFILE_HEADER_CELL, `Weight (${PROFILE})`);
    // The pane reloads on each edit (it has no unapplied edits) and lists the new names.
    await ui.pane().getByTestId("profile").locator("option", { hasText: PROFILE }).waitFor({ state: "attached" });
    await page.waitForFunction(
      ([text]) => {
        const frame = [...document.querySelectorAll("iframe")][0];
        return [...(frame.contentDocument?.querySelectorAll("input") ?? [])].some((input) => input.value === text);
      },
      [TIER] as const
    );
    const shown = await paneTexts();
    for (const name of [CRITERION, TIER, PROFILE]) expect(shown).toContain(name);

    // Nothing of the names became markup: no image, no svg, no script besides the page's own.
    const frame = ui.paneFrame();
    const markup = await frame.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"], img[onerror]').length,
      svgs: document.querySelectorAll("svg[onload]").length,
      scripts: [...document.scripts].map((s) => s.getAttribute("src")),
    }));
    expect(markup.images).toBe(0);
    expect(markup.svgs).toBe(0);
    expect(markup.scripts.every((src) => src !== null && !src.includes("alert"))).toBe(true);

    // Choosing the profile puts its name in more places (the select, headings, the what-if).
    await ui.pane().getByTestId("profile").selectOption({ label: (await ui.pane().getByTestId("profile").locator("option", { hasText: PROFILE }).textContent()) ?? "" });
    expect(await paneTexts()).toContain(PROFILE);

    for (const f of page.frames()) {
      const seen = await f.evaluate(() => {
        const w = window as unknown as { __alerts?: string[]; __csp?: string[] };
        return { alerts: w.__alerts ?? [], csp: w.__csp ?? [] };
      });
      expect([f.url(), seen]).toEqual([f.url(), { alerts: [], csp: [] }]);
    }
    expect(refusals).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("keeps unapplied pane edits when the tables change in the grid, and writes only when told", async () => {
    const weightOf = (criterion: string) => ui.pane().getByTestId(`weight-${criterion}`);
    await ui.pane().getByTestId("profile").selectOption({ index: 0 });
    await weightOf("Deal registrations").fill("33");
    // A hand edit in the Criteria table while the pane holds that unapplied edit.
    await ui.typeInto("H5", "7"); // Support tickets' Weight
    const stale = ui.pane().getByTestId("stale");
    await stale.waitFor();
    await expect(stale.textContent()).resolves.toMatch(/Support tickets/);
    await expect(ui.pane().getByTestId("apply").isDisabled()).resolves.toBe(true);
    await expect(weightOf("Deal registrations").inputValue()).resolves.toBe("33");
    expect(await ui.cell("H4").getAttribute("data-value")).not.toBe("33");

    // Until the user chooses, the grid keeps the hand edit and the pane's edit is not written.
    expect(await ui.cell("H5").getAttribute("data-value")).toBe("7");
    // "Keep my edits", then Apply: the pane's edit on top of the hand edit, which stays.
    await ui.pane().getByTestId("stale-keep").click();
    await ui.pane().getByTestId("apply").click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#workbook td[data-cell="H4"]')?.dataset.value === "33");
    expect(await ui.cell("H5").getAttribute("data-value")).toBe("7");
    expect(pageErrors).toEqual([]);
  });
  it("never frames office.js's telemetry proxy, so nothing is refused or requested outside the page", async () => {
    // office.js adds that frame on a 3 s timer after it loads: give it time to try.
    await page.waitForTimeout(OFFICE_JS_TELEMETRY_DELAY_MS + 1000);
    const frames = await ui.paneFrame().evaluate(() => [...document.querySelectorAll("iframe")].map((f) => f.src));
    expect(frames.filter((src) => src.includes("telemetry"))).toEqual([]);
    expect(refusals).toEqual([]);
  });
});
