/**
 * Properties of tier reviews (issue 22) over random tiers, tier histories and partners: an
 * override is never proposed for change before its end date; no demotion is proposed before
 * its grace has run (judged here from the history directly, not through belowSince); and
 * approving every proposal, then reviewing again, proposes nothing.
 */
import fc from "fast-check";
import { reviewPartners, type ReviewPartner, type Snapshot, type Tier } from "../../src/core";
import { approvals } from "../../src/programme/review";

const AS_OF = 46388; // 2027-01-01

/** 1-5 tiers T0..Tn with Min scores (ties allowed) and Grace days, blank ones as 0. */
const tiersArb: fc.Arbitrary<Tier[]> = fc
  .array(fc.record({ minScore: fc.integer({ min: 0, max: 100 }), graceDays: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 200 })) }), { minLength: 1, maxLength: 5 })
  .map((list) => list.map((t, i) => ({ name: `T${i}`, requires: [], ...t })));

/** A tier name as a user may type it: any case, spaces around. */
const spelled = (name: string) => fc.constantFrom(name, name.toLowerCase(), ` ${name} `);

const PARTNERS = ["Acme", "Beta", "Gamma", "Delta"];

interface Scenario {
  tiers: Tier[];
  snapshots: Snapshot[];
  partners: ReviewPartner[];
}

const scenarioArb: fc.Arbitrary<Scenario> = tiersArb.chain((tiers) => {
  const tierName = fc.integer({ min: 0, max: tiers.length - 1 }).chain((i) => spelled(tiers[i].name));
  const date = fc.integer({ min: AS_OF - 400, max: AS_OF });
  // Snapshots in date order up to asOf; a partner may be absent from one.
  const snapshots = fc
    .array(fc.tuple(date, fc.array(fc.option(tierName, { nil: null }), { minLength: PARTNERS.length, maxLength: PARTNERS.length })), { maxLength: 6 })
    .map((list) =>
      list
        .sort((a, b) => a[0] - b[0])
        .map(([d, tierOf]) => ({
          date: d,
          standings: PARTNERS.flatMap((partner, i) => (tierOf[i] === null ? [] : [{ partner: i % 2 ? partner.toUpperCase() : partner, score: 50, tier: tierOf[i]! }])),
        }))
    );
  const partner = (name: string) =>
    fc.record({
      partner: fc.constant(name),
      score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      computedTier: fc.oneof({ weight: 5, arbitrary: tierName }, { weight: 1, arbitrary: fc.constant("") }),
      assignedTier: fc.oneof({ weight: 5, arbitrary: tierName }, { weight: 1, arbitrary: fc.constant("") }),
      since: fc.option(date, { nil: null }),
      overrideUntil: fc.option(fc.integer({ min: AS_OF - 300, max: AS_OF + 300 }), { nil: null }),
      reason: fc.constant(""),
    });
  return fc.record({ tiers: fc.constant(tiers), snapshots, partners: fc.tuple(...PARTNERS.map(partner)) });
});

/** Rank by Min score, the highest 0, ties in table order: how tiers.ts ranks them, restated. */
function rankOf(tiers: readonly Tier[], name: string): number {
  const order = tiers.map((t, i) => ({ t, i })).sort((a, b) => b.t.minScore - a.t.minScore || a.i - b.i);
  return order.findIndex(({ t }) => t.name.toLowerCase() === name.trim().toLowerCase());
}

function graceOf(tiers: readonly Tier[], name: string): number {
  return tiers.find((t) => t.name.toLowerCase() === name.trim().toLowerCase())!.graceDays;
}

/**
 * Whether the history shows `p` below its assigned tier in every snapshot from one dated at
 * least `grace` days before asOf through the latest: the grace has run by the history.
 */
function belowThroughGrace(s: Scenario, p: ReviewPartner, grace: number): boolean {
  const assigned = rankOf(s.tiers, p.assignedTier);
  for (let i = s.snapshots.length - 1; i >= 0; i--) {
    const standing = s.snapshots[i].standings.find((x) => x.partner.toLowerCase() === p.partner.toLowerCase());
    if (!standing || rankOf(s.tiers, standing.tier) <= assigned) return false;
    if (s.snapshots[i].date + grace <= AS_OF) return true;
  }
  return false;
}

const review = (s: Scenario) => reviewPartners(s.partners, s.tiers, AS_OF, s.snapshots);

describe("tier reviews (properties)", () => {
  test("an override is never proposed for change before its end date", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = review(s);
        const inForce = s.partners.filter((p) => p.overrideUntil !== null && AS_OF <= p.overrideUntil).map((p) => p.partner);
        for (const item of [...r.proposals, ...r.pending]) expect(inForce).not.toContain(item.partner);
        expect(r.overridesInForce.map((i) => i.partner)).toEqual(inForce);
      }),
      { numRuns: 500 }
    );
  });

  test("no demotion is proposed before its grace has run", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const item of review(s).proposals) {
          if (item.status.kind !== "demote") continue;
          const p = s.partners[item.index];
          const grace = graceOf(s.tiers, p.assignedTier);
          // Not before the grace after the tier was approved, nor after an override ended.
          if (p.since !== null) expect(p.since + grace).toBeLessThanOrEqual(AS_OF);
          if (p.overrideUntil !== null) expect(p.overrideUntil + 1 + grace).toBeLessThanOrEqual(AS_OF);
          // With a grace at all, the history must show the partner below for that long.
          if (grace > 0) expect(belowThroughGrace(s, p, grace)).toBe(true);
        }
      }),
      { numRuns: 1000 }
    );
  });

  test("a pending demotion falls due after asOf; a proposed one on or before it", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = review(s);
        for (const { status } of r.pending) expect(status.kind === "pending" && status.due > AS_OF).toBe(true);
        for (const { status } of r.proposals) if (status.kind === "demote") expect(status.due).toBeLessThanOrEqual(AS_OF);
      }),
      { numRuns: 300 }
    );
  });

  test("approving every proposal and reviewing again proposes nothing", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const partners = [...s.partners];
        for (const a of approvals(review(s).proposals, AS_OF)) {
          const p = partners[a.index];
          partners[a.index] = {
            ...p,
            assignedTier: a.assignedTier,
            since: a.since,
            ...(a.clearOverride ? { overrideUntil: null, reason: "" } : {}),
          };
        }
        expect(review({ ...s, partners }).proposals).toEqual([]);
      }),
      { numRuns: 500 }
    );
  });
});
