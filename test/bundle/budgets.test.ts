/**
 * The byte budgets of the built bundles (deterministic, unlike timings, which only the
 * benchmarks print). Runs on dist/ as `npm test` builds it (production, minified).
 */
import { BUNDLE_BUDGETS, builtSize } from "./budgets";

describe("bundle byte budgets", () => {
  test.each(BUNDLE_BUDGETS.map((b) => [b.file, b.budgetBytes] as const))("dist/%s is at most %d bytes", (file, budget) => {
    expect(builtSize(file)).toBeLessThanOrEqual(budget);
  });
});
