import fc from "fast-check";
import { draftTables, insertRow, tablesOf, textAt, weightAt, type Draft } from "../../src/programme/draft";
import { applyPreset, rescale, themeOf, PRESETS } from "../../src/programme/presets";
import { validateDraft } from "../../src/programme/validation";
import { sampleTables } from "../../src/workbook/sample";
import { criteria, tiers } from "../taskpane/fixtures";

function sampleDraft(): Draft {
  const [c, t] = sampleTables(46355);
  return draftTables({ criteria: { header: c.header, rows: c.rows }, tiers: { header: t.header, rows: t.rows } });
}

const column = (draft: Draft, profile: string) => draft.criteria.rows.map((_, i) => weightAt(draft.criteria, i, profile));
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const tierCell = (draft: Draft, tier: string, header: string) =>
  textAt(draft.tiers, draft.tiers.rows.findIndex((r) => r[0] === tier), header);

describe("matching criteria to what a preset weighs", () => {
  test.each([
    ["Accreditation", "", "capability"],
    ["Certified staff", "Capability", "capability"],
    ["Certification", "Capability", "capability"],
    ["Training hours", "Customer", "capability"],
    ["Revenue", "Financial", "volume"],
    ["Revenue growth %", "Growth", "volume"],
    ["Deal registrations", "Customer", "volume"],
    ["Partner NPS", "Customer", "other"],
    ["Anything", "Growth", "volume"],
    ["Anything", "capability", "capability"],
  ])("%p (%p) is %p", (name, perspective, theme) => {
    expect(themeOf(name, perspective)).toBe(theme);
  });
});

describe("rescale", () => {
  test("keeps a column's total, in whole numbers when it held whole numbers, zeros at zero", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 200 }), (weights, total) => {
        fc.pre(sum(weights) > 0);
        const scaled = rescale(weights, total);
        expect(sum(scaled)).toBe(total);
        scaled.forEach((w, i) => {
          expect(Number.isInteger(w)).toBe(true);
          if (weights[i] === 0) expect(w).toBe(0);
          expect(Math.abs(w - (weights[i] * total) / sum(weights))).toBeLessThan(1);
        });
      })
    );
  });
});

describe("the Exclusive preset on the sample", () => {
  const before = sampleDraft();
  const { draft, changes } = applyPreset(before, "exclusive");

  test("weighs capability criteria up in every weight column, each still adding up to 100", () => {
    for (const profile of ["", "Reseller", "Influencer"]) {
      const [was, now] = [column(before, profile), column(draft, profile)];
      expect(sum(now)).toBe(100);
      const share = (weights: number[], name: string) => weights[before.criteria.rows.findIndex((r) => r[0] === name)] / sum(weights);
      for (const name of ["Accreditation", "Certified staff", "Certification"]) expect(share(now, name)).toBeGreaterThan(share(was, name));
      expect(share(now, "Support tickets")).toBeLessThan(share(was, "Support tickets"));
    }
    expect(changes).toContain("Weight: Accreditation 15 → 23");
  });

  test("raises every Min score but the lowest a third of the way to 100", () => {
    expect(["Platinum", "Gold", "Silver", "Registered"].map((t) => Number(tierCell(draft, t, "Min score")))).toEqual([90, 80, 67, 0]);
  });

  test("keeps the requirements the upper tiers have, and adds none the lower tiers did not have", () => {
    expect(tierCell(draft, "Gold", "Requires")).toBe(tierCell(before, "Gold", "Requires"));
    expect(tierCell(draft, "Silver", "Requires")).toBe("");
  });

  test("changes no criterion, no tier and no other column, and the result validates", () => {
    expect(draft.criteria.rows.map((r) => r.slice(0, 7))).toEqual(before.criteria.rows.map((r) => r.slice(0, 7)));
    expect(draft.tiers.rows.map((r) => r[0])).toEqual(before.tiers.rows.map((r) => r[0]));
    expect(draft.criteria.ids).toEqual(before.criteria.ids);
    expect(validateDraft(draft.criteria, draft.tiers).problems).toEqual([]);
  });
});

