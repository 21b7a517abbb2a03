/** Tier reviews (issue 22): each status by example, its text, the review's lists and approvals. */
import { approvals } from "../../src/programme/review";
import {
  belowSince,
  readTiers,
  reviewPartners,
  reviewStatus,
  reviewStatusText,
  serialFromDate,
  type ReviewPartner,
  type Snapshot,
  type Tier,
} from "../../src/core";

const { tiers, problems } = readTiers([
  ["Tier", "Min score", "Grace days"],
  ["Gold", 70, 90],
  ["Silver", 50, null],
  ["Registered", 0, 0],
]);
const day = (y: number, m: number, d: number) => serialFromDate(y, m, d);
const AS_OF = day(2027, 1, 1);

function partner(change: Partial<ReviewPartner>): ReviewPartner {
  return { partner: "Acme", score: 60, computedTier: "Silver", assignedTier: "Silver", since: null, overrideUntil: null, reason: "", ...change };
}

function snapshot(date: number, ...standings: [string, number, string][]): Snapshot {
  return { date, standings: standings.map(([partner, score, tier]) => ({ partner, score, tier })) };
}

test("the tiers read with their Grace days, a blank one as 0", () => {
  expect(problems).toEqual([]);
  expect(tiers.map((t) => [t.name, t.graceDays])).toEqual([
    ["Gold", 90],
    ["Silver", 0],
    ["Registered", 0],
  ]);
});

describe("reviewStatus", () => {
  test.each<[string, Partial<ReviewPartner>, number | null, ReturnType<typeof reviewStatus>, string]>([
    ["computed = assigned: keep", {}, null, { kind: "keep" }, "Keep"],
    ["names match in any case and spacing", { assignedTier: " silver " }, null, { kind: "keep" }, "Keep"],
    ["no assigned tier: assign the computed one", { assignedTier: "" }, null, { kind: "assign", to: "Silver" }, "Assign Silver"],
    ["computed above assigned: promote at once", { computedTier: "gold", score: 75 }, null, { kind: "promote", to: "Gold" }, "Promote to Gold"],
    ["below, no history: Gold's 90 days start today", { assignedTier: "Gold" }, null, { kind: "pending", to: "Silver", due: AS_OF + 90 }, "Demote to Silver on 2027-04-01"],
    ["below for 89 days: not yet", { assignedTier: "Gold" }, AS_OF - 89, { kind: "pending", to: "Silver", due: AS_OF + 1 }, "Demote to Silver on 2027-01-02"],
    ["below for 90 days: demote now", { assignedTier: "Gold" }, AS_OF - 90, { kind: "demote", to: "Silver", due: AS_OF }, "Demote to Silver"],
    ["no grace (Silver's Grace days blank): demote at once", { assignedTier: "Silver", computedTier: "Registered" }, null, { kind: "demote", to: "Registered", due: AS_OF }, "Demote to Registered"],
    ["an override in force: nothing proposed", { assignedTier: "Gold", overrideUntil: day(2027, 6, 30) }, AS_OF - 400, { kind: "override", until: day(2027, 6, 30) }, "Override until 2027-06-30"],
    ["an override ending today is still in force", { assignedTier: "Gold", overrideUntil: AS_OF }, AS_OF - 400, { kind: "override", until: AS_OF }, "Override until 2027-01-01"],
    ["an ended override: the grace runs from the day after it", { assignedTier: "Gold", overrideUntil: AS_OF - 10 }, AS_OF - 400, { kind: "pending", to: "Silver", due: AS_OF - 9 + 90 }, "Demote to Silver on 2027-03-23"],
    ["an ended override long ago: belowSince decides", { assignedTier: "Gold", overrideUntil: AS_OF - 300 }, AS_OF - 100, { kind: "demote", to: "Silver", due: AS_OF - 10 }, "Demote to Silver"],
    ["below before the tier was assigned does not count", { assignedTier: "Gold", since: AS_OF - 30 }, AS_OF - 400, { kind: "pending", to: "Silver", due: AS_OF + 60 }, "Demote to Silver on 2027-03-02"],
    ["an assigned tier the table lacks", { assignedTier: "Diamond" }, null, { kind: "unknownTier", tier: "Diamond", column: "Assigned tier" }, "Assigned tier Diamond is not in the Tiers table"],
    ["a computed tier the table lacks", { computedTier: "Bronze" }, null, { kind: "unknownTier", tier: "Bronze", column: "Tier" }, "Tier Bronze is not in the Tiers table"],
    ["not scored (no computed tier): keep", { computedTier: "", score: null, assignedTier: "Gold" }, null, { kind: "keep" }, "Keep"],
  ])("%s", (_, change, below, status, text) => {
    const result = reviewStatus(partner(change), tiers, AS_OF, below);
    expect(result).toEqual(status);
    expect(reviewStatusText(result)).toBe(text);
  });

  test("tier names typed as numbers are their text", () => {
    const numbered = readTiers([
      ["Tier", "Min score", "Grace days"],
      [1, 70, 0],
      [2, 0, 0],
    ]).tiers;
    expect(reviewStatus(partner({ computedTier: "1", assignedTier: "2" }), numbered, AS_OF, null)).toEqual({ kind: "promote", to: "1" });
    expect(reviewStatus(partner({ computedTier: "2", assignedTier: "1" }), numbered, AS_OF, null)).toEqual({ kind: "demote", to: "2", due: AS_OF });
  });
});

