/**
 * Hostile, Excel-shaped input through the built bundle and the test host (the "functions
 * under fuzz"): ranges up to 100,000 cells, mixed numbers, text, booleans and blanks,
 * CustomFunctions error values inside ranges, 32,000-character strings, Unicode and
 * right-to-left names, text that starts with `=`, `+`, `-` or `@`. Every cell a call shows must
 * be what its function promises (a score 0-100, a tier name from the tiers given, a status
 * word...) or an Excel error that carries a message; the host turns anything else that escapes
 * (a throw, NaN, null, a bad shape) into a HostError, which fails the property.
 *
 * junk.property.test.ts throws short junk at every argument; this file builds tables that pass
 * validation, so the hostile cells reach the scoring itself. Seeded and bounded: the same runs
 * every time, in a few seconds.
 */
import fc from "fast-check";
import { BLANK, ExcelError, ErrorCode, type Argument, type Cell, type CallResult, type Shown } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

const hosts = [loadBuiltFunctions({ blankAs: null }), loadBuiltFunctions({ blankAs: 0 }), loadBuiltFunctions({ blankAs: "" })];
const SEED = 20261129;

/**
 * A hang guard, not a speed measurement (the benchmarks measure speed): a call over 100,000
 * cells takes milliseconds, so only a runaway loop or a quadratic blow-up gets near this.
 */
const boundMs = (cells: number) => 10_000 + cells * 0.1;

// ---- hostile text ----
const LONG = 32_000; // Excel keeps up to 32,767 characters in a cell
const formulaLike = fc.constantFrom("=1+1", "=HYPERLINK(\"http://x\")", "+SUM(A1:A9)", "-2+3", "@SUM(1)", "=cmd|' /C calc'!A0", "@", "=", "+", "-");
const unicodeName = fc.constantFrom(
  "إيرادات", // Arabic, right-to-left
  "הכנסות", // Hebrew, right-to-left
  "\u202Eeunever", // a right-to-left override
  "Umsatz\u200B", // a zero-width space
  "Cafe\u0301", // a combining accent
  "收入 🚀",
  "👩‍💻 partners",
  "Ünïcödé",
  "\uFEFFRevenue", // a byte-order mark
  " Revenue ",
  "<img src=x onerror=alert(1)>",
  "</script>"
);
const longText = fc.tuple(fc.string({ minLength: 1, maxLength: 6, unit: "grapheme" }), fc.constantFrom("", "=", "+", "@")).map(([seed, lead]) => (lead + seed.repeat(Math.ceil(LONG / seed.length))).slice(0, LONG));
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 16, unit: "grapheme" }),
  fc.string({ maxLength: 16, unit: "binary" }),
  formulaLike,
  unicodeName,
  longText,
  fc.constantFrom("n/a", "-", "", " ", "High", "Low", "Yes", "No", "TRUE", "1e309", "0x10", "1,5", "50%", "2026-02-30")
);

// ---- cells ----
const excelError = fc.tuple(fc.constantFrom(...Object.values(ErrorCode)), fc.option(hostileText, { nil: undefined })).map(([code, message]) => new ExcelError(code, message));
const number = fc.oneof(fc.integer({ min: -1000, max: 2_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 100, 100.0000001, -1e-12));
const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: number },
  { weight: 3, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom<Cell>(BLANK, null) },
  { weight: 1, arbitrary: excelError }
);

/** A partner's cell: mostly what a criterion can read, often hostile, so both paths run. */
const partnerCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 2_000_000 }) },
  { weight: 2, arbitrary: fc.constantFrom<Cell>("Yes", "No", "High", "Low", true, "n/a", BLANK) },
  { weight: 1, arbitrary: hostileCell }
);

/** A criterion name that passes validation: any hostile text that is not blank. */
const criterionName = fc.oneof(unicodeName, formulaLike, longText, fc.string({ minLength: 1, maxLength: 12, unit: "grapheme" })).filter((s) => s.trim() !== "");

