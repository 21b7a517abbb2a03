/**
 * What Excel passes that our own stand-in long did not: error values (with and without
 * allowErrorForDataTypeAny), data-type values (allowCustomDataForDataTypeAny) and arguments
 * written empty. Run on the built bundle and the built functions.json (npm run build first).
 * Microsoft's pages: "Handle and return errors from your custom function" (section "Errors as
 * custom function inputs"), "Manually create JSON metadata for custom functions"
 * (allowErrorForDataTypeAny, allowCustomDataForDataTypeAny), "Use data types with custom
 * functions in Excel", "Use data types in Excel add-ins" (JSON schema: type, basicType,
 * basicValue).
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  BLANK,
  CustomFunctionsHost,
  EMPTY,
  ExcelError,
  namespaceFromManifest,
  type Argument,
  type CallResult,
  type Cell,
  type DataTypeValue,
  type FunctionsMetadata,
} from "../../src/host";
import { DIST, loadBuiltFunctions } from "../../src/host/loadBuild";
import { CRITERIA, STRONG, TIERS } from "../fixtures";

const criteria = CRITERIA as Cell[][];
const tiers = TIERS as Cell[][];
const strong = STRONG as Cell[];
const builtMetadata = (): FunctionsMetadata => JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8"));

/** The built bundle with the built functions.json, less `without` of its top-level flags. */
function builtHostWithout(...without: (keyof FunctionsMetadata)[]): CustomFunctionsHost {
  const metadata = builtMetadata();
  for (const flag of without) delete metadata[flag];
  const namespace = namespaceFromManifest(readFileSync(join(DIST, "manifest.xml"), "utf8"));
  return new CustomFunctionsHost(metadata, { namespace }).load(readFileSync(join(DIST, "functions.js"), "utf8"));
}

const host = loadBuiltFunctions();
const NA = new ExcelError("#N/A", "no match");
/** STRONG's score with Revenue (weight 30 of 100) missing: 6450 points over the other 70. */
const WITHOUT_REVENUE = 6450 / 70;

describe("error values in arguments", () => {
  test("the build sets allowErrorForDataTypeAny (and allowCustomDataForDataTypeAny) at the top of functions.json", () => {
    const metadata = builtMetadata();
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    expect(metadata.functions.length).toBe(8);
  });

  test("so an #N/A among the values is missing data, as the README says", () => {
    expect(host.call("PRM.PARTNERSCORE", [[NA, ...strong.slice(1)]], criteria)).toEqual([[expect.closeTo(WITHOUT_REVENUE, 10)]]);
    expect(host.call("PRM.PARTNERSCORE", [[NA, ...strong.slice(1)], strong], criteria)).toEqual([
      [expect.closeTo(WITHOUT_REVENUE, 10)],
      [expect.closeTo(91.5, 10)],
    ]);
  });

  test("without the flag, Excel does not call the function: one #N/A in the range is the whole formula's result", () => {
    const plain = builtHostWithout("allowErrorForDataTypeAny");
    expect(plain.call("PRM.PARTNERSCORE", [strong, [NA, ...strong.slice(1)]], criteria)).toBe(NA);
    expect(plain.call("PRM.CERTSTATUS", [[46000], [NA]], 46000)).toBe(NA);
  });

  test("an error in a scalar argument reaches the function too, which names it rather than guess", () => {
    expect(host.call("PRM.CERTSTATUS", 46000, NA)).toEqual(new ExcelError("#VALUE!", "asof must be a date, not the error #N/A"));
    expect(host.call("PRM.CERTSTATUS", 46000, 46000, NA)).toEqual(new ExcelError("#VALUE!", "warndays must be a number, not the error #N/A"));
    expect(host.call("PRM.PARTNERSCORE", [strong], criteria, undefined, NA)).toEqual(new ExcelError("#VALUE!", "missing must be text, not the error #N/A"));
    expect(host.call("PRM.NORMALIZE", 5, criteria, NA)).toEqual(new ExcelError("#VALUE!", "criterion must be text, not the error #N/A"));
  });
});

