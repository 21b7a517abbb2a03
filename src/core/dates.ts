/** Excel date serial numbers (days since 1899-12-30, the 1900 date system). */
export const MS_PER_DAY = 86_400_000;
/** Serial day 0 (1899-12-30, in UTC), which holds for every date after February 1900. */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialFromDate(
  year: number,
  month: number,
  day: number,
): number {
  return Math.round(
    (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / MS_PER_DAY,
  );
}

/** Today's serial in the local time zone, as Excel's TODAY() gives it. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An ISO date text (2026-03-31) as a serial, or undefined: how exports from other systems look. */
export function serialFromIsoText(text: string): number | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [
    Number(match[1]),
    Number(match[2]),
    Number(match[3]),
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? serialFromDate(year, month, day) : undefined;
}

/** A serial's date as ISO text (2026-03-31); the time of day is dropped. */
export function isoDateFromSerial(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY)
    .toISOString()
    .slice(0, 10);
}
