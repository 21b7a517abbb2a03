import { distinctHeaders, freeHeaderName } from "./tableHeaders";
import { Workbook } from "./workbook";

const table = {
  name: "Partners",
  sheet: "Partners",
  topLeft: { row: 0, col: 0 },
  width: 3,
  height: 3,
};
const headers: Record<number, string> = {
  0: "Partner",
  1: "Revenue",
  2: "Fit",
};
const headerAt = (cell: { col: number }) => headers[cell.col] ?? "";
const at = (col: number, row = 0) => ({ sheet: "Partners", row, col });

describe("table headers stay distinct, as Excel keeps them", () => {
  it("appends the first free number from 2, ignoring case", () => {
    expect(freeHeaderName("Revenue", new Set(["revenue"]))).toBe("Revenue2");
    expect(freeHeaderName("Revenue", new Set(["revenue", "revenue2"]))).toBe(
      "Revenue3",
    );
    expect(freeHeaderName("Region", new Set(["revenue"]))).toBe("Region");
  });

  it("renames a header written over a name the table already has, and two equal ones written together", () => {
    const out = distinctHeaders(
      [table],
      [{ cell: at(2), text: "revenue" }],
      headerAt,
    );
    expect(out.map((e) => e.text)).toEqual(["revenue2"]);
    const both = distinctHeaders(
      [table],
      [
        { cell: at(2), text: "Score" },
        { cell: at(1), text: "Score" },
      ],
      headerAt,
    );
    // Left to right: B1 keeps the name, C1 is renamed.
    expect(both.map((e) => `${e.cell.col}:${e.text}`)).toEqual([
      "2:Score2",
      "1:Score",
    ]);
  });

  it("leaves the header's own name, data rows, blank headers and other tables' cells as they are", () => {
    const entries = [
      { cell: at(1), text: "Revenue" },
      { cell: at(0, 1), text: "Revenue" },
      { cell: at(2), text: "" },
      { cell: { sheet: "Other", row: 0, col: 2 }, text: "Partner" },
    ];
    expect(distinctHeaders([table], entries, headerAt)).toEqual(entries);
  });

  it("in the browser workbook, a pasted header row is renamed and its table column follows", () => {
    const workbook = new Workbook(["Partners"]);
    workbook.enterAll(
      ["Partner", "Revenue", "Fit"].map((text, col) => ({
        cell: at(col),
        text,
      })),
    );
    workbook.setTable(table);
    workbook.enterAll([
      { cell: at(1), text: "Fit" },
      { cell: at(2), text: "Fit" },
    ]);
    expect([0, 1, 2].map((col) => workbook.cell(at(col)).input)).toEqual([
      "Partner",
      "Fit",
      "Fit2",
    ]);
  });
});
