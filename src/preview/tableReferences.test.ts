import {
  absoluteRange,
  cellName,
  columnIndex,
  columnLetters,
  parseCellName,
} from "./a1";
import {
  TableRegistry,
  translateTableReferences,
  type TableExtent,
} from "./tableReferences";

const criteria: TableExtent = {
  name: "Criteria",
  sheet: "Scorecard",
  topLeft: { row: 0, col: 0 },
  width: 10,
  height: 8,
};
const tiers: TableExtent = {
  name: "Tiers",
  sheet: "Scorecard",
  topLeft: { row: 0, col: 11 },
  width: 3,
  height: 5,
};
const spaced: TableExtent = {
  name: "Deals",
  sheet: "Q1 deals",
  topLeft: { row: 2, col: 1 },
  width: 2,
  height: 1,
};

function lookup(name: string): TableExtent | undefined {
  return [criteria, tiers, spaced].find(
    (t) => t.name.toLowerCase() === name.toLowerCase(),
  );
}

describe("A1 addresses", () => {
  it("names columns past Z the way Excel does", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual([
      "A",
      "Z",
      "AA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
    expect(["A", "z", "AA", "XFD"].map(columnIndex)).toEqual([
      0, 25, 26, 16383,
    ]);
  });

  it("reads and writes cell names, absolute or not", () => {
    expect(parseCellName("$C$2")).toEqual({ row: 1, col: 2 });
    expect(cellName({ row: 9, col: 27 })).toBe("AB10");
    expect(() => parseCellName("C0")).toThrow(RangeError);
  });

  it("quotes sheet names that are not plain words", () => {
    expect(absoluteRange("Q1 deals", { row: 0, col: 0 }, 2, 2)).toBe(
      "'Q1 deals'!$A$1:$B$2",
    );
    expect(absoluteRange("Bob's", { row: 0, col: 0 }, 1, 1)).toBe(
      "'Bob''s'!$A$1:$A$1",
    );
    expect(absoluteRange("Q1", { row: 0, col: 0 }, 1, 1)).toBe(
      "'Q1'!$A$1:$A$1",
    );
    expect(absoluteRange("Scorecard", { row: 0, col: 0 }, 8, 10)).toBe(
      "Scorecard!$A$1:$J$8",
    );
  });
});

describe("translateTableReferences", () => {
  it("turns Criteria[#All] and Tiers (the data body) into absolute ranges", () => {
    const { formula, tables } = translateTableReferences(
      "=PRM.PARTNERTIER(J2,Tiers,C2:I2,Criteria[#All])",
      lookup,
    );
    expect(formula).toBe(
      "=PRM.PARTNERTIER(J2,Scorecard!$L$2:$N$5,C2:I2,Scorecard!$A$1:$J$8)",
    );
    expect(tables.sort()).toEqual(["criteria", "tiers"]);
  });

  it("knows #Data, #Headers and [] and ignores the case of names and specifiers", () => {
    expect(
      translateTableReferences(
        "=COUNTA(criteria[#headers])+ROWS(CRITERIA[#DATA])+ROWS(Tiers[])",
        lookup,
      ).formula,
    ).toBe(
      "=COUNTA(Scorecard!$A$1:$J$1)+ROWS(Scorecard!$A$2:$J$8)+ROWS(Scorecard!$L$2:$N$5)",
    );
  });

  it("leaves text, sheet names, function names and unknown specifiers alone", () => {
    const untouched = [
      '=PRM.PARTNERSCORE(C2:I2,"Criteria",B2)',
      "=Tiers!A1+'Criteria'!B2",
      "=CRITERIA(1)",
      "=Criteria[Weight]",
      "=MyCriteria+Criteria2",
    ];
    for (const formula of untouched)
      expect(translateTableReferences(formula, lookup)).toEqual({
        formula,
        tables: [],
      });
  });

  it("gives #REF! for the data body of a table without data rows, and quotes odd sheet names", () => {
    expect(
      translateTableReferences("=ROWS(Deals)+ROWS(Deals[#All])", lookup)
        .formula,
    ).toBe("=ROWS(#REF!)+ROWS('Q1 deals'!$B$3:$C$3)");
  });
});

describe("TableRegistry", () => {
  it("finds the table under a cell, header included, and keeps its own copies", () => {
    const registry = new TableRegistry();
    registry.define(criteria);
    expect(registry.at("Scorecard", { row: 0, col: 9 })?.name).toBe("Criteria");
    expect(registry.at("Scorecard", { row: 8, col: 0 })).toBeUndefined();
    expect(registry.at("Partners", { row: 1, col: 1 })).toBeUndefined();
    registry.get("criteria")!.topLeft.row = 50;
    expect(registry.get("CRITERIA")?.topLeft.row).toBe(0);
  });

  it("refuses names Excel refuses", () => {
    expect(() =>
      new TableRegistry().define({ ...criteria, name: "1st table" }),
    ).toThrow(/not a valid table name/);
  });
});
