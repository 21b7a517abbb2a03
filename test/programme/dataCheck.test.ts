/**
 * The data check for uniform data (issue 21 item 4): per scored column, labels that differ
 * only by case or spaces (with the scale's spelling as the fix), labels off the scale,
 * numbers stored as text (with the number as the fix), values far outside Min-Max or far
 * from the rest (a unit mix-up), and duplicate partner names, each with its row and column.
 */
import fc from "fast-check";
import { readCriteria } from "../../src/core";
import { checkData } from "../../src/programme/dataCheck";
import type { TableData } from "../../src/workbook/store";

const { model } = readCriteria([
  ["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight"],
  ["Revenue", "range", "higher", 0, 2000000, null, 1],
  ["Accreditation", "rating", null, null, null, "None=0; Silver=40; Gold=75; Platinum=100", 1],
  ["Managed", "yesno", null, null, null, null, 1],
]);

const partners = (rows: unknown[][]): TableData => ({ header: ["Partner", "Accreditation", "Revenue", "Managed"], rows });

describe("checkData", () => {
  test("uniform data has no findings", () => {
    const rows = [
      ["Alder", "Gold", 1200000, "Yes"],
      ["Bluefin", "Silver", 900000, "No"],
      ["Cobalt", null, "n/a", ""],
    ];
    expect(checkData(partners(rows), model, 0)).toEqual([]);
  });

  test("each finding names its cell, and a fix where it is unambiguous", () => {
    const rows = [
      ["Alder", "gold", 1200000, "Yes"],
      ["Bluefin", " Silver ", "900,000", " No"],
      ["Cobalt", "Gld", 1300, "maybe"],
      ["alder ", "Platinum", 95000000, "Y"],
      ["Driftwood", "Gold", 1100000, "N"],
    ];
    expect(checkData(partners(rows), model, 0)).toEqual([
      { kind: "number-as-text", criterion: "Revenue", row: 1, column: 2, message: '"900,000" is a number stored as text', fix: 900000 },
      { kind: "out-of-range", criterion: "Revenue", row: 2, column: 2, message: "1300 is far from the other values of Revenue (typically 1150000): a different unit?" },
      { kind: "out-of-range", criterion: "Revenue", row: 3, column: 2, message: "95000000 is far outside Revenue's Min-Max (0 to 2000000): a different unit?" },
      { kind: "spelling", criterion: "Accreditation", row: 0, column: 1, message: '"gold" is spelled "Gold" on the scale of Accreditation', fix: "Gold" },
      { kind: "spelling", criterion: "Accreditation", row: 1, column: 1, message: '" Silver " is spelled "Silver" on the scale of Accreditation', fix: "Silver" },
      { kind: "off-scale", criterion: "Accreditation", row: 2, column: 1, message: '"Gld" is not on the scale of Accreditation (None, Silver, Gold, Platinum)' },
      { kind: "spelling", criterion: "Managed", row: 1, column: 3, message: '" No" has spaces around it', fix: "No" },
      { kind: "off-scale", criterion: "Managed", row: 2, column: 3, message: '"maybe" is not yes or no, as Managed needs' },
      { kind: "duplicate-name", criterion: null, row: 3, column: 0, message: '"alder " also names the partner of row 1' },
    ]);
  });

  test("property: every fix is read by the criterion as the cell was meant, and fixing leaves no finding there", () => {
    const label = fc.constantFrom("Gold", "gold", " GOLD", "Silver", "silver ", "None", "Platinum", "plat inum");
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 20 }), (labels) => {
        const rows = labels.map((l, i) => [`P${i}`, l, 1000, "Yes"]);
        const findings = checkData(partners(rows), model, 0);
        const fixed = rows.map((row) => [...row]);
        for (const f of findings) if (f.fix !== undefined) fixed[f.row][f.column] = f.fix;
        const after = checkData(partners(fixed), model, 0);
        expect(after.every((f) => f.kind === "off-scale")).toBe(true);
        for (const f of findings.filter((f) => f.fix !== undefined))
          expect(String(f.fix).toLowerCase()).toBe(String(rows[f.row][f.column]).trim().toLowerCase());
      }),
    );
  });
});
