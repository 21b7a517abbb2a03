/** Whether a certification is still valid on a day: it expires, and partners should be warned. */
import { readCell, showCell } from "./cell";
import { invalid } from "./errors";
import { serialFromIsoText } from "./dates";

export type CertStatus = "Active" | "Expiring" | "Expired" | "None";
export const DEFAULT_WARN_DAYS = 60;

/**
 * A date cell as a serial day: a number (Excel's dates) or ISO text; null when blank. Day 0
 * (a number from 0 up to 1) is no date either: Excel's serial 0 is the non-day 1900-01-00,
 * and it is what a blank cell arrives as in older desktop builds (DESIGN section 3), so a
 * blank expiry there is None, not Expired, and a blank asof is today.
 */
export function readDate(cell: unknown, what: string): number | null {
  const reading = readCell(cell);
  if (reading.kind === "missing") return null;
  if (reading.kind === "number" && reading.value >= 0) {
    const day = Math.floor(reading.value);
    return day === 0 ? null : day;
  }
  const iso =
    reading.kind === "text" ? serialFromIsoText(reading.value) : undefined;
  return iso ?? invalid(`${what} must be a date, not ${showCell(cell)}`);
}

/**
 * Active, Expiring (expires within `warnDays` of `asOf`, the expiry day included), Expired
 * (the expiry day is before `asOf`), or None when there is no expiry date.
 */
export function certStatus(
  expiry: number | null,
  asOf: number,
  warnDays: number,
): CertStatus {
  if (expiry === null) return "None";
  if (expiry < asOf) return "Expired";
  return expiry - asOf <= warnDays ? "Expiring" : "Active";
}
