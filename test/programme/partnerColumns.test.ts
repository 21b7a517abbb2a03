import {
  headerAfter,
  isEmptyPlan,
  planPartnerColumns,
} from "../../src/programme/partnerColumns";

// The sample's Partners header: criteria in C:K, then Cert expiry and the formula columns.
const sample = [
  "Partner",
  "Type",
  "Revenue",
  "Growth",
  "Deals",
  "Tickets",
  "NPS",
  "Certified staff",
  "Accreditation",
  "Training",
  "Certification",
  "Cert expiry",
  "Score",
  "Tier",
];
const criteria = sample.slice(2, 11).map((name) => ({ name, knownAs: [name] }));

describe("the Partners columns follow the criteria", () => {
  test("nothing changes when every criterion has its column", () => {
    const plan = planPartnerColumns(criteria, sample);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(headerAfter(sample, plan)).toEqual(sample);
  });

  test("a new criterion gets a column inside the criteria's span, before the last criterion column", () => {
    const plan = planPartnerColumns(
      [...criteria, { name: " Events ", knownAs: [] }],
      sample,
    );
    expect(plan).toEqual({
      renames: [],
      inserts: { before: 10, headers: ["Events"] },
    });
    const after = headerAfter(sample, plan);
    // Inside C:K (indexes 2..10): a span C:K grows to C:L when a column is inserted within it.
    expect(after.indexOf("Events")).toBe(10);
    expect(after.slice(11)).toEqual([
      "Certification",
      "Cert expiry",
      "Score",
      "Tier",
    ]);
  });

  test("a renamed criterion renames its column in place, found by an earlier name", () => {
    const renamed = criteria.map((c) =>
      c.name === "NPS" ? { name: "Net promoter", knownAs: ["NPS"] } : c,
    );
    const plan = planPartnerColumns(renamed, sample);
    expect(plan).toEqual({
      renames: [{ column: 6, header: "Net promoter" }],
      inserts: { before: 10, headers: [] },
    });
    expect(headerAfter(sample, plan)[6]).toBe("Net promoter");
  });

  test("a rename found through an older alias; names match ignoring case and spaces", () => {
    const plan = planPartnerColumns(
      [{ name: "C", knownAs: ["B", "a"] }],
      ["Name", " A ", "Score"],
    );
    expect(plan.renames).toEqual([{ column: 1, header: "C" }]);
  });

  test("a removed criterion's column stays, and reordering changes nothing", () => {
    const fewer = criteria.filter((c) => c.name !== "Deals").reverse();
    const plan = planPartnerColumns(fewer, sample);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(headerAfter(sample, plan)).toEqual(sample);
  });

  test("a rename never takes a column another criterion is named after", () => {
    // Swapping two names: each already has a column headed with its new name.
    const swapped = [
      { name: "Deals", knownAs: ["Growth"] },
      { name: "Growth", knownAs: ["Deals"] },
    ];
    expect(isEmptyPlan(planPartnerColumns(swapped, sample))).toBe(true);
  });

  test("without any criterion column, new columns go at the end", () => {
    const plan = planPartnerColumns([{ name: "X", knownAs: [] }], ["Partner"]);
    expect(headerAfter(["Partner"], plan)).toEqual(["Partner", "X"]);
  });
});
