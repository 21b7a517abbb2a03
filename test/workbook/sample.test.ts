import {
  certStatus,
  formatCondition,
  readCriteria,
  readDate,
  readTiers,
  relativeWeights,
  resolveProfile,
  scorePartner,
  serialFromDate,
  tierFor,
} from "../../src/core";
import { columnIndex, parseCell } from "../../src/workbook/address";
import { SHEET, TABLE } from "../../src/workbook/names";
import { sampleTables } from "../../src/workbook/sample";
import type { SheetTable } from "../../src/workbook/store";

const AS_OF = serialFromDate(2026, 11, 29);
const [criteria, tiers, partners] = sampleTables(AS_OF);
const criteriaReading = readCriteria([criteria.header, ...criteria.rows]);
const tiersReading = readTiers([tiers.header, ...tiers.rows]);
const model = criteriaReading.model;
const criterionNames = model.criteria.map((c) => c.name);
const firstValue = partners.header.indexOf(criterionNames[0]);
const column = (name: string) => partners.header.indexOf(name);
const certificationAt = criterionNames.indexOf("Certification");
/** A row's values as the formulas see them: the Certification cell is CERTSTATUS of the expiry on AS_OF. */
const valuesOf = (row: unknown[]) =>
  row
    .slice(firstValue, firstValue + criterionNames.length)
    .map((v, i) => (i === certificationAt ? certStatus(readDate(row[column("Cert expiry")], "Cert expiry"), AS_OF, 60) : v));

/** The Excel column letters of a table's column, from where the table starts. */
function letters(table: SheetTable, columnIndexInTable: number): string {
  const at = parseCell(table.topLeft).column + columnIndexInTable;
  return String.fromCharCode(65 + at); // the sample's tables stay within A-Z
}

