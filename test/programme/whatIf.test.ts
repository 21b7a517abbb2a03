import { DEFAULT_PROFILE, readCriteria } from "../../src/core";
import { draftOf, originOf, removeRow, setCell, tableOf } from "../../src/programme/draft";
import {
  matchColumns,
  partnerColumns,
  partnerLayout,
  partnersPerProfile,
  profileForType,
  scenarioOf,
  scorePartners,
  whatIf,
  type Scenario,
} from "../../src/programme/whatIf";
import { criteria, partners, tiers } from "../taskpane/fixtures";
import type { TableData } from "../../src/workbook/store";

// Under the fixtures (default weights 40/20/20/20): Alpha scores 100 -> Gold; Beta 50 -> Silver;
// Gamma (Influencer) 0 -> Registered; Delta has data for only 20% of the weight -> not scored;
// the last row is blank and is not a partner.
const current = () => scenarioOf(criteria(), tiers())!;
const scenario = (c: TableData, t: TableData, columns?: string[][]): Scenario => {
  const s = scenarioOf(c, t, columns);
  if (!s) throw new Error("invalid scenario");
  return s;
};
const origins = (t: TableData) => t.rows.map((_, i) => i);

describe("scoring the Partners table", () => {
  test("each partner gets a tier, or a reason it is not scored", () => {
    const results = scorePartners(partners(), current());
    expect(results.map((r) => [r.partner, r.tier, r.error === null ? null : "error"])).toEqual([
      ["Alpha", 0, null],
      ["Beta", 1, null],
      ["Gamma", 2, null],
      ["Delta", null, "error"],
    ]);
    expect(results[1].score).toBeCloseTo(50);
    expect(results[3].error).toContain("Only 20% of the weight has data");
  });

  test("values are found by header name, not by position", () => {
    expect(
      partnerColumns(partners(), [["Revenue"], ["Growth"], ["Nope", "accreditation"], ["Missing"]])
    ).toEqual([3, 2, 4, -1]);
  });

  test("Type picks the profile (any case); blank means the default, unknown none (as PRM.PARTNERSCORE)", () => {
    const { model } = readCriteria([criteria().header, ...criteria().rows]);
    expect(profileForType(model, "INFLUENCER")).toBe("Influencer");
    expect(profileForType(model, "Reseller")).toBeNull();
    expect(profileForType(model, null)).toBe(DEFAULT_PROFILE);
    // Growth 0, Accreditation High, Support load 50, no Revenue: 50 as an Influencer, 33 by default.
    const one = (type: string) => ({
      header: ["Partner", "Type", "Growth", "Accreditation", "Support load"],
      rows: [["E", type, 0, "High", 50]],
    });
    expect(scorePartners(one("Influencer"), current())[0].score).toBeCloseTo(50);
    expect(scorePartners(one(""), current())[0].score).toBeCloseTo(100 / 3);
    expect(scorePartners(one("Reseller"), current())[0]).toMatchObject({
      score: null,
      error: expect.stringContaining('Profile "Reseller" has no Weight (Reseller) column'),
    });
  });

  test("Requires are checked: a high score without the accreditation is not Gold", () => {
    const p = { ...partners(), rows: [["Alpha", "", 20, 1000, "Low", 0, ""]] };
    expect(scorePartners(p, current())[0]).toMatchObject({ tier: 1 });
  });
});

