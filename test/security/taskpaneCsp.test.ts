/**
 * The task pane page as built (dist/taskpane.html, what Excel loads) and as the browser
 * workbook gets it (scripts/serve.js): a Content-Security-Policy that lets scripts come only
 * from the add-in's own origin and Office.js's CDN, no inline script, no eval. Chromium checks
 * the policy at work in test/e2e/hostile.e2e.ts.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { taskpaneForPreview } from "../../scripts/serve";
import { DIST } from "../../src/host/loadBuild";

const OFFICE_CDN = "https://appsforoffice.microsoft.com";

function built(name: string): string {
  const path = join(DIST, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first`);
  return readFileSync(path, "utf8");
}

/** The page's policy, directive by directive (the minifier may drop attribute quotes). */
function policyOf(html: string): Map<string, string[]> {
  const metas = html.match(/<meta\b[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/gi) ?? [];
  expect(metas).toHaveLength(1);
  const content = /\bcontent=(["'])(.*?)\1/i.exec(metas[0] ?? "");
  if (!content) throw new Error(`no content in ${metas[0]}`);
  return new Map(
    content[2]
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([name, ...sources]) => [name.toLowerCase(), sources])
  );
}

/** Every <script> tag of the page: its src, or null for an inline script. */
function scriptsOf(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)].map(([, attributes]) => /\bsrc=["']?([^"'\s>]+)/i.exec(attributes)?.[1] ?? null);
}

/** Where a script src points: the page's own origin (relative or root-relative), or another. */
const origin = (src: string) => (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//") ? new URL(src, "https://pane.invalid/").origin : "self");

function expectStrictPolicy(html: string): void {
  const policy = policyOf(html);
  const scriptSources = policy.get("script-src") ?? policy.get("default-src");
  expect(scriptSources).toEqual(["'self'", OFFICE_CDN]);
  // Everything else the page may load: its own origin and the CDN, nothing wider.
  expect(policy.get("default-src")).toEqual(["'self'", OFFICE_CDN]);
  for (const [name, sources] of policy) {
    for (const source of sources) {
      expect([name, source]).not.toEqual([name, "*"]);
      expect([name, source]).not.toEqual([name, "'unsafe-eval'"]);
      if (name !== "style-src") expect([name, source]).not.toEqual([name, "'unsafe-inline'"]);
      if (/^https?:/.test(source)) expect([name, source]).toEqual([name, OFFICE_CDN]);
    }
  }
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);

  const scripts = scriptsOf(html);
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts).not.toContain(null); // no inline <script>
  for (const src of scripts) expect([src, origin(src!)]).toEqual([src, expect.stringMatching(new RegExp(`^(self|${OFFICE_CDN.replace(/[.]/g, "\\.")})$`))]);
  // No inline event handlers either (onload=, onerror=...).
  expect(html).not.toMatch(/<[^>]+\son[a-z]+=/i);
}

describe("the task pane's Content-Security-Policy", () => {
  test("the built page allows scripts from its own origin and the Office.js CDN only, none inline", () => {
    const html = built("taskpane.html");
    expectStrictPolicy(html);
    expect(scriptsOf(html)).toEqual([`${OFFICE_CDN}/lib/1/hosted/office.js`, "functions.js", "taskpane.js"]);
  });

  test("the browser workbook's copy keeps the policy, with office.js and its opt-out from this server", () => {
    const html = taskpaneForPreview(built("taskpane.html"));
    expectStrictPolicy(html);
    expect(scriptsOf(html).every((src) => origin(src!) === "self")).toBe(true);
  });

  test("the scripts the page loads need no eval, which the policy forbids", () => {
    for (const name of ["taskpane.js", "functions.js"]) {
      const source = built(name);
      expect([name, /\beval\(|new Function\(|\bFunction\(["'`]/.test(source)]).toEqual([name, false]);
    }
  });

  test("the check sees an inline script, an eval allowance and a third origin", () => {
    const html = built("taskpane.html");
    expect(() => expectStrictPolicy(html.replace("</head>", "<script>alert(1)</script></head>"))).toThrow();
    expect(() => expectStrictPolicy(html.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))).toThrow();
    expect(() => expectStrictPolicy(html.replace("</head>", "<script src=https://cdn.example.org/x.js></script></head>"))).toThrow();
  });
});
