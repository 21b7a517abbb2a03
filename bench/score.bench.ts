/**
 * How fast PRM.PARTNERSCORE scores a large partner list, against a plain loop floor.
 * Run with `npm run bench` (it builds first). Prints medians of several runs; compare figures
 * from one run only, since the machine is shared and noisy.
 */
import { BLANK, type Cell } from "../test/host/customFunctionsHost";
import { loadBuiltFunctions } from "../test/host/loadBuild";

const PARTNERS = Number(process.env.BENCH_PARTNERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** A seeded generator, so every run scores the same data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

const HEADER = ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight", "Weight (Influencer)"];
const CRITERIA: Cell[][] = [
  HEADER,
  ...Array.from({ length: 8 }, (_, i): Cell[] => [`Metric ${i + 1}`, i % 2 ? "target" : "range", i === 3 ? "lower" : "higher", 0, 1000, null, 1 + i, i < 2 ? 0 : 1]),
  ["Accreditation", "rating", null, null, null, "None=0; Silver=40; Gold=75; Platinum=100", 5, 5],
  ["Fit", "rating", null, null, null, "Low=0; Medium=50; High=100", 3, 6],
  ["Certified", "yesno", null, null, null, null, 2, 2],
  ["Referenceable", "yesno", null, null, null, null, 1, 1],
];
const LABELS = ["None", "Silver", "Gold", "Platinum"];
const FIT = ["Low", "Medium", "High"];

function partners(count: number): Cell[][] {
  const next = random(42);
  return Array.from({ length: count }, () => [
    ...Array.from({ length: 8 }, (): Cell => (next() < 0.03 ? BLANK : Math.round(next() * 1200))),
    LABELS[Math.floor(next() * 4)],
    FIT[Math.floor(next() * 3)],
    next() < 0.5 ? "Yes" : "No",
    next() < 0.5,
  ]);
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, work: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

const host = loadBuiltFunctions();
const rows = partners(PARTNERS);
const types: Cell[][] = rows.map((_, i) => [i % 5 === 0 ? "Influencer" : BLANK]);

// The floor: values already on 0-100 in a Float64Array, one weighted sum per partner.
const weights = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 5, 3, 2, 1]);
const flat = new Float64Array(PARTNERS * 12).map(() => Math.random() * 100);
const scores = new Float64Array(PARTNERS);
const loopMs = time(RUNS, () => {
  const total = weights.reduce((a, b) => a + b, 0);
  for (let p = 0; p < PARTNERS; p++) {
    let sum = 0;
    for (let c = 0; c < 12; c++) sum += flat[p * 12 + c] * weights[c];
    scores[p] = sum / total;
  }
});

const spillMs = time(RUNS, () => host.call("PRM.PARTNERSCORE", rows, CRITERIA, types));
const perRowCount = Math.min(PARTNERS, 10_000);
const perRowMs = time(Math.max(3, Math.floor(RUNS / 2)), () => {
  for (let p = 0; p < perRowCount; p++) host.call("PRM.PARTNERSCORE", [rows[p]], CRITERIA, types[p][0]);
});
const perRowScaledMs = (perRowMs * PARTNERS) / perRowCount;

const table = [
  ["plain Float64Array loop (already 0-100)", loopMs, 1],
  ["PRM.PARTNERSCORE, one spilling call", spillMs, spillMs / loopMs],
  [`PRM.PARTNERSCORE, one call per row (${perRowCount} rows, scaled)`, perRowScaledMs, perRowScaledMs / loopMs],
] as const;
console.log(`${PARTNERS} partners x 12 criteria (3% missing, 2 profiles), median of ${RUNS} runs`);
for (const [name, ms, ratio] of table) {
  console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms  ${ratio.toFixed(1).padStart(7)}x loop`);
}
console.log(`per partner, spilling call: ${((spillMs * 1000) / PARTNERS).toFixed(2)} us`);
