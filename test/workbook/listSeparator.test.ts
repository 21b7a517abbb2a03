/**
 * A workbook in a language whose list separator is `;` (German, French, ...): the formulas the
 * add-in writes go through Range.formulas, which always takes Excel's en-US syntax (`,`
 * between arguments, `.` in numbers) whatever the user's locale, never formulasLocal. The
 * `;` of our Scale and Requires cells is text, written as a value, never a formula.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { sampleTables } from "../../src/workbook/sample";
import { writtenCell } from "../../src/workbook/cellWrite";

/** A formula without its string literals, where a `;` would be a locale's list separator. */
const outsideStrings = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

const cells = () => sampleTables().flatMap((t) => t.rows.flat());

describe("formulas the add-in writes, in a workbook with ; as list separator", () => {
  test("every sample formula is en-US: arguments separated by commas, no ; outside text", () => {
    const formulas = cells().filter((c): c is string => typeof c === "string" && c.startsWith("="));
    expect(formulas.length).toBeGreaterThan(30);
    for (const formula of formulas) {
      expect([formula, outsideStrings(formula).includes(";")]).toEqual([formula, false]);
      // Every PRM call with more than one argument separates them with commas.
      if (/^=PRM\.\w+\(.*,/.test(formula)) expect(formula).toMatch(/^=PRM\.\w+\([^;]*\)$/);
    }
  });

  test("Scale and Requires texts with ; are values: none starts like a formula, and one that did would be written as text", () => {
    const withSemicolons = cells().filter((c): c is string => typeof c === "string" && c.includes(";"));
    expect(withSemicolons.length).toBeGreaterThan(0);
    for (const text of withSemicolons) expect(text.startsWith("=")).toBe(false);
    // A user's text that starts with = is written with Excel's text marker, never as a formula.
    expect(writtenCell("=Low=0; High=100")).toBe("'=Low=0; High=100");
  });

  test("the Excel adapter writes formulas with Range.formulas (en-US), never the locale's formulasLocal", () => {
    // The adapter is excelStore.ts and the excel*.ts modules it writes through.
    const folder = join(__dirname, "../../src/workbook");
    const source = readdirSync(folder)
      .filter((file) => /^excel.*\.ts$/.test(file))
      .map((file) => readFileSync(join(folder, file), "utf8"))
      .join("\n");
    expect(source).toMatch(/\.formulas = /);
    expect(source).not.toMatch(/formulasLocal|valuesLocal|numberFormatLocal/);
  });
});
