/**
 * The copy for colleagues as text: which functions its formulas use (Excel 2016's built-ins
 * only), what it refuses to build and why, and the literals it writes. The numbers it
 * computes are checked in the formula engine (colleagueCopy.engine.test.ts).
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { buildColleagueCopy, COPY_MARKER, COPY_SHEET, type CopySource } from "../../src/sharing";
import { nestingDepth, numberLiteral, textCell, textLiteral } from "../../src/sharing/excelFormula";
import { tableAddress } from "../../src/workbook/address";
import { sampleTables } from "../../src/workbook/sample";
import type { SheetTable, TableData } from "../../src/workbook/store";

/**
 * Functions Excel 2016 has, and that the copy may use. Deliberately absent: everything newer
 * (LET, LAMBDA, XLOOKUP, FILTER, IFS, SWITCH, MAXIFS, MINIFS, TEXTJOIN, CONCAT, SEQUENCE,
 * UNIQUE, SORT) and the add-in's own PRM.* functions.
 */
const EXCEL_2016 = new Set([
  "IF", "AND", "OR", "NOT", "TRUE", "FALSE", "ISNUMBER", "ISTEXT", "ISBLANK", "ISERROR",
  "ISLOGICAL", "TRIM", "INDEX", "MATCH", "MIN", "MAX", "N", "NA", "VALUE", "SUMPRODUCT",
  "LOOKUP", "CHOOSE", "LOWER", "INT", "LEN", "MID", "LEFT", "RIGHT", "DATE", "MONTH", "DAY",
  "TODAY", "ROUND", "LOG10",
]);

/** The functions a formula calls (string literals left out). */
function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\(/g)].map((m) => m[1].toUpperCase());
}

function asLoaded(table: SheetTable): TableData {
  return { header: table.header, rows: table.rows, address: `${table.sheet}!${tableAddress(table)}` };
}

function sampleSource(change: (tables: SheetTable[]) => void = () => undefined): CopySource {
  const tables = sampleTables(46000);
  change(tables);
  const [criteria, tiers, partners] = tables.map(asLoaded);
  // The sample's rows hold its formulas as written, which is what load({ formulasOf }) reads.
  return { criteria, tiers, partners: { ...partners, formulas: partners.rows } };
}

const OPTIONS = { missing: "skip", generatedAt: new Date("2026-11-29T13:05:00Z") } as const;

function formulasOf(source: CopySource, missing: "skip" | "zero" | "error" = "skip"): string[] {
  const result = buildColleagueCopy(source, { ...OPTIONS, missing });
  if (!result.ok) throw new Error(result.message);
  return result.sheet.cells.flat().filter((c): c is string => typeof c === "string" && c.startsWith("="));
}