/** A Criteria[#All] that validates (unique names, known methods), so scoring really runs. */
const criteriaTable = fc.uniqueArray(criterionName, { minLength: 1, maxLength: 12, selector: (s) => s.trim().toLowerCase() }).chain((names) =>
  fc
    .tuple(
      ...names.map((name) =>
        fc.oneof(
          fc.tuple(fc.constantFrom("range", "target"), fc.constantFrom("higher", "lower", null), fc.integer({ min: -100, max: 0 }), fc.integer({ min: 1, max: 1_000_000 })).map(([method, better, min, max]): Cell[] => [name, method, better, min, max, null]),
          fc.constant<Cell[]>([name, "rating", null, null, null, `Low=0; ${name.includes(";") || name.includes("=") ? "Mid" : name}=50; High=100`]),
          fc.constant<Cell[]>([name, "yesno", null, null, null, null])
        ).chain((row) => fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([w, wi]) => [...row, w, wi]))
      )
    )
    .map((rows): Cell[][] => [["Criterion", "Method", "Better", "Min", "Max", "Scale", "Weight", `Weight (${names[0].trim()})`], ...rows])
);

/** Partner rows, as many as fit in `cells` (up to 100,000 cells), tiled from a few random rows. */
function partnerRows(columns: number, maxCells: number): fc.Arbitrary<Cell[][]> {
  return fc
    .tuple(fc.array(fc.array(partnerCell, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: Math.max(1, Math.floor(maxCells / columns)) }))
    .map(([pattern, rows]) => Array.from({ length: rows }, (_, r) => pattern[r % pattern.length]));
}

const tiersTable: fc.Arbitrary<Cell[][]> = fc
  .uniqueArray(fc.tuple(criterionName, fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 6, selector: ([n]) => n.trim().toLowerCase() })
  .map((tiers) => [["Tier", "Min score", "Requires"], ...tiers.map(([name, min]): Cell[] => [name, min, null])]);

// ---- what each function may show ----
const errorCheck = (where: string, cell: Shown) => {
  if (!(cell instanceof ExcelError)) return false;
  if (!cell.message || cell.message.trim() === "") throw new Error(`${where}: ${cell.code} without a message`);
  if (cell.message.length > 255) throw new Error(`${where}: a message of ${cell.message.length} characters`);
  return true;
};
const inRange = (cell: Shown, low: number, high: number) => typeof cell === "number" && cell >= low && cell <= high;
const cellsOf = (result: CallResult): Shown[] => (Array.isArray(result) ? result.flat() : [result]);

/** Every cell of a PARTNERSCORE (or NORMALIZE) result: a score 0-100, "" for a row without data, or an error with a message. */
function expectScores(name: string, result: CallResult): void {
  for (const cell of cellsOf(result)) if (!errorCheck(name, cell) && cell !== "" && !inRange(cell, 0, 100)) throw new Error(`${name} showed ${String(cell)}`);
}

/** Every cell of a PARTNERTIER result: one of the given tier names, "", or an error with a message. */
function expectTiers(result: CallResult, tiers: Cell[][]): void {
  const names = new Set(tiers.slice(1).map((row) => String(row[0]).trim()));
  for (const cell of cellsOf(result)) {
    if (errorCheck("PRM.PARTNERTIER", cell) || cell === "") continue;
    if (typeof cell !== "string" || !names.has(cell.trim())) throw new Error(`PRM.PARTNERTIER showed ${String(cell)}, not a tier name`);
  }
}

/**
 * Runs a call under the hang guard; `cells` is how many cells its arguments hold. Only the
 * function is timed: the host's making of its arguments (JSON written and parsed, as Excel's
 * runtime does) is Excel's work, not the bundle's, and took as long again under load.
 */
function timedCall(host: (typeof hosts)[number], name: string, cells: number, ...args: Argument[]): CallResult {
  const passed = host.argumentsFor(name, ...args);
  if (passed instanceof ExcelError) return passed;
  const started = performance.now();
  const result = host.invoke(name, passed);
  const took = performance.now() - started;
  if (took > boundMs(cells)) throw new Error(`${name} took ${took.toFixed(0)} ms over ${cells} cells`);
  return result;
}

const size = (...ranges: Cell[][][]) => ranges.reduce((n, r) => n + r.length * r[0].length, 0);