describe("the sample scorecard", () => {
  it("has Criteria and Tiers on the Scorecard sheet and Partners on its own, formulas last", () => {
    expect(sampleTables().map((t) => [t.sheet, t.name])).toEqual([
      [SHEET.scorecard, TABLE.criteria],
      [SHEET.scorecard, TABLE.tiers],
      [SHEET.partners, TABLE.partners],
    ]);
  });

  it("reads without a single problem through the same core as the functions", () => {
    expect(criteriaReading.problems).toEqual([]);
    expect(tiersReading.problems).toEqual([]);
    expect(model.criteria).toHaveLength(8);
    expect(model.profiles).toEqual(["Reseller", "Influencer"]);
    expect(tiersReading.tiers.map((t) => t.name)).toEqual(["Platinum", "Gold", "Silver", "Registered"]);
  });

  it("covers the four perspectives, quantitative and qualitative criteria", () => {
    expect(new Set(model.criteria.map((c) => c.perspective))).toEqual(new Set(["Financial", "Customer", "Capability", "Growth"]));
    expect(new Set(model.criteria.map((c) => c.method))).toEqual(new Set(["range", "target", "rating"]));
    expect(model.criteria.map((c) => c.name)).toContain("Certification");
    expect(model.criteria.some((c) => c.better === "lower")).toBe(true);
  });

  it("weighs revenue 0 for influencers, and every profile's weights add up to 100", () => {
    for (const c of model.criteria.filter((c) => c.perspective === "Financial" || c.name.startsWith("Revenue"))) {
      expect(c.weights["Influencer"]).toBe(0);
    }
    for (const profile of ["", ...model.profiles]) {
      expect(model.criteria.reduce((sum, c) => sum + (c.weights[profile] ?? 0), 0)).toBe(100);
    }
  });

  it("puts Tiers where Criteria can grow down and gain columns without meeting it", () => {
    const criteriaEnd = parseCell(criteria.topLeft).column + criteria.header.length - 1;
    expect(parseCell(tiers.topLeft).column - criteriaEnd).toBeGreaterThan(2);
    expect(parseCell(tiers.topLeft).row).toBe(parseCell(criteria.topLeft).row);
  });

  it("has about 30 partners with a value column per criterion, named and ordered like the criteria", () => {
    expect(partners.rows.length).toBe(30);
    expect(partners.header.slice(0, 2)).toEqual(["Partner", "Type"]);
    expect(partners.header.slice(2, 2 + criterionNames.length)).toEqual(criterionNames);
    expect(partners.header.slice(2 + criterionNames.length)).toEqual(["Cert expiry", "Score", "Tier"]);
    expect(partners.rows.every((row) => row.length === partners.header.length)).toBe(true);
    expect(new Set(partners.rows.map((row) => row[0])).size).toBe(30);
    expect(new Set(partners.rows.map((row) => row[1]))).toEqual(new Set(["Reseller", "Influencer"]));
  });

  it("feeds the Certification criterion with PRM.CERTSTATUS, scored on the certification scale, and Gold and Platinum require it", () => {
    const certification = model.criteria[certificationAt];
    expect(certificationAt).toBe(criterionNames.length - 1);
    expect(certification.method).toBe("rating");
    expect(certification.scale.map((s) => [s.label, s.points])).toEqual([
      ["Active", 100],
      ["Expiring", 100],
      ["Expired", 0],
      ["None", 0],
    ]);
    const requires = (name: string) => tiersReading.tiers.find((t) => t.name === name)?.requires.map(formatCondition) ?? [];
    for (const tier of ["Platinum", "Gold"]) expect(requires(tier)).toContain("Certification >= Expiring");
    for (const tier of ["Silver", "Registered"]) expect(requires(tier)).toEqual([]);
  });

  it("shows missing values both as blanks and as n/a", () => {
    const values = partners.rows.flatMap(valuesOf);
    expect(values).toContain(null);
    expect(values).toContain("n/a");
  });

  it("writes each row's formulas over that row's own cells and the two tables, matching values by name", () => {
    const first = letters(partners, firstValue);
    const [type, expiry, score] = ["Type", "Cert expiry", "Score"].map((name) => letters(partners, column(name)));
    // The span ends at Cert expiry, the column before Score: the formulas must not read their own cells.
    expect(columnIndex(expiry) - columnIndex(first)).toBe(criterionNames.length);
    expect(column("Score")).toBe(column("Cert expiry") + 1);
    const headerRow = parseCell(partners.topLeft).row + 1;
    const names = `${first}$${headerRow}:${expiry}$${headerRow}`;
    partners.rows.forEach((row, i) => {
      const r = parseCell(partners.topLeft).row + i + 2;
      const values = `${first}${r}:${expiry}${r}`;
      expect(row[column("Score")]).toBe(`=PRM.PARTNERSCORE(${values},Criteria[#All],${type}${r},,${names})`);
      expect(row[column("Tier")]).toBe(`=PRM.PARTNERTIER(${score}${r},Tiers[#All],${values},Criteria[#All],${names})`);
      expect(row[column("Certification")]).toBe(`=PRM.CERTSTATUS(${expiry}${r})`);
      expect(column("Certification")).toBe(firstValue + criterionNames.length - 1);
    });
  });

  it("spells out the first partner's formulas as a user would type them", () => {
    const row = partners.rows[0];
    expect(row.slice(column("Certification"))).toEqual([
      "=PRM.CERTSTATUS(K2)",
      partners.rows[0][column("Cert expiry")],
      "=PRM.PARTNERSCORE(C2:K2,Criteria[#All],B2,,C$1:K$1)",
      "=PRM.PARTNERTIER(L2,Tiers[#All],C2:K2,Criteria[#All],C$1:K$1)",
    ]);
  });

  it("refers to no table but Criteria[#All] and Tiers[#All], which the browser preview translates", () => {
    const references = partners.rows.flatMap((row) => row.filter((c): c is string => typeof c === "string" && c.startsWith("=")).flatMap((f) => f.match(/\w+\[[^\]]*\]/g) ?? []));
    expect(new Set(references)).toEqual(new Set(["Criteria[#All]", "Tiers[#All]"]));
  });

  describe("scored with the core", () => {
    const results = partners.rows.map((row) => {
      const values = valuesOf(row);
      const profile = resolveProfile(model, row[column("Type")] as string);
      const scored = scorePartner(values, model, relativeWeights(model, profile), "skip");
      if (scored === null) throw new Error(`${String(row[0])} has no values`);
      return { scored, tier: tierFor(tiersReading.tiers, scored.score, { model, values }).name };
    });

    it("gives every partner a score from 0 to 100", () => {
      for (const { scored } of results) {
        expect(scored.score).toBeGreaterThanOrEqual(0);
        expect(scored.score).toBeLessThanOrEqual(100);
      }
    });

    it("spreads the partners over all four tiers, the top ones the fewest", () => {
      const count = (tier: string) => results.filter((r) => r.tier === tier).length;
      for (const tier of ["Platinum", "Gold", "Silver", "Registered"]) expect(count(tier)).toBeGreaterThanOrEqual(3);
      expect(count("Platinum")).toBeLessThan(count("Silver"));
    });

    it("holds back a partner whose score reaches Platinum but whose accreditation does not", () => {
      expect(results.some((r) => r.scored.score >= 85 && r.tier !== "Platinum")).toBe(true);
    });

    it("holds back a partner whose score reaches Gold but whose certification has lapsed", () => {
      const lapsed = partners.rows.flatMap((row, i) => (valuesOf(row)[certificationAt] === "Expired" ? [results[i]] : []));
      expect(lapsed.some((r) => r.scored.score >= 70 && r.tier === "Silver")).toBe(true);
    });
  });

  it("spreads certification expiry around the day it is created: all four statuses", () => {
    const statuses = partners.rows.map((row) => certStatus(readDate(row[column("Cert expiry")], "Cert expiry"), AS_OF, 60));
    expect(new Set(statuses)).toEqual(new Set(["Active", "Expiring", "Expired", "None"]));
    const other = sampleTables(AS_OF + 400)[2];
    expect(other.rows[0][column("Cert expiry")]).toBe((partners.rows[0][column("Cert expiry")] as number) + 400);
  });

  it("gives each call its own copy, so editing one sample cannot change the next", () => {
    const first = sampleTables(AS_OF);
    first[0].rows[0][0] = "Changed";
    first[0].header[0] = "Changed";
    expect(sampleTables(AS_OF)[0].rows[0][0]).toBe("Revenue");
    expect(sampleTables(AS_OF)[0].header[0]).toBe("Criterion");
  });
});
