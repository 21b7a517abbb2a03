/**
 * The copy for colleagues in the browser workbook's formula engine (HyperFormula) with the
 * real functions bundle (run npm run build first): its built-in formulas give what
 * PRM.PARTNERSCORE and PRM.PARTNERTIER give for the sample and for random partners, and
 * keep giving it in an engine where the PRM functions do not exist.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { buildColleagueCopy, COPY_SHEET } from "../../src/sharing";
import { registerCustomFunctions } from "../../src/preview/customFunctionsPlugin";
import { GridStore } from "../../src/preview/gridStore";
import { Workbook, type CellInput } from "../../src/preview/workbook";
import { sampleTables } from "../../src/workbook/sample";
import type { OwnedSheet, SheetTable } from "../../src/workbook/store";
import { todaySerial, type MissingPolicy } from "../../src/core";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import type { CustomFunctionsHost } from "../../src/host/customFunctionsHost";

let host: CustomFunctionsHost;
beforeAll(() => {
  host = loadBuiltFunctions();
  registerCustomFunctions(host);
});
afterAll(() => registerCustomFunctions(host));

const AS_OF = 46000;
const GENERATED = new Date("2026-11-29T12:00:00Z");

type Value = ReturnType<Workbook["cell"]>["value"];

/** A cell's value as compared: numbers as they are, errors by their type. */
function shown(value: Value): string | number | boolean | null {
  if (value !== null && typeof value === "object") return value.error;
  return value;
}

interface Built {
  workbook: Workbook;
  store: GridStore;
  copy: OwnedSheet;
}

/** The sample's tables, with the Partners' Score formula given the missing-data policy (its empty fourth argument). */
function withPolicy(tables: SheetTable[], missing: MissingPolicy): SheetTable[] {
  if (missing === "skip") return tables;
  return tables.map((t) => ({
    ...t,
    rows: t.rows.map((row) =>
      row.map((cell) =>
        typeof cell === "string" && cell.startsWith("=PRM.PARTNERSCORE(")
          ? cell.replace(",,", `,"${missing}",`)
          : cell,
      ),
    ),
  }));
}

async function buildWith(tables: SheetTable[], missing: MissingPolicy): Promise<Built> {
  const workbook = new Workbook(["Sheet1"]);
  const store = new GridStore(workbook);
  await store.createSample(withPolicy(tables, missing));
  const source = await store.load({ formulasOf: ["Partners"] });
  const result = buildColleagueCopy(source, { missing, generatedAt: GENERATED });
  if (!result.ok) throw new Error(result.message);
  await store.writeOwnedSheet(result.sheet, false);
  return { workbook, store, copy: result.sheet };
}

/** Where the copy's Score, Tier and first partner row are (from its header row). */
function copyLayout(copy: OwnedSheet): { score: number; tier: number; firstRow: number } {
  const headerRow = copy.cells.findIndex((row) => row[0] === "Partner");
  const header = copy.cells[headerRow];
  return { score: header.indexOf("Score"), tier: header.indexOf("Tier"), firstRow: headerRow + 1 };
}

interface Compared {
  rows: number;
  prm: { score: unknown; tier: unknown }[];
  copy: { score: unknown; tier: unknown }[];
}

function compare({ workbook, copy }: Built, sheet = workbook): Compared {
  const partners = workbook.tables.get("Partners")!;
  const header = Array.from({ length: partners.width }, (_, c) =>
    workbook.cell({ sheet: "Partners", row: 0, col: c }).value,
  );
  const scoreCol = header.indexOf("Score");
  const tierCol = header.indexOf("Tier");
  const layout = copyLayout(copy);
  const rows = partners.height - 1;
  const prm = [];
  const own = [];
  for (let r = 0; r < rows; r++) {
    prm.push({
      score: shown(workbook.cell({ sheet: "Partners", row: r + 1, col: scoreCol }).value),
      tier: shown(workbook.cell({ sheet: "Partners", row: r + 1, col: tierCol }).value),
    });
    own.push({
      score: shown(sheet.cell({ sheet: COPY_SHEET, row: layout.firstRow + r, col: layout.score }).value),
      tier: shown(sheet.cell({ sheet: COPY_SHEET, row: layout.firstRow + r, col: layout.tier }).value),
    });
  }
  return { rows, prm, copy: own };
}

