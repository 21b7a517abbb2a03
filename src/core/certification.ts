/** Whether a certification is still valid on a day: it expires, and partners should be warned. */
import { readCell, showCell } from "./cell";
import { invalid } from "./errors";
import { serialFromIsoText } from "./dates";

export type CertStatus = "Active" | "Expiring" | "Expired" | "None";
export const DEFAULT_WARN_DAYS = 60;

/** A date cell as a serial day: a number (Excel's dates) or ISO text; null when blank. */
export function readDate(cell: unknown, what: string): number | null {
  const reading = readCell(cell);
  if (reading.kind === "missing") return null;
  if (reading.kind === "number" && reading.value >= 0)
    return Math.floor(reading.value);
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
