/**
 * The copy for colleagues over a workbook with tier reviews (issue 22): a Tiers table with
 * Grace days, a Partners table with the review columns and a PRM.TIERREVIEW column. The copy
 * restates Score and Tier (DESIGN section 5): it is built, it calls no PRM function, and of
 * the review columns only the Assigned tier is in it, as plain data read from Partners (the
 * issue: "the copy for colleagues carries Assigned tier as plain data"; see
 * colleagueCopy.assigned.test.ts).
 */
import { buildColleagueCopy, type CopySource } from "../../src/sharing";
import { tableAddress } from "../../src/workbook/address";
import { sampleTables } from "../../src/workbook/sample";
import type { SheetTable, TableData } from "../../src/workbook/store";

function asLoaded(table: SheetTable): TableData {
  return { header: table.header, rows: table.rows, address: `${table.sheet}!${tableAddress(table)}` };
}

const REVIEW = "=PRM.TIERREVIEW([@Tier],[@[Assigned tier]],Tiers[#All],[@[Override until]],Evaluation[Evaluation date],History[#All],[@Partner],[@Since])";

function reviewedSource(): CopySource {
  const [criteria, tiers, partners] = sampleTables(46000);
  tiers.header = [...tiers.header, "Grace days"];
  tiers.rows = tiers.rows.map((r, i) => [...r, i === 0 ? 90 : null]);
  partners.header = [...partners.header, "Assigned tier", "Since", "Override until", "Reason", "Review"];
  partners.rows = partners.rows.map((r) => [...r, "Gold", 46000, null, null, REVIEW]);
  const loaded = [criteria, tiers, partners].map(asLoaded);
  return { criteria: loaded[0], tiers: loaded[1], partners: { ...loaded[2], formulas: loaded[2].rows } };
}

test("a Partners table with a PRM.TIERREVIEW column and Tiers with Grace days: the copy is built without them", () => {
  const result = buildColleagueCopy(reviewedSource(), { missing: "skip", generatedAt: new Date("2026-11-29T13:05:00Z") });
  if (!result.ok) throw new Error(result.message);
  const cells = result.sheet.cells.flat().filter((c): c is string => typeof c === "string");
  expect(cells.filter((c) => c.startsWith("=")).length).toBeGreaterThan(0);
  expect(cells.filter((c) => /PRM\./i.test(c) && c.startsWith("="))).toEqual([]);
  expect(cells.some((c) => /TIERREVIEW|Grace days|Override until|Reason/i.test(c))).toBe(false);
  expect(cells).toContain("Assigned tier");
});