function expectSame({ rows, prm, copy }: Compared): void {
  expect(copy).toHaveLength(rows);
  for (let r = 0; r < rows; r++) {
    const context = `partner row ${r + 1}: PRM ${JSON.stringify(prm[r])}, copy ${JSON.stringify(copy[r])}`;
    const a = prm[r].score;
    const b = copy[r].score;
    if (typeof a === "number") {
      if (typeof b !== "number" || Math.abs(a - b) > 1e-9) throw new Error(context);
    } else if (a !== b) throw new Error(context);
    if (prm[r].tier !== copy[r].tier) throw new Error(context);
  }
}

/** A fresh engine without the PRM functions, holding what `workbook` holds (formulas as formulas). */
function withoutAddIn(workbook: Workbook): Workbook {
  const ids = host.functionNames.map((n) => n.toUpperCase());
  for (const id of ids) HyperFormula.unregisterFunction(id);
  try {
    const fresh = new Workbook(workbook.sheetNames);
    const sheets = workbook.engine.getAllSheetsSerialized();
    fresh.batch(() => {
      for (const [sheet, rows] of Object.entries(sheets))
        rows.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (cell !== null && cell !== undefined && cell !== "")
              fresh.write({ sheet, row: r, col: c }, cell as CellInput);
          }),
        );
    });
    return fresh;
  } finally {
    registerCustomFunctions(host);
  }
}

describe("the copy for colleagues in the formula engine", () => {
  it.each(["skip", "zero", "error"] as const)(
    "gives the sample's PRM scores and tiers (missing: %s), and the same without the PRM functions",
    async (missing) => {
      const built = await buildWith(sampleTables(AS_OF), missing);
      const compared = compare(built);
      expectSame(compared);
      // The sample scores every partner and reaches several tiers: the comparison is not vacuous.
      if (missing === "skip") {
        expect(compared.prm.filter((p) => typeof p.score === "number").length).toBeGreaterThan(25);
        expect(new Set(compared.prm.map((p) => p.tier)).size).toBeGreaterThanOrEqual(4);
      } else if (missing === "error") {
        // Sample partners with a blank that has weight.
        expect(compared.prm.filter((p) => p.score === "#N/A").length).toBeGreaterThanOrEqual(2);
      }

      const fresh = withoutAddIn(built.workbook);
      // The add-in's cells no longer compute: this engine really has no PRM functions.
      const scoreColumn = built.store ? (await built.store.load()).partners!.header.indexOf("Score") : -1;
      expect(shown(fresh.cell({ sheet: "Partners", row: 1, col: scoreColumn }).value)).toBe("#NAME?");
      expect(shown(fresh.cell({ sheet: "Partners", row: 1, col: scoreColumn - 2 }).value)).toBe("#NAME?"); // Certification
      const again = compare(built, fresh);
      expect(again.copy).toEqual(compared.copy);
    },
  );

  it("gives PRM's #VALUE! for a Type that names no profile, also when the Criteria table has none", async () => {
    const tables = sampleTables(AS_OF);
    tables[0] = { ...tables[0], header: tables[0].header.slice(0, 8), rows: tables[0].rows.map((r) => r.slice(0, 8)) };
    const compared = compare(await buildWith(tables, "skip"));
    expectSame(compared);
    expect(compared.prm.every((p) => p.score === "#VALUE!")).toBe(true);
  });

  it("follows a weight and a Min score edited in the tables, as the PRM functions do", async () => {
    const built = await buildWith(sampleTables(AS_OF), "skip");
    const before = compare(built).copy;
    // Revenue's Weight (Reseller) and Gold's Min score, where the sample puts them.
    built.workbook.write({ sheet: "Scorecard", row: 1, col: 8 }, 80);
    built.workbook.write({ sheet: "Scorecard", row: 2, col: 13 }, 60);
    const after = compare(built);
    expectSame(after);
    expect(after.copy).not.toEqual(before);
  });

  it("says the Tiers table changed instead of guessing when its tiers are reordered", async () => {
    const built = await buildWith(sampleTables(AS_OF), "skip");
    // Gold's Min score above Platinum's: the baked order no longer holds.
    built.workbook.write({ sheet: "Scorecard", row: 2, col: 13 }, 95);
    const tiers = compare(built).copy.map((c) => c.tier);
    expect(tiers.filter((t) => typeof t === "string" && /Tiers table changed/.test(t)).length).toBeGreaterThan(20);
  });

  it("equals PRM.PARTNERSCORE and PRM.PARTNERTIER for random partners, weights and policies", async () => {
    const seen = { partners: 0, scored: 0, errors: new Set<unknown>(), tiers: new Set<unknown>() };
    await fc.assert(
      fc.asyncProperty(randomScorecard(), async ({ tables, missing }) => {
        const built = await buildWith(tables, missing);
        const compared = compare(built);
        expectSame(compared);
        const fresh = withoutAddIn(built.workbook);
        expect(compare(built, fresh).copy).toEqual(compared.copy);
        seen.partners += compared.rows;
        for (const { score, tier } of compared.prm) {
          if (typeof score === "number") seen.scored++;
          else seen.errors.add(score);
          seen.tiers.add(tier);
        }
      }),
      // Seeded: the coverage checks below (every tier, both errors) must not depend on the draw.
      { numRuns: 8, endOnFailure: true, seed: 20261129 },
    );
    // A few hundred partners, most scored, the rest each kind of failure, every tier reached.
    expect(seen.partners).toBeGreaterThanOrEqual(300);
    expect(seen.scored).toBeGreaterThan(seen.partners / 3);
    expect([...seen.errors]).toEqual(expect.arrayContaining(["#VALUE!", "#N/A"]));
    expect([...seen.tiers]).toEqual(expect.arrayContaining(["Platinum", "Gold", "Silver", "Registered", ""]));
  });
});

