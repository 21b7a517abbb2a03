/**
 * The copy for colleagues carries the Assigned tier (issue 22) as plain data: a reference to
 * the Partners cell, as the partner's name is, never a formula that computes it.
 */
import { buildColleagueCopy, type CopySource } from "../../src/sharing";
import { tableAddress } from "../../src/workbook/address";
import { sampleTables } from "../../src/workbook/sample";
import type { SheetTable, TableData } from "../../src/workbook/store";

function asLoaded(table: SheetTable): TableData {
  return { header: table.header, rows: table.rows, address: `${table.sheet}!${tableAddress(table)}` };
}

function source(withAssigned: boolean): CopySource {
  const tables = sampleTables(46000);
  const partners = tables[2];
  if (withAssigned) {
    partners.header = [...partners.header, "Assigned tier", "Since"];
    partners.rows = partners.rows.map((row) => [...row, "Gold", 46000]);
  }
  const [criteria, tiers, loaded] = tables.map(asLoaded);
  return { criteria, tiers, partners: { ...loaded, formulas: loaded.rows } };
}

const OPTIONS = { missing: "skip", generatedAt: new Date("2026-11-29T13:05:00Z") } as const;

function copyOf(s: CopySource): unknown[][] {
  const result = buildColleagueCopy(s, OPTIONS);
  if (!result.ok) throw new Error(result.message);
  return result.sheet.cells;
}

describe("the copy's Assigned tier", () => {
  it("reads each partner's Assigned tier cell of the Partners table, as its name", () => {
    const s = source(true);
    const cells = copyOf(s);
    const headerRow = cells.findIndex((row) => row.includes("Assigned tier"));
    expect(headerRow).toBeGreaterThan(0);
    const column = cells[headerRow].indexOf("Assigned tier");
    const nameColumn = cells[headerRow].indexOf("Partner");
    const partnersTable = s.partners!;
    const assignedLetter = String.fromCharCode(65 + partnersTable.header.indexOf("Assigned tier"));
    const first = cells[headerRow + 1];
    // The same reference as the name's, in the Assigned tier column.
    const nameRef = String(first[nameColumn]);
    const [, sheet, row] = /^=(.+!)\$[A-Z]+(\d+)&""$/.exec(nameRef)!;
    expect(first[column]).toBe(`=${sheet}$${assignedLetter}${row}&""`);
    expect(cells.length - headerRow - 1).toBe(partnersTable.rows.length);
  });

  it("has no such column where Partners has none", () => {
    expect(copyOf(source(false)).flat()).not.toContain("Assigned tier");
  });
});
