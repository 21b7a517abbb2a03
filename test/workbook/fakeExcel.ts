/**
 * A small stateful stand-in for the part of the Excel API the store uses. Why not only
 * office-addin-mock: its objects are fixed property trees, so what save() writes never shows
 * up in a later load, tables cannot be created, resized or cleared, and nothing raises
 * onChanged. watch() and the sample's creation need all of that.
 *
 * Faithful where the store could go wrong: operations apply in order; `values` can only be
 * read after load("values") and a sync; `isNullObject` only after a sync; onChanged events
 * arrive after the batch that caused them has finished, asynchronously, as in Excel
 * (OfficeDev/office-js#1122); text written with a leading ' is stored without it, and
 * numeric text without it becomes a number. Not modelled: formulas are stored, not
 * calculated; totals rows; formats other than numberFormat; rows.add does not shift cells
 * below a table down (it writes over them).
 *
 * `writeSyncs` counts the syncs that sent a change (a write since the previous sync): the
 * store promises one write sync per action.
 *
 * Excel on the web's 5 MB per request and per response (Microsoft, "Resource limits and
 * performance optimization for Office Add-ins"): the JSON size of the cells written (values,
 * formulas, number formats, rows added) and of the cells read in one sync is summed, and a sync
 * past PAYLOAD_LIMIT_BYTES fails with RequestPayloadSizeLimitExceeded or
 * ResponsePayloadSizeLimitExceeded; its batch never reaches the workbook.
 *
 * Failures, as Excel has them: a write to a protected sheet throws AccessDenied where it is
 * made, after the writes before it took effect (Excel's batches are not transactions); a
 * dropped connection (dropNextSync) fails the sync and the batch never reaches the workbook.
 */
import {
  parseCell,
  quoteSheetName,
  rangeAddress,
} from "../../src/workbook/address";
import type { TableData } from "../../src/workbook/store";
import {
  assertSheetName,
  sheetNameProblem,
} from "../../src/workbook/sheetNames";

interface Rect {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

type Handler = (args: unknown) => Promise<unknown>;

/** Excel on the web's limit, read strictly: 5 MB as 5,000,000 bytes of JSON. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;

const jsonSize = (value: unknown): number => JSON.stringify(value).length;

/** An error as Excel's batches raise it (OfficeExtension.Error has a code and a message). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/**
 * A chart on a sheet, as the tests inspect it: what charts.add(type, sourceData, seriesBy),
 * name, title.text and setPosition(startCell, endCell) set (Microsoft's Excel.ChartCollection
 * and Excel.Chart pages).
 */
export interface ChartModel {
  name: string;
  type: string;
  /** The source range's address on the chart's own sheet, "A3:B7". */
  source: string;
  seriesBy: string;
  title: string;
  position: { from: string; to: string | undefined } | null;
}

/** The Excel.ChartType values the fake draws (the ones the add-in uses, and a few more). */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Radar",
  "RadarMarkers",
  "Pie",
]);

class SheetModel {
  readonly cells = new Map<string, unknown>();
  /** Its charts, in the order they were added (Worksheet.charts). */
  charts: ChartModel[] = [];
  readonly formats = new Map<string, string>();
  autofitted = 0;
  protected = false;
  /** Worksheet.onCalculated handlers (ExcelApi 1.8). */
  readonly calculatedHandlers = new Set<Handler>();
  /** Where each change's undo is recorded, so a failed sync can put the cells back. */
  record: (undo: () => void) => void = () => undefined;
  constructor(public name: string) {}

  read(row: number, column: number): unknown {
    return this.cells.get(`${row},${column}`) ?? "";
  }

  write(row: number, column: number, value: unknown): void {
    if (this.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell you're trying to change is on protected sheet ${this.name}.`,
      );
    const stored = storedValue(value);
    const key = `${row},${column}`;
    this.remember(this.cells, key);
    if (stored === "") this.cells.delete(key);
    else this.cells.set(key, stored);
  }

  setFormat(row: number, column: number, format: string | null): void {
    const key = `${row},${column}`;
    this.remember(this.formats, key);
    if (format === null) this.formats.delete(key);
    else this.formats.set(key, format);
  }

  private remember<T>(map: Map<string, T>, key: string): void {
    if (map.has(key)) {
      const before = map.get(key) as T;
      this.record(() => map.set(key, before));
    } else this.record(() => map.delete(key));
  }
}

class TableModel {
  readonly handlers = new Set<Handler>();
  readonly selectionHandlers = new Set<Handler>();
  showTotals = false;
  constructor(
    public readonly id: string,
    public name: string,
    public readonly sheet: SheetModel,
    public rect: Rect,
  ) {}
}

