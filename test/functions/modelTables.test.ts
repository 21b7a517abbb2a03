/**
 * The Criteria and Tiers tables with their blank cells passed as each Excel build passes
 * them, on the built bundle through the host (run `npm run build` first). Excel on the web
 * and current desktop builds pass a blank cell of a range as null, older desktop builds as 0
 * (OfficeDev/office-js issues 1951, 4702, 5262; DESIGN section 3), a formula's "" as "".
 * Microsoft: "Custom functions parameter options" (a range arrives as a 2-D array of its
 * values). Where 0 cannot mean anything (Scale, Requires, Method, Better, Perspective, an
 * expiry date) it reads as blank; where 0 is a value (Min, a Weight, a Min score) it stays one.
 */
import { BLANK, ExcelError, type CallResult, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import { CRITERIA, STRONG, TIERS, WEAK } from "../fixtures";

/** A table as a range of cells: its empty cells (null in the fixtures) are blank cells. */
function withBlanks(table: readonly (readonly unknown[])[]): Cell[][] {
  return table.map((row) => row.map((cell) => (cell === null ? BLANK : (cell as Cell))));
}

/** Two more rows of blank cells below: a range drawn larger than the table. */
function drawnLarger(table: Cell[][]): Cell[][] {
  return [...table, table[0].map(() => BLANK), table[0].map(() => BLANK)];
}

function errorOf(result: CallResult): ExcelError {
  const cell = Array.isArray(result) ? result[0][0] : result;
  expect(cell).toBeInstanceOf(ExcelError);
  return cell as ExcelError;
}

const criteria = withBlanks(CRITERIA);
const tiers = withBlanks(TIERS);
const strong = STRONG as Cell[];
const weak = WEAK as Cell[];
const medium = strong.map((v, i) => (i === 2 ? "Medium" : v));

// Every blank kind of the fixtures is there: a test of a blank-free table would prove nothing.
test("the fixtures' model tables have blank Scale, Better, Min, Max and Requires cells", () => {
  const blankColumns = (table: Cell[][]) => table[0].filter((_, c) => table.slice(1).some((row) => row[c] === BLANK));
  expect(blankColumns(criteria)).toEqual(["Better", "Min", "Max", "Scale"]);
  expect(blankColumns(tiers)).toEqual(["Requires"]);
});

describe.each([
  ["null (web, current desktop)", null],
  ["0 (older desktop builds)", 0],
  ['"" (a formula returning "")', ""],
] as const)("blank cells of the Criteria and Tiers tables passed as %s", (_, blankAs) => {
  const host = loadBuiltFunctions({ blankAs });

  test("PRM.PARTNERSCORE scores as with any other build (91.5, 6.5; 88 as an Influencer, whose Revenue weighs 0)", () => {
    expect(host.call("PRM.PARTNERSCORE", [strong, weak], criteria)).toEqual([[expect.closeTo(91.5, 10)], [expect.closeTo(6.5, 10)]]);
    expect(host.call("PRM.PARTNERSCORE", [strong], criteria, "Influencer")).toEqual([[expect.closeTo(88, 10)]]);
    expect(host.call("PRM.PARTNERSCORE", [strong], drawnLarger(criteria))).toEqual([[expect.closeTo(91.5, 10)]]);
  });

  test("PRM.SCOREBREAKDOWN and PRM.NORMALIZE: a blank Min of a target is 0, a blank Better is higher", () => {
    const rows = host.call("PRM.SCOREBREAKDOWN", [strong], criteria) as [string, number, number, number][];
    expect(rows.map((r) => r[0])).toEqual(["Revenue", "Growth", "Accreditation", "Support load", "Deal registrations", "Strategic fit"]);
    expect(rows.map((r) => r[1])).toEqual([90, 90, 100, 90, 75, 100]);
    expect(host.call("PRM.NORMALIZE", 10, criteria, "Growth")).toEqual([[50]]);
    expect(host.call("PRM.NORMALIZE", [["Medium"], ["high"]], criteria, "Accreditation")).toEqual([[50], [100]]);
  });

  test("PRM.PARTNERTIER: a blank Requires means none, the others are checked", () => {
    expect(host.call("PRM.PARTNERTIER", [[91.5], [91.5], [10]], tiers, [strong, medium, weak], criteria)).toEqual([["Platinum"], ["Gold"], ["Registered"]]);
    expect(host.call("PRM.PARTNERTIER", [[91.5], [10]], drawnLarger(tiers), [strong, weak], drawnLarger(criteria))).toEqual([
      ["Platinum"],
      ["Registered"],
    ]);
    // Tiers without the header row: Tier, Min score, Requires by position.
    expect(host.call("PRM.PARTNERTIER", [[55]], tiers.slice(1), [medium], criteria)).toEqual([["Silver"]]);
  });

  test("PRM.NEXTTIER names the next tier and its unmet requirements", () => {
    expect(host.call("PRM.NEXTTIER", [[60], [75]], tiers, [strong, medium], criteria)).toEqual([
      ["Gold", 10, ""],
      ["Platinum", 10, "Accreditation >= High"],
    ]);
  });

  test("a blank Perspective is no perspective, and a blank Method is named as a blank", () => {
    const noPerspective = criteria.map((row, r) => (r === 1 ? row.map((c, i) => (i === 1 ? BLANK : c)) : row));
    expect(host.call("PRM.PARTNERSCORE", [strong], noPerspective)).toEqual([[expect.closeTo(91.5, 10)]]);
    const noMethod = criteria.map((row, r) => (r === 1 ? row.map((c, i) => (i === 2 ? BLANK : c)) : row));
    expect(errorOf(host.call("PRM.PARTNERSCORE", [strong], noMethod)).message).toBe(
      "Criteria row 1 (Revenue): Method a blank cell is not one of range, target, rating, yesno"
    );
  });

  test("PRM.CERTSTATUS: a blank expiry is None, never Expired", () => {
    const asOf = 46355; // 2026-11-29
    expect(host.call("PRM.CERTSTATUS", [[BLANK], [asOf - 1], [asOf + 400]], asOf)).toEqual([["None"], ["Expired"], ["Active"]]);
  });
});

describe("a 0 typed where 0 is a value stays a value", () => {
  const host = loadBuiltFunctions({ blankAs: 0 });

  test("a Min of 0 and a Weight of 0 count as typed", () => {
    // Support load: range 0-50, lower is better; a Min of 10 instead of 0 changes its points.
    const raisedMin = criteria.map((row, r) => (r === 4 ? row.map((c, i) => (i === 4 ? 10 : c)) : row));
    expect(host.call("PRM.NORMALIZE", 5, criteria, "Support load")).toEqual([[90]]);
    expect(host.call("PRM.NORMALIZE", 5, raisedMin, "Support load")).toEqual([[100]]);
    const noRevenue = criteria.map((row, r) => (r === 1 ? row.map((c, i) => (i === 7 ? 0 : c)) : row));
    expect(host.call("PRM.PARTNERSCORE", [strong], noRevenue)).toEqual([[expect.closeTo((91.5 - 27) / 0.7, 10)]]);
  });

  test("a plain column of weights keeps a last weight of 0: it is a weight, not a blank row", () => {
    expect(host.call("PRM.PARTNERSCORE", [[80, 40, 10]], [[3], [1], [0]])).toEqual([[70]]);
  });

  test("a Min score of 0 is the lowest tier's start: a score of 0 is in it", () => {
    expect(host.call("PRM.PARTNERTIER", [[0]], tiers)).toEqual([["Registered"]]);
  });

  test("a 0 in a range of values is a value: 0 points, not missing", () => {
    expect(host.call("PRM.PARTNERSCORE", [[0, ...strong.slice(1)]], criteria)).toEqual([[expect.closeTo(64.5, 10)]]);
  });

  test("an expiry of 0, what a blank arrives as on these builds, is None; 1 is a (long past) day", () => {
    expect(host.call("PRM.CERTSTATUS", [[0], [0.5], [1]], 46355)).toEqual([["None"], ["None"], ["Expired"]]);
  });
});
