/** Names for the sheets the add-in adds: valid for Excel, and never one a sheet already has. */
import { freeSheetName, validSheetName } from "../../src/workbook/sheetNames";

describe("sheet names", () => {
  it("replaces the characters Excel refuses and cuts to 31 characters", () => {
    expect(validSheetName("Q3: A/B [draft]?*\\")).toBe("Q3- A-B -draft----");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("A very long partner name, Incorporated 2026-05-01")).toHaveLength(31);
    expect(validSheetName(" :: ".replace(/:/g, "'"))).toBe("Sheet");
  });

  it("numbers a taken name (any case), keeping within 31 characters", () => {
    expect(freeSheetName("Scores", ["Sheet1"])).toBe("Scores");
    expect(freeSheetName("Scores", ["scores", "Scores (2)"])).toBe("Scores (3)");
    const long = "Northwind Traders Europe 2026-05-01";
    const first = freeSheetName(long, []);
    const second = freeSheetName(long, [first]);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(31);
  });
});
