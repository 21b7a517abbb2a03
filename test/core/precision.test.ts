/**
 * Numbers as Excel keeps them: 15 significant digits (Microsoft: "Floating-point arithmetic
 * may give inaccurate results in Excel"), and a number's text as Excel writes it (`=A1&""`).
 */
import fc from "fast-check";
import { EXCEL_DIGITS, cellText, excelRound15, numberText, roundHalfUp } from "../../src/core";

describe("excelRound15", () => {
  test.each([
    [58.99999999999999, 59],
    [59.00000000000001, 59],
    [0.1 + 0.2, 0.3],
    [9.700000000000003, 9.7],
    [100.00000000000001, 100],
    [0.700000000000003, 0.700000000000003], // 15 digits already: Excel shows it so (59 - 58.3)
    [58.9999999999999, 58.9999999999999],
    [-0.1 - 0.2, -0.3],
    [12345678901234567, 12345678901234567], // from 10^15 up, no decimals to round: as it is
    [0, 0],
  ])("%p is %p", (value, rounded) => {
    expect(excelRound15(value)).toBe(rounded);
  });

  test("keeps 15 significant digits of any score: within half a unit of the 15th digit, and idempotent", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 100, noNaN: true }), (x) => {
        const r = excelRound15(x);
        const unit = 10 ** (Math.floor(Math.log10(x)) - 14);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(unit / 2 + Number.EPSILON * x);
        expect(excelRound15(r)).toBe(r);
        expect(Number(r.toPrecision(15))).toBe(r);
      }),
    );
  });
});

describe("roundHalfUp: Math.round without a branch on the number", () => {
  test.each([0, 0.5, 1.5, 2.5, 0.49999999999999994, 4503599627370495.5, 2 ** 52, 2 ** 53 + 2, 1e300, Infinity, 58.5, 1e14 + 0.5])(
    "%p rounds as Math.round rounds it",
    (x) => {
      expect(Object.is(roundHalfUp(x), Math.round(x))).toBe(true);
    },
  );

  test("gives Math.round's double for any number from 0 up, at every magnitude", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, noNaN: true }), (x) => {
        expect(Object.is(roundHalfUp(x), Math.round(x))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  test("gives Math.round's double for a score scaled to its 15 digits, halves included", () => {
    // What excelRound15 rounds: 10^14 to 10^15, whole numbers and halves among them.
    const scaled = fc.oneof(
      fc.double({ min: 1e14, max: 1e15, noNaN: true }),
      fc.integer({ min: 2e14, max: 2e15 }).map((n) => n / 2),
    );
    fc.assert(
      fc.property(scaled, (x) => {
        expect(roundHalfUp(x)).toBe(Math.round(x));
      }),
      { numRuns: 20000 },
    );
  });

  test("excelRound15 rounds as it did with Math.round", () => {
    const withMathRound = (value: number): number => {
      const size = Math.abs(value);
      const decimals = EXCEL_DIGITS - 1 - Math.floor(Math.log10(size));
      if (!(decimals >= 0 && decimals <= 22)) return value;
      const rounded = Math.round(size * 10 ** decimals) / 10 ** decimals;
      return value < 0 ? -rounded : rounded;
    };
    fc.assert(
      fc.property(fc.double({ min: -1e16, max: 1e16, noNaN: true }), (x) => {
        expect(Object.is(excelRound15(x), withMathRound(x))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

describe("numberText and cellText: a number read as a name", () => {
  test.each([
    [1, "1"],
    [2025, "2025"],
    [1.5, "1.5"],
    [0.1 + 0.2, "0.3"],
    [1e21, "1E+21"],
  ])("%p reads as %p", (value, text) => {
    expect(numberText(value)).toBe(text);
    expect(cellText(value)).toBe(text);
  });
});
