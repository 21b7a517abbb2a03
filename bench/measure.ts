/**
 * How the benchmarks time and report. Each figure is the median of several runs, printed as
 * one line `name: value unit (budget)`; nothing here fails on timing. The machine is shared
 * and noisy, so ratios are taken against a baseline measured in the same run.
 */

/** Repetitions per figure (BENCH_RUNS), odd so the median is one run. */
export const RUNS = Number(process.env.BENCH_RUNS ?? 7);

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall-clock milliseconds of one run of `work`. */
export function elapsedMs(work: () => unknown): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median milliseconds of `runs` runs of `work`, after one unmeasured run (JIT warm-up). */
export function medianMs(work: () => unknown, runs = RUNS): number {
  work();
  return median(Array.from({ length: runs }, () => elapsedMs(work)));
}

/** Prints one figure: `name: value unit (budget)`. */
export function report(name: string, value: number, unit: string, budget: string): void {
  const size = Math.abs(value);
  const shown = Number.isInteger(value)
    ? String(value)
    : size >= 100 ? value.toFixed(0) : size >= 10 ? value.toFixed(1) : size >= 0.01 || size === 0 ? value.toFixed(2) : value.toExponential(1);
  console.log(`${name}: ${shown} ${unit} (${budget})`);
}

/** A seeded generator, so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}
