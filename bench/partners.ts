/**
 * The benchmark's scorecard: 12 criteria of every method (8 range/target, 2 rating, 2 yes/no)
 * with a second profile, and partner rows with 5% blank values, generated from a fixed seed.
 */
import { BLANK, type Cell } from "../src/host/customFunctionsHost";
import { random } from "./measure";

export const CRITERIA_COUNT = 12;
export const BLANK_SHARE = 0.05;

export const CRITERIA: Cell[][] = [
  ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight", "Weight (Influencer)"],
  ...Array.from({ length: 8 }, (_, i): Cell[] => [`Metric ${i + 1}`, i % 2 ? "target" : "range", i === 3 ? "lower" : "higher", 0, 1000, null, 1 + i, i < 2 ? 0 : 1]),
  ["Accreditation", "rating", null, null, null, "None=0; Silver=40; Gold=75; Platinum=100", 5, 5],
  ["Fit", "rating", null, null, null, "Low=0; Medium=50; High=100", 3, 6],
  ["Certified", "yesno", null, null, null, null, 2, 2],
  ["Referenceable", "yesno", null, null, null, null, 1, 1],
];

/** Three tiers by score alone, for the PARTNERTIER spill over the scores. */
export const TIERS: Cell[][] = [
  ["Tier", "Min score"],
  ["Gold", 70],
  ["Silver", 40],
  ["Registered", 0],
];

const ACCREDITATION = ["None", "Silver", "Gold", "Platinum"];
const FIT = ["Low", "Medium", "High"];

/** `count` partners' values, one row each, in the criteria's order; blanks as BLANK. */
export function partnerRows(count: number, seed = 42): Cell[][] {
  const next = random(seed);
  const blankOr = (value: () => Cell): Cell => (next() < BLANK_SHARE ? BLANK : value());
  return Array.from({ length: count }, () => [
    ...Array.from({ length: 8 }, () => blankOr(() => Math.round(next() * 1200))),
    blankOr(() => ACCREDITATION[Math.floor(next() * 4)]),
    blankOr(() => FIT[Math.floor(next() * 3)]),
    blankOr(() => (next() < 0.5 ? "Yes" : "No")),
    blankOr(() => next() < 0.5),
  ]);
}

/** Every fifth partner is an Influencer, the rest use the default weights. */
export function partnerTypes(count: number): Cell[][] {
  return Array.from({ length: count }, (_, i) => [i % 5 === 0 ? "Influencer" : BLANK]);
}
