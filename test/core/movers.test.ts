/** Movers between two scorings, and the partners a scoring must leave out. */
import fc from "fast-check";
import { compareStandings, namedOnce, type Movement, type Standing } from "../../src/core";

const TIERS = ["Platinum", "Gold", "Silver", "Registered"];
const s = (partner: string, score: number, tier: string): Standing => ({ partner, score, tier });

describe("compareStandings", () => {
  it("sorts partners into up, down, same, new and gone, with the score change", () => {
    const before = [s("Alpha", 60, "Silver"), s("Beta", 75, "Gold"), s("Gamma", 40, "Registered"), s("Delta", 50, "Silver")];
    const after = [s("alpha ", 72, "Gold"), s("Beta", 65, "Silver"), s("Gamma", 45, "Registered"), s("Epsilon", 90, "Platinum")];
    const movers = compareStandings(before, after, TIERS);
    expect(movers.up.map((m) => [m.partner, m.scoreChange])).toEqual([["alpha ", 12]]);
    expect(movers.down.map((m) => [m.partner, m.scoreChange])).toEqual([["Beta", -10]]);
    expect(movers.same.map((m) => [m.partner, m.scoreChange])).toEqual([["Gamma", 5]]);
    expect(movers.new.map((m) => [m.partner, m.after?.tier, m.scoreChange])).toEqual([["Epsilon", "Platinum", null]]);
    expect(movers.gone.map((m) => [m.partner, m.before?.tier, m.scoreChange])).toEqual([["Delta", "Silver", null]]);
  });

  it("ranks by the tier order, not by the score, when both tiers are known", () => {
    // A lower score but a higher tier (a threshold was lowered): the partner moved up.
    const movers = compareStandings([s("A", 70, "Silver")], [s("A", 65, "Gold")], TIERS);
    expect(movers.up).toHaveLength(1);
  });

  it("lets the score decide when a tier is no longer in the order (renamed or removed)", () => {
    const up = compareStandings([s("A", 50, "Bronze")], [s("A", 55, "Silver")], TIERS);
    const down = compareStandings([s("A", 50, "Bronze")], [s("A", 45, "Silver")], TIERS);
    expect([up.up.length, down.down.length]).toEqual([1, 1]);
    expect(compareStandings([s("A", 50, "gold")], [s("A", 40, "Gold")], []).same).toHaveLength(1);
  });

  it("refuses lists that name a partner twice or not at all: callers leave those out first", () => {
    expect(() => compareStandings([s("A", 1, "Gold"), s("a", 2, "Gold")], [], TIERS)).toThrow(/more than once/);
    expect(() => compareStandings([], [s(" ", 1, "Gold")], TIERS)).toThrow(/not at all/);
  });
});

describe("namedOnce", () => {
  it("keeps partners named once and lists unnamed rows and every row of a repeated name", () => {
    const rows = ["Alpha", "", "Beta", "beta ", "Gamma", "  ", "BETA"];
    const { kept, leftOut } = namedOnce(rows, (name) => name);
    expect(kept).toEqual([
      { row: 0, item: "Alpha" },
      { row: 4, item: "Gamma" },
    ]);
    expect(leftOut).toEqual({ unnamed: [1, 5], repeated: [{ partner: "Beta", rows: [2, 3, 6] }] });
  });
});

// ---- properties ----
const name = fc.constantFrom("Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta", "Iota", "Kappa");
const standing = fc.record({ partner: name, score: fc.double({ min: 0, max: 100, noNaN: true }), tier: fc.constantFrom(...TIERS, "Bronze") });
/** A list naming each partner once (by the first of each name fast-check draws). */
const standings = fc.array(standing, { maxLength: 10 }).map((list) => namedOnce(list, (x) => x.partner).kept.map((k) => k.item));
const tierOrder = fc.shuffledSubarray(TIERS);

describe("movers, properties", () => {
  it("a snapshot compared with itself has no movers", () => {
    fc.assert(
      fc.property(standings, tierOrder, (list, order) => {
        const movers = compareStandings(list, list, order);
        expect([movers.up, movers.down, movers.new, movers.gone]).toEqual([[], [], [], []]);
        expect(movers.same.map((m) => m.partner)).toEqual(list.map((x) => x.partner));
        expect(movers.same.every((m) => m.scoreChange === 0)).toBe(true);
      })
    );
  });

  it("puts every partner of either list in exactly one of up, down, same, new and gone", () => {
    fc.assert(
      fc.property(standings, standings, tierOrder, (before, after, order) => {
        const movers = compareStandings(before, after, order);
        const groups: Movement[] = ["up", "down", "same", "new", "gone"];
        const placed = groups.flatMap((g) => movers[g].map((m) => m.partner.toLowerCase()));
        const everyone = new Set([...before, ...after].map((x) => x.partner.toLowerCase()));
        expect(placed.length).toBe(everyone.size);
        expect(new Set(placed)).toEqual(everyone);
        for (const g of groups) for (const m of movers[g]) expect(m.movement).toBe(g);
      })
    );
  });

  it("swapping the lists swaps up with down and new with gone", () => {
    fc.assert(
      fc.property(standings, standings, tierOrder, (before, after, order) => {
        const there = compareStandings(before, after, order);
        const back = compareStandings(after, before, order);
        const names = (list: { partner: string }[]) => list.map((m) => m.partner.toLowerCase()).sort();
        expect(names(back.up)).toEqual(names(there.down));
        expect(names(back.new)).toEqual(names(there.gone));
      })
    );
  });
});
