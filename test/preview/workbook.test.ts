/**
 * The browser workbook's engine with the real build: dist/functions.js and functions.json
 * loaded into the custom-functions host and registered with HyperFormula (run npm run build first).
 */
import { CRITERIA, STRONG, TIERS, WEAK } from "../fixtures";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import {
  BLANK,
  ExcelError,
  type CustomFunctionsHost,
} from "../../src/host";
import { registerCustomFunctions } from "../../src/preview/customFunctionsPlugin";
import { Workbook, type CellInput } from "../../src/preview/workbook";

let host: CustomFunctionsHost;
beforeAll(() => {
  host = loadBuiltFunctions();
  registerCustomFunctions(host);
});

/** A workbook with the fixture's Criteria at Scorecard!A1, Tiers at Scorecard!K1 and two partners. */
function scorecardWorkbook(): Workbook {
  const workbook = new Workbook(["Partners", "Scorecard"]);
  const put = (sheet: string, row0: number, col0: number, rows: unknown[][]) =>
    rows.forEach((row, r) =>
      row.forEach((v, c) =>
        workbook.write({ sheet, row: row0 + r, col: col0 + c }, v as CellInput),
      ),
    );
  workbook.batch(() => {
    put("Scorecard", 0, 0, CRITERIA);
    put("Scorecard", 0, 10, TIERS);
    put("Partners", 0, 0, [
      ["Partner", ...CRITERIA.slice(1).map((c) => c[0])],
      ["Strong", ...STRONG],
      ["Weak", ...WEAK],
    ]);
  });
  workbook.setTable({
    name: "Criteria",
    sheet: "Scorecard",
    topLeft: { row: 0, col: 0 },
    width: CRITERIA[0].length,
    height: CRITERIA.length,
  });
  workbook.setTable({
    name: "Tiers",
    sheet: "Scorecard",
    topLeft: { row: 0, col: 10 },
    width: 3,
    height: TIERS.length,
  });
  return workbook;
}

/** The fixture's partners (header in Partners!A1, criteria values in B:G) as the table Partners. */
function partnersTable(height: number) {
  return {
    name: "Partners",
    sheet: "Partners",
    topLeft: { row: 0, col: 0 },
    width: CRITERIA.length,
    height,
  };
}

const at = (sheet: string, name: string) => {
  const match = /^([A-Z]+)(\d+)$/.exec(name)!;
  return { sheet, row: Number(match[2]) - 1, col: match[1].charCodeAt(0) - 65 };
};

