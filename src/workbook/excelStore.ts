/* global Excel */
/**
 * The ScorecardStore over the real workbook, with Excel.run. This is the only file of the
 * add-in that touches the Excel API for the scorecard tables; everything it decides is done
 * by the pure helpers beside it (addresses, cell writing, echo filtering).
 *
 * API sets: ExcelApi 1.4 (getItemOrNullObject, getUsedRangeOrNullObject,
 * getIntersectionOrNullObject), 1.7 (Table.onChanged, Table.onSelectionChanged), 1.8
 * (Worksheet.onCalculated, where the host has it),
 * and ExcelApi 1.13 for Table.resize in save(): without it a table cannot be brought to an
 * exact row count in one batch, since its current size would have to be read first. The
 * manifest requires SharedRuntime 1.1, so the add-in loads only where that is (Excel on the
 * web, Microsoft 365 Version 2002+, Excel 2021+, Mac 16.35+); 1.13 is in all of them but
 * Microsoft 365 builds older than Version 2102, the one case NO_TABLE_RESIZE is written for
 * ("Excel JavaScript API requirement sets", "Shared runtime requirement sets").
 */
import { tableAddress } from "./address";
import { tableRectangle, writtenCell } from "./cellWrite";
import { EchoFilter, fingerprint } from "./echoFilter";
import { TABLE } from "./names";
import { WorkbookError } from "./writeFailure";
import { changedSinceCheck } from "./store";
import { queueSampleTable } from "./excelTable";
import { readListIn, setUpIn, undoSetUpIn } from "./excelListSetUp";
import { NO_CHARTS } from "./excelCharts";
import { addReviewColumnsIn, writeReviewIn } from "./excelReview";
import { evaluationDateOf } from "./reviewLayout";
import {
  appendHistory,
  setEvaluationDate,
  writeChartedSheet,
  writeOwnedSheet,
  writeValuesSheet,
} from "./excelSharingWrites";
import {
  watchEditedTables,
  watchPartners,
  watchPartnerSelection,
} from "./excelWatch";
import type {
  ChartedSheet,
  ChartStore,
  ListSetUp,
  ListSetUpStore,
  PartnerCellFix,
  PartnerColumnChanges,
  PartnerFixStore,
  ReviewColumns,
  ReviewStore,
  ReviewWrite,
  OwnedSheet,
  PartnerList,
  OwnedSheetWrite,
  ScorecardStore,
  SharingStore,
  SheetTable,
  LoadOptions,
  TableData,
  ValuesSheet,
  WorkbookScorecard,
} from "./store";

import {
  EDITED_TABLES,
  formulasLast,
  noRoomFor,
  queueTableWrite,
  readTables,
  type TableRoom,
} from "./excelTableIo";

export { noRoomFor, type TableRoom } from "./excelTableIo";

/** One table as readTables reads it (null when the workbook has none of that name). */
async function readTable(name: string): Promise<TableData | null> {
  const { data } = await Excel.run((context) => readTables(context, [name]));
  return data[0];
}

function changesColumns(plan: PartnerColumnChanges): boolean {
  return plan.renames.length > 0 || plan.inserts.headers.length > 0;
}

/**
 * Queues the Partners header's changes: renames written into the header cells (the values
 * below stay), then the new columns inserted with TableColumnCollection.add(index, values,
 * name) (Microsoft's Excel.TableColumnCollection page: "the previous column at this position
 * is shifted to the right"), inside the criteria's span so that A1 references over it grow.
 */
function queuePartnerColumns(
  table: Excel.Table,
  plan: PartnerColumnChanges,
): void {
  const header = table.getHeaderRowRange();
  for (const { column, header: name } of plan.renames)
    header.getCell(0, column).values = [[name]];
  plan.inserts.headers.forEach((name, i) =>
    table.columns.add(plan.inserts.before + i, undefined, name),
  );
}

export interface ExcelStoreOptions {
  /**
   * Whether this Excel has ExcelApi 1.13 (Table.resize), which save() needs. The caller asks
   * Office.context.requirements; without it save() refuses with a message a user can act on
   * instead of failing inside Excel.
   */
  canResizeTables?: boolean;
  /**
   * How long the Partners watch gathers Excel's calculation events before it reports them
   * (watchPartners); by default CALCULATION_WAIT_MS.
   */
  calculationWaitMs?: number;
  /**
   * Whether this Excel has the charts' requirement set (excelCharts.ts, CHARTS_API_SET); the
   * caller asks Office.context.requirements. Without it, writing charts refuses before
   * anything is written.
   */
  canDrawCharts?: boolean;
}

/**
 * A volatile PRM.CERTSTATUS in Partners (the sample has one) recalculates at every edit
 * anywhere in the workbook: the pane reads the workbook again at most once a second for it.
 */
export const CALCULATION_WAIT_MS = 1000;

export const NO_TABLE_RESIZE =
  "This version of Excel cannot resize tables (it lacks the ExcelApi 1.13 requirement set, in Microsoft 365 from Version 2102), so the pane cannot write the scorecard. Update Excel, or edit the Criteria and Tiers tables in the sheet: the PRM functions work either way.";

