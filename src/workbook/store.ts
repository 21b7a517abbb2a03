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
  /**
   * The data rows as formulas (Excel's Range.formulas: a formula as "=...", any other cell
   * its value), when the load asked for them (`formulasOf`).
   */
  formulas?: unknown[][];
}

export interface LoadOptions {
  /** Tables whose data rows are read as formulas too, in the same round trips. */
  formulasOf?: readonly string[];
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

/**
 * A sheet the add-in writes whole and owns (the copy for colleagues, src/sharing): its first
 * cell (A1) holds `marker`, which is how a later write knows the sheet is the add-in's.
 * Cells are written as a table's are; "=..." strings are formulas.
 */
export interface OwnedSheet {
  name: string;
  marker: string;
  cells: unknown[][];
}

/** What writeOwnedSheet did: wrote it, or (with onlyIfPresent) found no such sheet. */
export type OwnedSheetWrite = "written" | "absent";

export interface ScorecardStore {
  /**
   * Reads the Criteria, Tiers and Partners tables (the Excel adapter: in two syncs up to 5,000
   * partners, one more per slice of a larger table, within Excel on the web's 5 MB).
   */
  load(options?: LoadOptions): Promise<WorkbookScorecard>;
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
  /**
   * Calls `listener` with the Partners data row (0-based) the user selects in the workbook, or
   * null when the selection is in the Partners table but on no data row (its header), and,
   * when the store can read them with it, that row's values as they are now (one per column
   * of the table). Resolves to a function that stops watching. Optional: a store that cannot
   * tell leaves it out, and the pane's partner view is then driven by its own list only.
   */
  watchPartnerSelection?(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => void>;
  /**
   * Calls `listener` when the Partners table's cells change, by any hand: typed, pasted, rows
   * added; and when its sheet is recalculated (where the host says so), for values computed
   * from other sheets, which raise no change event. Resolves to a function that stops
   * watching. Optional: where a store leaves it out, the pane reads the workbook again at
   * every partner selection instead, to show the Partners values as they are.
   */
  watchPartners?(listener: () => void): Promise<() => void>;
  /**
   * Writes `sheet` whole (the Excel adapter: reads, then one write sync): creates it, or
   * replaces the content of a sheet of that name whose A1 holds the marker. A sheet of that
   * name without the marker is the user's: it throws with a message and changes nothing.
   * With `onlyIfPresent`, a missing sheet is not created ("absent"). Optional, so that
   * stores written before it still compile; the pane offers the copy only where it exists.
   */
  writeOwnedSheet?(
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite>;
}

/**
 * A sheet of plain values the add-in writes (the values-only export), from cell A1. The
 * store writes it on a new sheet named `name`, or `name (2)`, `name (3)`... when that name
 * is taken: it never replaces a sheet.
 */
export interface ValuesSheet {
  name: string;
  cells: unknown[][];
  /** Excel number format codes, the same shape as `cells` ("General" for none). */
  numberFormats: string[][];
}

/**
 * What the pane's Sharing section reads and writes besides the scorecard tables: the History
 * table (DESIGN.md section 2, on its own sheet, created on first use) and the values-only
 * export. A separate port so that stores written before it (test doubles) still fit
 * ScorecardStore; both real stores implement it.
 */
export interface SharingStore {
  /** The History table, or null when the workbook has none yet. */
  loadHistory(): Promise<TableData | null>;
  /**
   * Appends rows (Date, Partner, Score, Tier) to the History table, creating its sheet and
   * table on first use; rows already there are never rewritten. The Excel adapter writes in
   * one sync. Refuses, writing nothing, where a Tier history sheet it did not make holds data
   * where the table would go.
   */
  appendHistory(rows: unknown[][]): Promise<void>;
  /** Writes a new sheet of values (one write sync in Excel); resolves to its name. */
  writeValuesSheet(sheet: ValuesSheet): Promise<string>;
  /**
   * Sets the Evaluation table's date (its first data cell) to `serial`, a day of the 1900
   * date system, in one write; throws NO_EVALUATION_TABLE, writing nothing, without the
   * table. Optional, so that stores written before it still fit.
   */
  setEvaluationDate?(serial: number): Promise<void>;
}

/** Whether a store can keep History and write exports (both real stores can). */
export function isSharingStore(
  store: ScorecardStore,
): store is ScorecardStore & SharingStore {
  const s = store as Partial<SharingStore>;
  return (
    typeof s.loadHistory === "function" &&
    typeof s.appendHistory === "function" &&
    typeof s.writeValuesSheet === "function"
  );
}
