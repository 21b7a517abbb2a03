import { ahpWeights, catchCellError, certStatus, CellError, readDate, serialFromDate, todaySerial } from "../../src/core";

describe("dates", () => {
  test("Excel serials: 1900-03-01 is 61, 2026-11-29 is 46355", () => {
    expect(serialFromDate(1900, 3, 1)).toBe(61);
    expect(serialFromDate(2026, 11, 29)).toBe(46355);
    expect(todaySerial(new Date(2026, 10, 29, 23, 59))).toBe(46355);
  });

  test("readDate takes serials (time of day dropped) and ISO texts, refuses other text", () => {
    expect(readDate(46355.75, "expiry")).toBe(46355);
    expect(readDate("2026-11-29", "expiry")).toBe(46355);
    expect(readDate(null, "expiry")).toBeNull();
    expect((catchCellError(() => readDate("29/11/2026", "expiry")) as CellError).message).toBe('expiry must be a date, not "29/11/2026"');
    expect((catchCellError(() => readDate("2026-02-30", "expiry")) as CellError).kind).toBe("value");
  });
});

describe("certStatus", () => {
  const asOf = serialFromDate(2026, 11, 29);
  test("Expired before the day, Expiring within the warning days (inclusive), Active after, None when blank", () => {
    expect(certStatus(asOf - 1, asOf, 60)).toBe("Expired");
    expect(certStatus(asOf, asOf, 60)).toBe("Expiring");
    expect(certStatus(asOf + 60, asOf, 60)).toBe("Expiring");
    expect(certStatus(asOf + 61, asOf, 60)).toBe("Active");
    expect(certStatus(null, asOf, 60)).toBe("None");
  });
});

describe("ahpWeights", () => {
  test("a consistent matrix gives its exact weights and a consistency ratio of 0", () => {
    // Weights 4:2:1 compared pairwise.
    const { weights, consistencyRatio } = ahpWeights([
      [1, 2, 4],
      [0.5, 1, 2],
      [0.25, 0.5, 1],
    ]);
    expect(weights.map((w) => w * 7)).toEqual([expect.closeTo(4, 9), expect.closeTo(2, 9), expect.closeTo(1, 9)]);
    expect(consistencyRatio).toBeCloseTo(0, 9);
  });

  test("Saaty's textbook example: eigenvector weights and CR", () => {
    // Inconsistent judgements: 1 vs 2 = 3, 1 vs 3 = 5, 2 vs 3 = 3 (lambda max ~ 3.039).
    const { weights, consistencyRatio } = ahpWeights([
      [1, 3, 5],
      [null, 1, 3],
      ["1/5", null, null],
    ]);
    expect(weights[0]).toBeCloseTo(0.637, 3);
    expect(weights[1]).toBeCloseTo(0.258, 3);
    expect(weights[2]).toBeCloseTo(0.105, 3);
    expect(consistencyRatio).toBeCloseTo(0.033, 3);
    expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  test.each([
    [[[1, 2]], "The comparison matrix must be square, not 1 x 2"],
    [[[1, 2], [3, 1]], "Comparison row 1, column 2 (2) is not the reciprocal of row 2, column 1 (3)"],
    [[[2, 1], [1, 1]], "compares a criterion with itself and must be 1, not 2"],
    [[[1, null], [null, 1]], "Comparison row 1, column 2 and its mirror are both blank"],
    [[[1, -2], [null, 1]], "Comparison row 1, column 2 must be a positive number from 1/1000 to 1000, not -2"],
    [[[1, "much"], [null, 1]], 'not "much"'],
  ])("bad matrix %p is a #VALUE!", (cells, message) => {
    const result = catchCellError(() => ahpWeights(cells));
    expect(result).toBeInstanceOf(CellError);
    expect((result as CellError).message).toContain(message);
  });
});
