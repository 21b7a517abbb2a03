/**
 * The score of one partner cell by cell, written plainly with normalize: the algorithm the
 * typed-matrix scoring (NormalizedRows) and the spilling PARTNERSCORE replaced, kept as the
 * reference their property tests compare with (same score, null, or the same error).
 */
import { excelRound15, invalid, isMissing, normalize, notAvailable, type CriteriaModel, type MissingPolicy } from "../../src/core";

export function cellByCellScore(values: readonly unknown[], model: CriteriaModel, weights: readonly number[], missing: MissingPolicy): number | null {
  const { criteria } = model;
  if (values.length !== criteria.length) invalid(`${values.length} values for ${criteria.length} criteria: give one value per criterion, in the table's order`);
  if (values.every(isMissing)) return null;
  let total = 0;
  let present = 0;
  let sum = 0;
  const normalized: (number | null)[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const value = normalize(criteria[i], values[i]);
    total += weights[i];
    normalized[i] = value;
    if (value === null && weights[i] > 0) {
      if (missing === "error") notAvailable(`${criteria[i].name} is missing`);
      if (missing === "skip") continue;
      normalized[i] = 0;
    }
    present += weights[i];
    sum += weights[i] * (normalized[i] ?? 0);
  }
  if (present < (total / 2) * (1 - 1e-12)) {
    const absent = criteria.filter((_, i) => normalized[i] === null && weights[i] > 0).map((c) => c.name);
    notAvailable(`Only ${Math.round((100 * present) / total)}% of the weight has data (missing: ${absent.join(", ")}); at least half is needed`);
  }
  // A score is what Excel keeps of it: 15 significant digits (src/core/precision.ts).
  return excelRound15(Math.min(100, Math.max(0, sum / present)));
}

/** A table with every method, a second profile and a criterion of weight 0, for the property tests. */
export const TABLE: (string | number | null)[][] = [
  ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight", "Weight (P)"],
  ["Revenue", "range", "higher", 0, 1000, null, 3, 0],
  ["Load", "target", "lower", null, 40, null, 2, 1],
  ["Level", "rating", null, null, null, "Low=0; Medium=50; High=100", 4, 0],
  ["Certified", "yesno", null, null, null, null, 1, 5],
  ["Unused", "range", null, 0, 10, null, 0, 0],
];
