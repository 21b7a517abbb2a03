/**
 * The evaluation date and the 1904 date system (Microsoft, "Date systems in Excel": a 1904
 * workbook numbers each day 1,462 lower). A custom function cannot read the workbook's date
 * system, so what is right in both systems is what compares serial with serial, and a date
 * written as =DATE(...), which Excel evaluates in the workbook's own system.
 */
import { certStatus, serialFromDate } from "../../src/core";
import { evaluationDateFormula } from "../../src/workbook/evaluationDate";

const OFFSET_1904 = 1462;

describe("the evaluation date", () => {
  it("is written as a DATE formula of the day, not as a 1900-system serial", () => {
    expect(evaluationDateFormula(serialFromDate(2026, 6, 1))).toBe("=DATE(2026,6,1)");
    expect(evaluationDateFormula(serialFromDate(2028, 12, 31))).toBe("=DATE(2028,12,31)");
  });

  it("CERTSTATUS with an asof gives the same status in a 1904 workbook, whose serials are 1,462 lower", () => {
    const asOf = serialFromDate(2026, 6, 1);
    for (const [expiresIn, status] of [[-1, "Expired"], [0, "Expiring"], [60, "Expiring"], [61, "Active"]] as const) {
      expect(certStatus(asOf + expiresIn, asOf, 60)).toBe(status);
      expect(certStatus(asOf + expiresIn - OFFSET_1904, asOf - OFFSET_1904, 60)).toBe(status);
    }
  });
});
