/**
 * PRM.TIERREVIEW as Excel runs it: the built dist/functions.js through the host, with the
 * shapes of dist/functions.json (run `npm run build` first). Microsoft: "Custom functions
 * parameter options" (an omitted optional argument arrives as null; a range as a 2-D array),
 * "Errors as custom function inputs" (allowErrorForDataTypeAny: an error cell reaches the
 * function); blanks as null, 0 (older desktop builds) or "" as DESIGN section 3 says.
 */
import { BLANK, EMPTY, ExcelError, type CallResult, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

const AS_OF = 46388; // 2027-01-01
const TIERS: Cell[][] = [
  ["Tier", "Min score", "Requires", "Grace days"],
  ["Gold", 70, BLANK, 90],
  ["Silver", 50, BLANK, BLANK], // no grace
  ["Registered", 0, BLANK, 0],
];
const HISTORY: Cell[][] = [
  ["Date", "Partner", "Score", "Tier", "Change"],
  [AS_OF - 120, "Acme", 60, "Silver", BLANK],
  [AS_OF - 120, "Beta", 62, "Silver", BLANK],
  [AS_OF - 60, "Acme", 61, "Silver", BLANK],
  [AS_OF - 60, new ExcelError("#N/A"), 50, "Gold", BLANK], // an error cell: the row is not read
  [AS_OF - 60, "Beta", 63, "Silver", BLANK],
  [AS_OF - 10, "Beta", 63, "Gold", "Override until 2027-06-30: launch"], // a decision, not a standing
];

/** Partner, Tier, Assigned tier, Since, Override until: a Partners table's review columns. */
const PARTNERS: [Cell, Cell, Cell, Cell, Cell][] = [
  ["Acme", "Silver", "Gold", BLANK, BLANK],
  ["Beta", "Silver", "Gold", AS_OF - 70, BLANK],
  ["Cara", "Gold", "Silver", BLANK, BLANK],
  ["Dan", "Gold", BLANK, BLANK, BLANK],
  ["Eve", "Silver", "Gold", BLANK, 46568],
  ["Fay", "silver ", "Silver", BLANK, BLANK],
  ["Gus", "Silver", "Gold", BLANK, BLANK],
  [BLANK, BLANK, BLANK, BLANK, BLANK],
  ["Hal", "Silver", "Diamond", BLANK, BLANK],
  ["Ivy", "Registered", "Silver", BLANK, BLANK],
];
const EXPECTED = [
  "Demote to Silver", // below Gold since AS_OF - 120: Gold's 90 days have run
  "Demote to Silver on 2027-01-21", // approved Gold on AS_OF - 70: 90 days from then
  "Promote to Gold",
  "Assign Gold",
  "Override until 2027-06-30",
  "Keep",
  "Demote to Silver on 2027-04-01", // not in the history: the grace starts on asof
  "",
  "Assigned tier Diamond is not in the Tiers table",
  "Demote to Registered", // Silver's Grace days blank: no grace
];
const column = (c: number) => PARTNERS.map((row) => [row[c]]);

function errorOf(result: CallResult, row = 0): ExcelError {
  const cell = Array.isArray(result) ? result[row][0] : result;
  expect(cell).toBeInstanceOf(ExcelError);
  return cell as ExcelError;
}

describe.each([
  ["null (web, current desktop)", null],
  ["0 (older desktop builds)", 0],
  ['"" (a formula returning "")', ""],
] as const)("PRM.TIERREVIEW with blank cells passed as %s", (_, blankAs) => {
  const host = loadBuiltFunctions({ blankAs });

  test("a column of partners spills one status per row (every status, a blank row blank)", () => {
    expect(host.call("PRM.TIERREVIEW", column(1), column(2), TIERS, column(4), AS_OF, HISTORY, column(0), column(3))).toEqual(EXPECTED.map((s) => [s]));
  });

  test("one partner per call, as a table column's [@...] formula", () => {
    PARTNERS.forEach(([partner, tier, assigned, since, until], i) => {
      expect(host.call("PRM.TIERREVIEW", tier, assigned, TIERS, until, AS_OF, HISTORY, partner, since)).toEqual([[EXPECTED[i]]]);
    });
  });
});

describe("PRM.TIERREVIEW", () => {
  const host = loadBuiltFunctions();

  test("is declared with its parameters in order, the last five optional, and not volatile", () => {
    const f = host.metadata.functions.find((x) => x.name === "TIERREVIEW")!;
    expect(f.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["tier", false],
      ["assigned", false],
      ["tiers", false],
      ["overrideuntil", true],
      ["asof", true],
      ["history", true],
      ["partner", true],
      ["since", true],
    ]);
    expect(f.options?.volatile).toBeFalsy();
  });

  test("without history the grace starts on asof; history and since only move it earlier or later", () => {
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, AS_OF)).toEqual([["Demote to Silver on 2027-04-01"]]);
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, AS_OF, undefined, "Acme")).toEqual([["Demote to Silver on 2027-04-01"]]);
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, EMPTY, AS_OF, HISTORY, "acme")).toEqual([["Demote to Silver"]]);
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, EMPTY, AS_OF, HISTORY, "Acme", AS_OF - 10)).toEqual([["Demote to Silver on 2027-03-22"]]);
  });

  test("an override ending before asof: the grace runs from the day after it", () => {
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, AS_OF - 5, AS_OF, HISTORY, "Acme")).toEqual([["Demote to Silver on 2027-03-28"]]);
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, AS_OF, AS_OF, HISTORY, "Acme")).toEqual([["Override until 2027-01-01"]]);
  });

  test("a blank asof (or 0, or an explicitly empty argument) is today, as in CERTSTATUS", () => {
    // An override to 9999-12-31 is in force on any today; one on day 1 (1900) ended long ago.
    for (const asof of [undefined, BLANK, EMPTY, 0, ""] as const) {
      expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, 2958465, asof)).toEqual([["Override until 9999-12-31"]]);
      expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, 1, asof)).toEqual([[expect.stringMatching(/^Demote to Silver on \d{4}-\d{2}-\d{2}$/)]]);
    }
  });

  test("ISO text dates are dates", () => {
    expect(host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, "2027-06-30", "2027-01-01")).toEqual([["Override until 2027-06-30"]]);
  });

  test.each<[string, string, string, () => CallResult]>([
    ["an error in asof", "#VALUE!", "asof must be a date, not the error #REF!", () => host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, new ExcelError("#REF!"))],
    ["history without partner", "#VALUE!", "history needs partner: the partners' names (e.g. [@Partner]), to find each one in the history", () => host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, AS_OF, HISTORY)],
    ["history without its header row", "#VALUE!", "history must be the History table with its header row, e.g. History[#All]: it has no Date, Partner, Score, Tier column", () => host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, AS_OF, HISTORY.slice(1), "Acme")],
    ["more assigned tiers than tiers", "#VALUE!", "assigned has 2 cells but tier has 1: give one assigned tier per partner row", () => host.call("PRM.TIERREVIEW", [["Gold"]], [["Gold"], ["Silver"]], TIERS)],
    ["a tier block of two columns", "#VALUE!", "tier must be one cell or a single column (one per partner), not 2 x 2", () => host.call("PRM.TIERREVIEW", [["Gold", "Silver"], ["Gold", "Silver"]], [["Gold"], ["Silver"]], TIERS)],
    ["negative Grace days in the Tiers table", "#VALUE!", "Tiers row 1 (Gold): Grace days must be a whole number of days, 0 or more", () => host.call("PRM.TIERREVIEW", "Gold", "Gold", [TIERS[0], ["Gold", 70, BLANK, -30]])],
    ["text Grace days in the Tiers table", "#VALUE!", 'Tiers row 1 (Gold): Grace days must be a number, not "90 days"', () => host.call("PRM.TIERREVIEW", "Gold", "Gold", [TIERS[0], ["Gold", 70, BLANK, "90 days"]])],
    ["overrideuntil that is no date", "#VALUE!", 'overrideuntil must be a date, not "soon"', () => host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, "soon", AS_OF)],
    ["an error in since", "#VALUE!", "since must be a date, not the error #N/A", () => host.call("PRM.TIERREVIEW", "Silver", "Gold", TIERS, undefined, AS_OF, undefined, undefined, new ExcelError("#N/A"))],
    ["an error in the Tier column", "#N/A", "tier is the error #N/A: the partner has no tier to review", () => host.call("PRM.TIERREVIEW", new ExcelError("#N/A", "No tier for a score of 3"), "Gold", TIERS)],
    ["TRUE as an assigned tier", "#VALUE!", "assigned must be a tier name, not TRUE", () => host.call("PRM.TIERREVIEW", "Gold", true, TIERS)],
  ])("%s gives %s with a message naming the argument", (_, code, message, call) => {
    expect(errorOf(call())).toEqual(new ExcelError(code as ExcelError["code"], message));
  });

  test("a bad row is an error in its own cell; the other rows still review", () => {
    const result = host.call("PRM.TIERREVIEW", [["Silver"], ["Gold"]], [["Gold"], ["Silver"]], TIERS, [["soon"], [BLANK]], AS_OF);
    expect(errorOf(result, 0).message).toBe('overrideuntil must be a date, not "soon"');
    expect((result as unknown[][])[1]).toEqual(["Promote to Gold"]);
  });

  test("tier names typed as numbers are their text (a tier 1 above a tier 2)", () => {
    const numbered: Cell[][] = [
      ["Tier", "Min score", "Grace days"],
      [1, 70, 0],
      [2, 0, 0],
    ];
    expect(host.call("PRM.TIERREVIEW", 1, "2", numbered)).toEqual([["Promote to 1"]]);
    expect(host.call("PRM.TIERREVIEW", "2", 1, numbered)).toEqual([["Demote to 2"]]);
  });
});
