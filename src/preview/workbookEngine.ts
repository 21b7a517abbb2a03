/**
 * The HyperFormula engine as the browser workbook (workbook.ts) sets it up to compute as Excel
 * does, and the cells its recalculations change.
 */
import { HyperFormula, type ExportedChange } from "hyperformula";
import type { CellAddress } from "./workbook";

/** Excel's grid limits; HyperFormula's defaults (40,000 rows) are too small for real partner lists. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** An empty engine with Excel's limits and manners. */
export function newEngine(): HyperFormula {
  return HyperFormula.buildEmpty({
    licenseKey: "gpl-v3",
    maxRows: MAX_ROWS,
    maxColumns: MAX_COLUMNS,
    // Dynamic-array Excel: =C2:C9*2 spills.
    useArrayArithmetic: true,
    // Excel shows =A1 of a blank A1 as 0.
    evaluateNullToZero: true,
    // The grid keeps its own undo (editHistory.ts), of the user's edits only: the engine's
    // would also gather every write of a batch into one step, at a quadratic cost.
    undoLimit: 0,
    // ISO dates as the sample writes them, then the US order Excel's en-US locale reads.
    dateFormats: ["YYYY-MM-DD", "MM/DD/YYYY"],
  });
}

/** The cells of one recalculation's changes (named expressions' changes have no cell). */
export function changedCells(
  engine: HyperFormula,
  changes: ExportedChange[],
): CellAddress[] {
  const cells: CellAddress[] = [];
  // A spill's recalculation changes 100,000 cells of one sheet: its name is asked once, not
  // once per cell through the engine's checked public call.
  const names = new Map<number, string | undefined>();
  const nameOf = (id: number) => {
    if (!names.has(id)) names.set(id, engine.getSheetName(id));
    return names.get(id);
  };
  for (const change of changes) {
    if (!("address" in change) || change.address === undefined) continue;
    const sheet = nameOf(change.address.sheet);
    if (sheet !== undefined)
      cells.push({ sheet, row: change.address.row, col: change.address.col });
  }
  return cells;
}
