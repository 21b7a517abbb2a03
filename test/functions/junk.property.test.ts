/**
 * Random junk into every PRM function of the built bundle: the result is always a value or an
 * Excel error. The host throws HostError for anything else (a thrown TypeError, NaN, Infinity,
 * null in a cell, a result of the wrong shape), which fails the property.
 */
import fc from "fast-check";
import { BLANK, ExcelError, type Argument, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import { CRITERIA, STRONG, TIERS, WEAK } from "../fixtures";

const hosts = [loadBuiltFunctions({ blankAs: null }), loadBuiltFunctions({ blankAs: 0 }), loadBuiltFunctions({ blankAs: "" })];

const junkCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(BLANK),
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("n/a", "-", "High", "Low", "Yes", "Criterion", "Min score", "Weight", "1/3", "2026-01-31", "range", "Accreditation >= High"),
  fc.boolean(),
  fc.double(), // includes NaN, Infinity and -0, which Excel never sends but a bug might
  fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324, 0, 100, 101, -1),
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#REF!").map((code) => new ExcelError(code as ExcelError["code"]))
);

const junkRange = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, columns]) => fc.array(fc.array(junkCell, { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }));

/** Real tables with junk written into some cells: the interesting failures are near-valid. */
const damagedTable = (table: unknown[][]) =>
  fc.array(fc.tuple(fc.nat(table.length - 1), fc.nat(table[0].length - 1), junkCell), { maxLength: 3 }).map((edits) => {
    const copy = table.map((row) => [...row]) as Cell[][];
    for (const [r, c, cell] of edits) copy[r][c] = cell;
    return copy;
  });

/** Partner rows with a few cells replaced by junk. */
const damagedRows = damagedTable([STRONG, WEAK]);

const argument: fc.Arbitrary<Argument> = fc.oneof(
  fc.constant(undefined),
  junkCell,
  junkRange,
  damagedTable(CRITERIA),
  damagedTable(TIERS),
  damagedRows
);

describe("junk into every function", () => {
  test("gives a value or an Excel error, never a throw, NaN, null or a bad shape", () => {
    const names = hosts[0].functionNames;
    fc.assert(
      fc.property(fc.nat(names.length - 1), fc.nat(2), fc.array(argument, { minLength: 1, maxLength: 4 }), (f, h, args) => {
        const name = names[f];
        const arity = hosts[h].metadataOf(name).parameters.length;
        const result = hosts[h].call(name, ...args.slice(0, arity));
        if (name === "PRM.PARTNERSCORE" && Array.isArray(result)) {
          for (const [score] of result) {
            if (typeof score === "number") expect(score >= 0 && score <= 100).toBe(true);
          }
        }
      }),
      { numRuns: 3000 }
    );
  });

  test("a valid table with junk in its cells: PARTNERSCORE stays in 0-100 or errs", () => {
    fc.assert(
      fc.property(damagedTable(CRITERIA), damagedRows, (criteria, values) => {
        const result = hosts[0].call("PRM.PARTNERSCORE", values, criteria);
        // A bad table errs the whole formula; otherwise the one row spills its score or error.
        for (const score of Array.isArray(result) ? result.flat() : [result]) {
          if (typeof score === "number") expect(score >= 0 && score <= 100).toBe(true);
          else expect(score === "" || score instanceof ExcelError).toBe(true);
        }
      }),
      { numRuns: 2000 }
    );
  });
});