describe("PRM functions in the browser workbook", () => {
  it("computes what the host computes for the same cells", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
    const expected = host.call(
      "PRM.PARTNERSCORE",
      [STRONG as never[]],
      CRITERIA as never[][],
    ) as number[][];
    expect(workbook.cell(at("Partners", "I2")).value).toBeCloseTo(
      expected[0][0],
      10,
    );
    expect(workbook.cell(at("Partners", "I2")).input).toBe(
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
  });

  it("spills one score per partner row, and the tiers and next tiers beside them", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=prm.partnerscore(B2:G3, Criteria[#All])",
    );
    workbook.write(
      at("Partners", "J2"),
      "=PRM.PARTNERTIER(I2:I3,Tiers[#All],B2:G3,Criteria[#All])",
    );
    workbook.write(
      at("Partners", "K2"),
      "=PRM.NEXTTIER(I2:I3,Tiers,B2:G3,Criteria[#All])",
    );
    const scores = host.call(
      "PRM.PARTNERSCORE",
      [STRONG, WEAK] as never[][],
      CRITERIA as never[][],
    ) as number[][];
    expect(workbook.cell(at("Partners", "I3")).value).toBeCloseTo(
      scores[1][0],
      10,
    );
    expect(workbook.cell(at("Partners", "I3")).spilled).toBe(true);
    expect(workbook.spillAnchorOf(at("Partners", "I3"))).toEqual({
      row: 1,
      col: 8,
    });
    expect(workbook.cell(at("Partners", "J3")).value).toBe("Registered");
    // NEXTTIER spills three columns: tier, points short, unmet requirements.
    expect(typeof workbook.cell(at("Partners", "L3")).value).toBe("number");
    expect(workbook.cell(at("Partners", "M2")).spilled).toBe(true);
    expect(workbook.cell(at("Partners", "N2")).spilled).toBe(false);
  });

  it("shows an error per cell with the function's message when each partner row fails", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      '=PRM.PARTNERSCORE(B2:G3,Criteria[#All],"Nope")',
    );
    const expected = host.call(
      "PRM.PARTNERSCORE",
      [STRONG, WEAK] as never[][],
      CRITERIA as never[][],
      "Nope",
    ) as ExcelError[][];
    expect(expected[1][0]).toBeInstanceOf(ExcelError);
    expect(expected[1][0].message).toMatch(/Nope/);
    for (const cell of ["I2", "I3"]) {
      expect(workbook.cell(at("Partners", cell)).value).toEqual({
        error: "#VALUE!",
        message: expected[1][0].message,
      });
    }
  });

  it("shows an error of the whole call in the anchor cell only, as Excel does", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:F3,Criteria[#All])",
    );
    const expected = host.call(
      "PRM.PARTNERSCORE",
      [STRONG.slice(0, 5), WEAK.slice(0, 5)] as never[][],
      CRITERIA as never[][],
    );
    expect(expected).toBeInstanceOf(ExcelError);
    expect(workbook.cell(at("Partners", "I2")).value).toEqual({
      error: "#VALUE!",
      message: (expected as ExcelError).message,
    });
    expect(workbook.cell(at("Partners", "I3")).value).toBeNull();
  });

  it("passes blank cells as blanks (missing values are skipped) and an empty argument as omitted", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "C2"), null);
    workbook.write(
      at("Partners", "I2"),
      '=PRM.PARTNERSCORE(B2:G2,Criteria[#All],,"zero")',
    );
    workbook.write(
      at("Partners", "J2"),
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
    const row = [...STRONG];
    row[1] = null as never;
    const zero = host.call(
      "PRM.PARTNERSCORE",
      [row] as never[][],
      CRITERIA as never[][],
      undefined,
      "zero",
    ) as number[][];
    const skip = host.call(
      "PRM.PARTNERSCORE",
      [row] as never[][],
      CRITERIA as never[][],
    ) as number[][];
    expect(zero[0][0]).not.toBeCloseTo(skip[0][0], 3);
    expect(workbook.cell(at("Partners", "I2")).value).toBeCloseTo(
      zero[0][0],
      10,
    );
    expect(workbook.cell(at("Partners", "J2")).value).toBeCloseTo(
      skip[0][0],
      10,
    );
  });

  it("passes a blank cell of a range as the workbook's host passes blanks", () => {
    // A host of an older desktop build, where a blank arrives as 0: the grid reads its ranges
    // itself (src/preview/rangeArgument.ts) and must still pass each blank as the host does.
    const olderBuild = loadBuiltFunctions({ blankAs: 0 });
    registerCustomFunctions(olderBuild);
    try {
      const workbook = scorecardWorkbook();
      workbook.write(at("Partners", "C2"), null);
      workbook.write(at("Partners", "I2"), "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])");
      const row = [...STRONG] as unknown[];
      row[1] = BLANK;
      const args = [[row], CRITERIA] as never[][][];
      const asZero = olderBuild.call("PRM.PARTNERSCORE", ...args) as number[][];
      const asNull = host.call("PRM.PARTNERSCORE", ...args) as number[][];
      expect(asZero[0][0]).not.toBeCloseTo(asNull[0][0], 3);
      expect(workbook.cell(at("Partners", "I2")).value).toBe(asZero[0][0]);
    } finally {
      registerCustomFunctions(host);
    }
  });

  it("passes an error cell inside a range to the function as an error value", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "C2"), "=1/0");
    workbook.write(
      at("Partners", "I2"),
      '=PRM.PARTNERSCORE(B2:G2,Criteria[#All],,"error")',
    );
    // An error cell is a missing value; the "error" policy turns a missing value into #N/A.
    expect(workbook.cell(at("Partners", "I2")).value).toMatchObject({
      error: "#N/A",
    });
  });

  it("reads a range argument written empty as a blank cell, as Excel may pass it null", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "I2"), "=PRM.CERTSTATUS(,DATE(2027,1,1))");
    workbook.write(at("Partners", "J2"), "=PRM.PARTNERSCORE(B2:G2,)");
    expect(workbook.cell(at("Partners", "I2")).value).toBe("None");
    expect(workbook.cell(at("Partners", "J2")).value).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^Criteria: criteria must be the Criteria table/),
    });
  });

  it("names a required argument left out (Excel refuses such a formula)", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "I2"), "=PRM.PARTNERSCORE(B2:G2)");
    workbook.write(at("Partners", "J2"), "=PRM.AHPWEIGHTS()");
    expect(workbook.cell(at("Partners", "I2")).value).toEqual({
      error: "#VALUE!",
      message: "PRM.PARTNERSCORE needs its criteria argument",
    });
    expect(workbook.cell(at("Partners", "J2")).value).toEqual({
      error: "#VALUE!",
      message: "PRM.AHPWEIGHTS needs its pairwise argument",
    });
  });

  it("recalculates dependents when a weight changes, and re-translates formulas when a table grows", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
    const before = workbook.cell(at("Partners", "I2")).value as number;
    workbook.write(at("Scorecard", "H2"), 300);
    const after = workbook.cell(at("Partners", "I2")).value as number;
    expect(after).not.toBeCloseTo(before, 3);
    // A seventh criterion row: the six values no longer match until the table's range follows.
    workbook.batch(() =>
      CRITERIA[1].forEach((v, c) =>
        workbook.write(
          { sheet: "Scorecard", row: 7, col: c },
          (c === 0 ? "Extra" : v) as CellInput,
        ),
      ),
    );
    workbook.setTable({
      name: "Criteria",
      sheet: "Scorecard",
      topLeft: { row: 0, col: 0 },
      width: CRITERIA[0].length,
      height: CRITERIA.length + 1,
    });
    expect(workbook.cell(at("Partners", "I2")).value).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/7 criteria/),
    });
  });

  it("scores a partner from this row's cells, [@[Revenue]:[Strategic fit]], as a table formula in Excel does", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
    // A Score column inside the table, where Excel lets a formula leave out the table's name.
    workbook.write(at("Partners", "H1"), "Score");
    workbook.setTable({ ...partnersTable(3), width: CRITERIA.length + 1 });
    workbook.write(
      at("Partners", "H2"),
      "=PRM.PARTNERSCORE(Partners[@[Revenue]:[Strategic fit]],Criteria[#All])",
    );
    workbook.write(
      at("Partners", "H3"),
      "=PRM.PARTNERSCORE([@[Revenue]:[Strategic fit]],Criteria[#All])",
    );
    expect(workbook.cell(at("Partners", "H2")).value).toBe(
      workbook.cell(at("Partners", "I2")).value,
    );
    expect(workbook.cell(at("Partners", "H3")).value).toBeLessThan(
      workbook.cell(at("Partners", "H2")).value as number,
    );
    // The formula bar shows the formula as written.
    expect(workbook.cell(at("Partners", "H3")).input).toBe(
      "=PRM.PARTNERSCORE([@[Revenue]:[Strategic fit]],Criteria[#All])",
    );
  });

  it("matches values by name with the names argument, [[#Headers],...] included, as the host does (DESIGN section 3)", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:G2,Criteria[#All])",
    );
    // The Partner column is read too and ignored: it names no criterion.
    workbook.write(
      at("Partners", "I3"),
      "=PRM.PARTNERSCORE(A2:G2,Criteria[#All],,,A$1:G$1)",
    );
    workbook.setTable(partnersTable(3));
    workbook.write(
      at("Partners", "J2"),
      "=PRM.PARTNERTIER(I2,Tiers[#All],Partners[@[Partner]:[Strategic fit]],Criteria[#All],Partners[[#Headers],[Partner]:[Strategic fit]])",
    );
    const byPosition = workbook.cell(at("Partners", "I2")).value as number;
    expect(byPosition).toBeCloseTo(91.5, 10);
    expect(workbook.cell(at("Partners", "I3")).value).toBe(byPosition);
    expect(workbook.cell(at("Partners", "J2")).value).toBe("Platinum");
    workbook.write(
      at("Partners", "I4"),
      "=PRM.PARTNERSCORE(A2:G2,Criteria[#All],,,A$1:F$1)",
    );
    expect(workbook.cell(at("Partners", "I4")).value).toMatchObject({
      error: "#VALUE!",
      message:
        "values has 7 columns but names has 6 headers: give the header cells of the same columns as values",
    });
  });

  it("follows a column reference when its table grows or its header is renamed, and says so when no header names it", () => {
    const workbook = scorecardWorkbook();
    workbook.setTable(partnersTable(3));
    workbook.write(at("Scorecard", "P1"), "=SUM(Partners[Revenue])");
    const revenues = Number(STRONG[0]) + Number(WEAK[0]);
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(revenues);
    workbook.batch(() => {
      workbook.write(at("Partners", "A4"), "Third");
      workbook.write(at("Partners", "B4"), 5);
    });
    workbook.setTable(partnersTable(4));
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(revenues + 5);

    // A header the user renames: as in Excel, the formulas naming the column name it anew.
    workbook.write(at("Partners", "I2"), "=[@Revenue]*2");
    workbook.setTable({ ...partnersTable(4), width: CRITERIA.length + 2 });
    workbook.enter(at("Partners", "B1"), "Revenue (EUR)");
    expect(workbook.cell(at("Scorecard", "P1"))).toMatchObject({
      value: revenues + 5,
      input: "=SUM(Partners[Revenue (EUR)])",
    });
    expect(workbook.cell(at("Partners", "I2"))).toMatchObject({
      value: Number(STRONG[0]) * 2,
      input: "=[@[Revenue (EUR)]]*2",
    });

    // The store's writes rename nothing (it rewrites whole tables cell by cell): the reference
    // shows #REF!, saying which column, also when written in a batch, where the engine cannot
    // be read and the header is known from the write.
    workbook.batch(() => workbook.write(at("Partners", "B1"), "Turnover"));
    expect(workbook.cell(at("Scorecard", "P1"))).toEqual(
      expect.objectContaining({
        value: {
          error: "#REF!",
          message:
            'Partners[Revenue (EUR)]: Partners has no column "Revenue (EUR)"',
        },
        input: "=SUM(Partners[Revenue (EUR)])",
      }),
    );
    workbook.write(at("Partners", "B1"), "Revenue (EUR)");
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(revenues + 5);

    // A header the user empties is no rename either, nor one filled in.
    workbook.write(at("Scorecard", "P2"), "=SUM(Partners[Revenue])");
    expect(workbook.cell(at("Scorecard", "P2")).value).toMatchObject({
      error: "#REF!",
    });
    workbook.enter(at("Partners", "B1"), "");
    workbook.enter(at("Partners", "B1"), "Revenue");
    expect(workbook.cell(at("Scorecard", "P1"))).toMatchObject({
      value: { error: "#REF!" },
      input: "=SUM(Partners[Revenue (EUR)])",
    });
    expect(workbook.cell(at("Scorecard", "P2")).value).toBe(revenues + 5);
  });

  it("reads a column named in a header cell written before its table was defined, in a batch too", () => {
    const inBatch = new Workbook(["Partners"]);
    inBatch.write(at("Partners", "A1"), "Partner");
    inBatch.write(at("Partners", "B1"), "Revenue");
    inBatch.write(at("Partners", "B2"), 7);
    inBatch.batch(() => {
      // The header cells cannot be read here: the formula is translated again when the batch ends.
      inBatch.setTable({ ...partnersTable(2), width: 2 });
      inBatch.write(at("Partners", "D1"), "=SUM(Partners[Revenue])*2");
    });
    expect(inBatch.cell(at("Partners", "D1")).value).toBe(14);

    const workbook = scorecardWorkbook();
    workbook.write(
      at("Scorecard", "P1"),
      "=Tiers[[#Headers],[Min score]]&COUNT(Tiers[Min score])",
    );
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(
      `Min score${TIERS.length - 1}`,
    );
  });

  it("reads Excel's TRUE and FALSE literals, and shows the formula as typed", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "I2"), '=IF(B2>B3,TRUE,FALSE)&"|"&"TRUE"');
    expect(workbook.cell(at("Partners", "I2"))).toMatchObject({
      value: "TRUE|TRUE",
      input: '=IF(B2>B3,TRUE,FALSE)&"|"&"TRUE"',
    });
  });

  it("reports #SPILL! when a spilled result would overwrite a value, as Excel does", () => {
    const workbook = scorecardWorkbook();
    workbook.write(at("Partners", "I3"), "in the way");
    workbook.write(
      at("Partners", "I2"),
      "=PRM.PARTNERSCORE(B2:G3,Criteria[#All])",
    );
    expect(workbook.cell(at("Partners", "I2")).value).toMatchObject({
      error: "#SPILL!",
    });
    // Emptied, by the user or by the add-in, the cell no longer blocks: Excel spills again.
    workbook.enter(at("Partners", "I3"), "");
    expect(workbook.cell(at("Partners", "I3")).spilled).toBe(true);
    expect(typeof workbook.cell(at("Partners", "I2")).value).toBe("number");
    workbook.write(at("Partners", "I3"), "again");
    workbook.batch(() => workbook.write(at("Partners", "I3"), null));
    expect(typeof workbook.cell(at("Partners", "I3")).value).toBe("number");
  });

  it("spills SCOREBREAKDOWN (criteria x 4) and AHPWEIGHTS (n + 1)", () => {
    const workbook = scorecardWorkbook();
    workbook.write(
      at("Partners", "A10"),
      "=PRM.SCOREBREAKDOWN(B2:G2,Criteria[#All])",
    );
    expect(workbook.cell(at("Partners", "A15")).value).toBe("Strategic fit");
    expect(workbook.cell(at("Partners", "D15")).spilled).toBe(true);
    workbook.write(
      at("Partners", "A20"),
      "=PRM.AHPWEIGHTS({1,3;0.333333333333333,1})",
    );
    expect(workbook.cell(at("Partners", "A22")).value).toBeCloseTo(0, 6);
    expect(
      (workbook.cell(at("Partners", "A20")).value as number) +
        (workbook.cell(at("Partners", "A21")).value as number),
    ).toBeCloseTo(1, 9);
  });

  it("announces typed edits, but not the store's own writes", () => {
    const workbook = scorecardWorkbook();
    const edits: string[] = [];
    workbook.on(
      (event) =>
        event.kind === "userEdit" &&
        edits.push(`${event.cell.sheet}!${event.cell.row},${event.cell.col}`),
    );
    workbook.write(at("Scorecard", "H2"), 5);
    workbook.enter(at("Scorecard", "H3"), "7");
    expect(edits).toEqual(["Scorecard!2,7"]);
    expect(workbook.cell(at("Scorecard", "H3")).value).toBe(7);
  });
});