export class ExcelScorecardStore
  implements
    ScorecardStore,
    SharingStore,
    ListSetUpStore,
    PartnerFixStore,
    ChartStore,
    ReviewStore
{
  constructor(private readonly options: ExcelStoreOptions = {}) {}

  /** Whether Criteria / Tiers showed a totals row when last loaded (see queueTableWrite). */
  private totalsShown = new Map<string, boolean>();
  /** The edited tables whose sheet was protected when last loaded: save() refuses to start. */
  private onProtectedSheet: string[] = [];
  /** Whether the Partners sheet was protected when last loaded: its columns cannot follow. */
  private partnersProtected = false;
  /** How far each edited table could grow when last loaded (see noRoomFor). */
  private room = new Map<string, TableRoom>();
  private readonly echo = new EchoFilter(() =>
    Excel.run(async (context) =>
      fingerprint((await readTables(context, EDITED_TABLES)).data),
    ),
  );

  async load(options: LoadOptions = {}): Promise<WorkbookScorecard> {
    const names = [TABLE.criteria, TABLE.tiers, TABLE.partners];
    const { data, totals, room } = await Excel.run((context) =>
      readTables(context, names, EDITED_TABLES, options.formulasOf),
    );
    this.totalsShown = totals;
    this.room = room;
    const [criteria, tiers, partners] = data;
    this.onProtectedSheet = EDITED_TABLES.filter(
      (_, i) => data[i]?.sheetProtected === true,
    );
    this.partnersProtected = partners?.sheetProtected === true;
    return { criteria, tiers, partners };
  }

  /** Writes both tables in one batch (one sync); the rows given become the tables' rows. */
  async save(
    criteria: TableData,
    tiers: TableData,
    partnerColumns?: PartnerColumnChanges,
  ): Promise<void> {
    if (this.options.canResizeTables === false)
      throw new Error(NO_TABLE_RESIZE);
    // Excel would write the tables up to the first protected one and stop there: half a model.
    if (this.onProtectedSheet.length > 0)
      throw new WorkbookError(
        "AccessDenied",
        `The sheet with the ${this.onProtectedSheet.join(" and ")} table is protected; nothing was written.`,
      );
    if (
      partnerColumns &&
      changesColumns(partnerColumns) &&
      this.partnersProtected
    )
      throw new WorkbookError(
        "AccessDenied",
        `The sheet with the ${TABLE.partners} table is protected, so its columns cannot follow the criteria; nothing was written.`,
      );
    // Checked before anything is queued, so a malformed table writes nothing at all.
    const rectangles = [
      tableRectangle(TABLE.criteria, criteria),
      tableRectangle(TABLE.tiers, tiers),
    ];
    for (const [i, name] of EDITED_TABLES.entries()) {
      const blocked = noRoomFor(
        name,
        rectangles[i],
        this.totalsShown.get(name) ?? false,
        this.room.get(name),
      );
      if (blocked) throw new WorkbookError("NoRoom", blocked);
    }
    const saving = Excel.run(async (context) => {
      const tables = EDITED_TABLES.map((name) =>
        context.workbook.tables.getItem(name),
      );
      // Loading first makes a missing table fail the batch before any write of the other.
      tables.forEach((table) => table.load("name"));
      const partners =
        partnerColumns && changesColumns(partnerColumns)
          ? context.workbook.tables.getItem(TABLE.partners).load("name")
          : null;
      tables.forEach((table, i) =>
        queueTableWrite(
          table,
          rectangles[i],
          this.totalsShown.get(EDITED_TABLES[i]) ?? false,
        ),
      );
      if (partners && partnerColumns)
        queuePartnerColumns(partners, partnerColumns);
      await context.sync();
    });
    this.echo.expect(fingerprint([criteria, tiers]), saving);
    await saving;
  }

  /**
   * Creates the sample's sheets and tables. Refuses, before writing anything, when a table of
   * that name exists or an existing sheet has data where a table goes: it never overwrites.
   */
  async createSample(tables: SheetTable[]): Promise<void> {
    const ordered = formulasLast(tables);
    await Excel.run(async (context) => {
      const { worksheets } = context.workbook;
      const sheets = new Map(
        ordered.map((spec) => [
          spec.sheet,
          worksheets.getItemOrNullObject(spec.sheet),
        ]),
      );
      const sheetOf = (spec: SheetTable) =>
        sheets.get(spec.sheet) as Excel.Worksheet;
      const sameNamed = ordered.map((spec) =>
        context.workbook.tables.getItemOrNullObject(spec.name),
      );
      await context.sync();

      const taken = ordered
        .filter((_, i) => !sameNamed[i].isNullObject)
        .map((spec) => spec.name);
      if (taken.length > 0) {
        throw new Error(
          `The workbook already has a table named ${taken.join(" and ")}; the sample is only created in a workbook without a scorecard, and nothing was changed.`,
        );
      }
      const onExistingSheets = ordered
        .filter((spec) => !sheetOf(spec).isNullObject)
        .map((spec) => ({
          spec,
          used: sheetOf(spec)
            .getRange(tableAddress(spec))
            .getUsedRangeOrNullObject(true),
        }));
      if (onExistingSheets.length > 0) {
        await context.sync();
        const occupied = onExistingSheets.find((o) => !o.used.isNullObject);
        if (occupied) {
          const { sheet, name } = occupied.spec;
          throw new Error(
            `Sheet ${sheet} already has data in ${tableAddress(occupied.spec)}, where the sample's ${name} table goes; nothing was changed.`,
          );
        }
      }

      for (const [name, sheet] of sheets)
        if (sheet.isNullObject) sheets.set(name, worksheets.add(name));
      for (const spec of ordered) queueSampleTable(sheetOf(spec), spec);
      const last = ordered[ordered.length - 1];
      if (last) sheetOf(last).activate();
      await context.sync();
    });
  }

  /** The list on the active sheet (excelListSetUp.ts): at most two syncs, reads only. */
  async readList(): Promise<PartnerList | null> {
    return Excel.run((context) => readListIn(context));
  }

  /** Writes the set-up from a list: one sync of checks, then one write sync. */
  async setUpFromList(setUp: ListSetUp): Promise<void> {
    this.resizesTableOf(setUp);
    await Excel.run((context) => setUpIn(context, setUp));
  }

  /** The data check's fixes: one read sync to see the cells are as checked, one write sync. */
  async fixPartnerCells(fixes: readonly PartnerCellFix[]): Promise<void> {
    await Excel.run(async (context) => {
      const body = context.workbook.tables
        .getItem(TABLE.partners)
        .getDataBodyRange();
      const cells = fixes.map((fix) => {
        const cell = body.getCell(fix.row, fix.column);
        cell.load("address");
        return cell.load("values");
      });
      await context.sync();
      const changed = cells.findIndex(
        (cell, i) => cell.values[0][0] !== fixes[i].was,
      );
      if (changed >= 0)
        throw new Error(changedSinceCheck(cells[changed].address));
      cells.forEach(
        (cell, i) => (cell.values = [[writtenCell(fixes[i].value)]]),
      );
      await context.sync();
    });
  }

  /** A set-up over a list that is a table resizes it: throws NO_TABLE_RESIZE where Excel cannot. */
  private resizesTableOf(setUp: ListSetUp): void {
    if (this.options.canResizeTables === false && setUp.list.table !== null)
      throw new Error(NO_TABLE_RESIZE);
  }

  /** Takes the set-up back in one write sync. */
  async undoSetUp(setUp: ListSetUp): Promise<void> {
    this.resizesTableOf(setUp);
    await Excel.run((context) => undoSetUpIn(context, setUp));
  }

  /** A sheet the add-in owns (the copy for colleagues): excelSharingWrites.ts. */
  writeOwnedSheet(
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return writeOwnedSheet(sheet, onlyIfPresent);
  }

  /**
   * Writes the Dashboard: the owned sheet as writeOwnedSheet does, its former charts (by
   * name) deleted and `sheet.charts` added with the one write sync (excelSharingWrites.ts).
   * Refuses, before Excel is touched, where the host lacks the charts' requirement set.
   */
  writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    if (this.options.canDrawCharts === false)
      return Promise.reject(new Error(NO_CHARTS));
    return writeChartedSheet(sheet, onlyIfPresent);
  }

  /**
   * Watches the Criteria and Tiers tables that exist now (after createSample, watch again).
   * The listener is called for changes by any hand but this store's saves.
   */
  watch(listener: () => void): Promise<() => Promise<void>> {
    return watchEditedTables(this.echo, listener);
  }

  /** Watches the selection in the Partners table (excelWatch.ts). */
  watchPartnerSelection(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => Promise<void>> {
    return watchPartnerSelection(listener);
  }

  /** Watches the Partners table's cells and its sheet's calculation (excelWatch.ts). */
  watchPartners(listener: () => void): Promise<() => Promise<void>> {
    return watchPartners(
      listener,
      this.options.calculationWaitMs ?? CALCULATION_WAIT_MS,
    );
  }

  // ---- sharing: History and the values-only export ----

  loadHistory(): Promise<TableData | null> {
    return readTable(TABLE.history);
  }

  appendHistory(rows: unknown[][]): Promise<void> {
    return appendHistory(rows);
  }

  setEvaluationDate(serial: number): Promise<void> {
    return setEvaluationDate(serial);
  }

  // ---- the Review section (excelReview.ts) ----
  async readEvaluationDate(): Promise<number | null> {
    return evaluationDateOf(await readTable(TABLE.evaluation));
  }
  async addReviewColumns(columns: ReviewColumns): Promise<void> {
    await Excel.run((context) => addReviewColumnsIn(context, columns));
  }
  async writeReview(write: ReviewWrite): Promise<void> {
    await Excel.run((context) => writeReviewIn(context, write));
  }

  /** The values-only export, its charts (a partner's points) drawn in the same write: excelSharingWrites.ts. */
  writeValuesSheet(values: ValuesSheet): Promise<string> {
    if (
      (values.charts ?? []).length > 0 &&
      this.options.canDrawCharts === false
    )
      return Promise.reject(new Error(NO_CHARTS));
    return writeValuesSheet(values);
  }
}
