import fc from "fast-check";
import {
  absoluteRange,
  cellName,
  columnIndex,
  columnLetters,
  parseCellName,
} from "./a1";
import {
  contains,
  renameColumnReferences,
  TableRegistry,
  translateTableReferences,
  type TableLayout,
  type TableLookup,
} from "./tableReferences";
import { sampleTables } from "../workbook/sample";

/** The sample's Criteria header, at Scorecard!A1:J8. */
const criteria: TableLayout = {
  name: "Criteria",
  sheet: "Scorecard",
  topLeft: { row: 0, col: 0 },
  width: 10,
  height: 8,
  columns: sampleTables(0)[0].header.map(String),
};
const tiers: TableLayout = {
  name: "Tiers",
  sheet: "Scorecard",
  topLeft: { row: 0, col: 11 },
  width: 3,
  height: 5,
  columns: ["Tier", "Min score", "Requires"],
};
const spaced: TableLayout = {
  name: "Deals",
  sheet: "Q1 deals",
  topLeft: { row: 2, col: 1 },
  width: 2,
  height: 1,
  columns: ["Deal", "Rev [USD]"],
};
/** Partners!B4:F34: a header row and 30 partners. */
const partners: TableLayout = {
  name: "Partners",
  sheet: "Partners",
  topLeft: { row: 3, col: 1 },
  width: 5,
  height: 31,
  columns: ["Partner", "Revenue", "Deal registrations", "Fit", "Score"],
};
const known = [criteria, tiers, spaced, partners];

const lookup: TableLookup = {
  named: (name) =>
    known.find((t) => t.name.toLowerCase() === name.toLowerCase()),
  at: (sheet, position) =>
    known.find((t) => t.sheet === sheet && contains(t, position)),
};

/** A cell of the Partners table's Score column, on the row of partner `n` (1-based). */
function scoreCell(n: number) {
  return { sheet: "Partners", row: 3 + n, col: 5 };
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
      "'Bob''s'!$A$1",
    );
    expect(absoluteRange("Q1", { row: 0, col: 0 }, 1, 1)).toBe("'Q1'!$A$1");
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

  it("turns column references into the column's cells, in any part of the table", () => {
    const translated = (formula: string) =>
      translateTableReferences(formula, lookup).formula;
    expect(translated("=SUM(Criteria[Weight])")).toBe(
      "=SUM(Scorecard!$H$2:$H$8)",
    );
    expect(translated("=Criteria[[Min]:[Max]]+criteria[[max]:[MIN]]")).toBe(
      "=Scorecard!$E$2:$F$8+Scorecard!$E$2:$F$8",
    );
    expect(
      translated(
        "=ROWS(Criteria[[#All],[Weight (Reseller)]])+ROWS(Tiers[[#Headers],[Tier]:[Requires]])",
      ),
    ).toBe("=ROWS(Scorecard!$I$1:$I$8)+ROWS(Scorecard!$L$1:$N$1)");
    expect(translated("=Tiers[[#Headers],[#Data],[Min score]]")).toBe(
      "=Scorecard!$M$1:$M$5",
    );
    expect(translated("=Tiers[Min score]")).toBe("=Scorecard!$M$2:$M$5");
  });

  it("turns this row (@, or #This Row as files write it) into the formula's own row", () => {
    const at = (formula: string, cell = scoreCell(2)) =>
      translateTableReferences(formula, lookup, cell);
    expect(
      at("=PRM.PARTNERSCORE(Partners[@[Revenue]:[Fit]],Criteria)").formula,
    ).toBe("=PRM.PARTNERSCORE(Partners!$C$6:$E$6,Scorecard!$A$2:$J$8)");
    expect(at("=Partners[[#This Row],[Revenue]:[Fit]]").formula).toBe(
      "=Partners!$C$6:$E$6",
    );
    // Inside a table, a reference may leave out the table's name.
    expect(at("=[@Revenue]*2+[@[Deal registrations]]").formula).toBe(
      "=Partners!$C$6*2+Partners!$D$6",
    );
    expect(at("=SUM([Revenue])+COUNTA([@])", scoreCell(30))).toMatchObject({
      formula: "=SUM(Partners!$C$5:$C$34)+COUNTA(Partners!$B$34:$F$34)",
      tables: ["partners"],
      problems: [],
    });
  });

  it("gives #VALUE! for this row outside the table's data rows, and leaves [@x] outside any table alone", () => {
    const header = { sheet: "Partners", row: 3, col: 5 };
    expect(translateTableReferences("=Partners[@Fit]", lookup, header)).toEqual(
      {
        formula: "=#VALUE!",
        tables: ["partners"],
        problems: [
          "Partners[@Fit]: this row (@) is not a data row of Partners",
        ],
      },
    );
    const elsewhere = { sheet: "Partners", row: 1, col: 9 };
    expect(translateTableReferences("=[@Fit]", lookup, elsewhere)).toEqual({
      formula: "=[@Fit]",
      tables: [],
      problems: [],
    });
  });

  it("gives #REF! and says why for a column the table does not have, or its totals row", () => {
    expect(
      translateTableReferences("=SUM(Criteria[Wieght])+Tiers[#Totals]", lookup),
    ).toEqual({
      formula: "=SUM(#REF!)+#REF!",
      tables: ["criteria", "tiers"],
      problems: [
        'Criteria[Wieght]: Criteria has no column "Wieght"',
        "Tiers[#Totals]: Tiers has no totals row",
      ],
    });
  });

  it("reads ' as the escape of a bracket in a column name", () => {
    expect(
      translateTableReferences("=Deals[[#Headers],[Rev '[USD']]]", lookup)
        .formula,
    ).toBe("='Q1 deals'!$C$3");
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

  it("leaves text, sheet names, function names, external references and malformed specifiers alone", () => {
    const untouched = [
      '=PRM.PARTNERSCORE(C2:I2,"Criteria",B2)',
      "=Tiers!A1+'Criteria'!B2",
      "=CRITERIA(1)",
      "=MyCriteria+Criteria2",
      "=Criteria[#Everything]",
      "=Criteria[[Weight]",
      "=Criteria[[Min]:[#Data]]",
      "=Criteria[[Weight],[#All]]",
      "=Criteria[[#This Row],[#Data]]",
      "=[1]Scores!A1+[Book.xlsx]'Q1 deals'!A1",
    ];
    for (const formula of untouched)
      expect(translateTableReferences(formula, lookup, scoreCell(1))).toEqual({
        formula,
        tables: [],
        problems: [],
      });
  });

  it("gives #REF! for the data body of a table without data rows, and quotes odd sheet names", () => {
    expect(
      translateTableReferences("=ROWS(Deals)+ROWS(Deals[#All])", lookup)
        .formula,
    ).toBe("=ROWS(#REF!)+ROWS('Q1 deals'!$B$3:$C$3)");
    expect(translateTableReferences("=Deals[Deal]", lookup).problems).toEqual([
      "Deals[Deal]: Deals has no data rows",
    ]);
  });
});

