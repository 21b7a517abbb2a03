/**
 * Byte budgets of what Excel loads (DESIGN.md section 7): the functions bundle is loaded every
 * time a workbook with PRM formulas opens; the pane's page (taskpane.html, which in the shared
 * runtime also hosts the functions) loads its own HTML and every script it names, office.js
 * excepted (it comes from Microsoft's CDN). 1 KB = 1,000 bytes.
 */
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { DIST } from "../../src/host/loadBuild";

/** The files of dist/ that the task pane's page loads: itself and its scripts but office.js. */
export function paneFiles(dist = DIST): string[] {
  const html = readFileSync(join(dist, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/office\.js$/.test(src));
  return ["taskpane.html", ...scripts];
}

export const BUNDLE_BUDGETS = [
  { what: "functions bundle", files: () => ["functions.js"], budgetBytes: 60_000 },
  { what: "task pane page", files: paneFiles, budgetBytes: 250_000 },
] as const;

/** The size of built files in dist/, together, or a message saying to build first. */
export function builtSize(files: readonly string[], dist = DIST): number {
  return files.reduce((sum, file) => {
    try {
      return sum + statSync(join(dist, file)).size;
    } catch {
      throw new Error(`${join(dist, file)} is missing: run npm run build first`);
    }
  }, 0);
}
