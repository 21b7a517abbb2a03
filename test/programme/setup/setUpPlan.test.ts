/**
 * The scorecard set-up proposes for a pasted list (issue 21 item 1): criteria with equal
 * weights per profile, four tiers by quantiles whose counts are the rules' (what-if), and the
 * added columns' PRM formulas matching values by name (DESIGN.md section 3, `names`).
 */
import { readCriteria, readTiers } from "../../../src/core";
import {
  partnerFormulas,
  proposeChoices,
  proposeSetUp,
} from "../../../src/programme/setup/setUpPlan";
import { AS_OF, partnerList } from "./partnerList";

describe("proposeChoices", () => {
  test("names the partner and type columns and ticks every scorable column", () => {
    const choices = proposeChoices(partnerList());
    expect(choices.nameColumn).toBe(0);
    expect(choices.typeColumn).toBe(1);
    expect(choices.scored.map((s) => [s.column, s.guess.kind])).toEqual([
      [2, "range"],
      [3, "range"],
      [4, "rating"],
      [5, "yesno"],
      [6, "expiry"],
    ]);
  });

  test("without a Partner header, the first column with a different text in every row names them", () => {
    const list = partnerList();
    list.header = ["Segment", "Company", ...list.header.slice(2)];
    list.rows = list.rows.map((r) => [r[1], r[0], ...r.slice(2)]);
    const choices = proposeChoices(list);
    expect(choices.nameColumn).toBe(1);
    expect(choices.typeColumn).toBe(0);
  });
});

describe("proposeSetUp", () => {
  const list = partnerList();
  const proposal = proposeSetUp(list, proposeChoices(list), "Scorecard", AS_OF);
  const setUp = proposal.setUp!;

  test("Criteria: one row per ticked column, readable by the functions, equal weights per profile", () => {
    expect(proposal.problems).toEqual([]);
    const [criteria, tiers] = setUp.tables;
    expect(criteria.header).toEqual([
      "Criterion",
      "Perspective",
      "Method",
      "Better",
      "Min",
      "Max",
      "Scale",
      "Weight",
      "Weight (Reseller)",
      "Weight (Influencer)",
    ]);
    expect(criteria.rows).toEqual([
      [
        "Revenue",
        "Financial",
        "range",
        "higher",
        90000,
        2400000,
        null,
        20,
        20,
        20,
      ],
      [
        "Support tickets",
        "Customer",
        "range",
        "lower",
        4,
        51,
        null,
        20,
        20,
        20,
      ],
      [
        "Accreditation",
        "Capability",
        "rating",
        null,
        null,
        null,
        "None=0; Silver=33; Gold=67; Platinum=100",
        20,
        20,
        20,
      ],
      [
        "Managed services",
        "Capability",
        "yesno",
        null,
        null,
        null,
        null,
        20,
        20,
        20,
      ],
      [
        "Certification",
        "Capability",
        "rating",
        null,
        null,
        null,
        "Active=100; Expiring=100; Expired=0; None=0",
        20,
        20,
        20,
      ],
    ]);
    expect(readCriteria([criteria.header, ...criteria.rows]).problems).toEqual(
      [],
    );
    expect(readTiers([tiers.header, ...tiers.rows]).problems).toEqual([]);
    expect(criteria.sheet).toBe("Scorecard");
  });

  test("four tiers whose counts cover every partner, at most the shares plus ties", () => {
    expect(proposal.counts.map((c) => c.name)).toEqual([
      "Platinum",
      "Gold",
      "Silver",
      "Registered",
    ]);
    const counts = proposal.counts.map((c) => c.count);
    expect(counts.reduce((a, b) => a + b, 0) + proposal.notScored).toBe(12);
    expect(proposal.notScored).toBe(0);
    expect(counts[0]).toBe(1); // 10% of 12, rounded down
    expect(counts[0] + counts[1]).toBeLessThanOrEqual(3 + 1);
  });

  test("adds a CERTSTATUS column and Score, Tier, Next tier formulas that match by name", () => {
    expect(setUp.added.header).toEqual([
      "Certification",
      "Score",
      "Tier",
      "Next tier",
    ]);
    expect(setUp.added.rows).toHaveLength(12);
    expect(setUp.added.rows[0]).toEqual([
      "=PRM.CERTSTATUS([@[Cert expiry]])",
      "=PRM.PARTNERSCORE(Partners[@[Revenue]:[Certification]],Criteria[#All],[@Type],,Partners[[#Headers],[Revenue]:[Certification]])",
      "=PRM.PARTNERTIER([@Score],Tiers[#All],Partners[@[Revenue]:[Certification]],Criteria[#All],Partners[[#Headers],[Revenue]:[Certification]])",
      "=INDEX(PRM.NEXTTIER([@Score],Tiers[#All],Partners[@[Revenue]:[Certification]],Criteria[#All],Partners[[#Headers],[Revenue]:[Certification]]),1,1)",
    ]);
    expect(setUp.list).toEqual({
      sheet: "Sheet1",
      topLeft: "A1",
      table: null,
      width: 7,
      height: 13,
    });
  });

  test("names already in the list get a free variant; a header with brackets is escaped", () => {
    const taken = partnerList();
    taken.header = [...taken.header, "Score", "Rev [USD]"];
    taken.rows = taken.rows.map((r, i) => [...r, i, i * 10]);
    const choices = proposeChoices(taken);
    const { setUp: other } = proposeSetUp(
      taken,
      choices,
      "Scorecard (2)",
      AS_OF,
    );
    expect(other!.added.header).toEqual([
      "Certification",
      "Score (2)",
      "Tier",
      "Next tier",
    ]);
    expect(other!.added.rows[0][2]).toContain("[@[Score (2)]]");
    expect(
      partnerFormulas({ first: "Rev [USD]", last: "Fit" }, null, "Score").score,
    ).toBe(
      "=PRM.PARTNERSCORE(Partners[@[Rev '[USD']]:[Fit]],Criteria[#All],,,Partners[[#Headers],[Rev '[USD']]:[Fit]])",
    );
  });

  test("a list that cannot become a table says why, and nothing is proposed", () => {
    const bad = partnerList();
    bad.header[3] = "";
    bad.header[4] = "revenue";
    const result = proposeSetUp(bad, proposeChoices(bad), "Scorecard", AS_OF);
    expect(result.setUp).toBeNull();
    expect(result.problems).toEqual([
      "Column 4 of the list has no header: name it in the header row, then choose Look again.",
      'Two columns are headed "revenue": give each column its own header, then choose Look again.',
    ]);
    expect(
      proposeSetUp(list, { ...proposeChoices(list), scored: [] }, "S", AS_OF)
        .problems,
    ).toEqual(["Tick at least one column to score."]);
  });
});