/** What Excel stores for a value written like typing (the subset the store relies on). */
function storedValue(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  if (/^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

function parseRange(address: string): Rect {
  const [first, last = first] = address.split(":");
  const a = parseCell(first);
  const b = parseCell(last);
  return {
    top: a.row,
    left: a.column,
    rows: b.row - a.row + 1,
    columns: b.column - a.column + 1,
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.top < b.top + b.rows &&
    b.top < a.top + a.rows &&
    a.left < b.left + b.columns &&
    b.left < a.left + a.columns
  );
}

function notSynced(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before context.sync()`);
}

export class FakeExcel {
  readonly sheets = new Map<string, SheetModel>();
  readonly tables: TableModel[] = [];
  activeSheet: string | null = null;
  syncs = 0;
  writeSyncs = 0;
  /** The largest request and response a sync carried so far, in bytes of JSON. */
  largestRequest = 0;
  largestResponse = 0;
  /** Bytes of cells written since the last sync. */
  requestBytes = 0;
  /** A change was made since the last sync. */
  written = false;
  private nextTableId = 1;
  private changed = new Set<TableModel>();
  private dropping = false;
  /** As a host without ExcelApi 1.8 (Excel 2016): subscribing to onCalculated fails at the sync. */
  calculatedEventMissing = false;
  /** As a host without ExcelApi 1.4: ChartCollection.getItemOrNullObject fails at the sync. */
  chartLookupMissing = false;

  /** Excel.run(batch) and Excel.run(context, batch). */
  run = async <T>(...args: unknown[]): Promise<T> => {
    const batch = args[args.length - 1] as (context: FakeContext) => Promise<T>;
    return batch(new FakeContext(this));
  };

  /** The next sync fails as when the network to Excel on the web drops: its batch never arrives. */
  dropNextSync(): void {
    this.dropping = true;
  }

  /** Whether the next sync is to be dropped (and from then on, not). */
  takeDrop(): boolean {
    const drop = this.dropping;
    this.dropping = false;
    return drop;
  }

  /** The undo of every cell and format change, in order (a journal: copying a large workbook at every sync is too slow). */
  private readonly journal: (() => void)[] = [];
  /** Whether changes are journaled: not while a test arranges the workbook (addTable). */
  private journaling = true;

  /** Everything a batch can change, to put back when its sync never arrives. */
  snapshot(): () => void {
    const mark = this.journal.length;
    const tables = this.tables.map((table) => ({
      table,
      name: table.name,
      rect: { ...table.rect },
      showTotals: table.showTotals,
    }));
    const list = [...this.tables];
    const charts = [...this.sheets.values()].map((sheet) => ({
      sheet,
      charts: sheet.charts.map((chart) => ({ chart, was: { ...chart } })),
    }));
    return () => {
      while (this.journal.length > mark) this.journal.pop()!();
      for (const { sheet, charts: kept } of charts)
        sheet.charts = kept.map(({ chart, was }) => Object.assign(chart, was));
      for (const { table, name, rect, showTotals } of tables)
        Object.assign(table, { name, rect, showTotals });
      this.tables.splice(0, this.tables.length, ...list);
      this.changed.clear();
    };
  }

  /** Protects a sheet (Review > Protect Sheet): writes to it throw AccessDenied. */
  protect(sheetName: string, on = true): void {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    sheet.protected = on;
  }

  /** Deletes a table by another hand, its cells left as plain cells (Convert to Range). */
  deleteTable(name: string): void {
    this.tables.splice(this.tables.indexOf(this.table(name)), 1);
  }

  // ----- for the tests: arrange and inspect the workbook -----

  /** Refuses, as Excel does, a sheet name Excel refuses ("Rename a worksheet"): no test may pass on one. */
  addSheet(name: string): SheetModel {
    assertSheetName(name, [...this.sheets.keys()]);
    const sheet = new SheetModel(name);
    sheet.record = (undo) => {
      if (this.journaling) this.journal.push(undo);
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  addTable(
    sheetName: string,
    name: string,
    topLeft: string,
    data: TableData,
  ): void {
    const sheet = this.sheets.get(sheetName) ?? this.addSheet(sheetName);
    const rect = parseRange(
      rangeAddress(topLeft, data.rows.length + 1, data.header.length),
    );
    this.journaling = false;
    [data.header, ...data.rows].forEach((row, r) =>
      row.forEach((cell, c) => sheet.write(rect.top + r, rect.left + c, cell)),
    );
    this.journaling = true;
    this.tables.push(
      new TableModel(String(this.nextTableId++), name, sheet, rect),
    );
  }

  table(name: string): TableModel {
    const table = this.tables.find((t) => t.name === name);
    if (!table) throw new Error(`No table ${name}`);
    return table;
  }

  /** The table's cells now: header, then rows. */
  tableData(name: string): TableData {
    const { sheet, rect } = this.table(name);
    const row = (r: number) =>
      Array.from({ length: rect.columns }, (_, c) =>
        sheet.read(rect.top + r, rect.left + c),
      );
    return {
      header: row(0).map(String),
      rows: Array.from({ length: rect.rows - 1 }, (_, r) => row(r + 1)),
    };
  }

  /** Every event handler the workbook holds now: tables' change and selection, sheets' calculation. */
  handlerCount(): number {
    const tables = this.tables.reduce(
      (n, t) => n + t.handlers.size + t.selectionHandlers.size,
      0,
    );
    return [...this.sheets.values()].reduce(
      (n, sheet) => n + sheet.calculatedHandlers.size,
      tables,
    );
  }

  /** The charts of a sheet now, in the order they were added. */
  charts(sheetName: string): ChartModel[] {
    return (this.sheets.get(sheetName)?.charts ?? []).map((chart) => ({
      ...chart,
    }));
  }

  cell(sheetName: string, address: string): unknown {
    const { row, column } = parseCell(address);
    return this.sheets.get(sheetName)?.read(row, column);
  }

  /** A change by another hand (a user typing, a co-author): raises onChanged like Excel. */
  edit(sheetName: string, address: string, value: unknown): void {
    this.writeByAnotherHand(sheetName, address, value, true);
    this.deliverEvents();
  }

  /**
   * A formula's cell takes a new value because a cell it reads on another sheet changed (an
   * ERP extract pasted in): as in Excel, no table raises onChanged for it, and the sheet raises
   * onCalculated (ExcelApi 1.8) with the calculated range's address, after a turn.
   */
  recalculated(sheetName: string, address: string, value: unknown): void {
    const sheet = this.writeByAnotherHand(sheetName, address, value, false);
    setTimeout(() => {
      for (const handler of sheet.calculatedHandlers)
        void handler({
          type: "WorksheetCalculated",
          worksheetId: sheet.name,
          address,
        });
    }, 0);
  }

  /**
   * Writes a cell outside any batch of the store's (no part of what its next sync sends);
   * `changesTables`: the tables over it are to raise onChanged.
   */
  private writeByAnotherHand(
    sheetName: string,
    address: string,
    value: unknown,
    changesTables: boolean,
  ): SheetModel {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const { row, column } = parseCell(address);
    const batchWrote = this.written;
    sheet.write(row, column, value);
    if (changesTables)
      this.touched(sheet, { top: row, left: column, rows: 1, columns: 1 });
    this.written = batchWrote;
    return sheet;
  }

  /**
   * The user selects a cell (or range, "C5:E7") on a sheet: like Excel, each table of that
   * sheet with a selection handler hears whether the selection is inside it, after a turn.
   */
  select(sheetName: string, address: string): void {
    const sheet = this.sheets.get(sheetName);
    if (!sheet) throw new Error(`No sheet ${sheetName}`);
    const rect = parseRange(address);
    setTimeout(() => {
      for (const table of this.tables) {
        if (table.sheet !== sheet) continue;
        const inside = overlaps(table.rect, { ...rect, rows: 1, columns: 1 });
        for (const handler of table.selectionHandlers)
          void handler({
            tableId: table.id,
            type: "TableSelectionChanged",
            isInsideTable: inside,
            address: inside ? address : "",
          });
      }
    }, 0);
  }

  /** Lets delivered events and the work they start (reads through Excel.run) finish. */
  async settle(): Promise<void> {
    for (let i = 0; i < 20; i++)
      await new Promise((resolve) => setTimeout(resolve, 0));
  }

  // ----- for the proxies -----

  touched(sheet: SheetModel, rect: Rect): void {
    this.written = true;
    for (const table of this.tables)
      if (table.sheet === sheet && overlaps(table.rect, rect))
        this.changed.add(table);
  }

  /** Events reach handlers after the batch, on a later turn of the event loop. */
  deliverEvents(): void {
    const changed = [...this.changed];
    this.changed.clear();
    setTimeout(() => {
      for (const table of changed)
        for (const handler of table.handlers)
          void handler({ tableId: table.id, type: "TableChanged" });
    }, 0);
  }

  newTableId(): string {
    return String(this.nextTableId++);
  }
}

class FakeContext {
  private readonly created: { synced: boolean }[] = [];
  private readonly loads: FakeRange[] = [];
  readonly workbook: { tables: FakeTables; worksheets: FakeWorksheets };
  /** Puts the workbook back as it was before this batch's writes (for a dropped sync). */
  private rollback: () => void;

  constructor(readonly excel: FakeExcel) {
    this.workbook = {
      tables: new FakeTables(this),
      worksheets: new FakeWorksheets(this),
    };
    this.rollback = excel.snapshot();
  }

  track<T extends { synced: boolean }>(proxy: T): T {
    this.created.push(proxy);
    return proxy;
  }

  requestValues(range: FakeRange): void {
    this.loads.push(range);
  }

  /** A queued request the host cannot run (an API it lacks): the batch's sync throws it. */
  private failure: Error | null = null;
  failNextSync(error: Error): void {
    this.failure = error;
  }

  async sync(): Promise<void> {
    this.excel.syncs++;
    const request = this.excel.requestBytes;
    this.excel.requestBytes = 0;
    const failure = this.failure;
    this.failure = null;
    if (failure) throw failure;
    const response = this.loads.reduce(
      (bytes, range) => bytes + range.responseBytes(),
      0,
    );
    this.excel.largestRequest = Math.max(this.excel.largestRequest, request);
    this.excel.largestResponse = Math.max(this.excel.largestResponse, response);
    const tooLarge =
      request > PAYLOAD_LIMIT_BYTES
        ? new FakeOfficeError(
            "RequestPayloadSizeLimitExceeded",
            "The request payload size has exceeded the limit.",
          )
        : response > PAYLOAD_LIMIT_BYTES
          ? new FakeOfficeError(
              "ResponsePayloadSizeLimitExceeded",
              "The response payload size has exceeded the limit.",
            )
          : null;
    if (tooLarge) {
      this.loads.splice(0);
      this.rollback();
      this.excel.written = false;
      throw tooLarge;
    }
    if (this.excel.takeDrop()) {
      this.rollback();
      this.excel.written = false;
      throw new FakeOfficeError(
        "RequestAborted",
        "The request was aborted: the connection to Excel was lost.",
      );
    }
    this.rollback = this.excel.snapshot();
    if (this.excel.written) this.excel.writeSyncs++;
    this.excel.written = false;
    for (const proxy of this.created) proxy.synced = true;
    for (const range of this.loads.splice(0)) range.snapshot();
    this.excel.deliverEvents();
  }
}

class FakeTables {
  constructor(private readonly context: FakeContext) {}

  getItemOrNullObject(name: string): FakeTable {
    const model =
      this.context.excel.tables.find(
        (t) => t.name.toLowerCase() === name.toLowerCase(),
      ) ?? null;
    return this.context.track(new FakeTable(this.context, model));
  }

  getItem(name: string): FakeTable {
    const table = this.getItemOrNullObject(name);
    if (table.model === null)
      throw new FakeOfficeError("ItemNotFound", `table ${name}`);
    return table;
  }
}

class FakeWorksheets {
  synced = false;
  constructor(private readonly context: FakeContext) {}

  /** Only load("items/name") is modelled: the sheets' names, readable after a sync. */
  load(properties: string): this {
    if (properties !== "items/name")
      throw new Error(
        `The fake loads only items/name of the sheets, not ${properties}`,
      );
    return this.context.track(this);
  }

  get items(): { name: string }[] {
    if (!this.synced) return notSynced("items");
    return [...this.context.excel.sheets.keys()].map((name) => ({ name }));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.context.track(
      new FakeWorksheet(
        this.context,
        this.context.excel.sheets.get(name) ?? null,
      ),
    );
  }

  getItem(name: string): FakeWorksheet {
    const sheet = this.context.excel.sheets.get(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `sheet ${name}`);
    return this.context.track(new FakeWorksheet(this.context, sheet));
  }

  /** The sheet the user looks at: FakeExcel.activeSheet, else the first. */
  getActiveWorksheet(): FakeWorksheet {
    const { sheets, activeSheet } = this.context.excel;
    const sheet =
      (activeSheet !== null ? sheets.get(activeSheet) : undefined) ??
      [...sheets.values()][0];
    return this.context.track(new FakeWorksheet(this.context, sheet));
  }

  add(name: string): FakeWorksheet {
    const taken = [...this.context.excel.sheets.keys()].some(
      (sheet) => sheet.toLowerCase() === name.toLowerCase(),
    );
    if (taken) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    const problem = sheetNameProblem(name);
    if (problem !== null) throw new Error(`InvalidArgument: ${problem}`);
    this.context.excel.written = true;
    const sheet = this.context.track(
      new FakeWorksheet(this.context, this.context.excel.addSheet(name)),
    );
    sheet.synced = true;
    return sheet;
  }
}

class FakeWorksheet {
  synced = false;

  constructor(
    readonly context: FakeContext,
    readonly model: SheetModel | null,
  ) {}

  /** The sheet's tables: add, and load("items/name") then items, readable after a sync. */
  get tables() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the items getter below needs its sheet
    const worksheet = this;
    const tables = {
      load: (properties: string) => {
        if (properties !== "items/name")
          throw new Error(
            `The fake loads only items/name of a sheet's tables, not ${properties}`,
          );
        worksheet.context.track(worksheet);
        return tables;
      },
      get items(): FakeTable[] {
        if (!worksheet.synced) return notSynced("items");
        return worksheet.context.excel.tables
          .filter((t) => t.sheet === worksheet.model)
          .map((t) => new FakeTable(worksheet.context, t));
      },
      add: (address: string, hasHeaders: boolean): FakeTable => {
        if (!hasHeaders)
          throw new Error("The fake only makes tables with headers");
        const sheet = this.existing();
        const rect = parseRange(address);
        if (
          this.context.excel.tables.some(
            (t) => t.sheet === sheet && overlaps(t.rect, rect),
          )
        ) {
          throw new Error(
            "InvalidArgument: a table cannot overlap another table",
          );
        }
        this.context.excel.written = true;
        const id = this.context.excel.newTableId();
        const model = new TableModel(id, `Table${id}`, sheet, rect);
        this.context.excel.tables.push(model);
        return new FakeTable(this.context, model);
      },
    };
    return tables;
  }

  /** Worksheet.charts: add, getItemOrNullObject (by name, the first of that name, any case). */
  get charts() {
    const sheet = this.existing();
    const { context } = this;
    return {
      add: (
        type: string,
        sourceData: FakeRange,
        seriesBy = "Auto",
      ): FakeChart => {
        if (!CHART_TYPES.has(type))
          throw new Error(
            `InvalidArgument: the fake draws no chart of type ${type}`,
          );
        if (!["Auto", "Columns", "Rows"].includes(seriesBy))
          throw new Error(`InvalidArgument: seriesBy ${seriesBy}`);
        if (sourceData.sheet !== sheet)
          throw new Error(
            "InvalidArgument: the fake draws a chart over a range of its own sheet only",
          );
        const { top, left, rows, columns } = sourceData.rect;
        const model: ChartModel = {
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: rangeAddress({ row: top, column: left }, rows, columns),
          seriesBy,
          title: "",
          position: null,
        };
        sheet.charts.push(model);
        context.excel.written = true;
        context.excel.requestBytes += jsonSize(model);
        return new FakeChart(context, sheet, model);
      },
      getItemOrNullObject: (name: string): FakeChart => {
        if (context.excel.chartLookupMissing)
          context.failNextSync(
            new FakeOfficeError(
              "ApiNotFound",
              "The requested API is not supported.",
            ),
          );
        const model =
          sheet.charts.find(
            (chart) => chart.name.toLowerCase() === name.toLowerCase(),
          ) ?? null;
        return context.track(new FakeChart(context, sheet, model));
      },
    };
  }

  get isNullObject(): boolean {
    return this.synced ? this.model === null : notSynced("isNullObject");
  }

  /** load("name") only; the name is readable after a sync. */
  load(properties: string): this {
    if (properties !== "name")
      throw new Error(`The fake loads only a sheet's name, not ${properties}`);
    return this.context.track(this);
  }

  get name(): string {
    return this.synced ? this.existing().name : notSynced("name");
  }

  /** As Excel: the smallest range holding every cell with a value, or a null object. */
  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    const sheet = this.existing();
    const at = [...sheet.cells.keys()].map((key) => key.split(",").map(Number));
    if (at.length === 0)
      return this.context.track(
        new FakeRange(
          this.context,
          sheet,
          { top: 0, left: 0, rows: 1, columns: 1 },
          true,
        ),
      );
    const top = Math.min(...at.map(([r]) => r));
    const left = Math.min(...at.map(([, c]) => c));
    const rect = {
      top,
      left,
      rows: Math.max(...at.map(([r]) => r)) - top + 1,
      columns: Math.max(...at.map(([, c]) => c)) - left + 1,
    };
    return new FakeRange(this.context, sheet, rect).getUsedRangeOrNullObject(
      valuesOnly,
    );
  }

  /** Deletes the sheet with its tables. */
  delete(): void {
    const sheet = this.existing();
    const { excel } = this.context;
    excel.sheets.delete(sheet.name);
    excel.tables.splice(
      0,
      excel.tables.length,
      ...excel.tables.filter((t) => t.sheet !== sheet),
    );
    excel.written = true;
  }

  existing(): SheetModel {
    if (this.model === null)
      throw new Error("ItemNotFound: the sheet does not exist");
    return this.model;
  }

  /** A range by address; without one, the whole sheet (the fake: as far as its cells are used). */
  getRange(address?: string): FakeRange {
    const sheet = this.existing();
    if (address !== undefined)
      return new FakeRange(this.context, sheet, parseRange(address));
    let rows = 1;
    let columns = 1;
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(",").map(Number);
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
    return new FakeRange(this.context, sheet, {
      top: 0,
      left: 0,
      rows,
      columns,
    });
  }

  activate(): void {
    this.context.excel.activeSheet = this.existing().name;
  }
}

