import {
  cellAddress,
  columnIndex,
  columnLetters,
  offsetCell,
  parseCell,
  rangeAddress,
  tableAddress,
} from "../../src/workbook/address";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s, and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it("round-trips every column of a sheet", () => {
    for (let i = 0; i <= 16383; i++) expect(columnIndex(columnLetters(i))).toBe(i);
  });

  it("refuses columns outside the sheet", () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
    expect(() => columnLetters(16384)).toThrow(RangeError);
    expect(() => columnLetters(1.5)).toThrow(RangeError);
    expect(() => columnIndex("XFE")).toThrow(RangeError);
    expect(() => columnIndex("A1")).toThrow(RangeError);
  });
});

describe("cell addresses", () => {
  it("reads and writes A1 addresses, 0-based inside", () => {
    expect(parseCell("A1")).toEqual({ row: 0, column: 0 });
    expect(parseCell("m12")).toEqual({ row: 11, column: 12 });
    expect(cellAddress({ row: 30, column: 9 })).toBe("J31");
    expect(cellAddress(offsetCell(parseCell("B2"), 1, 2))).toBe("D3");
  });

  it("refuses what is not a single cell", () => {
    for (const bad of ["", "A0", "1A", "A1:B2", "$A$1", "Sheet1!A1", "A1048577"]) {
      expect(() => parseCell(bad)).toThrow(RangeError);
    }
  });
});

describe("range addresses", () => {
  it("spans rows x columns from the top-left cell", () => {
    expect(rangeAddress("A1", 31, 10)).toBe("A1:J31");
    expect(rangeAddress("M1", 5, 3)).toBe("M1:O5");
    expect(rangeAddress({ row: 1, column: 2 }, 1, 1)).toBe("C2");
  });

  it("refuses an empty range", () => {
    expect(() => rangeAddress("A1", 0, 3)).toThrow(RangeError);
    expect(() => rangeAddress("A1", 2, 0)).toThrow(RangeError);
  });

  it("gives a table's range: header plus rows", () => {
    expect(tableAddress({ topLeft: "A1", header: ["a", "b"], rows: [[1, 2], [3, 4]] })).toBe("A1:B3");
    expect(tableAddress({ topLeft: "B5", header: ["a"], rows: [] })).toBe("B5");
  });
});
