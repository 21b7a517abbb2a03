/**
 * Numbers as Excel compares them. Excel keeps 15 significant digits of a number (Microsoft:
 * "Floating-point arithmetic may give inaccurate results in Excel"), so a score summed to
 * 58.99999999999999 shows as 59 and is in the tier that starts at 59. Every score the core
 * computes, reads or subtracts goes through `excelRound15`, so the functions, the pane and
 * the copy for colleagues (which rounds the same way with ROUND) put a partner in one tier.
 */

/** The significant digits Excel keeps of a number. */
export const EXCEL_DIGITS = 15;

/** 10^0 to 10^22, every one exact in a double: looked up, not computed, once per score. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * A number rounded to Excel's 15 significant digits: a score before it is returned or
 * compared, a number before it becomes text (cell.ts, numberText). Rounded as Excel's ROUND
 * is computed in the copy for colleagues' engine (x * 10^d, to the nearest whole, / 10^d),
 * so both give the same double. Scores are 0-100, so the usual magnitudes are decided
 * without a logarithm: this runs once per partner of a spill.
 */
export function excelRound15(value: number): number {
  const size = value < 0 ? -value : value;
  const magnitude =
    size >= 1 && size < 100
      ? size < 10
        ? 0
        : 1
      : Math.floor(Math.log10(size));
  const decimals = EXCEL_DIGITS - 1 - magnitude;
  // 0, infinities, NaN, and numbers from 10^15 up or below 10^-8 (never scores; their powers
  // of ten would not be exact, or they have no decimals to round) are left as they are.
  if (!(decimals >= 0 && decimals <= 22)) return value;
  const rounded =
    roundHalfUp(size * POWERS_OF_TEN[decimals]) / POWERS_OF_TEN[decimals];
  return value < 0 ? -rounded : rounded;
}

/**
 * Math.round of a number from 0 up (the nearest whole number, halves up), without a branch on
 * the number: V8 compiles Math.round as a round-up and a branch on whether that went past
 * half, which a score's digits take in no order, so a spill mispredicted it for about half its
 * partners (measured: 4-5 % of a 100,000-row PARTNERSCORE, bench/README.md, "Sixteenth pass").
 * The comparison here is a 0 or a 1 in the arithmetic. The same double as Math.round for every
 * `x` from 0 up, since nothing here rounds: below 1, `whole` is 0 and `x - whole` is `x`; from 1
 * to 2^52, `whole` is at least half of `x`, so their difference is exact; from 2^52 up, `x` is
 * whole and the difference 0; and `whole + 1` is exact below 2^53.
 */
export function roundHalfUp(x: number): number {
  const whole = Math.floor(x);
  return whole + +(x - whole >= 0.5);
}

/** The weighted mean of a partner's values as the score: clamped to 0-100, then as Excel keeps it. */
export function scoreOf(sum: number, presentWeight: number): number {
  return excelRound15(Math.min(100, Math.max(0, sum / presentWeight)));
}
