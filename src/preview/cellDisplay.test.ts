import {
  displayOf,
  formatNumber,
  generalNumber,
  serialToIsoDate,
} from "./cellDisplay";
import type { CellState } from "./workbook";

const cell = (value: CellState["value"], numberType?: string): CellState => ({
  value,
  numberType,
  input: "",
  spilled: false,
});

describe("cell display", () => {
  it("shows numbers in General format", () => {
    expect([0, 12, -3.5, 63.333333333333336, 1 / 3].map(generalNumber)).toEqual(
      ["0", "12", "-3.5", "63.33333333", "0.3333333333"],
    );
    expect(generalNumber(123456789012)).toBe("1.23457E+11");
    expect(generalNumber(1e12)).toBe("1E+12");
  });

  it("applies the sample's number formats", () => {
    expect(formatNumber(72.449, "0.0")).toBe("72.4");
    expect(formatNumber(1850000, "#,##0")).toBe("1,850,000");
    expect(formatNumber(45838, "yyyy-mm-dd")).toBe("2025-06-30");
    expect(formatNumber(0.5, "[Red]0%")).toBe("0.5");
  });

  it("reads Excel serial days, 1899-12-30 being day 0", () => {
    expect(serialToIsoDate(1)).toBe("1899-12-31");
    expect(serialToIsoDate(45658.75)).toBe("2025-01-01");
  });

  it("shows errors by code with the message on hover, booleans in capitals, typed dates as dates", () => {
    expect(
      displayOf(
        cell({
          error: "#VALUE!",
          message: 'Profile "Nope" has no Weight (Nope) column',
        }),
      ),
    ).toEqual({
      text: "#VALUE!",
      kind: "error",
      title: '#VALUE! Profile "Nope" has no Weight (Nope) column',
    });
    expect(displayOf(cell({ error: "#N/A", message: "" })).title).toBe("#N/A");
    expect(displayOf(cell(true)).text).toBe("TRUE");
    expect(displayOf(cell(45838, "NUMBER_DATE")).text).toBe("2025-06-30");
    expect(displayOf(cell(0.25, "NUMBER_PERCENT")).text).toBe("25%");
    expect(displayOf(cell(null))).toEqual({ text: "", kind: "empty" });
  });
});