describe("a criterion the user added", () => {
  const added = insertRow(sampleDraft().criteria, {
    Criterion: "Training hours",
    Perspective: "Customer",
    Method: "target",
    Better: "higher",
    Min: 0,
    Max: 40,
    Weight: 10,
    "Weight (Reseller)": 10,
    "Weight (Influencer)": 10,
  }).draft;
  const before = { ...sampleDraft(), criteria: added };

  test("is kept by every preset, and matched by its name", () => {
    for (const preset of PRESETS) {
      const { draft } = applyPreset(before, preset.id);
      expect(draft.criteria.rows.map((r) => r[0])).toEqual(before.criteria.rows.map((r) => r[0]));
    }
    const exclusive = applyPreset(before, "exclusive").draft;
    expect(tierCell(exclusive, "Platinum", "Requires")).toBe("Accreditation >= Gold; Certified staff >= 5; Certification >= Expiring; Training hours >= 20");
    expect(tierCell(exclusive, "Gold", "Requires")).toContain("Training hours >= 20");
    expect(tierCell(exclusive, "Silver", "Requires")).toBe("");
  });
});

describe("the Exclusive preset's requirements", () => {
  test("a rating's bar is its first label worth 50 or more; the tier's own conditions stay", () => {
    const { draft, changes } = applyPreset(draftTables({ criteria: criteria(), tiers: tiers() }), "exclusive");
    expect(tierCell(draft, "Gold", "Requires")).toBe("Accreditation >= Medium");
    // Two ranked tiers above Registered: Gold and Silver are the upper half of three (rounded up).
    expect(tierCell(draft, "Silver", "Requires")).toBe("Accreditation >= Medium");
    expect(changes).toContain("Silver: Requires (none) → Accreditation >= Medium");
    expect(tierCell(draft, "Registered", "Requires")).toBe("");
  });
});

describe("the Inclusive preset on the sample", () => {
  const before = sampleDraft();
  const { draft } = applyPreset(before, "inclusive");

  test("weighs volume and growth up, lowers the Min scores by a fifth, and keeps requirements at the top only", () => {
    const share = (d: Draft, name: string) => column(d, "")[before.criteria.rows.findIndex((r) => r[0] === name)] / sum(column(d, ""));
    for (const name of ["Revenue", "Revenue growth %", "Deal registrations"]) expect(share(draft, name)).toBeGreaterThan(share(before, name));
    expect(share(draft, "Accreditation")).toBeLessThan(share(before, "Accreditation"));
    expect(["Platinum", "Gold", "Silver", "Registered"].map((t) => Number(tierCell(draft, t, "Min score")))).toEqual([68, 56, 40, 0]);
    expect(tierCell(draft, "Platinum", "Requires")).toBe(tierCell(before, "Platinum", "Requires"));
    expect(tierCell(draft, "Gold", "Requires")).toBe("");
    expect(validateDraft(draft.criteria, draft.tiers).problems).toEqual([]);
  });
});

describe("the Influencer profile preset", () => {
  test("adds Weight (Influencer) where there is none: the default weights with revenue and margin at 0", () => {
    const [c, t] = sampleTables(46355);
    const withoutInfluencer = {
      header: c.header.slice(0, -1),
      rows: c.rows.map((r) => r.slice(0, -1)),
    };
    const before = draftTables({ criteria: withoutInfluencer, tiers: { header: t.header, rows: t.rows } });
    const { draft } = applyPreset(before, "influencer");
    expect(draft.criteria.header[draft.criteria.header.length - 1]).toBe("Weight (Influencer)");
    const weights = column(draft, "Influencer");
    expect(sum(weights)).toBe(100);
    const at = (name: string) => weights[before.criteria.rows.findIndex((r) => r[0] === name)];
    expect(at("Revenue")).toBe(0);
    expect(at("Revenue growth %")).toBe(0);
    expect(at("Deal registrations")).toBeGreaterThan(0);
    expect(tablesOf(draft).tiers).toEqual(tablesOf(before).tiers);
    expect(validateDraft(draft.criteria, draft.tiers).problems).toEqual([]);
  });

  test("resets an existing Influencer column (any case) and leaves the others", () => {
    const before = draftTables({ criteria: criteria(), tiers: tiers() });
    const { draft } = applyPreset(before, "influencer");
    expect(column(draft, "Influencer")).toEqual([0, 0, 50, 50]);
    expect(column(draft, "")).toEqual(column(before, ""));
    expect(draft.criteria.header).toEqual(before.criteria.header);
  });
});
