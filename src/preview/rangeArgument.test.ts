/**
 * rangeCells reads a range argument straight from HyperFormula's cells; it must give what
 * HyperFormula's own reading (SimpleRangeValue.rawData, then cellOf per cell) gives, for every
 * kind of cell, a whole column, cells of a spilled array and an array a formula computed.
 */
import {
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { BLANK, ExcelError, type Cell } from "../host";
import { cellOf } from "./cellConversion";
import { rangeCells } from "./rangeArgument";
import { newEngine } from "./workbookEngine";

/** What each test function saw, by the order of its calls. */
const seen: { direct: Cell[][]; throughRawData: Cell[][] }[] = [];
let blank: Cell = BLANK;

/** A function CELLS(range) that records both readings of its argument and shows 1. */
class ReadingPlugin extends FunctionPlugin {
  static implementedFunctions = {
    CELLS: {
      method: "cells",
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      vectorizationForbidden: true,
      enableArrayArithmeticForArguments: true,
    },
  };

  cells(ast: { args: unknown[] }, state: unknown): number {
    const value = this.evaluateAst(ast.args[0] as never, state as never);
    if (!(value instanceof SimpleRangeValue))
      throw new Error("CELLS takes a range");
    const direct = rangeCells(value, this.dependencyGraph, blank);
    const throughRawData = value
      .rawData()
      .map((row) => row.map((cell) => cellOf(cell, blank)));
    seen.push({ direct, throughRawData });
    return 1;
  }
}

beforeAll(() =>
  HyperFormula.registerFunctionPlugin(ReadingPlugin, {
    enGB: { CELLS: "CELLS" },
  }),
);
afterAll(() => HyperFormula.unregisterFunction("CELLS"));
beforeEach(() => {
  seen.length = 0;
  blank = BLANK;
});

/** An engine whose first sheet holds `cells`, then `formula` written at `where`. */
function evaluate(
  cells: (string | number | boolean | null)[][],
  formula: string,
  where = { row: 0, col: 9 },
) {
  const engine = newEngine();
  const sheet = engine.getSheetId(engine.addSheet("Data"))!;
  engine.setSheetContent(sheet, cells);
  engine.setCellContents({ sheet, ...where }, formula);
  engine.destroy();
  expect(seen).toHaveLength(1);
  return seen[0];
}

const MIXED = [
  [1.5, "Gold", null, true],
  ["=1/0", 0, "", false],
  ["=NA()", "=A1*2", null, "Yes"],
];

describe("rangeCells", () => {
  it("reads numbers, text, booleans, blanks and error cells as HyperFormula's own reading does", () => {
    const { direct, throughRawData } = evaluate(MIXED, "=CELLS(A1:D3)");
    expect(direct).toEqual(throughRawData);
    expect(direct[0]).toEqual([1.5, "Gold", BLANK, true]);
    expect(direct[1][0]).toBeInstanceOf(ExcelError);
    expect((direct[1][0] as ExcelError).code).toBe("#DIV/0!");
    expect(direct[2][1]).toBe(3);
  });

  it("writes each blank as the host passes it", () => {
    blank = 0;
    const { direct, throughRawData } = evaluate(MIXED, "=CELLS(A1:D3)");
    expect(direct).toEqual(throughRawData);
    expect(direct[0][2]).toBe(0);
    expect(direct[2][2]).toBe(0);
  });

  it("stops a whole column at the sheet's last row", () => {
    const { direct, throughRawData } = evaluate(MIXED, "=CELLS(B:B)");
    expect(direct).toEqual(throughRawData);
    expect(direct).toEqual([["Gold"], [0], [3]]);
  });

  it("reads the cells of a spilled array", () => {
    const cells = [[1], [2], [3], ["=A1:A3*10"]];
    const { direct, throughRawData } = evaluate(
      cells.map((row) => [...row, null]),
      "=CELLS(A4:A6)",
    );
    expect(direct).toEqual(throughRawData);
    expect(direct).toEqual([[10], [20], [30]]);
  });

  it("reads an array a formula computed from its values", () => {
    const { direct, throughRawData } = evaluate([[1], [2]], "=CELLS(A1:A2*2)");
    expect(direct).toEqual(throughRawData);
    expect(direct).toEqual([[2], [4]]);
  });
});