describe("the copy compares as Excel does", () => {
  /**
   * Two criteria on 0-100 with weights 1 and 3 (the sample's columns, the rest blank), the
   * partner at 80 and 52: 58.99999999999999 in doubles, 59 as Excel keeps 15 significant
   * digits (Microsoft: "Floating-point arithmetic may give inaccurate results in Excel"),
   * which is in the tier that starts at 59.
   */
  function boundaryTables(): SheetTable[] {
    const [criteria, tiers, partners] = sampleTables(AS_OF);
    const criterion = (name: string, weight: number) => {
      const row: unknown[] = criteria.header.map(() => null);
      row.splice(0, 6, name, "Capability", "range", "higher", 0, 100);
      row[criteria.header.indexOf("Weight")] = weight;
      return row;
    };
    return [
      { ...criteria, rows: [criterion("Reach", 1), criterion("Depth", 3)] },
      { ...tiers, rows: [["Gold", 59, null], ["Base", 0, null]] },
      {
        ...partners,
        header: ["Partner", "Type", "Reach", "Depth", "Score", "Tier"],
        rows: [
          ["On the boundary", null, 80, 52, "=PRM.PARTNERSCORE(C2:D2,Criteria[#All],B2)", "=PRM.PARTNERTIER(E2,Tiers[#All],C2:D2,Criteria[#All])"],
          ["Below it", null, 80, 51, "=PRM.PARTNERSCORE(C3:D3,Criteria[#All],B3)", "=PRM.PARTNERTIER(E3,Tiers[#All],C3:D3,Criteria[#All])"],
        ],
      },
    ];
  }

  it("puts a score of 58.99999999999999 in the tier that starts at 59, as PRM.PARTNERTIER does", async () => {
    const built = await buildWith(boundaryTables(), "skip");
    const compared = compare(built);
    expect(compared.prm).toEqual([
      { score: 59, tier: "Gold" },
      { score: 58.25, tier: "Base" },
    ]);
    expectSame(compared);
    expect(compared.copy.map((c) => c.tier)).toEqual(["Gold", "Base"]);
    expect(compare(built, withoutAddIn(built.workbook)).copy).toEqual(compared.copy);
  });

  /** The sample with its tiers named 1 to 4 and Revenue named 2025, typed as numbers. */
  function numberNamedTables(): SheetTable[] {
    const [criteria, tiers, partners, ...others] = sampleTables(AS_OF);
    const tierNumber = new Map(tiers.rows.map((row, i) => [row[0], tiers.rows.length - i]));
    const renamed = (text: unknown) => (typeof text === "string" ? text.replace(/\bRevenue\b(?! growth)/g, "2025") : text);
    return [
      { ...criteria, rows: criteria.rows.map((row) => (row[0] === "Revenue" ? [2025, ...row.slice(1)] : row)) },
      {
        ...tiers,
        rows: tiers.rows.map((row) => [tierNumber.get(row[0]), row[1], renamed(row[2])]),
      },
      // A table's headers are text in Excel: the Partners column is "2025".
      { ...partners, header: partners.header.map((h) => (h === "Revenue" ? "2025" : h)) },
      // The Evaluation table the sample's CERTSTATUS formulas read.
      ...others,
    ];
  }

  it("matches tiers and criteria named by numbers (a tier 1, a criterion 2025) to their text", async () => {
    const tables = numberNamedTables();
    expect(tables[1].rows.map((row) => row[0])).toEqual([4, 3, 2, 1]);
    const built = await buildWith(tables, "skip");
    const compared = compare(built);
    expectSame(compared);
    // Every partner is scored and tiered: no "Tiers table changed" text, no #VALUE!.
    expect(compared.prm.every((p) => typeof p.score === "number")).toBe(true);
    expect(new Set(compared.copy.map((c) => c.tier))).toEqual(new Set(["4", "3", "2", "1"]));
  });

  it("reads an expiry of 0 (an older build's blank) as no certification, as PRM.CERTSTATUS does", async () => {
    const tables = sampleTables(AS_OF);
    const partners = tables[2];
    const expiry = partners.header.indexOf("Cert expiry");
    const certification = partners.header.indexOf("Certification");
    // The sample's first partner, certified and Active, with its expiry 0.
    partners.rows[0][expiry] = 0;
    const built = await buildWith(tables, "skip");
    expect(shown(built.workbook.cell({ sheet: "Partners", row: 1, col: certification }).value)).toBe("None");
    const compared = compare(built);
    expectSame(compared);
    const copyRow = copyLayout(built.copy).firstRow;
    const status = built.copy.cells[copyRow - 1].indexOf("Certification (CERTSTATUS)");
    expect(shown(built.workbook.cell({ sheet: COPY_SHEET, row: copyRow, col: status }).value)).toBe("None");
  });
});

