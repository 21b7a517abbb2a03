/** Reading the History table back into snapshots, and tier counts over them. */
import { HISTORY_HEADER, historyRows, historyRowsFor, readHistory, serialFromDate, tierCountsOver } from "../../src/core";

const MAY_1 = serialFromDate(2026, 5, 1);
const JUNE_1 = serialFromDate(2026, 6, 1);

describe("readHistory", () => {
  it("reads what historyRows appends, one snapshot per date", () => {
    const rows = [
      ...historyRows(MAY_1, [
        { partner: "Alpha", score: 61.5, tier: "Silver" },
        { partner: "Beta", score: 80, tier: "Gold" },
      ]),
      ...historyRows(JUNE_1, [{ partner: "Alpha", score: 71, tier: "Gold" }]),
    ];
    const { snapshots, unread, missing } = readHistory([...HISTORY_HEADER], rows);
    expect([unread, missing]).toEqual([[], []]);
    expect(snapshots).toEqual([
      { date: MAY_1, standings: [{ partner: "Alpha", score: 61.5, tier: "Silver" }, { partner: "Beta", score: 80, tier: "Gold" }] },
      { date: JUNE_1, standings: [{ partner: "Alpha", score: 71, tier: "Gold" }] },
    ]);
  });

  it("starts a second snapshot on the same day where a partner comes again", () => {
    const rows = [
      [MAY_1, "Alpha", 50, "Silver"],
      [MAY_1, "Beta", 50, "Silver"],
      [MAY_1, "alpha", 55, "Silver"],
    ];
    expect(readHistory([...HISTORY_HEADER], rows).snapshots.map((s) => s.standings.length)).toEqual([2, 1]);
  });

  it("finds columns by name in any order, reads ISO text dates, skips blank rows and lists unreadable ones", () => {
    const header = ["Notes", "tier", "PARTNER", "Score", "Date"];
    const rows = [
      ["", "Gold", "Alpha", 80, "2026-05-01"],
      ["", "", "", "", ""],
      ["typed by hand", "Gold", "Beta", "eighty", MAY_1],
      ["", "Gold", "", 70, MAY_1],
      ["", "Silver", "Gamma", 55, MAY_1 + 0.75],
    ];
    const reading = readHistory(header, rows);
    expect(reading.unread).toEqual([2, 3]);
    expect(reading.snapshots).toEqual([
      { date: MAY_1, standings: [{ partner: "Alpha", score: 80, tier: "Gold" }, { partner: "Gamma", score: 55, tier: "Silver" }] },
    ]);
  });

  it("reads no snapshot from a table without the four columns, and says which are missing", () => {
    expect(readHistory(["Date", "Partner", "Points"], [[MAY_1, "A", 1]])).toEqual({ snapshots: [], unread: [], missing: ["Score", "Tier"] });
  });
});

describe("tierCountsOver", () => {
  it("counts partners per tier at each snapshot, the given tiers first, then tiers only history knows", () => {
    const counts = tierCountsOver(
      [
        { date: MAY_1, standings: [{ partner: "A", score: 1, tier: "Bronze" }, { partner: "B", score: 1, tier: "gold" }] },
        { date: JUNE_1, standings: [{ partner: "A", score: 1, tier: "Gold" }, { partner: "B", score: 1, tier: "Gold" }] },
      ],
      ["Gold", "Silver"]
    );
    expect(counts).toEqual({
      tiers: ["Gold", "Silver", "Bronze"],
      points: [
        { date: MAY_1, counts: [1, 0, 1] },
        { date: JUNE_1, counts: [2, 0, 0] },
      ],
    });
  });
});

describe("historyRowsFor", () => {
  const rows = historyRows(MAY_1, [{ partner: "Alpha", score: 70, tier: "Gold" }]);

  it("lays rows out under a table's columns by name, blank under columns the add-in does not know", () => {
    expect(historyRowsFor(["tier", "Notes", "DATE", "Partner", "Score"], rows)).toEqual([["Gold", "", MAY_1, "Alpha", 70]]);
    expect(historyRowsFor([...HISTORY_HEADER], rows)).toEqual(rows);
  });

  it("refuses a table without one of the four columns, naming it", () => {
    expect(() => historyRowsFor(["Date", "Partner", "Score"], rows)).toThrow(/The History table has no Tier column/);
  });
});