describe("what-if against the workbook's current model", () => {
  test("no edits: counts per tier, highest first, nobody moves, not-scored counted apart", () => {
    const result = whatIf(partners(), current(), current(), origins(tiers()));
    expect(result.tiers).toEqual([
      { name: "Gold", count: 1, before: 1 },
      { name: "Silver", count: 1, before: 1 },
      { name: "Registered", count: 1, before: 1 },
    ]);
    expect(result).toMatchObject({
      notScored: 1,
      notScoredBefore: 1,
      up: 0,
      down: 0,
      same: 3,
      partners: 4,
      blankRows: 1,
      compared: true,
    });
    expect(result.unscored).toEqual([
      { partner: "Delta", row: 3, message: expect.stringContaining("20%") },
    ]);
  });

  test("a lower Gold threshold moves Beta up", () => {
    const t = tableOf(setCell(draftOf(tiers()), 0, "Min score", 45));
    const result = whatIf(partners(), scenario(criteria(), t), current(), origins(t));
    expect(result).toMatchObject({ up: 1, down: 0, same: 2 });
    expect(result.tiers[0]).toEqual({ name: "Gold", count: 2, before: 1 });
  });

  test("a higher Silver threshold moves Beta down", () => {
    const t = tableOf(setCell(draftOf(tiers()), 1, "Min score", 60));
    expect(whatIf(partners(), scenario(criteria(), t), current(), origins(t))).toMatchObject({
      up: 0,
      down: 1,
      same: 2,
    });
  });

  test("weights move partners: with Support load alone Delta gets scored (Silver: no accreditation for Gold)", () => {
    let c = draftOf(criteria());
    for (const [row, w] of [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 100],
    ] as const)
      c = setCell(c, row, "Weight", w);
    // Delta now has all the weight present (Support load 10 -> 80) and becomes scored.
    const result = whatIf(partners(), scenario(tableOf(c), tiers()), current(), origins(tiers()));
    expect(result).toMatchObject({ newlyScored: 1, noLongerScored: 0, notScored: 0 });
    expect(result.tiers.map((t) => t.count)).toEqual([1, 2, 1]);
  });

  test("a renamed tier is the same tier; a removed one is compared by threshold", () => {
    const renamed = tableOf(setCell(draftOf(tiers()), 1, "Tier", "Argent"));
    expect(
      whatIf(partners(), scenario(criteria(), renamed), current(), origins(renamed))
    ).toMatchObject({ up: 0, down: 0, same: 3 });
    const removedDraft = removeRow(draftOf(tiers()), 1);
    const removed = tableOf(removedDraft);
    const tierOrigin = removed.rows.map((_, i) => originOf(removedDraft, i));
    const result = whatIf(partners(), scenario(criteria(), removed), current(), tierOrigin);
    expect(result).toMatchObject({ up: 0, down: 1, same: 2 });
    expect(result.tiers).toEqual([
      { name: "Gold", count: 1, before: 1 },
      { name: "Registered", count: 2, before: 1 },
    ]);
  });

  test("a new tier has no 'before' count, and without a current model nothing is compared", () => {
    const t = { ...tiers(), rows: [["Star", 95, "", ""], ...tiers().rows] };
    const result = whatIf(partners(), scenario(criteria(), t), null, [null, 0, 1, 2]);
    expect(result.compared).toBe(false);
    expect(result.tiers[0]).toEqual({ name: "Star", count: 1, before: null });
    expect(result.up + result.down + result.same).toBe(0);
  });

  test("a renamed criterion is still found under its old Partners header", () => {
    const c = tableOf(setCell(draftOf(criteria()), 0, "Criterion", "Sales"));
    const columns = [["Sales", "Revenue"], ["Growth"], ["Accreditation"], ["Support load"]];
    const result = whatIf(partners(), scenario(c, tiers(), columns), current(), origins(tiers()));
    expect(result).toMatchObject({ same: 3, notScored: 1 });
  });
});

describe("how Partners lines up with the criteria", () => {
  const names = ["Revenue", "Growth", "Accreditation", "Support load"];
  test("reports columns out of the criteria's order (formulas match by position) and blank values", () => {
    const layout = partnerLayout(
      partners(),
      names,
      names.map((n) => [n])
    );
    expect(layout).toEqual({
      missing: [],
      otherNames: [],
      outOfOrder: true,
      blanks: [
        { criterion: "Revenue", count: 1 },
        { criterion: "Growth", count: 1 },
        { criterion: "Accreditation", count: 1 },
      ],
    });
  });

  test("reports criteria without a column and criteria found under an old name", () => {
    const ordered = {
      header: ["Partner", "Revenue", "Growth", "Accreditation"],
      rows: [["A", 1, 2, "Low"]],
    };
    const layout = partnerLayout(
      ordered,
      ["Sales", "Growth", "Accreditation", "New one"],
      [["Sales", "Revenue"], ["Growth"], ["Accreditation"], ["New one"]]
    );
    expect(layout).toMatchObject({
      missing: ["New one"],
      otherNames: [{ criterion: "Sales", column: "Revenue", by: "old name" }],
      outOfOrder: false,
    });
  });

  test("a criterion renamed in the grid is read by position when it sits inside the aligned block", () => {
    const table = {
      header: ["Partner", "Revenue", "Growth", "Accreditation", "Support load", "Score"],
      rows: [["A", 1, 2, "Low", 3, ""]],
    };
    const matches = matchColumns(table, [
      ["Revenue"],
      ["Pace"],
      ["Accreditation"],
      ["Support load"],
      ["Extra"],
    ]);
    expect(matches).toEqual([
      { column: 1, by: "name" },
      { column: 2, by: "position" },
      { column: 3, by: "name" },
      { column: 4, by: "name" },
      { column: -1, by: "none" }, // after the block: Score is not taken for it
    ]);
    // Not when the block is out of line: a criterion inserted in the middle, or columns reordered.
    expect(
      matchColumns(table, [["Revenue"], ["New"], ["Growth"], ["Accreditation"]]).map((m) => m.by)
    ).toEqual(["name", "none", "name", "name"]);
    expect(
      matchColumns(table, [["Revenue"], ["Pace"], ["Accreditation"], ["Growth"]]).map((m) => m.by)
    ).toEqual(["name", "none", "name", "name"]);
  });

  test("partners per profile, by Type (any case; unknown types count for none)", () => {
    expect([...partnersPerProfile(partners(), ["Influencer"])]).toEqual([
      ["", 3],
      ["Influencer", 1],
    ]);
    const withUnknown = partners();
    withUnknown.rows[0][1] = "Distributor";
    expect([...partnersPerProfile(withUnknown, ["Influencer"])]).toEqual([
      ["", 2],
      ["Influencer", 1],
    ]);
  });
});