/** An Excel.Chart: name, title.text, setPosition and delete are what the store uses. */
class FakeChart {
  synced = false;
  constructor(
    private readonly context: FakeContext,
    private readonly sheet: SheetModel,
    private readonly model: ChartModel | null,
  ) {}

  get isNullObject(): boolean {
    return this.synced ? this.model === null : notSynced("isNullObject");
  }

  private existing(): ChartModel {
    if (this.model === null)
      throw new Error("InvalidObjectPath: the chart does not exist");
    return this.model;
  }

  set name(name: string) {
    this.existing().name = name;
    this.context.excel.written = true;
  }

  get title() {
    const chart = this.existing();
    const context = this.context;
    return {
      set text(text: string) {
        chart.title = text;
        context.excel.written = true;
      },
    };
  }

  /** setPosition(startCell, endCell?) with A1 addresses (ExcelApi 1.1): a bad address is refused. */
  setPosition(startCell: string, endCell?: string): void {
    for (const cell of [startCell, endCell])
      if (cell !== undefined) parseCell(cell);
    this.existing().position = { from: startCell, to: endCell };
    this.context.excel.written = true;
  }

  delete(): void {
    const chart = this.existing();
    this.sheet.charts = this.sheet.charts.filter((c) => c !== chart);
    this.context.excel.written = true;
  }
}