// ---- random scorecards: the sample's criteria and a yes/no one, random weights and partners ----

const SAMPLE = sampleTables(AS_OF);
const [SAMPLE_CRITERIA, SAMPLE_TIERS, SAMPLE_PARTNERS] = SAMPLE;
const AGREEMENT = "Signed agreement";
/** The sample's criteria plus a yes/no criterion, so that every method is scored. */
const CRITERIA_ROWS = [...SAMPLE_CRITERIA.rows, [AGREEMENT, "Capability", "yesno", null, null, null, null, 5, 5, 5]];
/** The sample's tiers, with requirements on the yes/no criterion both ways. */
const TIER_ROWS = SAMPLE_TIERS.rows.map((row) =>
  row[0] === "Gold"
    ? [row[0], row[1], `${row[2]}; ${AGREEMENT} = Yes`]
    : row[0] === "Silver"
      ? [row[0], row[1], `${AGREEMENT} <> No`]
      : row,
);
const CRITERION_COUNT = CRITERIA_ROWS.length;

/** A partner value for a criterion of the sample's kind, blanks and junk included. */
function valueFor(row: unknown[]): fc.Arbitrary<unknown> {
  const method = row[2] as string;
  const missing = fc.constantFrom<unknown>(null, "", "n/a", "NA", " - ", '=""', "=NA()", "=1/0");
  const junk = fc.constantFrom<unknown>("lots", true, "12");
  const typical: fc.Arbitrary<unknown> =
    method === "rating"
      ? fc
          .constantFrom(...(row[6] as string).split(";").map((p) => p.split("=")[0].trim()))
          .chain((label) => fc.constantFrom(label, label.toUpperCase(), ` ${label.toLowerCase()} `))
      : method === "yesno"
        ? fc.constantFrom<unknown>("Yes", "no", " Y ", "n", true, false, 1, 0, "TRUE", "maybe", 2)
        : fc.oneof(
            fc.integer({ min: -10, max: Math.round((row[5] as number) * 1.3) }),
            fc.double({ min: -5, max: (row[5] as number) * 1.2, noNaN: true }),
          );
  return fc.oneof({ weight: 14, arbitrary: typical }, { weight: 4, arbitrary: missing }, { weight: 1, arbitrary: junk });
}

