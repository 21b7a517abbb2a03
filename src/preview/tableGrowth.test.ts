import { calculatedFills, newColumnHeaders, tableGrowth } from "./tableGrowth";
import type { TableExtent } from "./tableReferences";

/** Partners at B2: a header row and three partners, columns B:E. */
const PARTNERS: TableExtent = {
  name: "Partners",
  sheet: "Partners",
  topLeft: { row: 1, col: 1 },
  width: 4,
  height: 4,
};
const at = (row: number, col: number, sheet = "Partners") => ({
  sheet,
  row,
  col,
});

describe("what joins a table when the user writes below it", () => {
  it("the row right below it, within its columns; a run of such rows", () => {
    expect(tableGrowth([PARTNERS], [at(5, 2)])).toEqual([
      { before: PARTNERS, after: { ...PARTNERS, height: 5 } },
    ]);
    expect(
      tableGrowth([PARTNERS], [at(5, 1), at(6, 4), at(7, 3), at(9, 2)]),
    ).toEqual([{ before: PARTNERS, after: { ...PARTNERS, height: 7 } }]);
  });

  it("never into another table below it", () => {
    const notes = {
      ...PARTNERS,
      name: "Notes",
      topLeft: { row: 6, col: 3 },
      height: 2,
    };
    expect(tableGrowth([PARTNERS, notes], [at(5, 1), at(6, 1)])).toEqual([
      { before: PARTNERS, after: { ...PARTNERS, height: 5 } },
    ]);
    const right = { ...notes, topLeft: { row: 5, col: 1 } };
    expect(tableGrowth([PARTNERS, right], [at(5, 2)])).toEqual([]);
  });

  it("the column right after it, within its rows (header row included); a run of such columns", () => {
    expect(tableGrowth([PARTNERS], [at(1, 5)])).toEqual([
      { before: PARTNERS, after: { ...PARTNERS, width: 5 } },
    ]);
    expect(tableGrowth([PARTNERS], [at(3, 5), at(2, 6), at(4, 8)])).toEqual([
      { before: PARTNERS, after: { ...PARTNERS, width: 6 } },
    ]);
  });

  it("nothing two rows down or two columns along, left of it, inside it, or on another sheet", () => {
    for (const cell of [
      at(6, 2),
      at(5, 0),
      at(5, 5),
      at(3, 2),
      at(2, 6),
      at(0, 5),
      at(5, 2, "Sheet1"),
    ])
      expect(tableGrowth([PARTNERS], [cell])).toEqual([]);
  });
});

describe("the formulas a grown table's new rows get", () => {
  const growth = { before: PARTNERS, after: { ...PARTNERS, height: 6 } };
  /** Column C (2): the same structured formula in every row; D (3): relative A1 formulas; E (4): values. */
  const formulas = (cell: { row: number; col: number }): string | undefined =>
    cell.col === 2
      ? "=PRM.PARTNERSCORE([@Revenue],Criteria[#All])"
      : cell.col === 3
        ? `=B${cell.row + 1}*2`
        : undefined;

  it("a calculated column's formula, moved to each new row", () => {
    expect(calculatedFills(growth, formulas, () => false)).toEqual([
      { cell: at(5, 2), text: "=PRM.PARTNERSCORE([@Revenue],Criteria[#All])" },
      { cell: at(6, 2), text: "=PRM.PARTNERSCORE([@Revenue],Criteria[#All])" },
      { cell: at(5, 3), text: "=B6*2" },
      { cell: at(6, 3), text: "=B7*2" },
    ]);
  });

  it("not where the user wrote, nor in a column whose rows differ", () => {
    const mixed = (cell: { row: number; col: number }) =>
      cell.col === 3 && cell.row === 2 ? "=B3*3" : formulas(cell);
    const written = (cell: { row: number; col: number }) =>
      cell.row === 5 && cell.col === 2;
    expect(calculatedFills(growth, mixed, written)).toEqual([
      { cell: at(6, 2), text: "=PRM.PARTNERSCORE([@Revenue],Criteria[#All])" },
    ]);
  });

  it("nothing for a table that had no data rows", () => {
    const headerOnly = { ...PARTNERS, height: 1 };
    expect(
      calculatedFills(
        { before: headerOnly, after: { ...headerOnly, height: 2 } },
        formulas,
        () => false,
      ),
    ).toEqual([]);
  });
});

describe("the headers of a table's new columns", () => {
  const growth = { before: PARTNERS, after: { ...PARTNERS, width: 7 } };

  it("are Column1, Column2... where none was typed, skipping names the table has", () => {
    const headers: Record<number, string> = {
      1: "Partner",
      2: "column1",
      3: "Type",
      4: "Score",
      6: "Region",
    };
    const headerAt = (cell: { col: number }) => headers[cell.col] ?? "";
    expect(newColumnHeaders(growth, headerAt, () => false)).toEqual([
      { cell: at(1, 5), text: "Column2" },
      { cell: at(1, 7), text: "Column3" },
    ]);
    // A header the user typed in this edit is theirs.
    expect(
      newColumnHeaders(growth, headerAt, (cell) => cell.col === 5),
    ).toEqual([{ cell: at(1, 7), text: "Column2" }]);
  });
});