describe("hostile input through the built functions", () => {
  test("PARTNERSCORE, NORMALIZE and PARTNERTIER over valid tables and hostile partner cells", () => {
    let scored = 0;
    fc.assert(
      fc.property(
        criteriaTable.chain((criteria) => fc.tuple(fc.constant(criteria), partnerRows(criteria.length - 1, 2_000), tiersTable, fc.nat(2), fc.constantFrom(null, "skip", "zero", "error"), fc.option(hostileText, { nil: null }))),
        ([criteria, values, tiers, h, missing, profile]) => {
          const host = hosts[h];
          const cells = size(criteria, values);
          const scores = timedCall(host, "PRM.PARTNERSCORE", cells, values, criteria, profile, missing);
          expectScores("PRM.PARTNERSCORE", scores);
          scored += cellsOf(scores).filter((c) => typeof c === "number").length;
          if (Array.isArray(scores)) {
            const scoreColumn = scores.map(([s]): Cell[] => [s]);
            expectTiers(timedCall(host, "PRM.PARTNERTIER", cells, scoreColumn, tiers, values, criteria), tiers);
          }
          const column = values.map((row) => [row[0]]);
          expectScores("PRM.NORMALIZE", timedCall(host, "PRM.NORMALIZE", cells, column, criteria, String(criteria[1][0])));
        }
      ),
      { seed: SEED, numRuns: 200 }
    );
    // The hostile cells must not stop everything at an error: scoring itself has to run.
    expect(scored).toBeGreaterThan(1000);
  });

  test("ranges up to 100,000 cells end within the bound with scores or errors", () => {
    fc.assert(
      fc.property(criteriaTable, fc.nat(2), (criteria, h) => {
        const columns = criteria.length - 1;
        // Generated once, then tiled: random content, and 100,000 cells without 100,000 draws.
        const values = fc.sample(partnerRows(columns, 100_000), { seed: SEED + h, numRuns: 1 })[0];
        const rows = Math.floor(100_000 / columns);
        const big = Array.from({ length: rows }, (_, r) => values[r % values.length]);
        const result = timedCall(hosts[h], "PRM.PARTNERSCORE", size(big, criteria), big, criteria);
        expectScores("PRM.PARTNERSCORE", result);
        if (Array.isArray(result)) expect(result).toHaveLength(rows);
      }),
      { seed: SEED, numRuns: 6 }
    );
  });

  test("a whole 100,000-cell range of hostile cells as criteria, values or tiers", () => {
    const blob = fc.sample(partnerRows(10, 100_000), { seed: SEED, numRuns: 1 })[0];
    const wide = Array.from({ length: 10_000 }, (_, r) => blob[r % blob.length]);
    for (const host of hosts) {
      for (const name of host.functionNames) {
        // Every range parameter gets the whole range; a single-cell one gets a criterion's name.
        const args = host
          .metadataOf(name)
          .parameters.filter((p) => !p.optional)
          .map((p): Argument => (p.dimensionality === "matrix" ? wide : "Revenue"));
        const result = timedCall(host, name, 100_000 * args.length, ...args);
        for (const cell of cellsOf(result)) if (cell instanceof ExcelError) errorCheck(name, cell);
      }
    }
  });

  test("every function, any hostile argument: a value of the promised kind or an error with a message", () => {
    const argument: fc.Arbitrary<Argument> = fc.oneof(hostileCell, partnerRows(6, 60), criteriaTable, tiersTable);
    const names = hosts[0].functionNames;
    fc.assert(
      fc.property(fc.nat(names.length - 1), fc.nat(2), fc.array(argument, { minLength: 4, maxLength: 4 }), (f, h, args) => {
        const name = names[f];
        const parameters = hosts[h].metadataOf(name).parameters;
        const given = args.slice(0, parameters.length);
        const result = timedCall(hosts[h], name, 1_000, ...given);
        // Where a single-cell parameter gets an error cell or a range, Excel itself shows an
        // error without a message and never calls the function (the host does the same).
        const excelRefuses = parameters.some((p, i) => p.dimensionality !== "matrix" && (given[i] instanceof ExcelError || (Array.isArray(given[i]) && (given[i].length > 1 || given[i][0].length > 1 || given[i][0][0] instanceof ExcelError))));
        if (excelRefuses && result instanceof ExcelError) return;
        for (const cell of cellsOf(result)) {
          if (cell instanceof ExcelError) {
            errorCheck(name, cell);
            continue;
          }
          expect(["number", "string", "boolean"]).toContain(typeof cell);
          if (name === "PRM.PARTNERSCORE" || name === "PRM.NORMALIZE") expectScores(name, [[cell]]);
          if (name === "PRM.CERTSTATUS") expect(["Active", "Expiring", "Expired", "None"]).toContain(cell);
          if (name === "PRM.AHPWEIGHTS") expect(inRange(cell, 0, Number.MAX_VALUE)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 1500 }
    );
  });
});
