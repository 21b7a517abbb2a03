/**
 * The ScorecardStore port: how the task pane reads and writes the scorecard that lives in the
 * workbook. The Excel adapter (excelStore.ts) implements it with Excel.run; the browser
 * workbook (src/preview) implements it over its grid. The pane only ever sees this interface.
 */

/** The raw cells of one table: its header and data rows, unknown columns included. */
export interface TableData {
  header: string[];
  rows: unknown[][];
  /**
   * Where a loaded table is, e.g. "Scorecard!A1:J8", when the store knows: the pane names
   * the cell of each problem with it. Not needed for save().
   */
  address?: string;
  /**
   * Whether the sheet holding a loaded table is protected, when the store knows: the pane says
   * so on opening, and nothing is written to it (Excel would refuse part of a batch).
   */
  sheetProtected?: boolean;
}

/** What the workbook holds of the scorecard. */
export interface WorkbookScorecard {
  /** The Criteria table, or null when the workbook has no scorecard yet. */
  criteria: TableData | null;
  /** The Tiers table, or null when absent. */
  tiers: TableData | null;
  /** The Partners table (values in columns named like the criteria), or null when absent. */
  partners: TableData | null;
}

/** A table to create: where it goes and what it holds ("=..." strings are formulas). */
export interface SheetTable {
  sheet: string;
  name: string;
  /** Address of the header row's first cell, e.g. "A1". */
  topLeft: string;
  header: string[];
  rows: unknown[][];
}

export interface ScorecardStore {
  /** Reads the Criteria, Tiers and Partners tables (the Excel adapter: in at most two syncs). */
  load(): Promise<WorkbookScorecard>;
  /**
   * Writes the Criteria and Tiers tables in one batch (the Excel adapter: one sync), resizing
   * them to the rows given. Columns the pane does not know are part of `rows` and written back.
   */
  save(criteria: TableData, tiers: TableData): Promise<void>;
  /** Creates the sample scorecard: the Scorecard and Partners sheets with their tables. */
  createSample(tables: SheetTable[]): Promise<void>;
  /**
   * Calls `listener` when the Criteria or Tiers table changes in the workbook by any other
   * hand than this store's own save. Resolves to a function that stops watching.
   */
  watch(listener: () => void): Promise<() => void>;
}
