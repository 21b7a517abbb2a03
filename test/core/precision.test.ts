/**
 * Numbers as Excel keeps them: 15 significant digits (Microsoft: "Floating-point arithmetic
 * may give inaccurate results in Excel"), and a number's text as Excel writes it (`=A1&""`).
 */
import fc from "fast-check";
import { cellText, excelRound15, numberText } from "../../src/core";

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