class FakeTable {
  synced = false;
  /** rows.add(index, values) at the end only (index undefined or null), as the store uses it. */
  readonly rows = {
    add: (index: number | null | undefined, values: unknown[][]) => {
      if (index !== undefined && index !== null)
        throw new Error("The fake adds rows at the end only");
      const table = this.existing();
      if (values.some((row) => row.length !== table.rect.columns))
        throw new Error(
          "InvalidArgument: rows of another width than the table",
        );
      this.context.excel.requestBytes += jsonSize(values);
      const top = table.rect.top + table.rect.rows;
      values.forEach((row, r) =>
        row.forEach((cell, c) =>
          table.sheet.write(top + r, table.rect.left + c, cell),
        ),
      );
      table.rect = { ...table.rect, rows: table.rect.rows + values.length };
      this.context.excel.touched(table.sheet, table.rect);
    },
  };
  /**
   * columns.add(index, values, name) (ExcelApi 1.1, name 1.4; Microsoft's
   * Excel.TableColumnCollection page): a column inserted at `index`, the column there and those
   * after it shifted right, as Excel inserts cells in the table's rows.
   */
  readonly columns = {
    add: (
      index: number | null | undefined,
      values: unknown[][] | null | undefined,
      name?: string,
    ) => {
      const table = this.existing();
      if (table.sheet.protected)
        throw new FakeOfficeError(
          "AccessDenied",
          `Sheet ${table.sheet.name} is protected.`,
        );
      const at = index ?? table.rect.columns;
      if (at < 0 || at > table.rect.columns)
        throw new Error(
          "InvalidArgument: the column index is outside the table",
        );
      if (values && values.length !== table.rect.rows)
        throw new Error(
          "InvalidArgument: values of another height than the table",
        );
      const { sheet, rect } = table;
      const from = rect.left + at;
      for (let r = rect.top; r < rect.top + rect.rows; r++) {
        const right = [...sheet.cells.keys()]
          .map((k) => k.split(",").map(Number))
          .filter(([row, c]) => row === r && c >= from)
          .map(([, c]) => c);
        for (let c = Math.max(from - 1, ...right); c >= from; c--)
          sheet.write(r, c + 1, sheet.read(r, c));
        sheet.write(
          r,
          from,
          values
            ? values[r - rect.top][0]
            : r === rect.top
              ? (name ?? `Column${rect.columns + 1}`)
              : "",
        );
      }
      this.context.excel.requestBytes += jsonSize(values ?? name ?? "");
      table.rect = { ...rect, columns: rect.columns + 1 };
      this.context.excel.touched(sheet, table.rect);
    },
  };
  readonly onChanged = {
    add: (handler: Handler) => {
      const table = this.existing();
      table.handlers.add(handler);
      return {
        context: this.context,
        remove: () => table.handlers.delete(handler),
      };
    },
  };

