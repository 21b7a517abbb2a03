/**
 * The PRM functions compare as Excel does, on the built bundle through the host (run
 * `npm run build` first):
 * - numbers to 15 significant digits. Microsoft: "Floating-point arithmetic may give
 *   inaccurate results in Excel" (learn.microsoft.com/office/troubleshoot/excel/
 *   floating-point-arithmetic-inaccurate-result): Excel keeps 15 digits of precision. Weights
 *   1 and 3 with values 80 and 52 sum to 58.99999999999999 in doubles; Excel shows 59, and the
 *   partner is in the tier that starts at 59, in every function.
 * - a name typed as a number: Excel passes a cell holding 1 as the number 1 (Microsoft:
 *   "Custom functions parameter options", a range arrives as its values), and it is the
 *   same name as the text "1".
 */
import { ExcelError, type CallResult, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

const host = loadBuiltFunctions();

/** 80 with weight 1 and 52 with weight 3, on 0-100 already: 59 exactly in decimals. */
const BOUNDARY_CRITERIA: Cell[][] = [
  ["Criterion", "Method", "Min", "Max", "Weight"],
  ["Reach", "range", 0, 100, 1],
  ["Depth", "range", 0, 100, 3],
];
const BOUNDARY_VALUES: Cell[][] = [[80, 52]];
/** The weighted mean in doubles, summed as the core sums it (weights relative to the largest). */
const SUMMED = ((1 / 3) * 80 + 52) / (1 / 3 + 1);
const TIERS: Cell[][] = [
  ["Tier", "Min score"],
  ["Platinum", 70],
  ["Gold", 59],
  ["Base", 0],
];

function only(result: CallResult): unknown {
  return Array.isArray(result) ? result[0][0] : result;
}

describe("a score on a tier boundary (Excel's 15 significant digits)", () => {
  test("the example really is below 59 in doubles", () => {
    expect(SUMMED).toBe(58.99999999999999);
  });

  test("PRM.PARTNERSCORE returns the score as Excel keeps it: 59", () => {
    expect(host.call("PRM.PARTNERSCORE", BOUNDARY_VALUES, BOUNDARY_CRITERIA)).toEqual([[59]]);
  });

  test("PRM.PARTNERTIER puts it in the tier that starts at 59, from PARTNERSCORE or any formula's 58.99999999999999", () => {
    const score = host.call("PRM.PARTNERSCORE", BOUNDARY_VALUES, BOUNDARY_CRITERIA) as Cell[][];
    expect(host.call("PRM.PARTNERTIER", score, TIERS)).toEqual([["Gold"]]);
    expect(host.call("PRM.PARTNERTIER", SUMMED, TIERS)).toEqual([["Gold"]]);
    expect(host.call("PRM.PARTNERTIER", SUMMED, TIERS, BOUNDARY_VALUES, BOUNDARY_CRITERIA)).toEqual([["Gold"]]);
  });

  test("PRM.NEXTTIER counts the points short from the rounded score: 11, not 11.000000000000014", () => {
    expect(host.call("PRM.NEXTTIER", SUMMED, TIERS)).toEqual([["Platinum", 11, ""]]);
    // 70 - 60.3 is 9.700000000000003 in doubles; Excel keeps 15 digits: 9.7.
    expect(host.call("PRM.NEXTTIER", 60.3, TIERS)).toEqual([["Platinum", 9.7, ""]]);
    // Exactly on the boundary, nothing is short of Gold: the next tier is Platinum, not Gold.
    expect(only(host.call("PRM.NEXTTIER", SUMMED, TIERS.slice(0, 3)))).toBe("Platinum");
  });

  test("PRM.SCOREBREAKDOWN: the points add up to PRM.PARTNERSCORE as Excel adds them", () => {
    const rows = host.call("PRM.SCOREBREAKDOWN", BOUNDARY_VALUES, BOUNDARY_CRITERIA) as [string, number, number, number][];
    expect(rows).toEqual([
      ["Reach", 80, 0.25, 20],
      ["Depth", 52, 0.75, 39],
    ]);
    expect(rows[0][3] + rows[1][3]).toBe(only(host.call("PRM.PARTNERSCORE", BOUNDARY_VALUES, BOUNDARY_CRITERIA)));
  });

  test("a score that really is below the boundary (in 15 digits) stays below", () => {
    expect(host.call("PRM.PARTNERTIER", 58.9999999999999, TIERS)).toEqual([["Base"]]);
    expect(host.call("PRM.PARTNERTIER", [[100.00000000000001], [0.1 + 0.2]], TIERS)).toEqual([["Platinum"], ["Base"]]);
  });
});

describe("names typed as numbers are the same names as their text", () => {
  // A criterion named 2025 (a number in its cell) and tiers named 1, 2 and 3.
  const criteria: Cell[][] = [
    ["Criterion", "Method", "Min", "Max", "Scale", "Weight"],
    [2025, "range", 0, 10, null, 1],
    ["Level", "rating", null, null, "1=0; 2=50; 3=100", 1],
  ];
  const tiers: Cell[][] = [
    ["Tier", "Min score", "Requires"],
    [3, 80, "2025 >= 8; Level >= 3"],
    [2, 40, "2025 >= 3"],
    [1, 0, null],
  ];

  test("PRM.NORMALIZE finds the criterion 2025 by the number or the text", () => {
    expect(host.call("PRM.NORMALIZE", 5, criteria, 2025)).toEqual([[50]]);
    expect(host.call("PRM.NORMALIZE", 5, criteria, "2025")).toEqual([[50]]);
    // Rating labels typed as numbers too.
    expect(host.call("PRM.NORMALIZE", [[2], ["3"]], criteria, "Level")).toEqual([[50], [100]]);
  });

  test("PRM.PARTNERTIER and PRM.NEXTTIER name the tiers as text and check Requires on the criterion 2025", () => {
    const values: Cell[][] = [
      [10, 3],
      [5, 2],
      [2, 3],
    ];
    const scores = host.call("PRM.PARTNERSCORE", values, criteria) as Cell[][];
    expect(scores).toEqual([[100], [50], [60]]);
    expect(host.call("PRM.PARTNERTIER", scores, tiers, values, criteria)).toEqual([["3"], ["2"], ["1"]]);
    expect(host.call("PRM.NEXTTIER", scores, tiers, values, criteria)).toEqual([
      ["", 0, ""],
      ["3", 30, "2025 >= 8; Level >= 3"],
      ["2", 0, "2025 >= 3"],
    ]);
  });

  test("a tier typed 1 and a tier written \"1\" are one name used twice", () => {
    const twice: Cell[][] = [...tiers, ["1", 10, null]];
    const error = only(host.call("PRM.PARTNERTIER", 50, twice)) as ExcelError;
    expect(error).toBeInstanceOf(ExcelError);
    expect(error.message).toBe('Tiers row 4 (1): the tier name "1" is used twice');
  });

  test("a number name reads as Excel writes it as text: 0.1+0.2 is 0.3, 1E+21 with a capital E", () => {
    const named = (name: Cell): Cell[][] => [criteria[0], [name, "range", 0, 10, null, 1]];
    expect(host.call("PRM.NORMALIZE", 5, named(0.1 + 0.2), "0.3")).toEqual([[50]]);
    expect(host.call("PRM.NORMALIZE", 5, named(1e21), "1E+21")).toEqual([[50]]);
  });
});
