/**
 * `npm run bench`: every figure of the benchmarks issue, one line each, `name: value unit
 * (budget)`, medians of BENCH_RUNS runs (default 7) measured in this one run. Never fails on
 * timing. BENCH_ONLY=spill,native,whatif,bundles,startup,roundtrips picks sections;
 * BENCH_PARTNERS (default 100000) sizes the spill and native-formula figures.
 * See bench/README.md for figures measured on this project's machine.
 */
import { availableParallelism, loadavg } from "os";
import { bundleFigures, startupFigures } from "./bundles";
import { nativeFormulaFigures } from "./nativeFormulas";
import { roundTripFigures } from "./roundTrips";
import { spillFigures } from "./spill";
import { whatIfFigures } from "./whatIf";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim().toLowerCase());
const wanted = (section: string) => !only || only.includes(section);

async function main(): Promise<void> {
  // The load says how far a shared machine's wall-clock figures can be trusted.
  const load = loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${load}, medians of ${process.env.BENCH_RUNS ?? 7} runs`);
  if (wanted("spill")) spillFigures(PARTNERS);
  if (wanted("native")) nativeFormulaFigures(PARTNERS);
  if (wanted("whatif")) whatIfFigures();
  if (wanted("bundles")) bundleFigures();
  if (wanted("startup")) startupFigures();
  if (wanted("roundtrips")) await roundTripFigures();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