  readonly onSelectionChanged = {
    add: (handler: Handler) => {
      const table = this.existing();
      table.selectionHandlers.add(handler);
      return {
        context: this.context,
        remove: () => table.selectionHandlers.delete(handler),
      };
    },
  };

  constructor(
    private readonly context: FakeContext,
    readonly model: TableModel | null,
  ) {}

  get isNullObject(): boolean {
    return this.synced ? this.model === null : notSynced("isNullObject");
  }

  existing(): TableModel {
    if (this.model === null)
      throw new Error("ItemNotFound: the table does not exist");
    return this.model;
  }

  get name(): string {
    return this.existing().name;
  }

  /** Its sheet, for `worksheet.protection.load("protected")` and `worksheet.onCalculated`. */
  get worksheet() {
    const table = this.existing();
    const protection = {
      load: () => protection,
      get protected() {
        return table.sheet.protected;
      },
    };
    const onCalculated = {
      add: (handler: Handler) => {
        if (this.context.excel.calculatedEventMissing)
          this.context.failNextSync(
            new FakeOfficeError(
              "ApiNotFound",
              "The requested API is not supported.",
            ),
          );
        else table.sheet.calculatedHandlers.add(handler);
        return {
          context: this.context,
          remove: () => table.sheet.calculatedHandlers.delete(handler),
        };
      },
    };
    return { protection, onCalculated };
  }

