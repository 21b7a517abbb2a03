/**
 * Excel round trips: context.sync() calls of the Excel store loading the sample scorecard and
 * applying an edit, against office-addin-mock (the same workbook mock as
 * test/workbook/excelStore.test.ts, which asserts these counts).
 */
import { ExcelScorecardStore } from "../src/workbook/excelStore";
import { sampleTables } from "../src/workbook/sample";
import { officeWorkbook, plainMethod } from "../test/workbook/officeMock";
import { report } from "./measure";

export async function roundTripFigures(): Promise<void> {
  const tables = Object.fromEntries(sampleTables().map((t) => [t.name, { header: t.header, rows: t.rows }]));
  const { excel } = officeWorkbook(tables, [...new Set(sampleTables().map((t) => t.sheet))], plainMethod);
  let syncs = 0;
  const sync = excel.context.sync.bind(excel.context);
  excel.context.sync = () => {
    syncs++;
    return sync();
  };
  const global = globalThis as unknown as { Excel?: unknown };
  global.Excel = excel;
  try {
    const store = new ExcelScorecardStore({ canResizeTables: true });
    const loaded = await store.load();
    report("Excel round trips: load (sample scorecard)", syncs, "context.sync() calls", "budget <= 2");
    if (!loaded.criteria || !loaded.tiers) throw new Error("the mock workbook lost the sample's tables");
    syncs = 0;
    const [first, ...rest] = loaded.criteria.rows;
    await store.save({ ...loaded.criteria, rows: [...rest, first] }, loaded.tiers);
    report("Excel round trips: apply (criteria and tiers)", syncs, "context.sync() calls", "budget exactly 1");
  } finally {
    delete global.Excel;
  }
}
