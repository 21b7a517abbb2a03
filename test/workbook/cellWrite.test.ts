import { tableRectangle, wouldBeReinterpreted, writtenCell } from "../../src/workbook/cellWrite";

describe("writtenCell", () => {
  it("writes blanks as empty text, since a null in Range.values keeps the old content", () => {
    expect(writtenCell(null)).toBe("");
    expect(writtenCell(undefined)).toBe("");
  });

  it("writes numbers and booleans as they are", () => {
    expect(writtenCell(0)).toBe(0);
    expect(writtenCell(-2.5)).toBe(-2.5);
    expect(writtenCell(true)).toBe(true);
  });

  it("keeps ordinary text as it is", () => {
    for (const text of ["Revenue", "Low=0; Medium=50; High=100", "Accreditation >= Gold", "Weight (Reseller)", "n/a", ""]) {
      expect(writtenCell(text)).toBe(text);
    }
  });

  it("quotes text Excel would turn into a formula, number, date or boolean", () => {
    for (const text of ["=HYPERLINK(\"x\")", "+1", "-", "@x", "'quoted", "50", "0012", "25%", "1/2", "2026-01-31", "12:30", "$1,000", "TRUE", "false", "1e5"]) {
      expect(wouldBeReinterpreted(text)).toBe(true);
      expect(writtenCell(text)).toBe(`'${text}`);
    }
  });

  it("refuses what is not a cell value", () => {
    expect(() => writtenCell(NaN)).toThrow(RangeError);
    expect(() => writtenCell(Infinity)).toThrow(RangeError);
    expect(() => writtenCell({})).toThrow(TypeError);
    expect(() => writtenCell(new Date())).toThrow(TypeError);
  });
});

describe("tableRectangle", () => {
  it("is the header then the rows, every cell written", () => {
    expect(tableRectangle("Tiers", { header: ["Tier", "Min score", "Note"], rows: [["Gold", 70, null], ["Silver", "50", "=x"]] })).toEqual([
      ["Tier", "Min score", "Note"],
      ["Gold", 70, ""],
      ["Silver", "'50", "'=x"],
    ]);
  });

  it("keeps one blank row for a table without rows: an Excel table always has one", () => {
    expect(tableRectangle("Tiers", { header: ["Tier", "Min score"], rows: [] })).toEqual([["Tier", "Min score"], ["", ""]]);
  });

  it("refuses rows that do not match the header", () => {
    expect(() => tableRectangle("Tiers", { header: ["Tier", "Min score"], rows: [["Gold"]] })).toThrow(/Row 1 of the Tiers table has 1 cells for 2 columns/);
  });

  it("refuses blank and repeated column names, which Excel would rename", () => {
    expect(() => tableRectangle("Criteria", { header: ["Criterion", " "], rows: [] })).toThrow(/column 2 has no name/);
    expect(() => tableRectangle("Criteria", { header: ["Weight", "weight"], rows: [] })).toThrow(/two columns named "weight"/);
    expect(() => tableRectangle("Criteria", { header: [], rows: [] })).toThrow(/at least one column/);
  });
});
