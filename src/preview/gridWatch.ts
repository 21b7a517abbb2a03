/**
 * What the grid's store reports to the pane, as the Excel adapter does: the user's edits of
 * the model tables, the Partners table's edits and recalculated values, and the Partners row
 * of the selected cell. Never the store's own writes. No DOM.
 */
import { TABLE } from "../workbook/names";
import { contains } from "./tableReferences";
import type { CellAddress, Workbook } from "./workbook";

/** The tables a watcher hears about: the model the pane edits. */
const WATCHED = [TABLE.criteria, TABLE.tiers].map((name) => name.toLowerCase());

/** Where the user's selected cell is, and news of its moves: the grid, in the preview. */
export interface SelectionSource {
  readonly selection: CellAddress;
  onChange(listener: () => void): () => void;
}

/** The user's edits of the Criteria and Tiers tables (the store's watch). */
export function watchModel(
  workbook: Workbook,
  listener: () => void,
): () => void {
  return onUserEdits(workbook, WATCHED, listener);
}

/**
 * As the Excel adapter: the user's edits in the Partners table, and its formulas' values
 * recalculated (Excel's onCalculated), as when a Partners cell reads another sheet's cell
 * the user changed.
 */
export function watchPartners(
  workbook: Workbook,
  listener: () => void,
): () => void {
  const stopEdits = onUserEdits(
    workbook,
    [TABLE.partners.toLowerCase()],
    listener,
  );
  const stopCalculations = workbook.on((event) => {
    if (event.kind !== "values") return;
    const recalculated = event.cells.some(
      (cell) =>
        workbook.translation(cell) !== undefined &&
        tableNameAt(workbook, cell) === TABLE.partners.toLowerCase(),
    );
    if (recalculated) listener();
  });
  return () => {
    stopEdits();
    stopCalculations();
  };
}

/**
 * Calls `listener` for each cell the user edits in one of `tables` (names in lower case),
 * and when the user's edit (or its undo) grows or shrinks one of them.
 */
function onUserEdits(
  workbook: Workbook,
  tables: string[],
  listener: () => void,
): () => void {
  const stop = workbook.on((event) => {
    const table =
      event.kind === "userEdit"
        ? tableNameAt(workbook, event.cell)
        : event.kind === "userTableResize"
          ? event.table.toLowerCase()
          : undefined;
    if (table && tables.includes(table)) listener();
  });
  return () => {
    stop();
  };
}

/** The name of the table `cell` lies in, in lower case (table names ignore case, as Excel's). */
function tableNameAt(
  workbook: Workbook,
  cell: CellAddress,
): string | undefined {
  return workbook.tables.at(cell.sheet, cell)?.name.toLowerCase();
}

/**
 * Reports the Partners data row of the grid's selected cell when it moves to another one
 * (null on the table's header), with its values, as the Excel adapter; selections outside
 * the table are not reported, as in Excel.
 */
export function watchPartnerSelection(
  workbook: Workbook,
  source: SelectionSource | undefined,
  listener: (row: number | null, values?: unknown[]) => void,
): () => void {
  if (!source) return () => undefined;
  let last: number | null | undefined;
  return source.onChange(() => {
    const { sheet, row, col } = source.selection;
    const table = workbook.tables.get(TABLE.partners);
    if (!table || table.sheet !== sheet || !contains(table, { row, col }))
      return void (last = undefined);
    const at = row - table.topLeft.row - 1;
    const next = at < 0 ? null : at;
    if (next === last) return;
    last = next;
    if (next === null) return listener(null);
    listener(
      next,
      Array.from({ length: table.width }, (_, c) =>
        workbook.valueForStore({
          sheet,
          row,
          col: table.topLeft.col + c,
        }),
      ),
    );
  });
}
