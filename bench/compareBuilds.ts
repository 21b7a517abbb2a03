/**
 * Two builds of the functions bundle side by side in one process, on one shared parse of the
 * spill's arguments: the only comparison of builds this 2-core, shared machine makes
 * trustworthy (bench/README.md, "Tenth pass"). Not part of `npm run bench`; run as
 *
 *   npx webpack --config webpack.bench.config.js --entry-reset --entry ./bench/compareBuilds.ts \
 *     --output-path /tmp/compare --output-filename compare.js
 *   node --expose-gc /tmp/compare/compare.js <baseline dist folder> [runs]
 *
 * It checks that both builds give the same results to the character (JSON) under every
 * missing-data policy, then times PARTNERSCORE of each in turns, processor time, young
 * generation emptied before each call (as the bench), and prints the medians and the median
 * of this build's time over the baseline's, call by call. COMPARE_ORDER=swap loads this build
 * first (of two identical bundles, the one loaded second ran 5-14% slower while webpack's
 * export objects turned into dictionaries, the second bundle's all of them; since
 * scripts/fastModuleExports.js the control reads 1.00-1.03: still compare in both orders);
 * COMPARE_AFTER=<folder> compares with another build than this worktree's
 * dist/ (the same folder twice is the control); COMPARE_SAMPLES=1 prints every call;
 * COMPARE_DIFFERENT=1 times builds whose results differ (an experiment's cost, not a change to land).
 * Node's own flags go before the script (e.g. --no-allocation-site-pretenuring, see
 * bench/README.md, "Eleventh pass").
 */
import { loadavg } from "os";
import { CustomFunctionsHost, ExcelError } from "../src/host/customFunctionsHost";
import { DIST, loadBuiltFunctions } from "../src/host/loadBuild";
import { collectAllGarbage, cpuMs, median, medianRatio, samplesInTurns } from "./measure";
import { CRITERIA, partnerRows, partnerTypes } from "./partners";

const baseline = process.argv[2];
if (!baseline) throw new Error("give the baseline build's dist folder");
const afterDist = process.env.COMPARE_AFTER ?? DIST;
const runs = Number(process.argv[3] ?? 21);
const swap = process.env.COMPARE_ORDER === "swap";
const partners = Number(process.env.BENCH_PARTNERS ?? 100_000);

const [before, after]: CustomFunctionsHost[] = swap
  ? (([b, a]) => [a, b])([loadBuiltFunctions({}, afterDist), loadBuiltFunctions({}, baseline)])
  : [loadBuiltFunctions({}, baseline), loadBuiltFunctions({}, afterDist)];

const rows = partnerRows(partners);
const types = partnerTypes(partners);
for (const missing of ["skip", "zero", "error"]) {
  const passed = before.argumentsFor("PRM.PARTNERSCORE", rows, CRITERIA, types, missing);
  if (passed instanceof ExcelError) throw new Error(passed.toString());
  const shown = (host: CustomFunctionsHost) => JSON.stringify(host.resultOf("PRM.PARTNERSCORE", host.run("PRM.PARTNERSCORE", passed)));
  if (shown(before) !== shown(after) && !process.env.COMPARE_DIFFERENT) throw new Error(`the two builds differ under missing = ${missing}`);
}
const passed = before.argumentsFor("PRM.PARTNERSCORE", rows, CRITERIA, types);
if (passed instanceof ExcelError) throw new Error(passed.toString());
collectAllGarbage();
const load = loadavg().map((l) => l.toFixed(2)).join(" ");
const works = { before: () => before.run("PRM.PARTNERSCORE", passed), after: () => after.run("PRM.PARTNERSCORE", passed) };
const samples = samplesInTurns(works, runs, cpuMs);
if (process.env.COMPARE_SAMPLES) console.log(samples.before.map((s) => s.toFixed(0)).join(" "), "|", samples.after.map((s) => s.toFixed(0)).join(" "));
console.log(
  `load ${load} -> ${loadavg().map((l) => l.toFixed(2)).join(" ")}, ${runs} calls each, ${swap ? "this build" : "baseline"} loaded first: ` +
    `baseline ${median(samples.before).toFixed(1)} ms, this build ${median(samples.after).toFixed(1)} ms (processor time), ` +
    `this / baseline ${medianRatio(samples.after, samples.before).toFixed(3)}`,
);

