/**
 * Structured references between their outer brackets: what Excel writes is read as the rows
 * and columns it names, and what is written back reads as the same.
 */
import fc from "fast-check";
import {
  closingBracket,
  formatSpecifier,
  parseSpecifier,
  type RowPart,
  type StructuredSpecifier,
} from "../../src/workbook/structuredReference";

describe("structured references", () => {
  it.each<[string, StructuredSpecifier]>([
    ["", { rows: [] }],
    ["#All", { rows: ["all"] }],
    ["Revenue", { rows: [], columns: { first: "Revenue", last: "Revenue" } }],
    ["Deal registrations", { rows: [], columns: { first: "Deal registrations", last: "Deal registrations" } }],
    ["[Min]:[Max]", { rows: [], columns: { first: "Min", last: "Max" } }],
    ["[Weight]", { rows: [], columns: { first: "Weight", last: "Weight" } }],
    ["@", { rows: ["thisRow"] }],
    ["@Revenue", { rows: ["thisRow"], columns: { first: "Revenue", last: "Revenue" } }],
    ["@[Deal registrations]", { rows: ["thisRow"], columns: { first: "Deal registrations", last: "Deal registrations" } }],
    ["[#This Row],[Revenue]:[Fit]", { rows: ["thisRow"], columns: { first: "Revenue", last: "Fit" } }],
    [" [#Headers] , [#Data] , [Weight] ", { rows: ["headers", "data"], columns: { first: "Weight", last: "Weight" } }],
    ["Rev '[USD']", { rows: [], columns: { first: "Rev [USD]", last: "Rev [USD]" } }],
  ])("reads %j", (inner, specifier) => {
    expect(parseSpecifier(inner)).toEqual(specifier);
  });

  it.each(["#Everything", "[Min]:[#Data]", "[Weight],[#All]", "[#This Row],[#Data]", "[#All],[#All]", "@[A],[B]", "[[A]]"])(
    "refuses %j, as Excel does",
    (inner) => expect(parseSpecifier(inner)).toBeUndefined(),
  );

  it("finds the bracket that closes a reference, over nested and escaped brackets", () => {
    expect(closingBracket("T[[#All],[Rev '[USD']]]+1", 1)).toBe(22);
    expect(closingBracket("T[[A]", 1)).toBe(-1);
  });

  it("writes what it reads back as the same rows and columns, whatever the column names", () => {
    const name = fc
      .string({ unit: fc.constantFrom("a", "B", "z", "1", " ", "[", "]", "#", "'", "@", ":", ",", "%", "_", "."), minLength: 1, maxLength: 8 })
      .filter((n) => n.trim() === n);
    const rows = fc.constantFrom<RowPart[]>([], ["all"], ["data"], ["headers"], ["totals"], ["thisRow"], ["headers", "data"], ["data", "totals"]);
    const columns = fc.option(fc.tuple(name, name).map(([first, last]) => ({ first, last })), { nil: undefined });
    fc.assert(
      fc.property(rows, columns, fc.boolean(), (parts, cols, same) => {
        const specifier: StructuredSpecifier = cols ? { rows: parts, columns: same ? { first: cols.first, last: cols.first } : cols } : { rows: parts };
        const written = formatSpecifier(specifier);
        expect(closingBracket(`[${written}]`, 0)).toBe(written.length + 1);
        expect(parseSpecifier(written)).toEqual(specifier);
      }),
      { numRuns: 500 },
    );
  });
});
