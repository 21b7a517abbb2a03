/**
 * Excel on the web's 5 MB per request and per response (Microsoft, "Resource limits and
 * performance optimization for Office Add-ins"; "Excel JavaScript API performance
 * optimization", payload size limit best practices; issue 20, item 3). The fake Excel enforces
 * the limit per sync, so each test here fails where the store stops slicing large tables.
 */
import { TaskpaneSession } from "../../src/taskpane/state/session";
import { ExcelScorecardStore } from "../../src/workbook/excelStore";
import { FIRST_SLICE_ROWS, rowsPerReadSlice } from "../../src/workbook/payload";
import { sampleTables } from "../../src/workbook/sample";
import type { TableData } from "../../src/workbook/store";
import { FakeExcel, PAYLOAD_LIMIT_BYTES } from "./fakeExcel";

const AS_OF = 46000;

/** The sample scorecard with `count` partners: the sample's 30, repeated under new names. */
function workbookWithPartners(count: number): { excel: FakeExcel; partners: TableData } {
  const excel = new FakeExcel();
  const [criteria, tiers, sample] = sampleTables(AS_OF);
  for (const table of [criteria, tiers]) excel.addTable(table.sheet, table.name, table.topLeft, table);
  const rows = Array.from({ length: count }, (_, i) => {
    const row = [...sample.rows[i % sample.rows.length]];
    row[0] = `Partner ${i + 1}`;
    // Each row's formulas refer to its own row, as the sample's do.
    // A blank reads back as "", as Excel gives it.
    return row.map((cell) => (typeof cell === "string" ? cell.replace(/([A-Z])2\b/g, `$1${i + 2}`) : (cell ?? "")));
  });
  const partners = { header: sample.header, rows };
  excel.addTable(sample.sheet, sample.name, sample.topLeft, partners);
  (global as unknown as { Excel: unknown }).Excel = excel;
  return { excel, partners };
}

afterEach(() => {
  delete (global as unknown as { Excel?: unknown }).Excel;
});

