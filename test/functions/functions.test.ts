/**
 * The PRM functions as Excel runs them: the built dist/functions.js, loaded by the host with
 * the shapes of dist/functions.json. Run `npm run build` first (npm test does).
 */
import { BLANK, ExcelError, type CallResult, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import { CRITERIA, STRONG, TIERS, WEAK } from "../fixtures";

const host = loadBuiltFunctions();
const criteria = CRITERIA as Cell[][];
const tiers = TIERS as Cell[][];
const strong = STRONG as Cell[];
const weak = WEAK as Cell[];

function errorOf(result: CallResult): ExcelError {
  const cell = Array.isArray(result) ? result[0][0] : result;
  expect(cell).toBeInstanceOf(ExcelError);
  return cell as ExcelError;
}

describe("the bundle and its metadata", () => {
  test("every function of DESIGN section 3 is declared and associated under PRM", () => {
    expect(host.functionNames.sort()).toEqual(
      ["AHPWEIGHTS", "CERTSTATUS", "NEXTTIER", "NORMALIZE", "PARTNERSCORE", "PARTNERTIER", "SCOREBREAKDOWN", "TIERREVIEW"].map((n) => `PRM.${n}`)
    );
  });

  test("every function and parameter has a description and a help URL into its help page (docs/functions.md rendered)", () => {
    for (const f of host.metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      expect(f.helpUrl).toBe(`https://localhost:3000/help/functions.html#prm${f.name.toLowerCase()}`);
      for (const p of f.parameters) expect(p.description?.length ?? 0).toBeGreaterThan(10);
    }
  });

  // A volatile function recalculates, with every cell that depends on it, at every edit
  // (Microsoft, "Volatile values in functions"): CERTSTATUS feeds every score, so it is not
  // volatile; a user who wants the calendar's today writes TODAY() as its asof.
  test("no function is volatile, CERTSTATUS included", () => {
    const volatile = host.metadata.functions.filter((f) => f.options?.volatile).map((f) => f.name);
    expect(volatile).toEqual([]);
  });
});

describe("PRM.PARTNERSCORE", () => {
  test("scores one partner row (worked by hand: 91.5)", () => {
    expect(host.call("PRM.PARTNERSCORE", [strong], criteria)).toEqual([[expect.closeTo(91.5, 10)]]);
  });

  test("a multi-row range spills one score per row; rows past the list give blank", () => {
    const blankRow = strong.map(() => BLANK);
    expect(host.call("PRM.PARTNERSCORE", [strong, weak, blankRow], criteria)).toEqual([
      [expect.closeTo(91.5, 10)],
      [expect.closeTo(6.5, 10)],
      [""],
    ]);
  });

  test("a profile per row picks each partner's weight column", () => {
    expect(host.call("PRM.PARTNERSCORE", [strong, strong], criteria, [["Influencer"], [BLANK]])).toEqual([
      [expect.closeTo(88, 10)],
      [expect.closeTo(91.5, 10)],
    ]);
    expect(host.call("PRM.PARTNERSCORE", [strong], criteria, "Influencer")).toEqual([[expect.closeTo(88, 10)]]);
  });

  test("a Type column of blanks, repeated and changing texts scores each row by its own profile; an unknown one is that row's #VALUE!", () => {
    const types: Cell[][] = [["Influencer"], ["Influencer"], [BLANK], ["influencer"], [""], ["Nope"], ["Nope"], ["Influencer"], [BLANK]];
    const result = host.call("PRM.PARTNERSCORE", types.map(() => strong), criteria, types) as Cell[][];
    const shown = result.map(([cell]) => (cell instanceof ExcelError ? cell.toString() : Math.round(Number(cell) * 10) / 10));
    const unknown = '#VALUE! Profile "Nope" has no Weight (Nope) column; profiles: Influencer';
    expect(shown).toEqual([88, 88, 91.5, 88, 91.5, unknown, unknown, 88, 91.5]);
  });

  test("profiles of any other count than one or one per row are the formula's #VALUE!, naming both counts", () => {
    // Excel passes a range as a rectangle, so its cells are counted from its shape.
    const threeRows = [strong, strong, weak];
    for (const profile of [[["Influencer"], [BLANK]], [["Influencer", BLANK]], [["Influencer", BLANK], [BLANK, BLANK]]])
      expect(String(host.call("PRM.PARTNERSCORE", threeRows, criteria, profile))).toMatch(/^#VALUE! profile must be one cell or one cell per partner row \(3\), not [24] cells$/);
    // A row of one cell per partner is read in reading order.
    expect(host.call("PRM.PARTNERSCORE", [strong, strong], criteria, [["Influencer", BLANK]])).toEqual([[expect.closeTo(88, 10)], [expect.closeTo(91.5, 10)]]);
  });

  test.each([
    ["null (web, current desktop)", null],
    ['"" (a formula returning "")', ""],
  ] as const)("a blank cell passed as %s is missing and skipped", (_, blankAs) => {
    const build = loadBuiltFunctions({ blankAs });
    const values = [BLANK, ...strong.slice(1)];
    expect(build.call("PRM.PARTNERSCORE", [values], criteria)).toEqual([[expect.closeTo(6450 / 70, 10)]]);
  });

  test("older desktop builds pass a blank as 0, which is a value: n/a marks a missing one there", () => {
    const build = loadBuiltFunctions({ blankAs: 0 });
    expect(build.call("PRM.PARTNERSCORE", [[BLANK, ...strong.slice(1)]], criteria)).toEqual([[expect.closeTo(6450 / 100, 10)]]);
    expect(build.call("PRM.PARTNERSCORE", [["n/a", ...strong.slice(1)]], criteria)).toEqual([[expect.closeTo(6450 / 70, 10)]]);
  });

  test("an error value in a cell counts as missing", () => {
    const values = [new ExcelError("#DIV/0!"), ...strong.slice(1)];
    expect(host.call("PRM.PARTNERSCORE", [values], criteria)).toEqual([[expect.closeTo(6450 / 70, 10)]]);
  });

  test("missing = zero and error", () => {
    const values = [BLANK, ...strong.slice(1)];
    expect(host.call("PRM.PARTNERSCORE", [values], criteria, undefined, "zero")).toEqual([[expect.closeTo(64.5, 10)]]);
    const error = errorOf(host.call("PRM.PARTNERSCORE", [values], criteria, undefined, "error"));
    expect(error).toEqual(new ExcelError("#N/A", "Revenue is missing"));
  });

  test("a plain row of weights scores values already on 0-100", () => {
    expect(host.call("PRM.PARTNERSCORE", [[80, 40]], [[3, 1]])).toEqual([[70]]);
    // One value for one weight: a single cell given to a matrix parameter arrives as [[value]].
    expect(host.call("PRM.PARTNERSCORE", 55, 1)).toEqual([[55]]);
  });

  test("one bad row is an error in its own cell; the other rows still score", () => {
    const result = host.call("PRM.PARTNERSCORE", [strong, ["lots", ...strong.slice(1)]], criteria) as unknown[][];
    expect(result[0][0]).toBeCloseTo(91.5, 10);
    expect(result[1][0]).toEqual(new ExcelError("#VALUE!", 'Revenue needs a number, not "lots"'));
  });

  test.each([
    ["a bad criteria table", () => host.call("PRM.PARTNERSCORE", [strong], CRITERIA.map((r, i) => (i === 1 ? r.map((c, j) => (j === 7 ? -1 : c)) : r)) as Cell[][]), "#VALUE!", "Criteria row 1 (Revenue): a weight must not be below zero"],
    ["a wrong count of values", () => host.call("PRM.PARTNERSCORE", [strong.slice(0, 4)], criteria), "#VALUE!", "values has 4 columns but there are 6 criteria: give one column per criterion, in the table's order, or their headers as names"],
    ["an unknown profile", () => host.call("PRM.PARTNERSCORE", [strong], criteria, "Nope"), "#VALUE!", 'Profile "Nope" has no Weight (Nope) column; profiles: Influencer'],
    ["an unknown missing policy", () => host.call("PRM.PARTNERSCORE", [strong], criteria, undefined, "ignore"), "#VALUE!", 'missing must be skip, zero or error, not "ignore"'],
    ["too little data", () => host.call("PRM.PARTNERSCORE", [[BLANK, BLANK, BLANK, 5, 30, "Yes"]], criteria), "#N/A", "Only 30% of the weight has data (missing: Revenue, Growth, Accreditation); at least half is needed"],
  ])("%s gives %s with a message", (_, call, code, message) => {
    expect(errorOf(call())).toEqual(new ExcelError(code as ExcelError["code"], message));
  });
});

describe("PRM.SCOREBREAKDOWN", () => {
  test("per criterion: name, normalised value, share, points; points add up to the score", () => {
    const rows = host.call("PRM.SCOREBREAKDOWN", [strong], criteria) as [string, number, number, number][];
    expect(rows.map((r) => r[0])).toEqual(["Revenue", "Growth", "Accreditation", "Support load", "Deal registrations", "Strategic fit"]);
    expect(rows[0]).toEqual(["Revenue", 90, expect.closeTo(0.3, 12), expect.closeTo(27, 10)]);
    expect(rows.reduce((sum, r) => sum + r[3], 0)).toBeCloseTo(91.5, 10);
  });

  test("a column of values as tall as the criteria is one partner too", () => {
    const column = strong.map((v) => [v]);
    expect(host.call("PRM.SCOREBREAKDOWN", column, criteria)).toEqual(host.call("PRM.SCOREBREAKDOWN", [strong], criteria));
  });

  test("a skipped criterion shows a blank value and no points", () => {
    const rows = host.call("PRM.SCOREBREAKDOWN", [[BLANK, ...strong.slice(1)]], criteria) as unknown[][];
    expect(rows[0]).toEqual(["Revenue", "", 0, 0]);
  });
});

describe("PRM.NORMALIZE", () => {
  test("one value, or a range that spills, on the named criterion's scale", () => {
    expect(host.call("PRM.NORMALIZE", 250000, criteria, "revenue")).toEqual([[25]]);
    expect(host.call("PRM.NORMALIZE", [["Low"], ["High"], [BLANK]], criteria, "Accreditation")).toEqual([[0], [100], [""]]);
    expect(errorOf(host.call("PRM.NORMALIZE", 1, criteria, "Profit")).message).toBe(
      'No criterion is named "Profit"; the criteria are Revenue, Growth, Accreditation, Support load, Deal registrations, Strategic fit'
    );
  });
});

describe("PRM.PARTNERTIER and PRM.NEXTTIER", () => {
  test("tiers by score, from Tiers[#All] or Tiers without header", () => {
    expect(host.call("PRM.PARTNERTIER", 70, tiers)).toEqual([["Gold"]]);
    expect(host.call("PRM.PARTNERTIER", [[91.5], [69.9], [BLANK], [10]], tiers.slice(1))).toEqual([["Platinum"], ["Silver"], [""], ["Registered"]]);
    // A row of scores spills a column, in the row's order; a block of scores is refused.
    expect(host.call("PRM.PARTNERTIER", [[91.5, 69.9, BLANK, 10]], tiers.slice(1))).toEqual([["Platinum"], ["Silver"], [""], ["Registered"]]);
    expect(errorOf(host.call("PRM.PARTNERTIER", [[91.5, 69.9], [10, 50]], tiers.slice(1)))).toEqual(
      new ExcelError("#VALUE!", "score must be one cell or a single column of scores, not 2 x 2"),
    );
  });

  test("with values and criteria, Requires are checked", () => {
    const medium = strong.map((v, i) => (i === 2 ? "Medium" : v));
    expect(host.call("PRM.PARTNERTIER", [[91.5], [91.5]], tiers, [strong, medium], criteria)).toEqual([["Platinum"], ["Gold"]]);
  });

  test("values without criteria is a #VALUE!", () => {
    expect(errorOf(host.call("PRM.PARTNERTIER", 50, tiers, [strong])).message).toBe(
      "give both values and criteria to check the tiers' Requires, or neither"
    );
  });

  test("a spilling PARTNERTIER checks each row's Requires against that row's values", () => {
    const medium = strong.map((v, i) => (i === 2 ? "Medium" : v));
    const noDeals = strong.map((v, i) => (i === 4 ? BLANK : v));
    expect(host.call("PRM.PARTNERTIER", [[91.5], [91.5], [91.5], [BLANK]], tiers, [strong, medium, noDeals, strong], criteria)).toEqual([
      ["Platinum"],
      ["Gold"],
      ["Gold"],
      [""],
    ]);
  });

  test.each([
    ["Accreditation >= Expert", 'Tier Platinum: in "Accreditation >= Expert", Expert is not on the scale of Accreditation (Low, Medium, High)'],
    ["Certified staff >= 2", 'Tier Platinum: the requirement "Certified staff >= 2" names no criterion of the Criteria table'],
    ["Revenue >= lots", 'Tier Platinum: in "Revenue >= lots", Revenue is a number criterion, so lots must be a number'],
    ["Accreditation High", 'Tiers row 2 (Platinum): cannot read the condition "Accreditation High"'],
  ])("a Requires of %p is a #VALUE! naming the tier and the condition, for every score", (requires, message) => {
    const bad = tiers.map((row) => (row[0] === "Platinum" ? [row[0], row[1], requires] : row));
    for (const name of ["PRM.PARTNERTIER", "PRM.NEXTTIER"]) {
      // A score of 10 never reaches Platinum: the condition is still checked.
      const error = errorOf(host.call(name, [[10], [95]], bad, [strong, strong], criteria));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toContain(message);
    }
  });

  test("NEXTTIER spills one row of three per partner, blank texts at the top, errors across the row", () => {
    expect(host.call("PRM.NEXTTIER", [[60], [BLANK], [95], [101]], tiers)).toEqual([
      ["Gold", 10, ""],
      ["", "", ""],
      ["", 0, ""],
      [expect.any(ExcelError), expect.any(ExcelError), expect.any(ExcelError)],
    ]);
  });

  test("NEXTTIER spills the next tier, points short and unmet requirements", () => {
    const medium = strong.map((v, i) => (i === 2 ? "Medium" : v));
    expect(host.call("PRM.NEXTTIER", [[60], [75], [95]], tiers, [strong, medium, strong], criteria)).toEqual([
      ["Gold", 10, ""],
      ["Platinum", 10, "Accreditation >= High"],
      ["", 0, ""],
    ]);
  });
});

// Microsoft, "Custom functions parameter options" (learn.microsoft.com/office/dev/add-ins/excel/
// custom-functions-parameter-options): an optional parameter is `[name]` in the JSDoc and an
// omitted one arrives as null; a range parameter (`any[][]`) arrives as a 2-D array.
describe("matching by name: the optional last argument names (DESIGN section 3)", () => {
  const HEADERS = CRITERIA.slice(1).map((row) => row[0]) as Cell[];
  /** The same partners with the columns reversed and two extra columns around them. */
  const order = [5, 4, 3, 2, 1, 0];
  const reshuffled = (row: Cell[]) => ["Note", ...order.map((i) => row[i]), 42];
  const shuffledHeaders = [["Notes", ...order.map((i) => ` ${String(HEADERS[i]).toUpperCase()} `), "Score"]];
  const medium = strong.map((v, i) => (i === 2 ? "Medium" : v));
  const partners = [strong, weak, medium];

  test("both forms agree: by position, and by name over shuffled columns with extra columns", () => {
    const byPosition = host.call("PRM.PARTNERSCORE", partners, criteria);
    expect(host.call("PRM.PARTNERSCORE", partners.map(reshuffled), criteria, undefined, undefined, shuffledHeaders)).toEqual(byPosition);
    expect(host.call("PRM.PARTNERSCORE", partners, criteria, undefined, undefined, [HEADERS])).toEqual(byPosition);
    expect(host.call("PRM.SCOREBREAKDOWN", [reshuffled(strong)], criteria, undefined, undefined, shuffledHeaders)).toEqual(
      host.call("PRM.SCOREBREAKDOWN", [strong], criteria)
    );
    const scores = (byPosition as number[][]).map((r) => [r[0]]);
    for (const name of ["PRM.PARTNERTIER", "PRM.NEXTTIER"])
      expect(host.call(name, scores, tiers, partners.map(reshuffled), criteria, shuffledHeaders)).toEqual(host.call(name, scores, tiers, partners, criteria));
  });

  test("a criterion without a column counts as missing data", () => {
    const noGrowth = [HEADERS.filter((h) => h !== "Growth")];
    const values = [strong.filter((_, i) => i !== 1)];
    expect(host.call("PRM.PARTNERSCORE", values, criteria, undefined, undefined, noGrowth)).toEqual(
      host.call("PRM.PARTNERSCORE", [strong.map((v, i) => (i === 1 ? BLANK : v))], criteria)
    );
    expect(errorOf(host.call("PRM.PARTNERSCORE", values, criteria, undefined, "error", noGrowth))).toEqual(new ExcelError("#N/A", "Growth is missing"));
  });

  test.each([
    ["names count differs from the values' columns", () => host.call("PRM.PARTNERSCORE", [strong], criteria, undefined, undefined, [HEADERS.slice(0, 5)]), "values has 6 columns but names has 5 headers: give the header cells of the same columns as values"],
    ["a duplicate header", () => host.call("PRM.PARTNERTIER", 90, tiers, [[...strong, 1]], criteria, [[...HEADERS, "revenue"]]), 'names has the header "revenue" twice (columns 1 and 7): a criterion must have one column'],
    ["names that is not one row", () => host.call("PRM.PARTNERSCORE", [strong], criteria, undefined, undefined, [HEADERS, HEADERS]), "names must be one row of header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]], not 2 x 6"],
    ["names without values", () => host.call("PRM.NEXTTIER", 90, tiers, undefined, undefined, [HEADERS]), "names is the values' header cells: give values and criteria with it"],
  ])("%s is a #VALUE! with a message", (_, call, message) => {
    expect(errorOf(call())).toEqual(new ExcelError("#VALUE!", message));
  });

  test("names is an optional matrix parameter of the four functions, and only of those", () => {
    const withNames = host.metadata.functions.filter((f) => f.parameters.some((p) => p.name === "names"));
    expect(withNames.map((f) => f.name).sort()).toEqual(["NEXTTIER", "PARTNERSCORE", "PARTNERTIER", "SCOREBREAKDOWN"]);
    for (const f of withNames) expect(f.parameters.at(-1)).toMatchObject({ name: "names", optional: true, dimensionality: "matrix" });
  });
});

describe("PRM.CERTSTATUS", () => {
  const asOf = 46355; // 2026-11-29
  test("Active, Expiring, Expired, None; a range spills", () => {
    expect(host.call("PRM.CERTSTATUS", [[asOf - 1], [asOf + 10], [asOf + 400], [BLANK]], asOf)).toEqual([
      ["Expired"],
      ["Expiring"],
      ["Active"],
      ["None"],
    ]);
    expect(host.call("PRM.CERTSTATUS", asOf + 10, asOf, 5)).toEqual([["Active"]]);
  });

  test("the day defaults to today", () => {
    expect(host.call("PRM.CERTSTATUS", 2958465)).toEqual([["Active"]]); // 9999-12-31
    expect(host.call("PRM.CERTSTATUS", 1)).toEqual([["Expired"]]);
  });

  test("a text date that is not ISO, or negative warndays, is a #VALUE!", () => {
    expect(errorOf(host.call("PRM.CERTSTATUS", "31.12.2026", asOf)).message).toBe('expiry must be a date, not "31.12.2026"');
    expect(errorOf(host.call("PRM.CERTSTATUS", asOf, asOf, -1)).message).toBe("warndays must not be negative, not -1");
  });
});

describe("PRM.AHPWEIGHTS", () => {
  test("spills the weights then the consistency ratio", () => {
    const result = host.call("PRM.AHPWEIGHTS", [
      [1, 2, 4],
      [BLANK, 1, 2],
      [BLANK, BLANK, 1],
    ]) as number[][];
    expect(result.map((r) => r[0])).toEqual([expect.closeTo(4 / 7, 9), expect.closeTo(2 / 7, 9), expect.closeTo(1 / 7, 9), expect.closeTo(0, 9)]);
  });
});