describe("a table grows by what the user types right below it, as Excel's tables do", () => {
  /** The fixture's partners as a table with a Score column of one table formula per row. */
  function scoredPartners(): Workbook {
    const workbook = scorecardWorkbook();
    const score =
      "=PRM.PARTNERSCORE([@[Revenue]:[Strategic fit]],Criteria[#All])";
    workbook.write(at("Partners", "H1"), "Score");
    workbook.write(at("Partners", "H2"), score);
    workbook.write(at("Partners", "H3"), score);
    workbook.write(at("Partners", "K2"), "=ROWS(Partners[Score])");
    for (const name of ["H2", "H3"])
      workbook.setNumberFormat(at("Partners", name), "0.0");
    workbook.setTable({ ...partnersTable(3), width: CRITERIA.length + 1 });
    return workbook;
  }

  it("a partner typed under the list joins the table, gets its Score formula and is counted", () => {
    const workbook = scoredPartners();
    expect(workbook.cell(at("Partners", "K2")).value).toBe(2);
    workbook.enterAll(
      ["New partner", ...STRONG].map((value, col) => ({
        cell: { sheet: "Partners", row: 3, col },
        text: String(value),
      })),
    );
    expect(workbook.tables.get("Partners")?.height).toBe(4);
    expect(workbook.cell(at("Partners", "H4")).input).toBe(
      "=PRM.PARTNERSCORE([@[Revenue]:[Strategic fit]],Criteria[#All])",
    );
    // The same values as Strong in row 2: the same score; the column now counts three.
    expect(workbook.cell(at("Partners", "H4")).value).toBe(
      workbook.cell(at("Partners", "H2")).value,
    );
    expect(workbook.cell(at("Partners", "K2")).value).toBe(3);
    // The column's number format comes down with it.
    expect(workbook.numberFormat(at("Partners", "H4"))).toBe("0.0");
  });

  it("Ctrl+Z takes the table's growth back, then the entry, as Excel does; Ctrl+Y both again", () => {
    const workbook = scoredPartners();
    workbook.enter(at("Partners", "A4"), "New partner");
    expect(workbook.tables.get("Partners")?.height).toBe(4);
    workbook.undo();
    expect(workbook.tables.get("Partners")?.height).toBe(3);
    expect(workbook.cell(at("Partners", "H4")).input).toBe("");
    expect(workbook.cell(at("Partners", "K2")).value).toBe(2);
    expect(workbook.cell(at("Partners", "A4")).input).toBe("New partner");
    workbook.undo();
    expect(workbook.cell(at("Partners", "A4")).input).toBe("");
    workbook.redo();
    expect(workbook.tables.get("Partners")?.height).toBe(3);
    workbook.redo();
    expect(workbook.tables.get("Partners")?.height).toBe(4);
    expect(workbook.cell(at("Partners", "H4")).input).toMatch(
      /^=PRM\.PARTNERSCORE/,
    );
  });

  it("a header typed right of the table adds a column; a value typed there, one named Column1", () => {
    const workbook = scoredPartners();
    const width = workbook.tables.get("Partners")!.width;
    workbook.enter(at("Partners", "I1"), "Region");
    expect(workbook.tables.get("Partners")?.width).toBe(width + 1);
    workbook.enter(at("Partners", "J3"), "EMEA");
    expect(workbook.tables.get("Partners")?.width).toBe(width + 2);
    expect(workbook.cell(at("Partners", "J1")).input).toBe("Column1");
    // A structured reference finds the new column by its header.
    workbook.enter(at("Partners", "L2"), "=INDEX(Partners[Column1],2)");
    expect(workbook.cell(at("Partners", "L2")).value).toBe("EMEA");
    // The entry in L2, then J3's column (its header with it), then J3 itself.
    workbook.undo();
    workbook.undo();
    expect(workbook.tables.get("Partners")?.width).toBe(width + 1);
    expect(workbook.cell(at("Partners", "J1")).input).toBe("");
    expect(workbook.cell(at("Partners", "J3")).input).toBe("EMEA");
  });

  it("Ctrl+- deletes a partner's row: the rows below move up, the table shortens, Ctrl+Z restores", () => {
    const workbook = scoredPartners();
    workbook.enter(at("Partners", "A4"), "Third");
    const third = workbook.cell(at("Partners", "H4")).value;
    workbook.deleteTableRows("Partners", 2, 1); // row 3: Weak
    expect(workbook.tables.get("Partners")?.height).toBe(3);
    expect(workbook.cell(at("Partners", "A3")).input).toBe("Third");
    expect(workbook.cell(at("Partners", "H3")).value).toBe(third);
    expect(workbook.cell(at("Partners", "A4")).input).toBe("");
    expect(workbook.cell(at("Partners", "K2")).value).toBe(2);
    workbook.undo();
    expect(workbook.tables.get("Partners")?.height).toBe(4);
    expect(workbook.cell(at("Partners", "A3")).input).toBe("Weak");
    expect(workbook.cell(at("Partners", "A4")).input).toBe("Third");
    expect(workbook.cell(at("Partners", "H4")).value).toBe(third);
    expect(() => workbook.deleteTableRows("Partners", 0, 1)).toThrow(
      /Only data rows of the table Partners \(rows 2 to 4\)/,
    );
  });

  it("Ctrl++ inserts a row above a partner: the rows move down, the new one gets the Score formula, Ctrl+Z takes it out", () => {
    const workbook = scoredPartners();
    const weak = workbook.cell(at("Partners", "H3")).value;
    workbook.insertTableRows("Partners", 2, 1); // above row 3: Weak
    expect(workbook.tables.get("Partners")?.height).toBe(4);
    expect(workbook.cell(at("Partners", "A4")).input).toBe("Weak");
    expect(workbook.cell(at("Partners", "H4")).value).toBe(weak);
    expect(workbook.cell(at("Partners", "A3")).input).toBe("");
    expect(workbook.cell(at("Partners", "H3")).input).toMatch(
      /^=PRM\.PARTNERSCORE\(\[@/,
    );
    expect(workbook.cell(at("Partners", "K2")).value).toBe(3);
    workbook.undo();
    expect(workbook.tables.get("Partners")?.height).toBe(3);
    expect(workbook.cell(at("Partners", "A3")).input).toBe("Weak");
    expect(workbook.cell(at("Partners", "A4")).input).toBe("");
    // Data right below the table stops an insert, which writes nothing.
    workbook.write(at("Partners", "B4"), "in the way");
    expect(() => workbook.insertTableRows("Partners", 2, 1)).toThrow(
      /Row 4 below the table Partners holds data/,
    );
    expect(workbook.cell(at("Partners", "A3")).input).toBe("Weak");
  });

  it("not by the store's own writes, nor by typing two rows down", () => {
    const workbook = scoredPartners();
    workbook.write(at("Partners", "A4"), "written by the add-in");
    workbook.enter(at("Partners", "A6"), "two rows down");
    expect(workbook.tables.get("Partners")?.height).toBe(3);
  });
});

describe("what the grid's Ctrl+arrow and Ctrl+A count as data", () => {
  it('counts values, formulas (one that gives "" too) and spilled cells; not empty ones', () => {
    const workbook = new Workbook(["Sheet1"]);
    const at = (row: number, col: number) => ({ sheet: "Sheet1", row, col });
    workbook.enterAll([
      { cell: at(0, 0), text: "7" },
      { cell: at(1, 0), text: '=""' },
      { cell: at(2, 0), text: "=C9" },
      { cell: at(3, 0), text: "=SEQUENCE(2)" },
      { cell: at(0, 1), text: "" },
    ]);
    const filled = [0, 1, 2, 3, 4, 5].map((row) =>
      workbook.isFilled(at(row, 0)),
    );
    expect(filled).toEqual([true, true, true, true, true, false]);
    expect(workbook.isFilled(at(0, 1))).toBe(false);
  });
});

describe("undo and redo of the user's edits in the grid", () => {
  it("takes a typed value back and writes it again, and what depends on it follows", () => {
    const workbook = scorecardWorkbook();
    workbook.setTable(partnersTable(3));
    workbook.write(at("Scorecard", "P1"), "=SUM(Partners[Revenue])");
    const revenues = Number(STRONG[0]) + Number(WEAK[0]);
    workbook.enter(at("Partners", "B2"), "1000");
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(
      1000 + Number(WEAK[0]),
    );
    expect(workbook.undo()).toEqual([at("Partners", "B2")]);
    expect(workbook.cell(at("Partners", "B2")).value).toBe(STRONG[0]);
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(revenues);
    expect([workbook.canUndo, workbook.canRedo]).toEqual([false, true]);
    expect(workbook.redo()).toEqual([at("Partners", "B2")]);
    expect(workbook.cell(at("Scorecard", "P1")).value).toBe(
      1000 + Number(WEAK[0]),
    );
    expect([workbook.canUndo, workbook.canRedo]).toEqual([true, false]);
  });

  it("takes a whole paste back in one step, formulas as written", () => {
    const workbook = scorecardWorkbook();
    // I and J inside the table: a paste right of it would grow it (a step of its own).
    workbook.setTable({ ...partnersTable(3), width: CRITERIA.length + 3 });
    const formula = "=[@Revenue]*2";
    workbook.enter(at("Partners", "I2"), formula);
    workbook.enterAll([
      { cell: at("Partners", "I2"), text: "x" },
      { cell: at("Partners", "J2"), text: "y" },
    ]);
    workbook.undo();
    expect(workbook.cell(at("Partners", "I2"))).toMatchObject({
      input: formula,
      value: Number(STRONG[0]) * 2,
    });
    expect(workbook.cell(at("Partners", "J2"))).toMatchObject({
      input: "",
      value: null,
    });
    // The step before: the formula typed into an empty cell.
    workbook.undo();
    expect(workbook.cell(at("Partners", "I2"))).toMatchObject({
      input: "",
      value: null,
    });
    expect(workbook.undo()).toEqual([]);
  });

  it("takes a paste's number formats back with its cells, and writes them again on redo", () => {
    // Excel undoes a paste as one action, the formats it brought with the cells' contents.
    // (No Microsoft page in the reference corpus says so of formats in words.)
    const workbook = new Workbook();
    const cell = (name: string) => at("Sheet1", name);
    workbook.write(cell("A1"), 46600);
    workbook.setNumberFormat(cell("A1"), "0.00");
    workbook.enterAll([
      { cell: cell("A1"), text: "46601", format: "yyyy-mm-dd" },
      { cell: cell("A2"), text: "46602", format: "yyyy-mm-dd" },
      { cell: cell("A3"), text: "7", format: null },
    ]);
    const formats = () =>
      ["A1", "A2", "A3"].map((name) => workbook.numberFormat(cell(name)));
    expect(formats()).toEqual(["yyyy-mm-dd", "yyyy-mm-dd", undefined]);
    workbook.undo();
    expect(formats()).toEqual(["0.00", undefined, undefined]);
    expect(workbook.cell(cell("A1")).value).toBe(46600);
    workbook.redo();
    expect(formats()).toEqual(["yyyy-mm-dd", "yyyy-mm-dd", undefined]);
  });

  it("keeps a paste that changed only number formats as a step of its own", () => {
    const workbook = new Workbook();
    const cell = (name: string) => at("Sheet1", name);
    workbook.write(cell("B1"), 46600);
    workbook.enterAll([{ cell: cell("B1"), text: "46600", format: "yyyy-mm-dd" }]);
    expect(workbook.canUndo).toBe(true);
    // The value stays the same; the cell is still announced, so the grid draws its format again.
    const redrawn: string[] = [];
    workbook.on((event) => {
      if (event.kind === "values")
        redrawn.push(...event.cells.map((c) => `${c.sheet}!${c.row},${c.col}`));
    });
    workbook.undo();
    expect(workbook.numberFormat(cell("B1"))).toBeUndefined();
    expect(redrawn).toContain("Sheet1!0,1");
  });

  it("gives a cell written twice in one step its first content back", () => {
    const workbook = scorecardWorkbook();
    workbook.enterAll([
      { cell: at("Partners", "K5"), text: "1" },
      { cell: at("Partners", "K5"), text: "2" },
    ]);
    expect(workbook.cell(at("Partners", "K5")).value).toBe(2);
    workbook.undo();
    expect(workbook.cell(at("Partners", "K5")).value).toBe(null);
  });

  it("gives a spilled result its cells back when an entry that blocked it is undone", () => {
    const workbook = new Workbook();
    const cell = (name: string) => at("Sheet1", name);
    workbook.write(cell("A1"), 1);
    workbook.write(cell("A2"), 2);
    workbook.write(cell("B1"), "=A1:A2*2");
    workbook.enter(cell("B2"), "x");
    expect(workbook.cell(cell("B1")).value).toMatchObject({ error: "#SPILL!" });
    workbook.undo();
    expect(workbook.cell(cell("B1")).value).toBe(2);
    expect(workbook.cell(cell("B2"))).toMatchObject({
      value: 4,
      spilled: true,
      input: "",
    });
  });

  it("renames a column's references back when a header rename is undone", () => {
    const workbook = scorecardWorkbook();
    workbook.setTable(partnersTable(3));
    workbook.write(at("Scorecard", "P1"), "=SUM(Partners[Revenue])");
    workbook.enter(at("Partners", "B1"), "Turnover");
    expect(workbook.cell(at("Scorecard", "P1")).input).toBe(
      "=SUM(Partners[Turnover])",
    );
    workbook.undo();
    expect(workbook.cell(at("Scorecard", "P1"))).toMatchObject({
      input: "=SUM(Partners[Revenue])",
      value: Number(STRONG[0]) + Number(WEAK[0]),
    });
  });

  it("announces what undo and redo write as the user's edits, so the task pane reads them", () => {
    const workbook = scorecardWorkbook();
    workbook.enter(at("Scorecard", "H3"), "7");
    const edits: string[] = [];
    workbook.on(
      (event) =>
        event.kind === "userEdit" &&
        edits.push(`${event.cell.row},${event.cell.col}`),
    );
    workbook.undo();
    workbook.redo();
    expect(edits).toEqual(["2,7", "2,7"]);
  });

  it("ends the history at a write of the add-in's, as Excel does, and keeps no step that changed nothing", () => {
    const workbook = scorecardWorkbook();
    workbook.enter(at("Partners", "K5"), "");
    expect(workbook.canUndo).toBe(false);
    workbook.enter(at("Partners", "K5"), "1");
    workbook.write(at("Scorecard", "H2"), 5);
    expect(workbook.canUndo).toBe(false);
    expect(workbook.undo()).toEqual([]);
    expect(workbook.cell(at("Partners", "K5")).value).toBe(1);
    for (const change of [
      (w: Workbook) => w.setTable(partnersTable(3)),
      (w: Workbook) => w.setNumberFormat(at("Partners", "K5"), "0%"),
      (w: Workbook) => w.reset(["Sheet1"]),
    ]) {
      const fresh = scorecardWorkbook();
      fresh.enter(at("Partners", "K5"), "1");
      change(fresh);
      expect(fresh.canUndo).toBe(false);
    }
  });

  it("forgets what was undone once the user edits again, and keeps the last 100 steps", () => {
    const workbook = scorecardWorkbook();
    workbook.enter(at("Partners", "K5"), "1");
    workbook.undo();
    workbook.enter(at("Partners", "K6"), "2");
    expect(workbook.canRedo).toBe(false);
    for (let i = 0; i < 120; i++)
      workbook.enter(at("Partners", "K7"), String(i));
    let steps = 0;
    while (workbook.undo().length > 0) steps++;
    expect(steps).toBe(100);
    // The oldest steps are gone: K6's 2 and the first 20 values of K7 stay.
    expect(workbook.cell(at("Partners", "K7")).value).toBe(19);
    expect(workbook.cell(at("Partners", "K6")).value).toBe(2);
  });
});