describe("data-type values", () => {
  const formatted = (value: number, numberFormat = "#,##0"): DataTypeValue => ({ type: "FormattedNumber", basicValue: value, basicType: "Double", numberFormat });
  const text = (value: string): DataTypeValue => ({ type: "String", basicValue: value, basicType: "String" });
  const yes: DataTypeValue = { type: "Boolean", basicValue: true, basicType: "Boolean" };
  const entity: DataTypeValue = { type: "Entity", text: "Contoso", basicType: "Error", basicValue: "#VALUE!", properties: {} };
  // STRONG: 900000, 18, "High", 5, 30, "Yes"
  const strongAsDataTypes: Cell[] = [formatted(900000), formatted(18), text("High"), formatted(5), formatted(30), yes];

  test("formatted numbers, strings and booleans read as their basicValue: the same score", () => {
    expect(host.call("PRM.PARTNERSCORE", [strongAsDataTypes], criteria)).toEqual([[expect.closeTo(91.5, 10)]]);
    expect(host.call("PRM.SCOREBREAKDOWN", [strongAsDataTypes], criteria)).toEqual(host.call("PRM.SCOREBREAKDOWN", [strong], criteria));
  });

  test("an entity (whose basic value is #VALUE!) is missing data, not a silent wrong value", () => {
    expect(host.call("PRM.PARTNERSCORE", [[entity, ...strong.slice(1)]], criteria)).toEqual([[expect.closeTo(WITHOUT_REVENUE, 10)]]);
    expect(host.call("PRM.PARTNERSCORE", [[entity, ...strong.slice(1)]], criteria, undefined, "error")).toEqual([
      [new ExcelError("#N/A", "Revenue is missing")],
    ]);
  });

  test("formatted numbers in the model tables, a formatted date and a formatted score", () => {
    const weights = criteria.map((row, i) => (i === 0 ? row : row.map((cell, j) => (j === 7 ? formatted(cell as number) : cell))));
    expect(host.call("PRM.PARTNERSCORE", [strong], weights)).toEqual([[expect.closeTo(91.5, 10)]]);
    expect(host.call("PRM.CERTSTATUS", formatted(46010, "d mmm yyyy"), formatted(46000, "d mmm yyyy"))).toEqual([["Expiring"]]);
    expect(host.call("PRM.PARTNERTIER", [[formatted(75, "0.0")]], tiers)).toEqual([["Gold"]]);
    expect(host.call("PRM.PARTNERTIER", [[75]], tiers, [strongAsDataTypes], criteria)).toEqual([["Gold"]]);
    expect(host.call("PRM.NORMALIZE", [[text("Medium"), formatted(250000)]], criteria, text("Accreditation"))).toEqual([[50, expect.any(ExcelError)]]);
  });

  test("a message shows a data-type value by its basic value", () => {
    expect(host.call("PRM.PARTNERSCORE", [[text("lots"), ...strong.slice(1)]], criteria)).toEqual([
      [new ExcelError("#VALUE!", 'Revenue needs a number, not "lots"')],
    ]);
  });

  test("without allowCustomDataForDataTypeAny Excel passes the basic values: the same results", () => {
    const plain = builtHostWithout("allowCustomDataForDataTypeAny");
    expect(plain.call("PRM.PARTNERSCORE", [strongAsDataTypes, [entity, ...strong.slice(1)]], criteria)).toEqual(
      host.call("PRM.PARTNERSCORE", [strongAsDataTypes, [entity, ...strong.slice(1)]], criteria)
    );
  });
});

describe("an argument written empty reads as a blank cell, in every function", () => {
  // Each call leaves one range argument empty, e.g. =PRM.CERTSTATUS(,DATE(2027,1,1)); it
  // arrives as null (never a TypeError, which the host would report as a defect of the bundle).
  const noCriteria = new ExcelError(
    "#VALUE!",
    "Criteria: criteria must be the Criteria table with its header row (Criteria[#All]) or a row or column of weights; no Criterion header was found"
  );
  const oneColumn = new ExcelError("#VALUE!", "values has 1 columns but there are 6 criteria: give one column per criterion, in the table's order, or their headers as names");
  const noTiers = new ExcelError("#VALUE!", "Tiers: there are no tiers");
  const cases: [string, Argument[], CallResult][] = [
    ["PRM.PARTNERSCORE", [EMPTY, criteria], oneColumn],
    ["PRM.PARTNERSCORE", [[strong], EMPTY], noCriteria],
    ["PRM.PARTNERSCORE", [[strong], criteria, EMPTY, "skip"], [[expect.closeTo(91.5, 10)]] as CallResult],
    ["PRM.SCOREBREAKDOWN", [EMPTY, criteria], oneColumn],
    ["PRM.SCOREBREAKDOWN", [[strong], EMPTY], noCriteria],
    ["PRM.NORMALIZE", [EMPTY, criteria, "Revenue"], [[""]]],
    ["PRM.NORMALIZE", [5, EMPTY, "Revenue"], noCriteria],
    ["PRM.NORMALIZE", [5, criteria, EMPTY], new ExcelError("#VALUE!", "criterion must name a criterion of the table")],
    ["PRM.PARTNERTIER", [EMPTY, tiers], [[""]]],
    ["PRM.PARTNERTIER", [60, EMPTY], noTiers],
    ["PRM.PARTNERTIER", [60, tiers, EMPTY, EMPTY], [["Silver"]]],
    ["PRM.NEXTTIER", [EMPTY, tiers], [["", "", ""]]],
    ["PRM.NEXTTIER", [60, EMPTY], noTiers],
    ["PRM.CERTSTATUS", [EMPTY, 46387], [["None"]]],
    ["PRM.CERTSTATUS", [46387, EMPTY, EMPTY], expect.any(Array) as unknown as CallResult],
    ["PRM.AHPWEIGHTS", [EMPTY], [[1], [0]]],
    ["PRM.TIERREVIEW", [EMPTY, "Gold", tiers], [["Keep"]]],
    ["PRM.TIERREVIEW", ["Gold", EMPTY, tiers], [["Assign Gold"]]],
    ["PRM.TIERREVIEW", ["Gold", "Gold", EMPTY], noTiers],
    ["PRM.TIERREVIEW", ["Silver", "Gold", tiers, EMPTY, 46387, EMPTY, EMPTY, EMPTY], [["Demote to Silver"]]],
  ];
  test.each(cases)("%s(%p)", (name, args, expected) => {
    expect(host.call(name, ...args)).toEqual(expected);
  });

  test("the same when Excel passes it as a blank cell instead", () => {
    const blank = loadBuiltFunctions({ emptyArgumentAs: "blank" });
    // Not PARTNERTIER's optional values and criteria: as blank cells they are given, and a
    // blank cell is no criteria table (null is the argument left out).
    const required = cases.filter(([name, args]) => !(name === "PRM.PARTNERTIER" && args.length === 4));
    for (const [name, args] of required) expect(blank.call(name, ...args)).toEqual(host.call(name, ...args));
    expect(blank.call("PRM.CERTSTATUS", [[BLANK]], 46387)).toEqual([["None"]]);
  });
});
