/* global Excel, OfficeExtension */
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
import { parseCell, rangeAddress, tableAddress } from "./address";
import { tableRectangle, writtenCell, type WrittenCell } from "./cellWrite";
import { coalesce, gathered } from "./coalesce";
import { EchoFilter, fingerprint } from "./echoFilter";
import { EVALUATION_DATE, TABLE } from "./names";
import { evaluationDateFormula, NO_EVALUATION_TABLE } from "./evaluationDate";
import { numberFormatFor } from "./numberFormats";
import { freeSheetName } from "./sheetNames";
import { HISTORY_HEADER, historyRowsFor } from "../core/history";
import { SHEET } from "./names";
import { jsonBytes, writeSlices } from "./payload";
import { WorkbookError } from "./writeFailure";
import { changedSinceCheck } from "./store";
import { queueSampleTable } from "./excelTable";
import { readListIn, setUpIn, undoSetUpIn } from "./excelListSetUp";
import { addCharts, NO_CHARTS, replaceCharts } from "./excelCharts";
import { writeOwnedSheetIn } from "./excelOwnedSheet";
import type {
  ChartedSheet,
  ChartStore,
  ListSetUp,
  ListSetUpStore,
  PartnerCellFix,
  PartnerColumnChanges,
  PartnerFixStore,
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
    ChartStore
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
    if (this.options.canResizeTables === false && setUp.list.table !== null)
      throw new Error(NO_TABLE_RESIZE);
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

  /** Takes the set-up back in one write sync. */
  async undoSetUp(setUp: ListSetUp): Promise<void> {
    if (this.options.canResizeTables === false && setUp.list.table !== null)
      throw new Error(NO_TABLE_RESIZE);
    await Excel.run((context) => undoSetUpIn(context, setUp));
  }

  /**
   * Writes a sheet the add-in owns (the copy for colleagues): one or two reads to find the
   * sheet and its marker, then one write sync (excelOwnedSheet.ts).
   */
  async writeOwnedSheet(
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return Excel.run((context) =>
      writeOwnedSheetIn(context, sheet, onlyIfPresent),
    );
  }

  /**
   * Writes the Dashboard: the owned sheet as writeOwnedSheet does, its former charts (by
   * name) deleted and `sheet.charts` added with the one write sync. Refuses, before Excel is
   * touched, where the host lacks the charts' requirement set.
   */
  async writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    if (this.options.canDrawCharts === false) throw new Error(NO_CHARTS);
    return Excel.run((context) =>
      writeOwnedSheetIn(context, sheet, onlyIfPresent, {
        read: (existing) => replaceCharts(existing, sheet.charts),
        created: (added) => addCharts(added, sheet.charts),
      }),
    );
  }

  /**
   * Watches the Criteria and Tiers tables that exist now (after createSample, watch again).
   * The listener is called for changes by any hand but this store's saves.
   */
  async watch(listener: () => void): Promise<() => Promise<void>> {
    const check = coalesce(async () => {
      if (await this.echo.isForeign()) listener();
    });
    const subscriptions = await Excel.run(async (context) => {
      const tables = EDITED_TABLES.map((name) =>
        context.workbook.tables.getItemOrNullObject(name),
      );
      await context.sync();
      const found = tables.filter((table) => !table.isNullObject);
      const added = found.map((table) => table.onChanged.add(() => check()));
      if (added.length > 0) await context.sync();
      return added;
    });
    return () => removeHandlers(subscriptions);
  }

  /**
   * Watches the selection in the Partners table (if there is one now; after createSample,
   * watch again). Each selection reads, in one sync, the table's address (so rows inserted
   * above the table since do not shift the answer) and the selected row's values (so the
   * partner shows as it is now, also where its cells are formulas over other sheets, whose
   * recalculation raises no change event).
   */
  async watchPartnerSelection(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => Promise<void>> {
    return onPartnersTable((table) =>
      table.onSelectionChanged.add(async (event) => {
        if (!event.isInsideTable) return;
        const at = firstRow(event.address);
        const { top, values } = await Excel.run(async (ctx) => {
          const range = ctx.workbook.tables
            .getItem(TABLE.partners)
            .getRange()
            .load("address");
          const line = range
            .getIntersectionOrNullObject(`A${at + 1}:XFD${at + 1}`)
            .load("values");
          await ctx.sync();
          return {
            top: firstRow(range.address),
            values: line.isNullObject ? undefined : line.values[0],
          };
        });
        const row = at - top - 1;
        if (row < 0) listener(null);
        else listener(row, values);
      }),
    );
  }

  /**
   * Watches the Partners table's cells (if there is one now; after createSample, watch
   * again). The pane never writes Partners outside createSample, so every change is news.
   * Values computed from other sheets (an ERP extract, a training export) change with no
   * change event of the table's; its sheet's calculation (ExcelApi 1.8) is heard for them,
   * gathered (CALCULATION_WAIT_MS), and subscribed apart so that a host without it still
   * reports the table's changes.
   */
  async watchPartners(listener: () => void): Promise<() => Promise<void>> {
    const stopChanges = await onPartnersTable((table) =>
      table.onChanged.add(async () => listener()),
    );
    const calculated = gathered(
      listener,
      this.options.calculationWaitMs ?? CALCULATION_WAIT_MS,
    );
    let stopCalculations = async (): Promise<void> => {};
    try {
      stopCalculations = await onPartnersTable((table) =>
        table.worksheet.onCalculated.add(async () => calculated.call()),
      );
    } catch {
      /* ExcelApi 1.8 missing: a selected partner's row is still read as it is now */
    }
    return async () => {
      calculated.cancel();
      await stopChanges();
      await stopCalculations();
    };
  }

  // ---- sharing: History and the values-only export ----

  async loadHistory(): Promise<TableData | null> {
    const { data } = await Excel.run((context) =>
      readTables(context, [TABLE.history]),
    );
    return data[0];
  }

  /**
   * One sync to learn whether the History table (or sheet) exists, one more to read the
   * table's header (or to check a Tier history sheet without the table for data), then one write:
   * rows are added at the table's end under the columns of those names (Excel shifts nothing
   * of the rows already there), or the sheet and table are created holding them.
   */
  async appendHistory(rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    const spec: SheetTable = {
      sheet: SHEET.history,
      name: TABLE.history,
      topLeft: "A1",
      header: [...HISTORY_HEADER],
      rows,
    };
    // Checked before anything is queued: a malformed row writes nothing at all.
    const [, ...written] = tableRectangle(TABLE.history, spec);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(TABLE.history);
      const sheet = context.workbook.worksheets.getItemOrNullObject(
        SHEET.history,
      );
      await context.sync();
      if (!table.isNullObject) {
        // Its columns as they are now: a user may have added some, or reordered them.
        const header = table.getHeaderRowRange().load("values");
        await context.sync();
        const columns = (header.values[0] ?? []).map(String);
        await appendRows(
          context,
          table,
          columns,
          historyRowsFor(columns, written) as WrittenCell[][],
        );
        return;
      }
      if (!sheet.isNullObject) {
        const used = sheet
          .getRange(tableAddress(spec))
          .getUsedRangeOrNullObject(true);
        await context.sync();
        if (!used.isNullObject)
          throw new Error(
            `Sheet ${SHEET.history} already has data in ${tableAddress(spec)}, where the History table goes; nothing was written. Rename that sheet, or make its data a table named History with the columns ${HISTORY_HEADER.join(", ")}.`,
          );
      }
      const target = sheet.isNullObject
        ? context.workbook.worksheets.add(SHEET.history)
        : sheet;
      // A snapshot of many partners is more than one request carries: the table is made
      // with the first slice, and the rest are added to it (appendRows).
      // (Sliced as given: queueSampleTable makes the written cells itself.)
      const [first] = writeSlices(rows, (_, i) => 2 * jsonBytes(written[i]));
      const created = queueSampleTable(
        target,
        { ...spec, rows: first },
        writtenCell,
      );
      await context.sync();
      await appendRows(
        context,
        created,
        spec.header,
        written.slice(first.length),
      );
    });
  }

  /** One sync to find the Evaluation table, one to write its date. */
  async setEvaluationDate(serial: number): Promise<void> {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(
        TABLE.evaluation,
      );
      await context.sync();
      if (table.isNullObject) throw new Error(NO_EVALUATION_TABLE);
      const cell = table.getDataBodyRange().getCell(0, 0);
      cell.formulas = [[evaluationDateFormula(serial)]];
      cell.numberFormat = [[numberFormatFor(EVALUATION_DATE) ?? "yyyy-mm-dd"]];
      await context.sync();
    });
  }

  /**
   * One sync for the sheet names, one to write the new sheet (one per slice of a large one),
   * its charts (a partner's points per perspective) added with the last.
   */
  async writeValuesSheet(values: ValuesSheet): Promise<string> {
    if (
      (values.charts ?? []).length > 0 &&
      this.options.canDrawCharts === false
    )
      throw new Error(NO_CHARTS);
    const cells = values.cells.map((row) => row.map(writtenCell));
    const columns = Math.max(1, ...cells.map((row) => row.length));
    if (cells.some((row) => row.length !== columns))
      throw new Error("Every row of a values sheet needs as many cells");
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const name = freeSheetName(
        values.name,
        sheets.items.map((sheet) => sheet.name),
      );
      const sheet = sheets.add(name);
      const slices = writeSlices(
        cells.map((_, row) => row),
        (row) => jsonBytes(cells[row]) + jsonBytes(values.numberFormats[row]),
      );
      for (const [i, rows] of slices.entries()) {
        if (rows.length > 0) {
          const range = sheet.getRange(
            rangeAddress({ row: rows[0], column: 0 }, rows.length, columns),
          );
          range.values = rows.map((row) => cells[row]);
          range.numberFormat = rows.map((row) => values.numberFormats[row]);
        }
        if (i === slices.length - 1) {
          sheet
            .getRange(rangeAddress("A1", Math.max(1, cells.length), columns))
            .format.autofitColumns();
          addCharts(sheet, values.charts ?? []);
          sheet.activate();
        }
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
        await context.sync();
      }
      return name;
    });
  }
}