  set name(name: string) {
    const taken = this.context.excel.tables.some(
      (t) => t !== this.model && t.name.toLowerCase() === name.toLowerCase(),
    );
    if (taken)
      throw new Error(`InvalidArgument: the table name ${name} is taken`);
    this.existing().name = name;
  }

  get showTotals(): boolean {
    return this.existing().showTotals;
  }

  set showTotals(shown: boolean) {
    const table = this.existing();
    if (table.sheet.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        `Sheet ${table.sheet.name} is protected.`,
      );
    table.showTotals = shown;
  }

  load(): this {
    this.existing();
    return this;
  }

  getRange(): FakeRange {
    const { sheet, rect } = this.existing();
    return new FakeRange(this.context, sheet, rect);
  }

  getHeaderRowRange(): FakeRange {
    const { sheet, rect } = this.existing();
    return new FakeRange(this.context, sheet, { ...rect, rows: 1 });
  }

  getDataBodyRange(): FakeRange {
    const { sheet, rect } = this.existing();
    return new FakeRange(this.context, sheet, {
      ...rect,
      top: rect.top + 1,
      rows: rect.rows - 1,
    });
  }

  /** Convert to Range: the table goes, its cells stay. */
  convertToRange(): void {
    const table = this.existing();
    const { excel } = this.context;
    excel.tables.splice(excel.tables.indexOf(table), 1);
    excel.written = true;
  }

