/**
 * A range argument of a PRM formula, read from HyperFormula's cells in one pass. A spilling
 * PARTNERSCORE over 100,000 partners takes a range of 1.2 million cells; read through
 * SimpleRangeValue.rawData, HyperFormula first made an address object and a row of its own
 * values for every cell, then argumentOf copied them into host cells, then the host copied
 * them again to pass each blank as its Excel build does: three copies and 1.2 million
 * addresses a recalculation, most of a PRM spill's time in the preview besides HyperFormula's
 * own bookkeeping (bench/README.md, "Fifteenth pass"). Here one address is moved over the
 * range and each cell is written once, already as the host passes it, so the host has nothing
 * to change and hands the rows on as they are.
 */
import { CellError, ErrorType, SimpleRangeValue } from "hyperformula";
import type { Cell } from "../host";
import { cellOf } from "./cellConversion";

type CellRange = NonNullable<SimpleRangeValue["range"]>;
/** HyperFormula's dependency graph, as a FunctionPlugin holds it (its type is not exported). */
export type CellGraph = Parameters<CellRange["effectiveEndRow"]>[0];

/**
 * HyperFormula's message for a cell that holds a whole range (SimpleRangeValue's own reading
 * gives this #VALUE! there too).
 */
const RANGE_IN_A_CELL = "Cell range not allowed.";

/**
 * The cells of `value` as Excel passes a range to a custom function, each blank as `blank`;
 * read in place from `graph` where `value` is a reference to cells (A1:L100000), else (an
 * array a formula computed, as C2:C9*2) from its values.
 */
export function rangeCells(
  value: SimpleRangeValue,
  graph: CellGraph,
  blank: Cell,
): Cell[][] {
  const range = value.range;
  if (range === undefined)
    return value.rawData().map((row) => row.map((cell) => cellOf(cell, blank)));
  // The bounds SimpleRangeValue reads (a whole column stops at the sheet's last row).
  const lastRow = range.effectiveEndRow(graph);
  const lastColumn = range.effectiveEndColumn(graph);
  const address = { sheet: range.start.sheet, row: 0, col: 0 };
  const rows: Cell[][] = [];
  for (let row = range.start.row; row <= lastRow; row++) {
    address.row = row;
    const cells: Cell[] = [];
    for (let col = range.start.col; col <= lastColumn; col++) {
      address.col = col;
      const cell = graph.getCellValue(address);
      cells.push(
        cell instanceof SimpleRangeValue
          ? cellOf(new CellError(ErrorType.VALUE, RANGE_IN_A_CELL))
          : cellOf(cell, blank),
      );
    }
    rows.push(cells);
  }
  return rows;
}
