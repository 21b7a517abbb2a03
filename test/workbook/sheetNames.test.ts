/**
 * Excel's sheet-name rules (Microsoft, "Rename a worksheet": not blank, at most 31 characters,
 * none of / \ ? * : [ ], no apostrophe first or last, not "History", which Excel reserves),
 * plus no two sheets alike ignoring case. One rule set: the names the add-in picks, the browser
 * workbook and the fake Excel all follow it, so no test passes on a name Excel would refuse.
 */
import { Workbook } from "../../src/preview/workbook";
import { SHEET } from "../../src/workbook/names";
import { freeSheetName, sheetNameProblem, validSheetName } from "../../src/workbook/sheetNames";
import { installEmptyWorkbook } from "./fakeExcel";

/** Each name Excel refuses beside a sheet named "Scores", with the reason the message gives. */
const REFUSED: [string, RegExp][] = [
  ["History", /reserved by Excel/],
  ["history", /reserved by Excel/],
  ["HISTORY", /reserved by Excel/],
  ["A".repeat(32), /32 characters long; Excel allows at most 31/],
  ["Q3:Q4", /contains :/],
  ["A\\B", /contains \\/],
  ["A/B", /contains \//],
  ["Why?", /contains \?/],
  ["All*", /contains \*/],
  ["[draft]", /contains \[ \]/],
  ["'quoted", /apostrophe/],
  ["quoted'", /apostrophe/],
  ["", /cannot be blank/],
  ["   ", /cannot be blank/],
  ["scores", /already has a sheet named "Scores" \(Excel ignores case\)/],
];

describe("the sheet-name rules", () => {
  it.each(REFUSED)("refuses %j with the reason", (name, reason) => {
    expect(sheetNameProblem(name, ["Scores"])).toMatch(reason);
  });

  it("takes what Excel takes: 31 characters, spaces, an apostrophe inside, History as part of a name", () => {
    for (const name of ["A".repeat(31), "Tier history", "Partner's list", "History 2026", SHEET.history])
      expect(sheetNameProblem(name, ["Scores"])).toBeNull();
  });

  it("names the add-in's history sheet with a name Excel takes", () => {
    expect(SHEET.history).toBe("Tier history");
  });
});

describe("names the add-in picks for its sheets", () => {
  it("replaces the characters Excel refuses and cuts to 31 characters", () => {
    expect(validSheetName("Q3: A/B [draft]?*\\")).toBe("Q3- A-B -draft----");
    expect(validSheetName("'quoted'")).toBe("quoted");
    expect(validSheetName("A very long partner name, Incorporated 2026-05-01")).toHaveLength(31);
    expect(validSheetName(" :: ".replace(/:/g, "'"))).toBe("Sheet");
  });

  it("numbers a taken name (any case), keeping within 31 characters", () => {
    expect(freeSheetName("Scores", ["Sheet1"])).toBe("Scores");
    expect(freeSheetName("Scores", ["scores", "Scores (2)"])).toBe("Scores (3)");
    const long = "Northwind Traders Europe 2026-05-01";
    const first = freeSheetName(long, []);
    const second = freeSheetName(long, [first]);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(31);
  });

  it("never picks the reserved History", () => {
    expect(freeSheetName("History", [])).toBe("History (2)");
    expect(freeSheetName("history", [])).toBe("history (2)");
  });
});

describe("the browser workbook refuses every sheet name Excel refuses", () => {
  it.each(REFUSED)("addSheet(%j) throws the reason and adds nothing", (name, reason) => {
    const workbook = new Workbook(["Scores"]);
    // "scores" is the sheet that is there: adding it again is a no-op, as the stores rely on.
    if (name === "scores") {
      workbook.addSheet(name);
      expect(workbook.sheetNames).toEqual(["Scores"]);
      return;
    }
    expect(() => workbook.addSheet(name)).toThrow(reason);
    expect(workbook.sheetNames).toEqual(["Scores"]);
  });

  it.each(REFUSED)("an opened file with a sheet %j is refused, the workbook left as it was", (name, reason) => {
    const workbook = new Workbook(["Mine"]);
    workbook.write({ sheet: "Mine", row: 0, col: 0 }, 7);
    expect(() => workbook.reset(["Scores", name])).toThrow(reason);
    expect(workbook.sheetNames).toEqual(["Mine"]);
    expect(workbook.cell({ sheet: "Mine", row: 0, col: 0 }).value).toBe(7);
  });
});

describe("the fake Excel refuses them too", () => {
  afterEach(() => {
    delete (global as unknown as { Excel?: unknown }).Excel;
  });

  it.each(REFUSED)("worksheets.add(%j) fails at once, as Excel's InvalidArgument or ItemAlreadyExists", async (name) => {
    const excel = installEmptyWorkbook();
    excel.addSheet("Scores");
    await expect(excel.run(async (context: { workbook: { worksheets: { add(name: string): unknown } } }) => context.workbook.worksheets.add(name))).rejects.toThrow(
      /InvalidArgument|ItemAlreadyExists/
    );
    expect([...excel.sheets.keys()]).toEqual(["Sheet1", "Scores"]);
    // A test cannot arrange such a sheet either.
    expect(() => excel.addSheet(name)).toThrow(/./);
  });
});