  resize(range: FakeRange | string): void {
    const table = this.existing();
    if (table.sheet.protected)
      throw new FakeOfficeError(
        "AccessDenied",
        `Sheet ${table.sheet.name} is protected.`,
      );
    const rect = typeof range === "string" ? parseRange(range) : range.rect;
    if (rect.top !== table.rect.top || rect.rows < 2)
      throw new Error("InvalidArgument: the header must stay in its row");
    const others = this.context.excel.tables.filter(
      (t) => t !== table && t.sheet === table.sheet,
    );
    if (others.some((t) => overlaps(t.rect, rect)))
      throw new Error("InvalidArgument: a table cannot overlap another table");
    table.rect = rect;
  }
}

class FakeRange {
  synced = false;
  private loaded: unknown[][] | null = null;
  readonly format = {
    autofitColumns: () => {
      this.sheet.autofitted++;
    },
  };

  constructor(
    private readonly context: FakeContext,
    readonly sheet: SheetModel,
    readonly rect: Rect,
    private readonly nullObject = false,
  ) {}

  get isNullObject(): boolean {
    return this.synced ? this.nullObject : notSynced("isNullObject");
  }

  load(properties: string): this {
    // The address and place are known at once, but like Excel the fake shows them only after a sync.
    const names = properties.split(",").map((p) => p.trim());
    const placed = [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
    ];
    const cells = ["values", "formulas"];
    const unknown = names.filter(
      (name) => !placed.includes(name) && !cells.includes(name),
    );
    if (unknown.length > 0)
      throw new Error(
        `The fake loads only values, formulas, address and place, not ${unknown.join(",")}`,
      );
    if (names.some((name) => placed.includes(name))) this.context.track(this);
    const read = names.filter((name) => cells.includes(name));
    if (read.length > 0) {
      // A null object's cells cannot be read (Excel throws on it too).
      if (this.nullObject)
        throw new Error(
          "InvalidObjectPath: the cells of a null object were loaded",
        );
      this.loadedProperties = read.length;
      this.context.requestValues(this);
    }
    return this;
  }

  get rowIndex(): number {
    return this.synced ? this.rect.top : notSynced("rowIndex");
  }

  get columnIndex(): number {
    return this.synced ? this.rect.left : notSynced("columnIndex");
  }

  get rowCount(): number {
    return this.synced ? this.rect.rows : notSynced("rowCount");
  }

  get columnCount(): number {
    return this.synced ? this.rect.columns : notSynced("columnCount");
  }

  /** The cells this range shares with `address` (or another range) on its sheet, or a null object. */
  getIntersectionOrNullObject(address: string | FakeRange): FakeRange {
    const other =
      typeof address === "string" ? parseRange(address) : address.rect;
    const top = Math.max(this.rect.top, other.top);
    const left = Math.max(this.rect.left, other.left);
    const rows =
      Math.min(this.rect.top + this.rect.rows, other.top + other.rows) - top;
    const columns =
      Math.min(this.rect.left + this.rect.columns, other.left + other.columns) -
      left;
    const empty = rows <= 0 || columns <= 0;
    return this.context.track(
      new FakeRange(
        this.context,
        this.sheet,
        empty ? this.rect : { top, left, rows, columns },
        empty,
      ),
    );
  }

  getRowsBelow(count: number): FakeRange {
    return new FakeRange(this.context, this.sheet, {
      ...this.rect,
      top: this.rect.top + this.rect.rows,
      rows: count,
    });
  }

  getColumnsAfter(count: number): FakeRange {
    return new FakeRange(this.context, this.sheet, {
      ...this.rect,
      left: this.rect.left + this.rect.columns,
      columns: count,
    });
  }

  /** As Excel gives it, with the sheet: "Scorecard!A1:J8". */
  get address(): string {
    if (!this.synced) return notSynced("address");
    return `${quoteSheetName(this.sheet.name)}!${rangeAddress({ row: this.rect.top, column: this.rect.left }, this.rect.rows, this.rect.columns)}`;
  }

