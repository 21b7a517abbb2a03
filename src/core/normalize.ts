/** One raw value of a criterion on the common 0-100 scale. */
import { isMissing, readCell, showCell } from "./cell";
import { invalid } from "./errors";
import type { Criterion } from "./model";
import { pointsOf } from "./scale";

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** Reads a yes/no cell: TRUE/Yes/Y/1 and FALSE/No/N/0 (any case); undefined otherwise. */
export function readYesNo(cell: unknown): boolean | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "number" && typeof cell !== "string") return undefined;
  // The longest yes/no word is 5 letters: longer text is not lower-cased to find out.
  if (typeof cell === "string" && cell.length > 64) return undefined;
  const key = String(cell).trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/**
 * Where `value` lies from `low` (0) to `high` (100), clamped. Multiplying before dividing
 * keeps round inputs exact (55 of 0-100 is 55, not 55.00000000000001); the halved form is
 * only for spans so wide that the plain one overflows.
 */
function percentOfSpan(value: number, low: number, high: number): number {
  if (value <= low) return 0;
  if (value >= high) return 100;
  const plain = (100 * (value - low)) / (high - low);
  return Number.isFinite(plain)
    ? plain
    : 100 * ((value / 2 - low / 2) / (high / 2 - low / 2));
}

/** The number a range/target criterion needs from `cell`, or a #VALUE! naming both. */
export function numberFor(criterion: Criterion, cell: unknown): number {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  const reading = readCell(cell);
  if (reading.kind === "number") return reading.value;
  return invalid(`${criterion.name} needs a number, not ${showCell(cell)}`);
}

/** The points of a rating cell on the criterion's Scale, or a #VALUE! listing the labels. */
export function ratingPoints(criterion: Criterion, cell: unknown): number {
  const reading = readCell(cell);
  const label =
    reading.kind === "text" || reading.kind === "number"
      ? String(reading.value)
      : undefined;
  const points =
    label === undefined ? undefined : pointsOf(criterion.scale, label);
  if (points !== undefined) return points;
  const labels = criterion.scale.map((s) => s.label).join(", ");
  return invalid(
    `${criterion.name}: ${showCell(cell)} is not on its scale (${labels})`,
  );
}

/** The yes/no a yesno criterion needs from `cell`, or a #VALUE! naming both. */
export function yesNoFor(criterion: Criterion, cell: unknown): boolean {
  return (
    readYesNo(cell) ??
    invalid(`${criterion.name} needs Yes or No, not ${showCell(cell)}`)
  );
}

/** The value on 0-100, or null when the cell is missing (blank, "", n/a, na, -, an error). */
export function normalize(criterion: Criterion, cell: unknown): number | null {
  if (isMissing(cell)) return null;
  switch (criterion.method) {
    case "range":
    case "target": {
      const value = numberFor(criterion, cell);
      const percent = percentOfSpan(
        value,
        criterion.min ?? 0,
        criterion.max ?? 0,
      );
      return criterion.better === "lower" ? 100 - percent : percent;
    }
    case "rating":
      return ratingPoints(criterion, cell);
    case "yesno":
      return yesNoFor(criterion, cell) ? 100 : 0;
  }
}
