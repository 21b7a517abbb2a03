/**
 * The browser workbook taking a partner list in one batch, as opening an .xlsx or creating
 * the sample does: the Criteria table, then a Partners table of values with one
 * PRM.PARTNERSCORE per row written with this-row structured references, recalculated once.
 * Not a budget of the benchmarks issue; it keeps the preview's cost of a large list in view
 * (HyperFormula's own batch() made it grow with the square of the cells: 4 s for 1,000 rows).
 */
import { registerCustomFunctions } from "../src/preview/customFunctionsPlugin";
import { Workbook, type CellInput } from "../src/preview/workbook";
import { BLANK, type Cell } from "../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../src/host/loadBuild";
import { medianMs, report, RUNS } from "./measure";
import { CRITERIA, CRITERIA_COUNT, partnerRows } from "./partners";

const input = (cell: Cell): CellInput => (cell === BLANK ? null : (cell as CellInput));

function writeTable(workbook: Workbook, name: string, sheet: string, rows: CellInput[][]): void {
  workbook.setTable({ name, sheet, topLeft: { row: 0, col: 0 }, width: rows[0].length, height: rows.length });
  rows.forEach((row, r) => row.forEach((cell, col) => workbook.write({ sheet, row: r, col }, cell)));
}

export function previewWriteFigures(partners: number): void {
  registerCustomFunctions(loadBuiltFunctions());
  const criteria = CRITERIA.map((row) => row.map(input));
  const names = CRITERIA.slice(1).map((row) => row[0] as string);
  const score = `=PRM.PARTNERSCORE([@[${names[0]}]:[${names[CRITERIA_COUNT - 1]}]],Criteria[#All])`;
  const table = [["Partner", ...names, "Score"], ...partnerRows(partners).map((row, p) => [`Partner ${p + 1}`, ...row.map(input), score])];
  let last: Workbook | undefined;
  const ms = medianMs(() => {
    last = new Workbook(["Scorecard", "Partners"]);
    const workbook = last;
    workbook.batch(() => {
      writeTable(workbook, "Criteria", "Scorecard", criteria);
      writeTable(workbook, "Partners", "Partners", table);
    });
  }, Math.min(RUNS, 5));
  // A figure for a workbook that scores: the last partner's formula computed a number.
  const shown = last!.cell({ sheet: "Partners", row: partners, col: CRITERIA_COUNT + 1 }).value;
  if (typeof shown !== "number") throw new Error(`the last partner's score shows ${JSON.stringify(shown)}`);
  const cells = partners * (CRITERIA_COUNT + 2);
  report(`preview workbook: ${partners} partners (${cells} cells, a PRM formula per row) written in one batch`, ms, "ms", "info");
  // A partner typed under the list: the table grows by a row and its Score formula is filled
  // in (tableGrowth.ts), as in Excel. Each run types the next row down.
  const workbook = last!;
  let row = partners + 1;
  const typed = medianMs(() => workbook.enter({ sheet: "Partners", row: row++, col: 0 }, `Partner ${row}`), Math.min(RUNS, 5));
  const grown = workbook.tables.get("Partners")!.height - 1;
  if (grown !== row - 1) throw new Error(`the Partners table holds ${grown} partners, not ${row - 1}`);
  report(`preview workbook: one partner typed under ${partners} (the table grows, Score filled in)`, typed, "ms", "info");
}
