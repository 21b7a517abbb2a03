/**
 * `npm run bench`: every figure of the benchmarks issue, one line each, `name: value unit
 * (budget)`, medians of BENCH_RUNS runs (default 7) measured in this one run. Never fails on
 * timing. BENCH_ONLY=spill,native,whatif,bundles,startup,roundtrips,preview picks sections;
 * BENCH_PARTNERS (default 100000) sizes the spill and native-formula figures.
 * See bench/README.md for figures measured on this project's machine.
 */
import { spawnSync } from "child_process";
import { availableParallelism, loadavg } from "os";
import { bundleFigures, startupFigures } from "./bundles";
import { nativeFormulaFigures } from "./nativeFormulas";
import { previewWriteFigures } from "./previewWrite";
import { roundTripFigures } from "./roundTrips";
import { spillFigures } from "./spill";
import { whatIfFigures } from "./whatIf";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);

const SECTIONS: Record<string, () => void | Promise<void>> = {
  spill: () => spillFigures(PARTNERS),
  native: () => nativeFormulaFigures(PARTNERS),
  whatif: () => whatIfFigures(),
  bundles: () => bundleFigures(),
  startup: () => startupFigures(),
  roundtrips: () => roundTripFigures(),
  preview: () => previewWriteFigures(10_000),
};

/**
 * Each section runs in a process of its own, one after another: the native-formula figure
 * leaves hundreds of megabytes of HyperFormula garbage, and in a shared process the next
 * figure (the what-if, 2.6-3.1 ms on its own) paid for collecting it (5.6 ms measured).
 * A figure and its baseline are always measured in the same process.
 */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim().toLowerCase());
  const section = process.env.BENCH_SECTION;
  const unknown = [...(only ?? []), ...(section === undefined ? [] : [section])].filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`no bench section ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
  if (section !== undefined) return SECTIONS[section]();
  // The load says how far a shared machine's wall-clock figures can be trusted.
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${load}, medians of ${process.env.BENCH_RUNS ?? 7} runs`);
  for (const name of Object.keys(SECTIONS).filter((name) => !only || only.includes(name))) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]], { stdio: "inherit", env: { ...process.env, BENCH_SECTION: name } });
    if (child.status !== 0) throw new Error(`bench section ${name} failed (exit ${child.status ?? child.signal})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
