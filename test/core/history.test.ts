/** Reading the History table back into snapshots, and tier counts over them. */
import { HISTORY_CHANGE_COLUMN, HISTORY_HEADER, decisionRow, historyRows, historyRowsFor, readHistory, serialFromDate, tierCountsOver } from "../../src/core";

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
    expect(readHistory(["Date", "Partner", "Points"], [[MAY_1, "A", 1]])).toEqual({ snapshots: [], decisions: [], unread: [], missing: ["Score", "Tier"] });
  });
});

describe("decision rows (a Change column)", () => {
  const header = [...HISTORY_HEADER, HISTORY_CHANGE_COLUMN];
  const rows = [
    ...historyRows(MAY_1, [
      { partner: "Alpha", score: 61.5, tier: "Silver" },
      { partner: "Beta", score: 80, tier: "Gold" },
    ]),
    decisionRow(MAY_1, "Alpha", 61.5, "Silver", "Demoted from Gold"),
    decisionRow(MAY_1, "Gamma", null, "Gold", "Override until 2027-06-30: strategic launch partner"),
    [MAY_1, "Gamma", 72, "Gold", 0], // a blank Change passed as 0 (older builds): a snapshot row
    [MAY_1, "", 0, "Gold", "Assigned"], // a decision without a partner: unread
    ...historyRows(JUNE_1, [{ partner: "Alpha", score: 71, tier: "Gold" }]),
  ];

  it("decisionRow gives the four history values then the Change", () => {
    expect(decisionRow(MAY_1, "Alpha", 61.5, "Silver", "Demoted from Gold")).toEqual([MAY_1, "Alpha", 61.5, "Silver", "Demoted from Gold"]);
    expect(decisionRow(MAY_1, "Gamma", null, "Gold", "Assigned")).toEqual([MAY_1, "Gamma", "", "Gold", "Assigned"]);
  });

  it("reads rows with a Change apart: snapshots, and so movers and tier counts, never see them", () => {
    const reading = readHistory(header, rows);
    expect(reading.decisions).toEqual([
      { date: MAY_1, partner: "Alpha", tier: "Silver", change: "Demoted from Gold" },
      { date: MAY_1, partner: "Gamma", tier: "Gold", change: "Override until 2027-06-30: strategic launch partner" },
    ]);
    expect(reading.unread).toEqual([5]);
    // The decision rows between them do not split May's snapshot (Gamma joins it after them).
    expect(reading.snapshots.map((s) => [s.date, s.standings.map((x) => x.partner)])).toEqual([
      [MAY_1, ["Alpha", "Beta", "Gamma"]],
      [JUNE_1, ["Alpha"]],
    ]);
    expect(tierCountsOver(reading.snapshots, ["Gold", "Silver"]).points.map((p) => p.counts)).toEqual([
      [2, 1],
      [1, 0],
    ]);
  });

  it("a table without a Change column reads every row as a snapshot row, as before", () => {
    expect(readHistory([...HISTORY_HEADER], historyRows(MAY_1, [{ partner: "Alpha", score: 50, tier: "Silver" }])).decisions).toEqual([]);
  });

  it("historyRowsFor places the Change by name, and refuses decision rows where the table has no Change column", () => {
    const decision = [decisionRow(MAY_1, "Alpha", 61.5, "Silver", "Promoted from Registered")];
    expect(historyRowsFor(["change", "Notes", ...HISTORY_HEADER], decision)).toEqual([["Promoted from Registered", "", MAY_1, "Alpha", 61.5, "Silver"]]);
    expect(historyRowsFor(header, historyRows(MAY_1, [{ partner: "Alpha", score: 50, tier: "Silver" }]))).toEqual([[MAY_1, "Alpha", 50, "Silver", ""]]);
    expect(() => historyRowsFor([...HISTORY_HEADER], decision)).toThrow(/The History table has no Change column/);
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
