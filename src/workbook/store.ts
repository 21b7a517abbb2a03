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

/** A native chart the add-in writes (issue 24), over a range of its own sheet, so it follows the data. */
export interface ChartSpec {
  /** Unique on its sheet, e.g. "PRM tiers": how a rewrite finds and replaces the add-in's own charts. */
  name: string;
  /** Excel.ChartType values: */
  type: "ColumnClustered" | "BarClustered" | "ColumnStacked" | "Line" | "Radar";
  title: string;
  /** The source range on the same sheet, A1 style ("A3:D7"): first row the series names, first column the categories. */
  source: string;
  /** Excel.ChartSeriesBy. */
  seriesBy: "Columns" | "Rows";
  /** The cells the chart covers (Chart.setPosition(startCell, endCell)). */
  position: { from: string; to: string };
}

/** An owned sheet (OwnedSheet: marker in A1) with the charts the add-in draws on it. */
export interface ChartedSheet extends OwnedSheet {
  charts: ChartSpec[];
}

/**
 * Native charts on a sheet the add-in owns (issue 24: the Dashboard). A separate port so that
 * stores written before it (test doubles) still fit ScorecardStore.
 */
export interface ChartStore {
  /**
   * Writes `sheet` as writeOwnedSheet does (never over a sheet without the marker; with
   * onlyIfPresent a missing sheet is not created) and replaces the charts the add-in drew on it
   * with `sheet.charts`, in one batch (Excel: its reads, then one write sync). Where the host
   * cannot draw charts, throws a clear message and writes nothing.
   */
  writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite>;
}

/** Whether a store can draw native charts on a sheet it owns. */
export function isChartStore(
  store: ScorecardStore,
): store is ScorecardStore & ChartStore {
  return implementsAll<ChartStore>(store, ["writeChartedSheet"]);
}

/**
 * What an Apply does to the Partners header so that its columns follow the criteria
 * (src/programme/partnerColumns.ts plans it), in the same write as the Criteria table.
 * Column indexes are those of the header as last loaded.
 */
export interface PartnerColumnChanges {
  /** Headers to rewrite in place: the column keeps its values. */
  renames: { column: number; header: string }[];
  /**
   * New columns (headers in this order), all inserted before column `before`: the last
   * criterion column, so that a formula's span over the criterion columns (the sample's
   * `C2:K2`, `C$1:K$1`) covers them, as Excel and the grid grow a reference when a column is
   * inserted inside it. Empty when nothing is added.
   */
  inserts: { before: number; headers: string[] };
}