describe("the copy for colleagues, as formulas", () => {
  it("uses only functions Excel 2016 has, whatever the policy and layout", () => {
    const variants = [
      formulasOf(sampleSource()),
      formulasOf(sampleSource(), "zero"),
      formulasOf(sampleSource(), "error"),
      // No profiles and no Type column: the weights are read without INDEX.
      formulasOf(
        sampleSource((t) => {
          t[0].header = t[0].header.slice(0, 8);
          t[0].rows = t[0].rows.map((r) => r.slice(0, 8));
          t[2].header = t[2].header.filter((h) => h !== "Type");
          t[2].rows = t[2].rows.map((r) => r.filter((_, i) => i !== 1));
        }),
      ),
    ];
    const used = new Set(variants.flat().flatMap(functionsIn));
    // The scan finds functions at all (a regex that matched nothing would pass).
    expect(used).toEqual(
      new Set([
        ...["IF", "ISERROR", "ISTEXT", "OR", "TRIM", "ISBLANK", "ISNUMBER", "VALUE", "ISLOGICAL", "MAX", "INDEX", "AND", "N", "MIN", "NA", "NOT", "TRUE", "FALSE"],
        // The score rounded to 15 significant digits before it is compared with the Min scores.
        ...["ROUND", "INT", "LOG10"],
        // PRM.CERTSTATUS restated: the sample's Certification values.
        ...["INT", "LEN", "MID", "LEFT", "RIGHT", "DATE", "MONTH", "DAY"],
      ]),
    );
    for (const name of used) expect(EXCEL_2016).toContain(name);
    // docs/sharing.md lists them for users (TRUE and FALSE are constants there).
    const sharingDoc = readFileSync(resolve(__dirname, "../../docs/sharing.md"), "utf8");
    const heading = "\n## A copy for colleagues without the add-in\n";
    expect(sharingDoc).toContain(heading);
    const section = sharingDoc.slice(sharingDoc.indexOf(heading));
    for (const name of used) if (name !== "TRUE" && name !== "FALSE") expect(section).toContain(`\`${name}\``);
    for (const formula of variants.flat()) {
      expect(formula.length).toBeLessThanOrEqual(8192);
      expect(nestingDepth(formula)).toBeLessThanOrEqual(64);
      // No spill (#) or implicit-intersection (@) operators, no structured references but the
      // sample's evaluation date, a one-cell column Excel 2016 reads as a value.
      expect(formula.replace(/"(?:[^"]|"")*"/g, '""').split("Evaluation[Evaluation date]").join("")).not.toMatch(/[#@[\]]/);
    }
  });

  it("says what it is and when it was made, in the first lines of the sheet", () => {
    const result = buildColleagueCopy(sampleSource(), OPTIONS);
    if (!result.ok) throw new Error(result.message);
    expect(result.sheet.name).toBe(COPY_SHEET);
    expect(result.sheet.marker).toBe(COPY_MARKER);
    expect(result.sheet.cells[0][0]).toBe(COPY_MARKER);
    expect(result.sheet.cells[1][0]).toMatch(/^Generated 2026-11-29 13:05 UTC .*missing values: skip.*rewrites this sheet on every Apply/);
    // One row per partner, after the header, all as wide as the header.
    const header = result.sheet.cells.findIndex((row) => row[0] === "Partner");
    expect(result.sheet.cells.length - header - 1).toBe(30);
    expect(new Set(result.sheet.cells.map((row) => row.length)).size).toBe(1);
  });

  it("refers to the partners' cells and the tables' weights, and bakes in scales and requirements", () => {
    const formulas = formulasOf(sampleSource()).join("\n");
    expect(formulas).toContain("Partners!$C2"); // Alder Peak IT's revenue
    expect(formulas).toContain("Scorecard!$I$2/MAX(Scorecard!$I$2:$I$9)"); // Revenue's reseller weight
    expect(formulas).toContain('TRIM(Partners!$G2&"")="Gold",75'); // Accreditation's scale
    expect(formulas).toContain("IF(ISNUMBER(K11),Partners!$H2>=5,FALSE())"); // Platinum: Certified staff >= 5
  });

  it("restates PRM.CERTSTATUS where a partner value is that formula, and reads other values where they are", () => {
    const formulas = formulasOf(sampleSource()).join("\n");
    // Alder Peak IT's Certification is =PRM.CERTSTATUS(K2,Evaluation[Evaluation date]): the copy
    // computes it from K2 as of the same live evaluation date.
    expect(formulas).toMatch(/IF\(ISNUMBER\(Partners!K2\),IF\(Partners!K2<0,.*INT\(Partners!K2\)<Evaluation\[Evaluation date\],"Expired",IF\(INT\(Partners!K2\)-Evaluation\[Evaluation date\]<=60,"Expiring","Active"/);
    const noFormulas = sampleSource();
    delete noFormulas.partners!.formulas;
    expect(formulasOf(noFormulas).join("\n")).not.toMatch(/Evaluation\[/);
  });

  it("restates PRM.CERTSTATUS of this row's expiry written as a structured reference, as Excel writes it in a table", () => {
    const forms = ["[@[Cert expiry]]", "[@Cert expiry]", "Partners[@[Cert expiry]]", "partners[[#This Row],[Cert Expiry]]"];
    const extra = (p: number) => (p % 3 === 1 ? ",46010,30" : "");
    /** The sample's PRM.CERTSTATUS calls with their expiry written by `expiry(a1, p)`. */
    const withExpiry = (expiry: (a1: string, p: number) => string): CopySource => {
      const source = sampleSource();
      source.partners!.formulas = source.partners!.rows.map((row, p) =>
        row.map((cell) => {
          const call = typeof cell === "string" ? /^=PRM\.CERTSTATUS\(([A-Z]+\d+)(?:,[^)]*)?\)$/.exec(cell) : null;
          return call ? `=PRM.CERTSTATUS(${expiry(call[1], p)}${extra(p)})` : cell;
        }),
      );
      return source;
    };
    const a1 = formulasOf(withExpiry((cell) => cell));
    const structured = formulasOf(withExpiry((_, p) => forms[p % forms.length]));
    expect(a1.join("\n")).toMatch(/INT\(Partners!K2\)<TODAY\(\)/);
    // The same formulas, the expiry cells made absolute ($K$2 for K2).
    const relative = (formulas: string[]) => formulas.map((f) => f.replace(/\$/g, ""));
    expect(relative(structured)).toEqual(relative(a1));
    expect(structured.join("\n")).toMatch(/INT\(Partners!\$K\$3\)<46010/);

    // The whole column, or a column the table does not have, is not this row's expiry: the copy
    // then refers to the Certification cell, as for any formula it cannot restate.
    for (const other of ["Partners[Cert expiry]", "[@[Renewal]]", "Tiers[@[Cert expiry]]"])
      expect(formulasOf(withExpiry(() => other)).join("\n")).not.toMatch(/TODAY\(\)/);
  });

  it.each([
    ["no Partners table", (s: CopySource) => ({ ...s, partners: null }), /no Partners table/],
    [
      "a criterion without a Partners column",
      (s: CopySource) => ({ ...s, partners: { ...s.partners!, header: s.partners!.header.map((h) => (h === "Revenue" ? "Sales" : h)) } }),
      /Partners table has no column named Revenue/,
    ],
    [
      "a Criteria table with a problem",
      (s: CopySource) => ({ ...s, criteria: { ...s.criteria!, rows: s.criteria!.rows.map((r, i) => (i === 0 ? ["Revenue", "", "range", "higher", 5, 1] : r)) } }),
      /Fix the scorecard first: Criteria row 1 \(Revenue\)/,
    ],
    [
      "a requirement naming no criterion",
      (s: CopySource) => ({ ...s, tiers: { ...s.tiers!, rows: [["Gold", 70, "Uptime >= 99"], ["Registered", 0, null]] } }),
      /Tiers table: the requirement "Uptime >= 99" names no criterion/i,
    ],
    ["a table whose place is unknown", (s: CopySource) => ({ ...s, tiers: { ...s.tiers!, address: undefined } }), /Tiers table's place in the workbook is not known/],
  ])("refuses %s, saying why", (_, change, message) => {
    const result = buildColleagueCopy(change(sampleSource()), OPTIONS);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
  });

  it("refuses a scorecard too large for Excel's formula limits, instead of writing formulas Excel rejects", () => {
    const names = Array.from({ length: 70 }, (_, i) => `Criterion ${i + 1}`);
    const source: CopySource = {
      criteria: {
        header: ["Criterion", "Method", "Min", "Max", "Weight"],
        rows: names.map((name) => [name, "range", 0, 10, 1]),
        address: "Scorecard!A1:E71",
      },
      tiers: { header: ["Tier", "Min score"], rows: [["All", 0]], address: "Scorecard!H1:I2" },
      partners: { header: ["Partner", ...names], rows: [["P", ...names.map(() => 5)]], address: "Partners!A1:BS2" },
    };
    for (const missing of ["skip", "error"] as const)
      expect(buildColleagueCopy(source, { ...OPTIONS, missing })).toEqual({
        ok: false,
        message: expect.stringMatching(/^A formula of the copy would be \d+ (characters long, more than Excel's 8192|functions deep, more than Excel's 64): the scorecard has too many criteria/),
      });
    // The same scorecard with 20 criteria fits.
    const fits = {
      criteria: { ...source.criteria!, rows: source.criteria!.rows.slice(0, 20), address: "Scorecard!A1:E21" },
      tiers: source.tiers,
      partners: { header: source.partners!.header.slice(0, 21), rows: [source.partners!.rows[0].slice(0, 21)], address: "Partners!A1:U2" },
    };
    expect(buildColleagueCopy(fits, { ...OPTIONS, missing: "error" }).ok).toBe(true);
  });

  it("refers to tables on sheets whose names need quotes", () => {
    const source = sampleSource();
    source.partners = { ...source.partners!, address: "'Partner list 2026'!B3:N33" };
    const formulas = formulasOf(source).join("\n");
    expect(formulas).toContain("'Partner list 2026'!$D4"); // first partner's revenue, one column right
  });
});

describe("formula literals", () => {
  it("write numbers that read back as the same double, without exponents", () => {
    for (const x of [0, 5, -2.5, 0.1, 1e-12, 5e-7, -1.25e-9, 1e21, -2.345e25, 123456.789])
      expect(Number(numberLiteral(x))).toBe(x);
    expect(numberLiteral(1e-12)).toBe("0.000000000001");
    expect(numberLiteral(1.5e22)).toBe("15000000000000000000000");
    expect(() => numberLiteral(Infinity)).toThrow(RangeError);
  });

  it("measure how deep functions nest, ignoring parentheses in texts and grouping", () => {
    expect(nestingDepth('IF(A1,IF(B1,"(((",2),(3+4))')).toBe(2);
    expect(nestingDepth("(1+2)*3")).toBe(0);
  });

  it("quote texts, and keep a text starting with = as text", () => {
    expect(textLiteral('Say "hi"')).toBe('"Say ""hi"""');
    expect(textCell("=not a formula")).toBe('="=not a formula"');
    expect(textCell("Revenue")).toBe("Revenue");
  });
});
