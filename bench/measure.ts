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

/**
 * Milliseconds of processor time (user + system, this process) of one run of `work`: on a
 * machine shared with other jobs, what the work itself costs, without the waits for a core.
 */
export function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median milliseconds of `runs` runs of `work`, after one unmeasured run (JIT warm-up). */
export function medianMs(work: () => unknown, runs = RUNS): number {
  work();
  return median(Array.from({ length: runs }, () => elapsedMs(work)));
}

/**
 * Samples of several works measured in turns (a, b, c, a, b, c, ...), after one unmeasured
 * round, so that each sees the same moments of a shared machine's load: their ratios and
 * differences are then taken run by run. Before each measured run, the young generation is
 * emptied (see `emptyYoungGeneration`). `clock` is wall-clock time, or `cpuMs` for the
 * processor time alone, which a machine crowded with other jobs does not stretch.
 * `warmRuns`: unmeasured runs of the same work right before each measured run, so that each
 * is measured in the state its own repeated runs leave the processor in (see spill.ts for why).
 */
export function samplesInTurns<K extends string>(
  works: Record<K, () => unknown>,
  runs = RUNS,
  clock: (work: () => unknown) => number = elapsedMs,
  warmRuns = 0,
): Record<K, number[]> {
  const names = Object.keys(works) as K[];
  for (const name of names) works[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < runs; run++)
    for (const name of names) {
      for (let warm = 0; warm < warmRuns; warm++) works[name]();
      emptyYoungGeneration();
      samples[name].push(clock(works[name]));
    }
  return samples;
}

/**
 * One young-generation collection (a scavenge), through the `gc` that `node --expose-gc`
 * gives (`npm run bench` runs with it). Works measured in turns allocate the same amount each
 * round, so without this the collector's pauses fell, round after round, on whichever work
 * happened to fill the young generation: the same call measured 17.8 x the loop in one process
 * and 21 x in the next, and a stand-in that reads every cell 8.4 ms in one and 19.5 ms in
 * another. After it, each run starts with the young generation empty, as a recalculation after
 * idle time does, and still pays for every collection its own allocations cause.
 */
export function emptyYoungGeneration(): void {
  const gc = (globalThis as { gc?: (options: { type: "minor" }) => void }).gc;
  if (!gc) throw new Error("run the bench with node --expose-gc (npm run bench does)");
  gc({ type: "minor" });
}

/**
 * One full collection (`gc()` of `node --expose-gc`): after a set-up that left tens of
 * megabytes of garbage in the old generation (the bench's cells, their JSON and its parse),
 * so that its marking and sweeping do not run inside the works measured next.
 */
export function collectAllGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run the bench with node --expose-gc (npm run bench does)");
  gc();
}

/** The median of a(i) / b(i), run by run: the ratio of two works measured in turns. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(pairwise(a, b, (x, y) => x / y));
}

/** Run by run, a(i) / b(i) or a(i) - b(i), for the median of a paired comparison. */
export function pairwise(a: readonly number[], b: readonly number[], combine: (x: number, y: number) => number): number[] {
  return a.map((x, i) => combine(x, b[i]));
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