describe("renameColumnReferences", () => {
  const rename = (formula: string, cell = scoreCell(2)) =>
    renameColumnReferences(formula, lookup, cell, {
      tableName: "partners",
      from: "Revenue",
      to: "Sales (EUR)",
    });

  it("names the renamed column anew in every form of reference to it", () => {
    expect(
      rename(
        "=SUM(Partners[revenue])+Partners[@Revenue]+[@[Revenue]:[Fit]]+Partners[[#This Row],[Partner]:[Revenue]]",
      ),
    ).toBe(
      "=SUM(Partners[Sales (EUR)])+Partners[@[Sales (EUR)]]+[@[Sales (EUR)]:[Fit]]+Partners[@[Partner]:[Sales (EUR)]]",
    );
  });

  it("leaves other tables, other columns, texts and whole-table references as written", () => {
    const untouched =
      '=Criteria[Revenue]+Partners[ Fit ]+Partners+Partners[#All]+"Partners[Revenue]"+[1]Partners!A1';
    expect(rename(untouched)).toBe(untouched);
    // Outside the table, [@Revenue] names no table: nothing to rename.
    expect(rename("=[@Revenue]", { sheet: "Partners", row: 1, col: 9 })).toBe(
      "=[@Revenue]",
    );
  });
});

describe("formulas of any text", () => {
  it("are translated and renamed without throwing, and text naming no table stays as it is", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "[",
        "]",
        "'",
        '"',
        "@",
        "#",
        ",",
        ":",
        "!",
        "(",
        ")",
        "=",
        " ",
        "1",
        "a",
        "Partners",
        "Criteria",
        "[@Revenue]",
        "[#This Row]",
        "[1]",
        "Sheet1!",
      ),
      maxLength: 30,
    });
    fc.assert(
      fc.property(text, (formula) => {
        // Inside the Partners table, where [@Revenue] and [#This Row] are references.
        expect(() => {
          translateTableReferences(formula, lookup, scoreCell(3));
          renameColumnReferences(formula, lookup, scoreCell(3), {
            tableName: "partners",
            from: "Revenue",
            to: "Sales",
          });
        }).not.toThrow();
        const outsideAnyTable = { sheet: "Elsewhere", row: 0, col: 0 };
        if (!/partners|criteria/i.test(formula))
          expect(
            translateTableReferences(formula, lookup, outsideAnyTable).formula,
          ).toBe(formula);
      }),
      { numRuns: 2000 },
    );
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