/**
 * Adds `rows` at the end of `table` (laid out as its `columns`), with the number formats its
 * columns call for: one sync per slice that one request can carry (payload.ts).
 */
async function appendRows(
  context: Excel.RequestContext,
  table: Excel.Table,
  columns: readonly string[],
  rows: WrittenCell[][],
): Promise<void> {
  const formats = columns.map((h) => numberFormatFor(h) ?? "General");
  const rowBytes = (row: WrittenCell[]) => jsonBytes(row) + jsonBytes(formats);
  for (const slice of writeSlices(rows, rowBytes)) {
    if (slice.length === 0) continue;
    table.rows.add(undefined, slice);
    table
      .getDataBodyRange()
      .getLastRow()
      .getOffsetRange(1 - slice.length, 0)
      .getResizedRange(slice.length - 1, 0).numberFormat = slice.map(
      () => formats,
    );
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
    await context.sync();
  }
}

/** The 0-based sheet row of an address's first cell: "Partners!A1:M31" or "C5:E7" -> 0 or 4. */
function firstRow(address: string): number {
  const cells = address.slice(address.lastIndexOf("!") + 1);
  return parseCell(cells.split(":")[0].replace(/\$/g, "")).row;
}

/**
 * Adds one handler to the Partners table, if the workbook has one now; resolves to a function
 * that removes it (a no-op without the table).
 */
async function onPartnersTable(
  add: (table: Excel.Table) => OfficeExtension.EventHandlerResult<unknown>,
): Promise<() => Promise<void>> {
  const subscriptions = await Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(TABLE.partners);
    await context.sync();
    if (table.isNullObject) return [];
    const added = add(table);
    await context.sync();
    return [added];
  });
  return () => removeHandlers(subscriptions);
}

async function removeHandlers(
  subscriptions: readonly OfficeExtension.EventHandlerResult<unknown>[],
): Promise<void> {
  if (subscriptions.length === 0) return;
  // Handlers are removed in the context they were added in (Office's documented way).
  await Excel.run(
    subscriptions[0].context as Excel.RequestContext,
    async (context) => {
      subscriptions.forEach((subscription) => subscription.remove());
      await context.sync();
    },
  );
}
