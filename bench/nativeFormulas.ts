/**
 * Against native formulas, in the preview's formula engine (HyperFormula, configured as the
 * browser workbook configures it, with the real bundle through the same plugin and host):
 * the recalculation after one weight changes, for
 * - the PRM sheet: one spilling PRM.PARTNERSCORE over the raw values and the Criteria table;
 * - the sheet a user builds by hand: normalised helper columns and one SUMPRODUCT per row
 *   against a row of relative weights.
 * Both use the "zero" missing-data policy (a blank helper counts 0, as SUMPRODUCT does), so
 * they compute the same scores; the run checks that they agree. The helper columns are values:
 * they do not depend on the weights, so a weight change recalculates only the SUMPRODUCTs.
 */
import { HyperFormula, type RawCellContent } from "hyperformula";
import { readCriteria, criteriaReader } from "../src/core";
import { registerCustomFunctions } from "../src/preview/customFunctionsPlugin";
import { PREVIEW_HOST_OPTIONS } from "../src/preview/loadFunctions";
import { Workbook } from "../src/preview/workbook";
import { BLANK, type Cell } from "../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../src/host/loadBuild";
import { collectAllGarbage, elapsedMs, medianMs, report, RUNS } from "./measure";
import { CRITERIA, CRITERIA_COUNT, partnerRows } from "./partners";

const WEIGHT_COLUMN = 6; // G: the Weight column of CRITERIA
const asContent = (cell: Cell): RawCellContent => (cell === BLANK ? null : (cell as RawCellContent));
const column = (i: number) => String.fromCharCode(65 + i);

/** An engine configured as the browser workbook's, holding `sheets`. */
function engineWith(sheets: Record<string, RawCellContent[][]>): { engine: HyperFormula; buildMs: number } {
  let engine!: HyperFormula;
  const buildMs = elapsedMs(() => {
    engine = new Workbook(Object.keys(sheets)).engine;
    engine.batch(() => {
      for (const [name, cells] of Object.entries(sheets)) engine.setSheetContent(engine.getSheetId(name)!, cells);
    });
  });
  return { engine, buildMs };
}

export function nativeFormulaFigures(partners: number): void {
  registerCustomFunctions(loadBuiltFunctions(PREVIEW_HOST_OPTIONS));
  const rows = partnerRows(partners);
  const { model } = readCriteria(CRITERIA);
  const reader = criteriaReader(model.criteria);
  const weights = model.criteria.map((c) => c.weights[""]);

  // The PRM sheet: raw values, one spilling formula next to them.
  const prm = engineWith({
    Scorecard: CRITERIA.map((row) => row.map(asContent)),
    Partners: rows.map((row, i) => [...row.map(asContent), null, i === 0 ? `=PRM.PARTNERSCORE(A1:L${partners}, Scorecard!A1:H${CRITERIA.length}, , "zero")` : null]),
  });
  // The hand-built sheet: helper values on 0-100, one SUMPRODUCT per row over relative weights.
  const last = column(CRITERIA_COUNT - 1);
  const native = engineWith({
    Weights: [weights, weights.map((_, i) => `=${column(i)}1/SUM($A$1:$${last}$1)`)],
    Partners: rows.map((row, i) => [
      ...row.map((cell, c) => reader.read(c, cell === BLANK ? null : cell) ?? 0),
      `=SUMPRODUCT(A${i + 1}:${last}${i + 1}, Weights!$A$2:$${last}$2)`,
    ]),
  });

  const prmSheet = prm.engine.getSheetId("Partners")!;
  const nativeSheet = native.engine.getSheetId("Partners")!;
  const scoreColumn = CRITERIA_COUNT; // M on the hand-built sheet, N on the PRM sheet
  let step = 0;
  const changeWeight = (engine: HyperFormula, sheet: string, col: number, row: number) => () => {
    step++;
    engine.setCellContents({ sheet: engine.getSheetId(sheet)!, row, col }, weights[0] + (step % 2));
  };
  const runs = Math.min(RUNS, 5);
  // Each sheet measured on its own stretch, as a workbook holds one of them, from a heap just
  // collected: the builds leave hundreds of megabytes of garbage, whose marking otherwise ran
  // inside whichever steps came first.
  collectAllGarbage();
  const prmMs = medianMs(changeWeight(prm.engine, "Scorecard", WEIGHT_COLUMN, 1), runs);
  collectAllGarbage();
  const nativeMs = medianMs(changeWeight(native.engine, "Weights", 0, 0), runs);

  // Both sheets now hold the same weights (the same number of changes): their scores must agree.
  let worst = 0;
  for (let r = 0; r < partners; r += Math.max(1, Math.floor(partners / 1000))) {
    const a = prm.engine.getCellValue({ sheet: prmSheet, row: r, col: scoreColumn + 1 });
    const b = native.engine.getCellValue({ sheet: nativeSheet, row: r, col: scoreColumn });
    worst = Math.max(worst, typeof a === "number" && typeof b === "number" ? Math.abs(a - b) : Infinity);
  }

  report(`against native formulas (${partners} partners, recalculation after one weight change, SUMPRODUCT sheet / PRM spill)`, nativeMs / prmMs, "x", "budget >= 8 x, DESIGN section 7");
  report("against native formulas: PRM spill recalculation", prmMs, "ms", "info");
  report("against native formulas: SUMPRODUCT sheet recalculation", nativeMs, "ms", "info");
  report("against native formulas: PRM sheet build", prm.buildMs / 1000, "s", "info");
  report(`against native formulas: SUMPRODUCT sheet build (${partners} formulas)`, native.buildMs / 1000, "s", "info, DESIGN section 7 measured ~15 s");
  report("against native formulas: largest difference between the two sheets' scores", worst, "points", "must be < 1e-9");
  prm.engine.destroy();
  native.engine.destroy();
}
