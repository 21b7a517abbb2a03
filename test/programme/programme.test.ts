/** Certification upkeep and the partner card, over the sample as the workbook computes it. */
import { readCriteria, scorePartner, relativeWeights, resolveProfile } from "../../src/core";
import { lapsesBefore, type Lapse } from "../../src/programme/certUpkeep";
import { partnerCard, type PartnerCard } from "../../src/programme/partnerCard";
import { scenarioOf, type Scenario } from "../../src/programme/whatIf";
import { TODAY, computedPartners, criteria, expiryAt, scenario, tiers } from "./sampleScorecard";

const partners = computedPartners();
const rowOf = (name: string) => partners.rows.findIndex((r) => r[0] === name);

describe("certification upkeep", () => {
  const lapses = (asOf: number): Lapse[] => {
    const result = lapsesBefore(partners, scenario, asOf, TODAY);
    if (result.kind !== "lapses") throw new Error(result.reason);
    expect(result.criterion).toBe("Certification");
    return result.lapses;
  };

  test("as of today: only the certifications that have already expired, each already at its lower tier", () => {
    const today = lapses(TODAY);
    const expected = partners.rows.filter((r) => (r[expiryAt] as number | null) !== null && (r[expiryAt] as number) < TODAY).map((r) => r[0]);
    expect(today.map((l) => l.partner).sort()).toEqual([...expected].sort());
    for (const l of today) {
      expect(l.expired).toBe(true);
      expect(l.tierThen).toBe(l.tierNow);
      expect(l.falls).toBe(false);
    }
  });

  test("90 days ahead: soonest first, with the tier each would fall to", () => {
    const ahead = lapses(TODAY + 90);
    const days = ahead.map((l) => l.expiry - TODAY);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(days.every((d) => d < 90)).toBe(true);
    // Bluefin Networks (Gold, expires in 35 days) and Tidewell Group (Platinum, in 5 days) lose both tiers that require it.
    expect(ahead.find((l) => l.partner === "Bluefin Networks")).toMatchObject({ expired: false, tierNow: "Gold", tierThen: "Silver", falls: true });
    expect(ahead.find((l) => l.partner === "Tidewell Group")).toMatchObject({ tierNow: "Platinum", tierThen: "Silver", falls: true });
    // Alder Peak IT expires in 240 days: not listed yet.
    expect(ahead.some((l) => l.partner === "Alder Peak IT")).toBe(false);
    expect(lapses(TODAY + 241).find((l) => l.partner === "Alder Peak IT")).toMatchObject({ tierNow: "Platinum", falls: true });
  });

  test("the expiry day itself still counts as certified", () => {
    const tidewell = partners.rows[rowOf("Tidewell Group")][expiryAt] as number;
    expect(lapses(tidewell).some((l) => l.partner === "Tidewell Group")).toBe(false);
    expect(lapses(tidewell + 1).some((l) => l.partner === "Tidewell Group")).toBe(true);
  });

  test("says what it needs when the scorecard has no certification criterion or no expiry column", () => {
    const plain = scenarioOf({ header: criteria.header, rows: criteria.rows.slice(0, 7) }, { header: tiers.header, rows: [["Registered", 0, ""]] }) as Scenario;
    expect(lapsesBefore(partners, plain, TODAY, TODAY)).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("Expired label") });
    const noExpiry = { header: partners.header.map((h) => (h === "Cert expiry" ? "Notes" : h)), rows: partners.rows };
    expect(lapsesBefore(noExpiry, scenario, TODAY, TODAY)).toMatchObject({ kind: "unavailable", reason: expect.stringContaining("expiry") });
  });
});

describe("the partner card", () => {
  const card = (name: string) => partnerCard(partners, scenario, rowOf(name)) as PartnerCard;

  test("score, tier and the breakdown: points add up to the score, shares to 1", () => {
    const alder = card("Alder Peak IT");
    const model = readCriteria([criteria.header, ...criteria.rows]).model;
    const values = partners.rows[rowOf("Alder Peak IT")].slice(2, 10);
    const expected = scorePartner(values, model, relativeWeights(model, resolveProfile(model, "Reseller")), "skip")!.score;
    expect(alder).toMatchObject({ partner: "Alder Peak IT", profile: "Reseller", tier: "Platinum", next: null });
    expect(alder.score).toBeCloseTo(expected, 12);
    expect(alder.parts.map((p) => p.criterion)).toEqual(model.criteria.map((c) => c.name));
    expect(alder.parts.reduce((s, p) => s + p.points, 0)).toBeCloseTo(alder.score, 9);
    expect(alder.parts.reduce((s, p) => s + p.share, 0)).toBeCloseTo(1, 12);
    expect(alder.parts.find((p) => p.criterion === "Certification")).toMatchObject({ value: "Active", normalized: 100 });
  });

  test("what a partner needs for the next tier: points short and unmet requirements", () => {
    const estuary = card("Estuary Cloud");
    expect(estuary.tier).toBe("Silver");
    expect(estuary.next).toEqual({ tier: "Gold", short: 0, unmet: ["Certification >= Expiring"] });
    const granite = card("Granite Bay Systems");
    expect(granite.tier).toBe("Gold");
    expect(granite.next).toEqual({ tier: "Platinum", short: 0, unmet: ["Accreditation >= Gold"] });
    const fjord = card("Fjord Digital");
    expect(fjord.next?.tier).toBe("Gold");
    expect(fjord.next?.short).toBeCloseTo(70 - fjord.score, 12);
  });

  test("a missing value is shown as missing, weighing nothing; a partner without data says why", () => {
    const ember = card("Ember Lane Consulting"); // Influencer with n/a revenue
    expect(ember.parts.find((p) => p.criterion === "Revenue")).toMatchObject({ normalized: null, share: 0, points: 0 });
    const blankRow = { header: partners.header, rows: [partners.header.map(() => null)] };
    expect(partnerCard(blankRow, scenario, 0)).toEqual({ row: 0, partner: "row 1", error: "it has no values for the criteria" });
    expect(partnerCard(partners, scenario, 99)).toBeNull();
  });
});