  snapshot(): void {
    this.loaded = this.cells((r, c) => this.sheet.read(r, c));
  }

  /** How many of values / formulas were loaded: each is a copy of the cells in the response. */
  private loadedProperties = 1;

  /** What this range's cells cost in the response of the sync that reads them. */
  responseBytes(): number {
    return (
      jsonSize(this.cells((r, c) => this.sheet.read(r, c))) *
      this.loadedProperties
    );
  }

  get values(): unknown[][] {
    return this.loaded ?? notSynced("values");
  }

  /** Formulas are stored as written, so they read as the values do. */
  get formulas(): unknown[][] {
    return this.loaded ?? notSynced("formulas");
  }

  set values(values: unknown[][]) {
    this.write(values);
  }

  set formulas(formulas: unknown[][]) {
    this.write(formulas);
  }

  set numberFormat(formats: string[][]) {
    this.checkShape(formats);
    this.context.excel.written = true;
    this.context.excel.requestBytes += jsonSize(formats);
    formats.forEach((row, r) =>
      row.forEach((f, c) =>
        this.sheet.setFormat(this.rect.top + r, this.rect.left + c, f),
      ),
    );
  }

  /** Contents, or everything (Excel's default, "All"): contents and number formats. */
  clear(applyTo = "All"): void {
    if (applyTo !== "Contents" && applyTo !== "All")
      throw new Error("The fake clears contents or all");
    this.cells((r, c) => this.sheet.write(r, c, ""));
    if (applyTo === "All")
      this.cells((r, c) => this.sheet.setFormat(r, c, null));
    this.context.excel.touched(this.sheet, this.rect);
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.sheet, {
      top: this.rect.top + row,
      left: this.rect.left + column,
      rows: 1,
      columns: 1,
    });
  }

  getRow(row: number): FakeRange {
    return new FakeRange(this.context, this.sheet, {
      ...this.rect,
      top: this.rect.top + row,
      rows: 1,
    });
  }

  getLastRow(): FakeRange {
    return new FakeRange(this.context, this.sheet, {
      ...this.rect,
      top: this.rect.top + this.rect.rows - 1,
      rows: 1,
    });
  }

  getOffsetRange(rows: number, columns: number): FakeRange {
    const rect = {
      ...this.rect,
      top: this.rect.top + rows,
      left: this.rect.left + columns,
    };
    if (rect.top < 0 || rect.left < 0)
      throw new Error(
        "InvalidArgument: the range would start outside the sheet",
      );
    return new FakeRange(this.context, this.sheet, rect);
  }

  getResizedRange(rows: number, columns: number): FakeRange {
    const rect = {
      ...this.rect,
      rows: this.rect.rows + rows,
      columns: this.rect.columns + columns,
    };
    return new FakeRange(this.context, this.sheet, rect);
  }

  getUsedRangeOrNullObject(valuesOnly: boolean): FakeRange {
    if (!valuesOnly)
      throw new Error("The fake knows used ranges by value only");
    // As Excel: the smallest range that holds every used cell, or a null object.
    const used = this.cells((r, c) =>
      this.sheet.read(r, c) !== "" ? [r, c] : null,
    )
      .flat()
      .filter((at): at is number[] => at !== null);
    if (used.length === 0)
      return this.context.track(
        new FakeRange(this.context, this.sheet, this.rect, true),
      );
    const top = Math.min(...used.map(([r]) => r));
    const left = Math.min(...used.map(([, c]) => c));
    const rect = {
      top,
      left,
      rows: Math.max(...used.map(([r]) => r)) - top + 1,
      columns: Math.max(...used.map(([, c]) => c)) - left + 1,
    };
    return this.context.track(new FakeRange(this.context, this.sheet, rect));
  }

  private cells<T>(each: (row: number, column: number) => T): T[][] {
    const { top, left, rows, columns } = this.rect;
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => each(top + r, left + c)),
    );
  }

  private checkShape(values: unknown[][]): void {
    if (
      values.length !== this.rect.rows ||
      values.some((row) => row.length !== this.rect.columns)
    ) {
      throw new Error(
        `InvalidArgument: ${values.length} rows for a range of ${this.rect.rows} x ${this.rect.columns}`,
      );
    }
  }

  private write(values: unknown[][]): void {
    this.checkShape(values);
    this.context.excel.requestBytes += jsonSize(values);
    // As in Excel, a null leaves the cell as it is.
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null)
          this.sheet.write(this.rect.top + r, this.rect.left + c, value);
      }),
    );
    this.context.excel.touched(this.sheet, this.rect);
  }
}

/** A fake workbook with one empty sheet, installed as the global `Excel` the store calls. */
export function installEmptyWorkbook(): FakeExcel {
  const excel = new FakeExcel();
  excel.addSheet("Sheet1");
  (global as unknown as { Excel: unknown }).Excel = excel;
  return excel;
}
