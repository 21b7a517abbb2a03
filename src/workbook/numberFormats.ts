/**
 * Number formats for the columns the scorecard knows by name, applied when the sample is
 * created so that a serial date reads as a date and a score as 72.4. Columns not listed keep
 * Excel's General format. Codes are Excel's invariant (en-US) codes, as Range.numberFormat takes.
 */
const FORMATS: Record<string, string> = {
  "cert expiry": "yyyy-mm-dd",
  date: "yyyy-mm-dd",
  "evaluation date": "yyyy-mm-dd",
  // The review columns of Partners (issue 22): dates a manager reads.
  since: "yyyy-mm-dd",
  "override until": "yyyy-mm-dd",
  score: "0.0",
  revenue: "#,##0",
};

export function numberFormatFor(header: string): string | null {
  return FORMATS[header.trim().toLowerCase()] ?? null;
}
