/**
 * The byte budgets of the built bundles (deterministic, unlike timings, which only the
 * benchmarks print). Runs on dist/ as `npm test` builds it (production, minified).
 */
import { BUNDLE_BUDGETS, builtSize, paneFiles } from "./budgets";

describe("bundle byte budgets", () => {
  test.each(BUNDLE_BUDGETS.map((b) => [b.what, b.budgetBytes, b.files] as const))("the %s is at most %d bytes", (_, budget, files) => {
    expect(builtSize(files())).toBeLessThanOrEqual(budget);
  });

  test("the pane's page counts both bundles it loads, and not office.js", () => {
    expect(paneFiles()).toEqual(["taskpane.html", "functions.js", "taskpane.js"]);
  });
});