describe("belowSince", () => {
  const history = [
    snapshot(day(2026, 7, 1), ["Acme", 60, "Silver"]),
    snapshot(day(2026, 8, 1), ["Acme", 75, "Gold"]),
    snapshot(day(2026, 9, 1), ["Acme", 62, "Silver"], ["Beta", 80, "Gold"]),
    snapshot(day(2026, 10, 1), ["acme ", 40, "Registered"], ["Beta", 80, "Gold"]),
  ];

  test("the first date of the latest unbroken run below the assigned tier", () => {
    expect(belowSince("Acme", "Gold", tiers, history)).toBe(day(2026, 9, 1));
    expect(belowSince("Acme", "Silver", tiers, history)).toBe(day(2026, 10, 1));
  });

  test("null when the latest snapshot does not show the partner below", () => {
    expect(belowSince("Acme", "Registered", tiers, history)).toBeNull();
    expect(belowSince("Beta", "Gold", tiers, history)).toBeNull();
    expect(belowSince("Gamma", "Gold", tiers, history)).toBeNull();
    expect(belowSince("Acme", "Gold", tiers, [])).toBeNull();
    expect(belowSince("Acme", "Diamond", tiers, history)).toBeNull();
  });

  test("a snapshot without the partner, or with a tier the table no longer has, breaks the run", () => {
    const gap = [history[2], snapshot(day(2026, 9, 15), ["Beta", 80, "Gold"]), history[3]];
    expect(belowSince("Acme", "Gold", tiers, gap)).toBe(day(2026, 10, 1));
    const renamed = [history[2], snapshot(day(2026, 9, 15), ["Acme", 55, "Bronze"]), history[3]];
    expect(belowSince("Acme", "Gold", tiers, renamed)).toBe(day(2026, 10, 1));
  });
});

describe("reviewPartners and approvals", () => {
  const partners: ReviewPartner[] = [
    partner({ partner: "Keeps" }),
    partner({ partner: "New", assignedTier: "" }),
    partner({ partner: "Rises", computedTier: "Gold", score: 72 }),
    partner({ partner: "Falls", assignedTier: "Gold" }),
    partner({ partner: "Slipping", assignedTier: "Gold" }),
    partner({ partner: "Kept", assignedTier: "Gold", overrideUntil: day(2027, 6, 30), reason: "Strategic" }),
    partner({ partner: "Ended", assignedTier: "Gold", overrideUntil: AS_OF - 200, reason: "Launch" }),
    partner({ partner: "EndedKeeps", overrideUntil: AS_OF - 5 }),
    partner({ partner: "Odd", assignedTier: "Diamond" }),
  ];
  const history = [
    snapshot(AS_OF - 200, ["Falls", 55, "Silver"], ["Ended", 55, "Silver"], ["Rises", 60, "Silver"]),
    snapshot(AS_OF - 30, ["Falls", 58, "Silver"], ["Slipping", 65, "Silver"], ["Ended", 58, "Silver"], ["Rises", 65.5, "Silver"]),
  ];
  const review = reviewPartners(partners, tiers, AS_OF, history);
  const names = (items: { partner: string }[]) => items.map((i) => i.partner);

  test("each partner is listed where its status belongs; an ended override besides", () => {
    expect(names(review.proposals)).toEqual(["New", "Rises", "Falls", "Ended"]);
    expect(names(review.pending)).toEqual(["Slipping"]);
    expect(names(review.overridesInForce)).toEqual(["Kept"]);
    expect(names(review.overridesEnded)).toEqual(["Ended", "EndedKeeps"]);
    expect(names(review.unknown)).toEqual(["Odd"]);
    expect(review.pending[0].status).toEqual({ kind: "pending", to: "Silver", due: AS_OF + 60 });
  });

  test("an item carries its row, assigned tier, score and the points since the last snapshot", () => {
    expect(review.proposals[1]).toEqual({
      index: 2,
      partner: "Rises",
      from: "Silver",
      status: { kind: "promote", to: "Gold" },
      score: 72,
      pointsChange: 6.5,
      overrideUntil: null,
    });
    expect(review.proposals[0].pointsChange).toBeNull(); // New: in no snapshot
  });

  test("approving writes the new tier and today's Since, clearing an ended override; non-proposals write nothing", () => {
    expect(approvals(review.proposals, AS_OF)).toEqual([
      { index: 1, assignedTier: "Silver", since: AS_OF, clearOverride: false },
      { index: 2, assignedTier: "Gold", since: AS_OF, clearOverride: false },
      { index: 3, assignedTier: "Silver", since: AS_OF, clearOverride: false },
      { index: 6, assignedTier: "Silver", since: AS_OF, clearOverride: true },
    ]);
    expect(approvals([...review.pending, ...review.overridesInForce, ...review.unknown], AS_OF)).toEqual([]);
  });

  test("the Tier objects a review reads are the tiers table's (graceDays included)", () => {
    const gold: Tier | undefined = tiers.find((t) => t.name === "Gold");
    expect(gold).toEqual({ name: "Gold", minScore: 70, requires: [], graceDays: 90 });
  });
});
