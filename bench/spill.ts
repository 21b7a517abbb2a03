/**
 * Spill scoring: one PRM.PARTNERSCORE over every partner, through the built bundle and the
 * test host (as Excel calls it: the arguments parsed from JSON in the bundle's own realm, as
 * Excel's runtime parses its message), against the floor of a plain Float64Array
 * weighted-sum loop over the same values already normalised. The arguments are parsed once,
 * as Excel's runtime parses them once per call before calling, and the call is timed on them;
 * the parsing is shown apart. The call is the function's own work (`host.run`): what Excel's
 * runtime then makes of the returned array (`host.resultOf`, the host's check of every result
 * cell) is shown apart too, as Excel serialises the result itself. Also measured in the same
 * run, to say where the time goes: the same call to two stand-in functions, one that looks at
 * nothing and returns zeros (the host's own cost of a call) and one that only reads every
 * cell once (the least any PARTNERSCORE can do), and calls of one row each.
 */
import { readCriteria, relativeWeights, criteriaReader } from "../src/core";
import { BLANK, CustomFunctionsHost, ExcelError, type Argument } from "../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../src/host/loadBuild";
import { collectAllGarbage, cpuMs, elapsedMs, median, medianMs, medianRatio, pairwise, report, RUNS, samplesInTurns } from "./measure";
import { CRITERIA, CRITERIA_COUNT, TIERS, partnerRows, partnerTypes } from "./partners";

/**
 * Stand-in: looks at no cell, one 0 per row: the spill's result alone. Each row is copied
 * from a row of a number, as numberRow makes them: written as the literal `[0]`, V8 came to
 * allocate its rows in the old generation, and this figure read 12.7 ms in one process and
 * 3.25 ms in the next (bench/README.md, "Thirteenth pass").
 */
function zeroPerRow(values: unknown[][]): unknown[][] {
  const rowOfZero = [0];
  return values.map(() => rowOfZero.slice());
}

/**
 * Stand-in: the least any PARTNERSCORE must do, read every cell once and return one number
 * per row. A row whose first cell is blank shows blank, so that, as numberColumn's, the
 * column holds rows of a number (arrays of doubles) and a few rows of text, each number's
 * row copied from a row of a double as numberRow makes it: written as the literal
 * `[sum / row.length]`, V8 came to allocate the stand-in's rows in the old generation and
 * the floor measured 27 ms, more than PARTNERSCORE (bench/README.md, "Twelfth pass").
 */
function readEachCellOnce(values: unknown[][]): unknown[][] {
  const rowOfANumber = [0.5];
  const column = new Array<unknown[]>(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let sum = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number") sum += cell;
    }
    if (row[0] === null) column[r] = [""];
    else {
      const result = rowOfANumber.slice();
      result[0] = sum / row.length;
      column[r] = result;
    }
  }
  return column;
}

/** The same host and function shapes, every function being `standIn` (it must use nothing outside itself). */
function standInHost(real: CustomFunctionsHost, standIn: (values: unknown[][]) => unknown[][]): CustomFunctionsHost {
  const ids = real.metadata.functions.map((f) => f.id);
  const source = `const standIn = ${standIn.toString()}; for (const id of ${JSON.stringify(ids)}) CustomFunctions.associate(id, standIn);`;
  return new CustomFunctionsHost(real.metadata, { namespace: real.namespace }).load(source);
}

/** The arguments of a PARTNERSCORE call as the host hands them to the function (parsed as Excel's runtime parses them). */
function argumentsOf(host: CustomFunctionsHost, ...args: Argument[]): unknown[] {
  const passed = host.argumentsFor("PRM.PARTNERSCORE", ...args);
  if (passed instanceof ExcelError) throw new Error(`the host refused the bench's arguments: ${passed.toString()}`);
  return passed;
}

