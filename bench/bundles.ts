/**
 * What Excel loads: the bundles' sizes (the same budgets the jest test checks), and the
 * functions' start-up, evaluating dist/functions.js in the test host until every function of
 * functions.json is associated (the host checks that). Each run evaluates a fresh copy of the
 * source (a comment makes it differ), so no run reuses another's compiled code.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BUNDLE_BUDGETS, builtSize } from "../test/bundle/budgets";
import { CustomFunctionsHost, namespaceFromManifest } from "../src/host/customFunctionsHost";
import { DIST } from "../src/host/loadBuild";
import { median, elapsedMs, report, RUNS } from "./measure";

export function bundleFigures(): void {
  for (const { files, what, budgetBytes } of BUNDLE_BUDGETS)
    report(`${what} (${files().map((f) => `dist/${f}`).join(" + ")}, minified)`, builtSize(files()) / 1000, "KB", `budget <= ${budgetBytes / 1000} KB`);
}

export function startupFigures(): void {
  const read = (name: string) => readFileSync(join(DIST, name), "utf8");
  const metadata = JSON.parse(read("functions.json"));
  const namespace = namespaceFromManifest(read("manifest.xml"));
  const source = read("functions.js");
  const runs = Math.max(RUNS, 21);
  const samples = Array.from({ length: runs }, (_, i) =>
    elapsedMs(() => new CustomFunctionsHost(metadata, { namespace }).load(`${source}\n//${i}`)),
  );
  report(`functions start-up (evaluate dist/functions.js until all ${metadata.functions.length} functions are associated)`, median(samples), "ms", "budget < 20 ms");
  // The first evaluation in the process is the one a fresh functions runtime pays: the later
  // ones reuse what the engine keeps per process (compiled regular expressions, for one).
  report("functions start-up: the first evaluation in this process", samples[0], "ms", "info");
}
