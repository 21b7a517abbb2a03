/**
 * Criteria weights from pairwise comparisons (Saaty's Analytic Hierarchy Process): the
 * principal eigenvector of the comparison matrix, and the consistency ratio that says how far
 * the judgements contradict each other (above 0.1 they should be revisited).
 */
import { readCell, showCell } from "./cell";
import { invalid } from "./errors";

/** Saaty's random consistency index by matrix size (index = n). */
const RANDOM_INDEX = [
  0, 0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56,
  1.57, 1.59,
];
export const AHP_MAX_SIZE = RANDOM_INDEX.length - 1;
/** How far a_ij x a_ji may stray from 1: judgements typed as 0.33 for 1/3 must pass. */
const RECIPROCAL_TOLERANCE = 0.02;

export interface AhpResult {
  weights: number[];
  consistencyRatio: number;
}

/** Saaty's scale runs 1/9-9; far wider judgements are typing mistakes (and would overflow). */
const JUDGEMENT_LIMIT = 1000;
const FRACTION = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)\s*$/;

/** A judgement: a positive number, or a fraction typed as text ("1/3"); null when blank. */
function judgement(cell: unknown, row: number, column: number): number | null {
  const reading = readCell(cell);
  if (reading.kind === "missing") return null;
  let value = reading.kind === "number" ? reading.value : NaN;
  const fraction =
    reading.kind === "text" ? FRACTION.exec(reading.value) : null;
  if (fraction) value = Number(fraction[1]) / Number(fraction[2]);
  if (value >= 1 / JUDGEMENT_LIMIT && value <= JUDGEMENT_LIMIT) return value;
  return invalid(
    `Comparison row ${row + 1}, column ${column + 1} must be a positive number from 1/${JUDGEMENT_LIMIT} to ${JUDGEMENT_LIMIT}, not ${showCell(cell)}`,
  );
}

/** The full matrix: blank diagonal cells are 1, a blank cell takes the reciprocal of its mirror. */
function comparisonMatrix(cells: readonly (readonly unknown[])[]): number[][] {
  const n = cells.length;
  if (n === 0 || cells.some((row) => row.length !== n)) {
    invalid(
      `The comparison matrix must be square, not ${n} x ${cells[0]?.length ?? 0}`,
    );
  }
  if (n > AHP_MAX_SIZE)
    invalid(`At most ${AHP_MAX_SIZE} criteria can be compared, not ${n}`);
  const given = cells.map((row, i) =>
    row.map((cell, j) => judgement(cell, i, j)),
  );
  return given.map((row, i) =>
    row.map((value, j) => {
      const mirror = given[j][i];
      if (i === j) {
        if (value !== null && Math.abs(value - 1) > 1e-9)
          invalid(
            `Comparison row ${i + 1}, column ${i + 1} compares a criterion with itself and must be 1, not ${value}`,
          );
        return 1;
      }
      if (value === null && mirror === null)
        invalid(
          `Comparison row ${i + 1}, column ${j + 1} and its mirror are both blank`,
        );
      if (
        value !== null &&
        mirror !== null &&
        Math.abs(value * mirror - 1) > RECIPROCAL_TOLERANCE
      ) {
        invalid(
          `Comparison row ${i + 1}, column ${j + 1} (${value}) is not the reciprocal of row ${j + 1}, column ${i + 1} (${mirror})`,
        );
      }
      return value ?? 1 / (mirror as number);
    }),
  );
}

function multiply(matrix: number[][], vector: number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * vector[j], 0));
}

export function ahpWeights(cells: readonly (readonly unknown[])[]): AhpResult {
  const matrix = comparisonMatrix(cells);
  const n = matrix.length;
  // Power iteration: a positive matrix has a unique positive principal eigenvector.
  let weights: number[] = new Array<number>(n).fill(1 / n);
  for (let iteration = 0; iteration < 1000; iteration++) {
    const product = multiply(matrix, weights);
    const total = product.reduce((a, b) => a + b, 0);
    const next = product.map((x) => x / total);
    const change = Math.max(...next.map((x, i) => Math.abs(x - weights[i])));
    weights = next;
    if (change < 1e-13) break;
  }
  const product = multiply(matrix, weights);
  const lambdaMax = product.reduce((sum, x, i) => sum + x / weights[i], 0) / n;
  const consistencyIndex = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  const consistencyRatio =
    n > 2 ? Math.max(0, consistencyIndex / RANDOM_INDEX[n]) : 0;
  return { weights, consistencyRatio };
}