export interface ScorecardStore {
  /**
   * Reads the Criteria, Tiers and Partners tables (the Excel adapter: in two syncs up to 5,000
   * partners, one more per slice of a larger table, within Excel on the web's 5 MB).
   */
  load(options?: LoadOptions): Promise<WorkbookScorecard>;
  /**
   * Writes the Criteria and Tiers tables in one batch (the Excel adapter: one sync), resizing
   * them to the rows given. Columns the pane does not know are part of `rows` and written back.
   * With `partnerColumns`, the Partners header follows in the same batch: renamed headers,
   * inserted columns (blank below their header); no Partners column is ever deleted.
   */
  save(
    criteria: TableData,
    tiers: TableData,
    partnerColumns?: PartnerColumnChanges,
  ): Promise<void>;
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
 * A partner list the user already has (issue 21, set-up): a table, or a range with a header
 * row, on the active sheet.
 */
export interface PartnerList {
  sheet: string;
  /** Address of the header row's first cell, e.g. "A1". */
  topLeft: string;
  header: string[];
  /** The data rows, read as Excel's range.values reads them (a blank as ""). */
  rows: unknown[][];
  /** The table's name when the list is a table; null for a range with a header row. */
  table: string | null;
  /** Every sheet's name in the workbook, so that a new sheet's name can be chosen free. */
  sheetNames: string[];
}

/** What set-up from a list writes, in one batch (src/programme/setup/setUpPlan.ts makes it). */
export interface ListSetUp {
  /** Where the list is, as read: its header row's first cell, its width and height (header included). */
  list: {
    sheet: string;
    topLeft: string;
    table: string | null;
    width: number;
    height: number;
  };
  /** The Criteria and Tiers tables, on a new sheet (its name free when the list was read). */
  tables: SheetTable[];
  /**
   * Columns added at the right of the list: headers and one row per partner ("=..." are
   * formulas). The list becomes (or is renamed) the Partners table, these columns included.
   */
  added: { header: string[]; rows: unknown[][] };
}

/**
 * Set-up from the user's own list: read it, write the scorecard for it in one batch, and
 * take that write back. A separate port so that stores written before it still fit
 * ScorecardStore; both real stores implement it.
 */
export interface ListSetUpStore {
  /**
   * The list on the active sheet: its first table, else the block of used cells from the
   * sheet's first used row (the header row); null when the active sheet is empty.
   */
  readList(): Promise<PartnerList | null>;
  /**
   * Adds the Criteria and Tiers tables on their new sheet, makes the list the Partners table
   * and fills the added columns, in one write. Refuses, writing nothing, when the sheet name
   * is taken, a Criteria, Tiers or other Partners table exists, or the cells the added
   * columns need hold data.
   */
  setUpFromList(setUp: ListSetUp): Promise<void>;
  /**
   * Takes a set-up back, in one write: removes the new sheet and the added columns, and
   * leaves the list as it was (a range again, or its table under its old name). The user's
   * cells are never touched.
   */
  undoSetUp(setUp: ListSetUp): Promise<void>;
}

/** Whether a store can set a scorecard up from the user's list (both real stores can). */
export function isListSetUpStore(
  store: ScorecardStore,
): store is ScorecardStore & ListSetUpStore {
  return implementsAll<ListSetUpStore>(store, [
    "readList",
    "setUpFromList",
    "undoSetUp",
  ]);
}

/** One Partners cell to correct (the data check's fixes): where, what it held when checked, and the fix. */
export interface PartnerCellFix {
  /** Data row (0-based) and column of the Partners table. */
  row: number;
  column: number;
  /** The cell's value when the check read it: a cell that holds another now is left alone. */
  was: unknown;
  value: string | number;
}

/**
 * Writes the data check's fixes into the Partners table in one write (the Excel adapter: one
 * read sync to see the cells still hold what was checked, then one write sync). Refuses,
 * writing nothing, when a cell changed since. Both real stores implement it.
 */
export interface PartnerFixStore {
  fixPartnerCells(fixes: readonly PartnerCellFix[]): Promise<void>;
}

export function isPartnerFixStore(
  store: ScorecardStore,
): store is ScorecardStore & PartnerFixStore {
  return implementsAll<PartnerFixStore>(store, ["fixPartnerCells"]);
}

/** The message when a cell to fix changed after the check read it. */
export function changedSinceCheck(address: string): string {
  return `${address} changed after the data check read it; nothing was written. Look at the check again.`;
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
  /** Native charts over the written values (issue 24), drawn in the same write. */
  charts?: ChartSpec[];
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
  return implementsAll<SharingStore>(store, [
    "loadHistory",
    "appendHistory",
    "writeValuesSheet",
  ]);
}

/**
 * Whether `store` has every one of `methods`: how the pane finds out which optional ports
 * (sharing, set-up, data fixes) a store implements.
 */
function implementsAll<Port>(
  store: ScorecardStore,
  methods: readonly (keyof Port & string)[],
): boolean {
  const s = store as unknown as Record<string, unknown>;
  return methods.every((method) => typeof s[method] === "function");
}

/**
 * The review columns to add to the Partners table (issue 22): headers, added at the table's
 * right, and one row of values per data row, in the table's row order.
 */
export interface ReviewColumns {
  header: string[];
  rows: unknown[][];
}

/** One Partners data row's review cells to write, by column name ("Assigned tier", "Since"...); null writes a blank. */
export interface ReviewCells {
  /** Data row (0-based) of the Partners table. */
  row: number;
  values: Record<string, string | number | null>;
}

/**
 * What approving (or undoing) a review writes, in one batch: the Partners review cells and the
 * decision rows appended to the History table.
 */
export interface ReviewWrite {
  partners: ReviewCells[];
  /**
   * Decision rows for History, as core's decisionRow makes them (Date, Partner, Score, Tier,
   * Change). The store lays them out under the table's columns found by name, adding the
   * Change column at its right where the table lacks it (a History made before reviews).
   */
  history: unknown[][];
}

/**
 * The pane's Review section's writes: the review columns of Partners and the decisions. A
 * separate port so that stores written before it still fit ScorecardStore; both real stores
 * implement it. Dates are written as serials with a date number format. Nothing else in
 * Partners is written (the Tier formula column never).
 */
export interface ReviewStore {
  /** The Evaluation table's date as a serial, or null without the table or a date in it. */
  readEvaluationDate(): Promise<number | null>;
  /**
   * Adds the review columns at the Partners table's right, filled, in one write (the Excel
   * adapter: one read sync, then one write sync). Refuses, writing nothing, when Partners
   * already has a column of one of those names.
   */
  addReviewColumns(columns: ReviewColumns): Promise<void>;
  /**
   * Writes the review cells and appends the decision rows, in one write (the Excel adapter:
   * its reads, then one write sync). Throws, writing nothing, when Partners lacks a named
   * column or a row is outside the table.
   */
  writeReview(write: ReviewWrite): Promise<void>;
}

export function isReviewStore(
  store: ScorecardStore,
): store is ScorecardStore & ReviewStore & SharingStore {
  return (
    isSharingStore(store) &&
    implementsAll<ReviewStore>(store, [
      "readEvaluationDate",
      "addReviewColumns",
      "writeReview",
    ])
  );
}
