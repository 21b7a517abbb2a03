/**
 * Spill scoring: one PRM.PARTNERSCORE over every partner, through the built bundle and the
 * test host (as Excel calls it), against the floor of a plain Float64Array weighted-sum loop
 * over the same values already normalised. Also measured in the same run, to say where the
 * time goes: the same call to two stand-in functions, one that looks at nothing and returns
 * zeros (the host's checking of 1.2 million argument cells and of the result, which Excel
 * does for any custom function its own way) and one that only reads every cell once (the
 * least any PARTNERSCORE can do), and calls of one row each.
 */
import { readCriteria, relativeWeights, criteriaReader } from "../src/core";
import { BLANK, CustomFunctionsHost, type Cell } from "../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../src/host/loadBuild";
import { median, medianMs, medianRatio, pairwise, report, RUNS, samplesInTurns } from "./measure";
import { CRITERIA, CRITERIA_COUNT, partnerRows, partnerTypes } from "./partners";

/** Stand-in: looks at no cell, one 0 per row. */
function zeroPerRow(values: unknown[][]): unknown[][] {
  return values.map(() => [0]);
}

/**
 * Stand-in: the least any PARTNERSCORE must do, read every cell once and return one number
 * per row. A row whose first cell is blank shows blank, so that, as numberColumn's, the rows
 * come from one array literal of any kind of element: rows of doubles only would cost the
 * host a new boxed number at every read of the result.
 */
function readEachCellOnce(values: unknown[][]): unknown[][] {
  const column = new Array<unknown[]>(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    let sum = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === "number") sum += cell;
    }
    column[r] = [row[0] === null ? "" : sum / row.length];
  }
  return column;
}

/** The same host and function shapes, every function being `standIn` (it must use nothing outside itself). */
function standInHost(real: CustomFunctionsHost, standIn: (values: unknown[][]) => unknown[][]): CustomFunctionsHost {
  const ids = real.metadata.functions.map((f) => f.id);
  const source = `const standIn = ${standIn.toString()}; for (const id of ${JSON.stringify(ids)}) CustomFunctions.associate(id, standIn);`;
  return new CustomFunctionsHost(real.metadata, { namespace: real.namespace }).load(source);
}

/**
 * The cells as Excel on the web and current desktop passes them (a blank as null): what the
 * host hands on without copying. With BLANK markers it would copy them first, a cost of the
 * test host, not of the bundle or of Excel (which marshals every call its own way).
 */
function asExcelPasses(rows: Cell[][]): Cell[][] {
  return rows.map((row) => row.map((cell) => (cell === BLANK ? null : cell)));
}

/** The partners' values on 0-100 in one Float64Array (blank as 0), as the loop's input. */
function normalisedMatrix(rows: Cell[][]): Float64Array {
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
  const rows = asExcelPasses(partnerRows(partners));
  const types = asExcelPasses(partnerTypes(partners));
  const { model } = readCriteria(CRITERIA);
  const weights = Float64Array.from(relativeWeights(model, ""));
  const matrix = normalisedMatrix(rows);
  const scores = new Float64Array(partners);

  const total = weights.reduce((a, b) => a + b, 0);
  // A local width: an imported constant read in the loop would cost a module getter per value.
  const width = CRITERIA_COUNT;
  const runs = samplesInTurns(
    {
      loop: () => {
        for (let p = 0; p < partners; p++) {
          let sum = 0;
          for (let c = 0; c < width; c++) sum += matrix[p * width + c] * weights[c];
          scores[p] = sum / total;
        }
      },
      spill: () => host.call("PRM.PARTNERSCORE", rows, CRITERIA, types),
      hostAlone: () => zeros.call("PRM.PARTNERSCORE", rows, CRITERIA, types),
      readingOnly: () => readingOnly.call("PRM.PARTNERSCORE", rows, CRITERIA, types),
    },
    Math.max(RUNS, 11),
  );
  const [loopMs, spillMs, hostMs, readingMs] = [runs.loop, runs.spill, runs.hostAlone, runs.readingOnly].map(median);
  const ratio = medianRatio(runs.spill, runs.loop);
  const hostRatio = medianRatio(runs.hostAlone, runs.loop);
  const readingRatio = medianRatio(runs.readingOnly, runs.loop);
  const overReading = medianRatio(runs.spill, runs.readingOnly);
  const ownRatio = medianRatio(pairwise(runs.spill, runs.hostAlone, (a, b) => a - b), runs.loop);
  const perRowCount = Math.min(partners, 10_000);
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
  report("spill scoring: host alone, same call to a function returning zeros", hostMs, "ms", `info, ${hostRatio.toFixed(1)} x loop`);
  report("spill scoring: reading alone, same call to a function that reads each cell once and returns a number per row", readingMs, "ms", `info, ${readingRatio.toFixed(1)} x loop`);
  report("spill scoring: PRM.PARTNERSCORE / reading alone", overReading, "x", "info");
  report("spill scoring: the bundle's own share, (call - host alone) / loop", ownRatio, "x", "info");
  report(`spill scoring: one call per row (${perRowCount} calls, scaled to ${partners})`, perRowMs, "ms", `info, ${(perRowMs / loopMs).toFixed(0)} x loop`);
}
