/**
 * Where a review's writes go (issue 22), decided the same way by both stores: the Partners
 * columns named by the review cells, found by name; the decision rows laid out under the
 * History table's columns, a column it lacks (Change, in a History made before reviews)
 * added at its right. Pure: the stores read the headers and write what this returns.
 */
import {
  HISTORY_CHANGE_COLUMN,
  HISTORY_HEADER,
  historyRowsFor,
} from "../core/history";
import { cellNumber } from "../core/cell";
import { headerKey } from "../core/table";
import type { ReviewCells, ReviewColumns, TableData } from "./store";
import { EVALUATION_DATE, TABLE } from "./names";

/** One Partners cell a review writes: data row, column index, value. */
export interface ReviewCellWrite {
  row: number;
  column: number;
  value: string | number | null;
  /** The column's header, for its number format. */
  header: string;
}

/**
 * The Partners cells `cells` name, in `header` (the table's) and `rowCount` data rows.
 * Throws, before anything is written, for a column the table lacks or a row outside it.
 */
export function reviewCellWrites(
  header: readonly unknown[],
  rowCount: number,
  cells: readonly ReviewCells[],
): ReviewCellWrite[] {
  const keys = header.map(headerKey);
  return cells.flatMap(({ row, values }) => {
    if (!Number.isInteger(row) || row < 0 || row >= rowCount)
      throw new Error(
        `The ${TABLE.partners} table has no data row ${row + 1}: it changed since the review read it; nothing was written. Review again.`,
      );
    return Object.entries(values).map(([name, value]) => {
      const column = keys.indexOf(headerKey(name));
      if (column < 0)
        throw new Error(
          `The ${TABLE.partners} table has no ${name} column; nothing was written. Add the review columns from the Review section again.`,
        );
      return { row, column, value, header: String(header[column]) };
    });
  });
}

/** Refuses review columns the Partners table already has, naming them. */
export function refuseTakenColumns(
  header: readonly unknown[],
  columns: ReviewColumns,
  rowCount: number,
): void {
  const keys = new Set(header.map(headerKey));
  const taken = columns.header.filter((name) => keys.has(headerKey(name)));
  if (taken.length > 0)
    throw new Error(
      `The ${TABLE.partners} table already has ${taken.join(", ")}; nothing was added.`,
    );
  if (columns.rows.length !== rowCount)
    throw new Error(
      `The ${TABLE.partners} table has ${rowCount} rows, not ${columns.rows.length}: it changed since the review read it; nothing was added. Review again.`,
    );
}

/** The decision rows as the History table takes them. */
export interface HistoryLayout {
  /** The table's header after the write: as it was, then the columns added. */
  header: string[];
  /** Columns the write adds at the table's right (all of them for a new table). */
  added: string[];
  /** The rows, one cell per column of `header`; blank under columns the add-in does not know. */
  rows: unknown[][];
}

const DECISION_HEADER: readonly string[] = [
  ...HISTORY_HEADER,
  HISTORY_CHANGE_COLUMN,
];

/**
 * Lays decision rows (core's decisionRow) out under `tableHeader`, the History table's
 * header, with the Change column added where it lacks one; or under the five columns of a
 * new table where there is none (null). A table without one of the four History columns
 * throws (historyRowsFor), naming it.
 */
export function historyLayout(
  tableHeader: readonly string[] | null,
  rows: readonly (readonly unknown[])[],
): HistoryLayout {
  const existing = tableHeader ?? [];
  const has = new Set(existing.map(headerKey));
  const added = (
    tableHeader === null ? DECISION_HEADER : [HISTORY_CHANGE_COLUMN]
  ).filter((name) => !has.has(headerKey(name)));
  const header = [...existing, ...added];
  return { header, added, rows: historyRowsFor(header, rows) };
}

/**
 * The Evaluation table's date (the first data cell of its Evaluation date column, or of its
 * first column), as a whole-day serial; null without the table or a date in it.
 */
export function evaluationDateOf(evaluation: TableData | null): number | null {
  const at =
    evaluation?.header.map(headerKey).indexOf(headerKey(EVALUATION_DATE)) ?? 0;
  const serial = cellNumber(evaluation?.rows[0]?.[Math.max(0, at)]);
  return serial === null || serial <= 0 ? null : Math.floor(serial);
}