describe("the fake enforces Excel on the web's 5 MB per sync", () => {
  it("a read of more fails with ResponsePayloadSizeLimitExceeded", async () => {
    const { excel } = workbookWithPartners(40_000);
    const read = excel.run(async (context: any) => {
      context.workbook.tables.getItem("Partners").getDataBodyRange().load("values");
      await context.sync();
    });
    await expect(read).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("a write of more fails with RequestPayloadSizeLimitExceeded and changes nothing", async () => {
    const { excel } = workbookWithPartners(1);
    const big = Array.from({ length: 40_000 }, (_, i) => [`${"a long text of a cell ".repeat(7)}${i}`, i, i * 1.5, "Platinum"]);
    const write = excel.run(async (context: any) => {
      context.workbook.worksheets.getItemOrNullObject("Partners").getRange(`A100:D${40_099}`).values = big;
      await context.sync();
    });
    await expect(write).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(excel.cell("Partners", "A100")).toBe("");
  });
});

describe("reading large tables in slices", () => {
  it("5,000 partners still load in two syncs", async () => {
    const { excel, partners } = workbookWithPartners(FIRST_SLICE_ROWS);
    const loaded = await new ExcelScorecardStore().load();
    expect(excel.syncs).toBe(2);
    expect(loaded.partners?.rows).toEqual(partners.rows);
  });

  it("50,000 partners load whole, one more sync per slice, each response under the limit", async () => {
    const { excel, partners } = workbookWithPartners(50_000);
    const loaded = await new ExcelScorecardStore().load();
    expect(loaded.partners?.rows).toHaveLength(50_000);
    expect(loaded.partners?.rows).toEqual(partners.rows);
    const perSlice = rowsPerReadSlice(partners.header.length);
    expect(excel.syncs).toBe(2 + Math.ceil((50_000 - FIRST_SLICE_ROWS) / perSlice));
    expect(excel.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("50,000 partners with their formulas (the copy for colleagues reads both) load whole", async () => {
    const { partners } = workbookWithPartners(50_000);
    const loaded = await new ExcelScorecardStore().load({ formulasOf: ["Partners"] });
    expect(loaded.partners?.formulas).toHaveLength(50_000);
    expect(loaded.partners?.formulas?.[49_999]).toEqual(partners.rows[49_999]);
  });
});

describe("an Apply at 50,000 partners", () => {
  it("checks in one load (2 syncs and one per further slice), then writes Criteria and Tiers in exactly one sync", async () => {
    const { excel } = workbookWithPartners(50_000);
    const session = new TaskpaneSession(new ExcelScorecardStore({ canResizeTables: true }));
    await session.load();
    expect(session.phase).toBe("editor");
    session.setWeight(session.draft.criteria.ids[0], 35);
    const syncs = excel.syncs;
    const writes = excel.writeSyncs;
    await session.apply();
    expect(session.notice?.text).toMatch(/Applied/);
    expect(excel.tableData("Criteria").rows[0]).toContain(35);
    const load = 2 + Math.ceil((50_000 - FIRST_SLICE_ROWS) / rowsPerReadSlice(13));
    expect(excel.syncs - syncs).toBe(load + 1);
    expect(excel.writeSyncs - writes).toBe(1);
    expect(excel.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});

describe("writing large sheets in slices", () => {
  const snapshot = (count: number) => Array.from({ length: count }, (_, i) => [AS_OF, `Partner ${i + 1}`, 50 + (i % 50) / 3, "Gold"]);

  it("a History snapshot of 50,000 partners: the table is made, then added to, in slices", async () => {
    const { excel } = workbookWithPartners(1);
    const store = new ExcelScorecardStore();
    await store.appendHistory(snapshot(50_000));
    expect(excel.tableData("History").rows).toHaveLength(50_000);
    await store.appendHistory(snapshot(50_000));
    expect(excel.tableData("History").rows).toHaveLength(100_000);
    expect(excel.tableData("History").rows[99_999]).toEqual([AS_OF, "Partner 50000", 50 + 49 / 3, "Gold"]);
    expect(excel.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // History of 100,000 rows loads too.
    expect((await store.loadHistory())?.rows).toHaveLength(100_000);
  });

  it("the copy for colleagues (rewritten on each Apply) of 50,000 partners' formulas", async () => {
    const { excel } = workbookWithPartners(1);
    const formula = (r: number) => `=IF(ISNUMBER(Partners[@Revenue]),MIN(100,MAX(0,(Partners[@Revenue]-0)/(3000000-0)*100)),"") & "${r}"`;
    const cells = [["Scorecard copy marker"], ["Partner", "Score", "Tier"], ...Array.from({ length: 50_000 }, (_, r) => [`Partner ${r}`, formula(r), formula(r)])];
    const store = new ExcelScorecardStore();
    expect(await store.writeOwnedSheet({ name: "Scorecard copy", marker: "Scorecard copy marker", cells }, false)).toBe("written");
    const writes = excel.writeSyncs;
    expect(await store.writeOwnedSheet({ name: "Scorecard copy", marker: "Scorecard copy marker", cells }, true)).toBe("written");
    expect(excel.writeSyncs - writes).toBeGreaterThan(1);
    expect(excel.cell("Scorecard copy", "B50002")).toBe(formula(49_999));
    expect(excel.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });

  it("a values export of 50,000 partners", async () => {
    const { excel } = workbookWithPartners(1);
    const cells = [["Partner", "Score", "Tier", "Since"], ...snapshot(50_000).map(([d, p, s, t]) => [p, s, t, d])];
    const numberFormats = cells.map(() => ["General", "0.0", "General", "yyyy-mm-dd"]);
    const name = await new ExcelScorecardStore().writeValuesSheet({ name: "Scores", cells, numberFormats });
    expect(excel.cell(name, "A50001")).toBe("Partner 50000");
    expect(excel.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});

describe("a payload error that still occurs", () => {
  it("a Partners table far wider than assumed: the pane says Excel on the web's limit in its own words", async () => {
    const excel = new FakeExcel();
    const [criteria, tiers] = sampleTables(AS_OF);
    for (const table of [criteria, tiers]) excel.addTable(table.sheet, table.name, table.topLeft, table);
    const wide = Array.from({ length: 150 }, (_, c) => `Note ${c}`);
    const text = "a long free-text note about this partner's account";
    excel.addTable("Partners", "Partners", "A1", { header: ["Partner", ...wide], rows: Array.from({ length: 5_000 }, (_, r) => [`P${r}`, ...wide.map(() => text)]) });
    (global as unknown as { Excel: unknown }).Excel = excel;
    const session = new TaskpaneSession(new ExcelScorecardStore());
    await session.load();
    expect(session.phase).toBe("failed");
    expect(session.failure).toMatch(/5 MB it sends in one answer.*Remove columns/);
  });
});
