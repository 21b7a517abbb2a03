import { deletedTableRows, insertedTableRows } from "./tableRows";
import type { TableExtent } from "./tableReferences";
import type { CellInput } from "./workbook";

/** Partners at A1: a header and four partners (rows 2-5), a name and a formula each. */
const PARTNERS: TableExtent = {
  name: "Partners",
  sheet: "Partners",
  topLeft: { row: 0, col: 0 },
  width: 2,
  height: 5,
};
const contentAt = ({ row, col }: { row: number; col: number }): CellInput =>
  col === 0 ? `P${row}` : `=A${row + 1}&"!"`;
const written = (result: ReturnType<typeof deletedTableRows>) =>
  "error" in result
    ? result.error
    : result.cells.map(
        ({ cell, input }) => `${cell.row}.${cell.col}:${String(input)}`,
      );

describe("deleting rows of a table", () => {
  it("moves the rows below up, formulas with them, empties the last and shortens the table", () => {
    const result = deletedTableRows(PARTNERS, 2, 1, contentAt);
    expect(written(result)).toEqual([
      "2.0:P3",
      '2.1:=A3&"!"',
      "3.0:P4",
      '3.1:=A4&"!"',
      "4.0:null",
      "4.1:null",
    ]);
    expect("after" in result && result.after).toEqual({
      ...PARTNERS,
      height: 4,
    });
  });

  it("deletes several rows at once, the last ones too", () => {
    expect(written(deletedTableRows(PARTNERS, 3, 2, contentAt))).toEqual([
      "3.0:null",
      "3.1:null",
      "4.0:null",
      "4.1:null",
    ]);
    expect(
      written(deletedTableRows(PARTNERS, 1, 2, contentAt)).slice(0, 2),
    ).toEqual(["1.0:P3", '1.1:=A2&"!"']);
  });

  it("refuses the header row and rows outside the table, saying which rows it can delete", () => {
    for (const [first, count] of [
      [0, 1],
      [4, 2],
      [6, 1],
      [2, 0],
    ])
      expect(written(deletedTableRows(PARTNERS, first, count, contentAt))).toBe(
        "Only data rows of the table Partners (rows 2 to 5) can be deleted as table rows",
      );
  });
});

describe("inserting rows into a table", () => {
  const formulaAt = (cell: { row: number; col: number }) => {
    const content = contentAt(cell);
    return typeof content === "string" && content.startsWith("=")
      ? content
      : undefined;
  };
  const empty = (cell: { row: number; col: number }): CellInput =>
    cell.row >= 5 ? null : contentAt(cell);

  it("moves the rows from there down, formulas with them, and gives the new row the calculated formula", () => {
    const result = insertedTableRows(PARTNERS, 3, 1, empty, formulaAt);
    expect(written(result)).toEqual([
      "5.0:P4",
      '5.1:=A6&"!"',
      "4.0:P3",
      '4.1:=A5&"!"',
      "3.0:null",
      '3.1:=A4&"!"',
    ]);
    expect("after" in result && result.after).toEqual({
      ...PARTNERS,
      height: 6,
    });
  });

  it("refuses where rows below the table hold data, or outside its data rows", () => {
    const below = (cell: { row: number; col: number }): CellInput =>
      cell.row === 6 && cell.col === 1 ? "note" : empty(cell);
    expect(written(insertedTableRows(PARTNERS, 1, 2, below, formulaAt))).toBe(
      "Row 7 below the table Partners holds data: move it before inserting rows",
    );
    expect(written(insertedTableRows(PARTNERS, 0, 1, empty, formulaAt))).toBe(
      "Rows are inserted above a data row of the table Partners (rows 2 to 5)",
    );
    expect(
      written(
        insertedTableRows({ ...PARTNERS, height: 1 }, 1, 1, empty, formulaAt),
      ),
    ).toBe(
      "The table Partners has no data rows: type under its header to add one",
    );
  });
});
