/**
 * What a column of the user's own partner list can be scored as, guessed from its cells and
 * its header (issue 21, "Set up from my list"): numbers become a `range` criterion, a few
 * distinct texts a `rating`, yes/no a `yesno`, expiry dates a certification criterion fed by
 * PRM.CERTSTATUS. Pure: the pane shows the guess and the user confirms or changes it.
 */
import { cellNumber, headerKey, isMissing, readCell } from "../../core";
import type { Direction } from "../../core";

export type ColumnGuess =
  /** Min/Max: the 5th and 95th percentiles of the numbers, rounded outward (see rangeOf). */
  | { kind: "range"; min: number; max: number; better: Direction }
  /** Labels in a proposed order, lowest first (the user confirms the order). */
  | { kind: "rating"; labels: string[] }
  | { kind: "yesno" }
  /** Certification expiry dates: scored through PRM.CERTSTATUS. */
  | { kind: "expiry" }
  /** Not scorable as it is: a name, free text, or a blank column. */
  | { kind: "text" };

/** A rating has at most this many labels; more distinct texts are names or free text. */
export const MAX_RATING_LABELS = 7;

/** Headers whose numbers are better when lower (issue 21: tickets, cost, days, churn). */
const LOWER_IS_BETTER =
  /ticket|cost|day|churn|complaint|defect|escalat|delay|late|incident|return|refund|open case/i;

/** Headers that name an expiry date. */
const EXPIRY_HEADER = /expir|valid until|renewal|renew by|cert.*date/i;

/** Excel's serial days for 1982-01-01 and 2119-01-01: a number between them can be a date. */
const PLAUSIBLE_DATE = { from: 29952, to: 80000 };

const YES = new Set(["yes", "y", "true"]);
const NO = new Set(["no", "n", "false"]);

/**
 * Orders labels are usually meant in, lowest first: a rating whose labels all appear in one
 * of these takes its order; otherwise labels keep the order of first appearance.
 */
const KNOWN_ORDERS: string[][] = [
  ["none", "registered", "bronze", "silver", "gold", "platinum", "diamond"],
  ["very low", "low", "medium", "high", "very high"],
  ["poor", "fair", "good", "very good", "excellent"],
  ["none", "basic", "intermediate", "advanced", "expert"],
  ["d", "c", "b", "a"],
  ["none", "expired", "expiring", "active"],
];

/** Whether the trimmed, lower-cased texts are yes/no words (TRUE/FALSE cells count too). */
function isYesNo(cells: readonly unknown[]): boolean {
  return cells.every((cell) => {
    if (typeof cell === "boolean") return true;
    const text = typeof cell === "string" ? cell.trim().toLowerCase() : null;
    return text !== null && (YES.has(text) || NO.has(text));
  });
}

/** A cell as a number: numbers, and numbers stored as text (the data check reports those). */
export function numberIn(cell: unknown): number | null {
  const direct = cellNumber(cell);
  if (direct !== null) return direct;
  if (typeof cell !== "string") return null;
  const text = cell.trim().replace(/,/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?%?$/i.test(text)) return null;
  const value = Number(text.replace("%", ""));
  return Number.isFinite(value) ? value : null;
}

/** The k-th percentile (0-100) of sorted numbers, by the nearest-rank method. */
export function percentile(sorted: readonly number[], k: number): number {
  const rank = Math.ceil((k / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** `value` rounded down (or up) to two significant digits: 1_234_567 -> 1_200_000. */
export function roundOutward(value: number, up: boolean): number {
  if (value === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 1);
  const rounded =
    (up ? Math.ceil(value / step) : Math.floor(value / step)) * step;
  // Cleans the float noise of the multiplication (0.30000000000000004).
  return Number(rounded.toPrecision(12));
}

/**
 * Min and Max of a range criterion: the 5th and 95th percentiles of the numbers, so that one
 * outlier does not squeeze everyone else into a few points (values beyond are clamped, as
 * the range method does), rounded outward to two significant digits. Max > Min always.
 */
export function rangeOf(numbers: readonly number[]): {
  min: number;
  max: number;
} {
  const sorted = [...numbers].sort((a, b) => a - b);
  const min = roundOutward(percentile(sorted, 5), false);
  const max = roundOutward(percentile(sorted, 95), true);
  return max > min
    ? { min, max }
    : { min, max: min + Math.max(1, Math.abs(min)) };
}

/** Whether lower numbers are better, by the header's words. */
export function betterFor(header: string): Direction {
  return LOWER_IS_BETTER.test(header) ? "lower" : "higher";
}

/** The distinct labels (case and spaces ignored; the first spelling kept) in a proposed order. */
export function labelsOf(cells: readonly unknown[]): string[] {
  const byKey = new Map<string, string>();
  for (const cell of cells) {
    const label = String(cell).trim().replace(/\s+/g, " ");
    const key = headerKey(label);
    if (!byKey.has(key)) byKey.set(key, label);
  }
  const keys = [...byKey.keys()];
  const order = KNOWN_ORDERS.find((known) =>
    keys.every((key) => known.includes(key)),
  );
  const ordered = order
    ? keys.sort((a, b) => order.indexOf(a) - order.indexOf(b))
    : keys;
  return ordered.map((key) => byKey.get(key) as string);
}

/**
 * Guesses what `header`'s column is from its cells (the list's data rows). Missing cells (blank,
 * n/a, -) are left out. Mostly numbers (at least 80%) make a range, or expiry dates when the
 * header says so and the numbers are plausible dates.
 */
export function guessColumn(
  header: string,
  cells: readonly unknown[],
): ColumnGuess {
  const present = cells.filter((cell) => !isMissing(cell));
  if (present.length === 0) return { kind: "text" };
  if (isYesNo(present)) return { kind: "yesno" };
  const numbers = present.flatMap((cell) => {
    const n = numberIn(cell);
    return n === null ? [] : [n];
  });
  if (numbers.length >= 0.8 * present.length) {
    const dates = numbers.every(
      (n) => n >= PLAUSIBLE_DATE.from && n <= PLAUSIBLE_DATE.to,
    );
    if (dates && EXPIRY_HEADER.test(header)) return { kind: "expiry" };
    return { kind: "range", ...rangeOf(numbers), better: betterFor(header) };
  }
  const texts = present.filter((cell) => readCell(cell).kind === "text");
  const labels = labelsOf(texts);
  // A column of names has (nearly) one label per row: not a rating.
  if (labels.length <= MAX_RATING_LABELS && labels.length < present.length)
    return { kind: "rating", labels };
  return { kind: "text" };
}

/** Points for `count` labels, lowest first, spread evenly over 0-100 (rounded). */
export function spreadPoints(count: number): number[] {
  if (count === 1) return [100];
  return Array.from({ length: count }, (_, i) =>
    Math.round((i * 100) / (count - 1)),
  );
}
