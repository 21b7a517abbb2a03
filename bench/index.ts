/**
 * `npm run bench`: every figure of the benchmarks issue, one line each, `name: value unit
 * (budget)`, medians of BENCH_RUNS runs (default 7) measured in this one run. Never fails on
 * timing. BENCH_ONLY=spill,native,whatif,bundles,startup,roundtrips,preview picks sections;
 * BENCH_PARTNERS (default 100000) sizes the spill and native-formula figures.
 * See bench/README.md for figures measured on this project's machine.
 */
import { spawnSync } from "child_process";
import { availableParallelism, loadavg } from "os";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);

/**
 * Each section's module is loaded only in the process that measures it: the native-formula
 * and preview sections load HyperFormula, and a process that had merely loaded it ran the
 * what-if's steps 2-3 x slower (4.9-5.9 ms against 1.7-2.6 ms, bench/README.md, "Twelfth
 * pass"). The task pane in Excel never loads HyperFormula.
 */
const SECTIONS: Record<string, () => Promise<void>> = {
  spill: async () => (await import("./spill")).spillFigures(PARTNERS),
  native: async () => (await import("./nativeFormulas")).nativeFormulaFigures(PARTNERS),
  whatif: async () => (await import("./whatIf")).whatIfFigures(),
  bundles: async () => (await import("./bundles")).bundleFigures(),
  startup: async () => (await import("./bundles")).startupFigures(),
  roundtrips: async () => (await import("./roundTrips")).roundTripFigures(),
  preview: async () => (await import("./previewWrite")).previewWriteFigures(10_000),
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