const TYPES = fc.constantFrom<unknown>("Reseller", "Influencer", " reseller ", "INFLUENCER", null, "", "default", "Distributor");

/** A certification's expiry: a serial around today, none, ISO text (real or not), or junk. */
const EXPIRY = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -200, max: 400 }).map((d): unknown => todaySerial() + d) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "n/a", "=NA()") },
  { weight: 2, arbitrary: fc.constantFrom<unknown>("2031-02-28", "2020-06-30", " 2027-01-15 ", "2026-02-30", "soon", -3) },
);

/** Where the Certification criterion's value comes from: PRM.CERTSTATUS of the expiry, mostly. */
const CERTIFICATION = "Certification";
const CERT_INDEX = CRITERIA_ROWS.findIndex((row) => row[0] === CERTIFICATION);

/**
 * The Partners table: name, Type, one column per criterion, Cert expiry, then PRM's Score and
 * Tier. Every other row refers to its cells as a formula typed in an Excel table does
 * (`[@[Cert expiry]]`, `Partners[@[Revenue]:[...]]`), the others by A1 address.
 */
function partnersTable(partners: [unknown, unknown[], unknown, boolean][]): SheetTable {
  const letter = (i: number) => String.fromCharCode(65 + i);
  const last = letter(1 + CRITERION_COUNT);
  const expiryColumn = letter(2 + CRITERION_COUNT);
  const scoreColumn = letter(3 + CRITERION_COUNT);
  const names = CRITERIA_ROWS.map((row) => row[0] as string);
  const thisRowValues = `[@[${names[0]}]:[${names[names.length - 1]}]]`;
  return {
    ...SAMPLE_PARTNERS,
    header: ["Partner", "Type", ...names, "Cert expiry", "Score", "Tier"],
    rows: partners.map(([type, values, expiry, certStatus], p) => {
      const r = p + 2;
      const structured = p % 2 === 1;
      const range = structured ? `Partners${thisRowValues}` : `C${r}:${last}${r}`;
      const row = [...values];
      if (certStatus) row[CERT_INDEX] = `=PRM.CERTSTATUS(${structured ? "[@[Cert expiry]]" : `${expiryColumn}${r}`})`;
      return [
        `Partner ${p + 1}`,
        type,
        ...row,
        expiry,
        `=PRM.PARTNERSCORE(${range},Criteria[#All],${structured ? "[@Type]" : `B${r}`})`,
        `=PRM.PARTNERTIER(${structured ? "[@Score]" : `${scoreColumn}${r}`},Tiers[#All],${structured ? thisRowValues : range},Criteria[#All])`,
      ];
    }),
  };
}

function randomScorecard(): fc.Arbitrary<{ tables: SheetTable[]; missing: MissingPolicy }> {
  const weights = fc.array(
    fc.tuple(
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.1, max: 30, noNaN: true })),
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 40 }),
    ),
    { minLength: CRITERION_COUNT, maxLength: CRITERION_COUNT },
  );
  // Random values rarely add up to a top tier: some partners are the sample's best, near-complete.
  const best = [...SAMPLE_PARTNERS.rows[0].slice(2, 2 + SAMPLE_CRITERIA.rows.length), "Yes"];
  best[CERT_INDEX] = "Active";
  const strong = fc
    .tuple(...best.map((v) => fc.oneof({ weight: 9, arbitrary: fc.constant(v) }, { weight: 1, arbitrary: fc.constant(null) })))
    .map((values) => values as unknown[]);
  const partner = fc.tuple(
    TYPES,
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...CRITERIA_ROWS.map(valueFor)).map((v) => v as unknown[]) },
      { weight: 1, arbitrary: strong },
    ),
    EXPIRY,
    fc.boolean(),
  );
  return fc
    .record({
      weights,
      partners: fc.array(partner, { minLength: 40, maxLength: 60 }),
      missing: fc.constantFrom<MissingPolicy>("skip", "skip", "zero", "error"),
    })
    .map(({ weights: w, partners, missing }) => ({
      tables: [
        { ...SAMPLE_CRITERIA, rows: CRITERIA_ROWS.map((row, i) => [...row.slice(0, 7), ...w[i]]) },
        { ...SAMPLE_TIERS, rows: TIER_ROWS },
        partnersTable(partners),
      ],
      missing,
    }));
}