/** The partners' values on 0-100 in one Float64Array (blank as 0), as the loop's input. */
function normalisedMatrix(rows: unknown[][]): Float64Array {
  const { model } = readCriteria(CRITERIA);
  const reader = criteriaReader(model.criteria);
  const matrix = new Float64Array(rows.length * CRITERIA_COUNT);
  rows.forEach((row, p) => row.forEach((cell, c) => (matrix[p * CRITERIA_COUNT + c] = reader.read(c, cell) ?? 0)));
  return matrix;
}

export function spillFigures(partners: number): void {
  const host = loadBuiltFunctions();
  const zeros = standInHost(host, zeroPerRow);
  const readingOnly = standInHost(host, readEachCellOnce);
  const rows = partnerRows(partners);
  const types = partnerTypes(partners);
  // Made once, as Excel's runtime makes them once per call before calling: the calls below
  // time the function, and the parsing is shown apart (timed last: the garbage of parsing
  // again would otherwise be collected inside the calls).
  const passed = argumentsOf(host, rows, CRITERIA, types);
  const { model } = readCriteria(CRITERIA);
  const weights = Float64Array.from(relativeWeights(model, ""));
  const matrix = normalisedMatrix(passed[0] as unknown[][]);
  const scores = new Float64Array(partners);

  const total = weights.reduce((a, b) => a + b, 0);
  // A local width: an imported constant read in the loop would cost a module getter per value.
  const width = CRITERIA_COUNT;
  const works = {
    loop: () => {
      for (let p = 0; p < partners; p++) {
        let sum = 0;
        for (let c = 0; c < width; c++) sum += matrix[p * width + c] * weights[c];
        scores[p] = sum / total;
      }
    },
    spill: () => host.run("PRM.PARTNERSCORE", passed),
    hostAlone: () => zeros.run("PRM.PARTNERSCORE", passed),
    readingOnly: () => readingOnly.run("PRM.PARTNERSCORE", passed),
  };
  collectAllGarbage();
  // Each work is timed after 10 unmeasured runs of its own. The loop streams 9.6 MB and is
  // sensitive to what ran before it on this machine: 1.7 ms in its own repeated runs, 3.0-3.5 ms
  // right after a spill, 2.5 ms after a spill and one loop, 1.8 ms after three (bench/README.md,
  // "Sixteenth pass"). Timed in plain turns, the loop was measured slowed by the other works
  // and the ratio flattered the spill (3.6-4.6 x); this times the loop at its floor.
  const runs = samplesInTurns(works, Math.max(RUNS, 11), elapsedMs, 10);
  // On a machine with more jobs than cores, a run longer than the scheduler's slice waits for
  // a core and its wall-clock time stretches, while the 1.5 ms loop mostly does not: the
  // processor time of the same works, in turns again, is the figure such a load leaves.
  const processor = samplesInTurns(works, Math.max(RUNS, 11), cpuMs, 10);
  const [loopMs, spillMs, hostMs, readingMs] = [runs.loop, runs.spill, runs.hostAlone, runs.readingOnly].map(median);
  const ratio = medianRatio(runs.spill, runs.loop);
  const hostRatio = medianRatio(runs.hostAlone, runs.loop);
  const readingRatio = medianRatio(runs.readingOnly, runs.loop);
  const overReading = medianRatio(runs.spill, runs.readingOnly);
  const ownRatio = medianRatio(pairwise(runs.spill, runs.hostAlone, (a, b) => a - b), runs.loop);
  const returned = host.run("PRM.PARTNERSCORE", passed);
  const resultMs = medianMs(() => host.resultOf("PRM.PARTNERSCORE", returned));
  // The column beside it in a scored list: each partner's tier from the scores just spilled.
  const tierPassed = host.argumentsFor("PRM.PARTNERTIER", returned as Argument, TIERS);
  if (tierPassed instanceof ExcelError) throw new Error(`the host refused the tier spill's arguments: ${tierPassed.toString()}`);
  const tierMs = median(samplesInTurns({ tiers: () => host.run("PRM.PARTNERTIER", tierPassed) }, Math.max(RUNS, 11), cpuMs).tiers);
  // Data as it often comes: one partner in ten with 8 of its 12 values missing (an export
  // that left columns out), so less than half the weight has data and the row shows #N/A.
  const messyPassed = argumentsOf(host, rows.map((row, p) => (p % 10 === 3 ? row.map((cell, c) => (c < 8 ? BLANK : cell)) : row)), CRITERIA, types);
  // And one partner in ten with "TBD" in a number column: the row shows #VALUE!.
  const junkPassed = argumentsOf(host, rows.map((row, p) => (p % 10 === 3 ? row.map((cell, c) => (c === 2 ? "TBD" : cell)) : row)), CRITERIA, types);
  const dirty = samplesInTurns(
    { messy: () => host.run("PRM.PARTNERSCORE", messyPassed), junk: () => host.run("PRM.PARTNERSCORE", junkPassed) },
    Math.max(RUNS, 11),
    cpuMs,
    10,
  );
  const [messyMs, junkMs] = [median(dirty.messy), median(dirty.junk)];
  const parseMs = medianMs(() => argumentsOf(host, rows, CRITERIA, types), 3);
  const perRowCount = Math.min(partners, 2_000);
  const perRowMs =
    (medianMs(() => {
      for (let p = 0; p < perRowCount; p++) host.call("PRM.PARTNERSCORE", [rows[p]], CRITERIA, types[p][0]);
    }, 3) *
      partners) /
    perRowCount;

  const shape = `${partners} partners x ${CRITERIA_COUNT} criteria`;
  report(`spill scoring (${shape}, one PRM.PARTNERSCORE call / plain loop)`, ratio, "x", "budget <= 8 x");
  report("spill scoring: PRM.PARTNERSCORE, one spilling call", spillMs, "ms", "info");
  report("spill scoring: plain Float64Array loop, values already 0-100", loopMs, "ms", "info");
  report("spill scoring: arguments parsed from JSON as Excel's runtime does before the call (not part of it)", parseMs, "ms", "info");
  report("spill scoring: the result read back as Excel's runtime reads it after the call (the host's check of every cell; not part of it)", resultMs, "ms", "info");
  report("spill scoring: host alone, same call to a function returning zeros", hostMs, "ms", `info, ${hostRatio.toFixed(1)} x loop`);
  report("spill scoring: reading alone, same call to a function that reads each cell once and returns a number per row", readingMs, "ms", `info, ${readingRatio.toFixed(1)} x loop`);
  report("spill scoring: PRM.PARTNERSCORE / reading alone", overReading, "x", "info");
  report("spill scoring: processor time, PRM.PARTNERSCORE / loop", medianRatio(processor.spill, processor.loop), "x", `info, ${median(processor.spill).toFixed(1)} ms / ${median(processor.loop).toFixed(2)} ms`);
  report("spill scoring: processor time, reading alone / loop", medianRatio(processor.readingOnly, processor.loop), "x", `info, ${median(processor.readingOnly).toFixed(1)} ms`);
  report("spill scoring: the bundle's own share, (call - host alone) / loop", ownRatio, "x", "info");
  report(`spill scoring: the same call when one partner in ten misses 8 of its 12 values (#N/A rows), processor time`, messyMs, "ms", `info, ${(messyMs / median(processor.spill)).toFixed(2)} x the call above`);
  report(`spill scoring: the same call when one partner in ten has "TBD" in a number column (#VALUE! rows), processor time`, junkMs, "ms", `info, ${(junkMs / median(processor.spill)).toFixed(2)} x the call above`);
  report(`tier spill: one PRM.PARTNERTIER over the ${partners} scores, processor time`, tierMs, "ms", "info");
  report(`spill scoring: one call per row (${perRowCount} calls, scaled to ${partners})`, perRowMs, "ms", `info, ${(perRowMs / loopMs).toFixed(0)} x loop`);
}
