/**
 * A workbook in office-addin-mock, Microsoft's mock of the Office API, holding Excel tables as
 * ExcelScorecardStore reads and writes them. Shared by excelStore.test.ts (with jest.fn as
 * the spy) and the benchmark that counts context.sync() calls (bench/roundTrips.ts).
 *
 * office-addin-mock only knows properties that are loaded, while `isNullObject` is filled in
 * by Office on sync without a load: each table and sheet mock gets it as a plain property.
 */
import { OfficeMockObject } from "office-addin-mock";

export type Mock = OfficeMockObject & Record<string, any>;

export interface TableSpec {
  header: string[];
  rows: unknown[][];
  showTotals?: boolean;
  /** Whether the table's sheet is protected. */
  sheetProtected?: boolean;
  /** The data rows as Range.formulas gives them (default: the rows, as for cells without formulas). */
  formulas?: unknown[][];
}

/** Makes a method of the mock (optionally with its implementation): jest.fn in tests. */
export type SpyMaker = (implementation?: (...args: any[]) => any) => (...args: any[]) => any;

/** A method that only runs its implementation, where nothing inspects the calls. */
export const plainMethod: SpyMaker = (implementation) => implementation ?? (() => undefined);

/** The cells below or beside a table's range (Range.getRowsBelow, getColumnsAfter). */
function beyondTheTable(this: Mock) {
  return this.beyond;
}

/** The mock of one table: its header and body ranges, and what save() calls on it. */
function tableMock(name: string, spec: TableSpec, spy: SpyMaker) {
  return {
    name,
    showTotals: spec.showTotals ?? false,
    resize: spy(),
    header: {
      values: [spec.header],
      cell: {
        // save() writes the table's new rectangle into the range it resizes the table to.
        written: { values: [] },
        getResizedRange: spy(function (this: Mock) {
          return this.written;
        }),
      },
      getCell(this: Mock) {
        return this.cell;
      },
    },
    body: {
      values: spec.rows,
      formulas: spec.formulas ?? spec.rows,
      rowCount: spec.rows.length,
      clear: spy(),
      // The load reads the body's first rows (a slice) through these: here the whole body.
      getRow(this: Mock) {
        return this;
      },
      getResizedRange(this: Mock) {
        return this;
      },
      getIntersectionOrNullObject(this: Mock) {
        return this;
      },
    },
    range: {
      address: `Scorecard!A1:${String.fromCharCode(64 + spec.header.length)}${spec.rows.length + 1}`,
      rowIndex: 0,
      columnIndex: 0,
      rowCount: spec.rows.length + 1,
      columnCount: spec.header.length,
      // Nothing below or beside the table: its used ranges are null objects (set after creation).
      beyond: {
        used: { address: "", rowIndex: 0, columnIndex: 0 },
        getUsedRangeOrNullObject(this: Mock) {
          return this.used;
        },
      },
      getRowsBelow: beyondTheTable,
      getColumnsAfter: beyondTheTable,
    },
    worksheet: { protection: { protected: spec.sheetProtected ?? false } },
    getRange(this: Mock) {
      return this.range;
    },
    getHeaderRowRange(this: Mock) {
      return this.header;
    },
    getDataBodyRange(this: Mock) {
      return this.body;
    },
  };
}

/** A workbook holding `tables` (by name) and `sheets`, with `Excel.run`. */
export function officeWorkbook(tables: Record<string, TableSpec>, sheets: string[], spy: SpyMaker) {
  const tableMocks = Object.fromEntries(Object.entries(tables).map(([name, spec]) => [name, tableMock(name, spec, spy)]));
  const sheetMocks = Object.fromEntries(sheets.map((name) => [name, { name }]));
  const addSheet = spy();
  const excel = new OfficeMockObject({
    context: {
      workbook: {
        tables: {
          byName: tableMocks,
          absent: {},
          getItemOrNullObject(this: Mock, name: string) {
            return this.byName[name] ?? this.absent;
          },
          getItem(this: Mock, name: string) {
            return this.byName[name];
          },
        },
        worksheets: {
          byName: sheetMocks,
          absent: {},
          getItemOrNullObject(this: Mock, name: string) {
            return this.byName[name] ?? this.absent;
          },
          add: addSheet,
        },
      },
    },
    run: async function (this: Mock, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  }) as Mock;
  const { workbook } = excel.context;
  for (const name of Object.keys(tables)) workbook.tables.byName[name].isNullObject = false;
  for (const name of Object.keys(tables)) workbook.tables.byName[name].body.isNullObject = false;
  for (const name of Object.keys(tables)) workbook.tables.byName[name].range.beyond.used.isNullObject = true;
  for (const name of sheets) workbook.worksheets.byName[name].isNullObject = false;
  workbook.tables.absent.isNullObject = true;
  workbook.worksheets.absent.isNullObject = true;
  return { excel, workbook, addSheet, table: (name: string) => workbook.tables.byName[name] as Mock };
}
