/** The partner card's picture over the sample: the partner's points per perspective, its tier's average, the next tier's threshold profile. */
import {
  partnerCard,
  type PartnerCard,
} from "../../../src/programme/partnerCard";
import {
  partnerProfile,
  perspectiveAveragesByTier,
  type PartnerProfile,
} from "../../../src/programme/charts";
import { scorePartners, whatIf } from "../../../src/programme/whatIf";
import { computedPartners, scenario } from "../sampleScorecard";

const partners = computedPartners();
const rowOf = (name: string) => partners.rows.findIndex((r) => r[0] === name);
const card = (row: number) =>
  partnerCard(partners, scenario, row) as PartnerCard;
const profileOf = (
  name: string,
  by: "perspective" | "criterion" = "perspective",
) => partnerProfile(partners, scenario, rowOf(name), by) as PartnerProfile;
const PERSPECTIVES = ["Financial", "Growth", "Customer", "Capability"];
/** The sample's criteria per perspective. */
const CRITERIA_OF: Record<string, string[]> = {
  Financial: ["Revenue"],
  Growth: ["Revenue growth %", "Strategic fit"],
  Customer: ["Deal registrations", "Support tickets"],
  Capability: ["Accreditation", "Certified staff", "Certification"],
};
/** A card's points summed over one perspective's criteria. */
const cardPoints = (c: PartnerCard, perspective: string) =>
  c.parts
    .filter((p) => CRITERIA_OF[perspective].includes(p.criterion))
    .reduce((sum, p) => sum + p.points, 0);

describe("a partner's picture", () => {
  test("its points per perspective are its breakdown's, summed per perspective, in the criteria's order", () => {
    const picture = profileOf("Alder Peak IT");
    const breakdown = card(rowOf("Alder Peak IT"));
    expect(picture.categories).toEqual(PERSPECTIVES);
    PERSPECTIVES.forEach((p, i) =>
      expect(picture.points[i]).toBeCloseTo(cardPoints(breakdown, p), 12),
    );
    expect(picture.points.reduce((a, b) => a + b, 0)).toBeCloseTo(
      breakdown.score,
      12,
    );
    expect(picture).toMatchObject({
      partner: "Alder Peak IT",
      tier: breakdown.tier,
      profile: "Reseller",
      by: "perspective",
    });
  });

  test("the tier average is the mean of the breakdowns of the partners in its tier with its profile", () => {
    const picture = profileOf("Bluefin Networks");
    const peers = partners.rows
      .map((_, r) => card(r))
      .filter(
        (c) =>
          c &&
          !("error" in c) &&
          c.tier === picture.tier &&
          c.profile === picture.profile,
      );
    expect(peers.length).toBeGreaterThan(1);
    expect(picture.tierAverage.partners).toBe(peers.length);
    PERSPECTIVES.forEach((p, i) =>
      expect(picture.tierAverage.values[i]).toBeCloseTo(
        peers.reduce((s, c) => s + cardPoints(c, p), 0) / peers.length,
        12,
      ),
    );
  });

  test("the next tier's threshold is its Min score spread by the profile's weight shares", () => {
    // Bluefin is a Gold reseller: Platinum asks 85, and the Reseller weights add up to 100.
    const picture = profileOf("Bluefin Networks");
    expect(picture.tier).toBe("Gold");
    expect(picture.nextTier?.tier).toBe("Platinum");
    const reseller = {
      Financial: 25,
      Growth: 15 + 5,
      Customer: 10 + 10,
      Capability: 15 + 15 + 5,
    };
    expect(picture.nextTier?.values).toEqual(
      PERSPECTIVES.map(
        (p) => (85 * reseller[p as keyof typeof reseller]) / 100,
      ),
    );
  });

  test("in the top tier there is no next tier", () => {
    const picture = profileOf("Alder Peak IT");
    expect(picture.tier).toBe("Platinum");
    expect(picture.nextTier).toBeNull();
  });

  test("per criterion: one category per criterion, the breakdown's points", () => {
    const picture = profileOf("Bluefin Networks", "criterion");
    const breakdown = card(rowOf("Bluefin Networks"));
    expect(picture.categories).toEqual(breakdown.parts.map((p) => p.criterion));
    expect(picture.points).toEqual(breakdown.parts.map((p) => p.points));
    expect(picture.tierAverage.values).toHaveLength(8);
    expect(picture.nextTier?.values).toHaveLength(8);
  });

  test("a partner that cannot be scored gets the card's message; no such row gets null", () => {
    const blank = {
      header: partners.header,
      rows: [partners.header.map(() => null)],
    };
    expect(partnerProfile(blank, scenario, 0, "perspective")).toEqual({
      row: 0,
      partner: "row 1",
      error: "it has no values for the criteria",
    });
    expect(partnerProfile(partners, scenario, 99, "perspective")).toBeNull();
  });
});

describe("average points per perspective per tier (the Dashboard's series)", () => {
  test("counts every scored partner in the tier the what-if gives it, tiers from the top", () => {
    const averages = perspectiveAveragesByTier(partners, scenario);
    const effect = whatIf(partners, scenario, null, []);
    expect(averages.tiers.map((t) => [t.tier, t.partners])).toEqual(
      effect.tiers.map((t) => [t.name, t.count]),
    );
    expect(averages.overall.partners).toBe(effect.partners - effect.notScored);
    expect(averages.categories).toEqual(PERSPECTIVES);
  });

  test("an empty tier has no average; the partners already scored can be passed in", () => {
    const onlyOne = {
      header: partners.header,
      rows: [partners.rows[rowOf("Alder Peak IT")]],
    };
    const scored = scorePartners(onlyOne, scenario);
    const averages = perspectiveAveragesByTier(onlyOne, scenario, { scored });
    expect(averages.tiers.map((t) => t.average === null)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(averages.tiers[0].average).toEqual(averages.overall.average);
  });
});
