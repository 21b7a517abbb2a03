/**
 * A spilling PRM.PARTNERSCORE, run by the built bundle through the host, gives every row
 * what scoring that row alone cell by cell gives (test/core/cellByCellScore.ts): the same
 * number, a blank for a row without values, or the same error with the same message, for
 * any mix of good, junk and empty rows, per-row profiles, every missing-data policy and
 * every way Excel passes a blank. The spill reads each row into one reused typed row, so a
 * row after an error or a blank row must not see the values of the row before it.
 * Also: the bundle never writes into its arguments, so the host's marshalRanges switch off
 * (the caller's rows passed without a copy) reads the same as Excel's parsed arrays (see
 * CustomFunctionsHost.rangeArgument).
 */
import fc from "fast-check";
import { CellError, catchCellError, readCriteria, relativeWeights, resolveProfile, type MissingPolicy } from "../../src/core";
import { cellByCellScore, TABLE as SCORING_TABLE } from "../core/cellByCellScore";
import { BLANK, ExcelError, type Cell } from "../../src/host/customFunctionsHost";
import { loadBuiltFunctions } from "../../src/host/loadBuild";
import { CRITERIA, STRONG, TIERS, WEAK } from "../fixtures";

const TABLE = SCORING_TABLE as Cell[][];
const { model } = readCriteria(TABLE);

const cell = fc.oneof(
  fc.integer({ min: -100, max: 1200 }),
  fc.double({ min: -10, max: 2000, noNaN: true }),
  fc.constantFrom<Cell>(BLANK, null, "", "n/a", "-", "Low", "HIGH", "medium ", "Yes", "no", "Y", true, false, "junk", new ExcelError("#N/A")),
);

/**
 * What Excel shows for a row scored alone: the number, "" for no score, or the error. The
 * profile cell is as the function receives it (an omitted profile arrives as null).
 */
function expectedCell(row: Cell[], profile: Cell, missing: MissingPolicy, blankAs: null | 0 | ""): unknown {
  const passed = row.map((c) => (c === BLANK ? blankAs : c));
  const result = catchCellError(() => {
    const name = profile === null || profile === "" ? "" : String(profile).trim();
    return cellByCellScore(passed, model, relativeWeights(model, resolveProfile(model, name)), missing);
  });
  if (result instanceof CellError) return new ExcelError(result.kind === "na" ? "#N/A" : "#VALUE!", result.message);
  return result ?? "";
}

describe.each([null, 0, ""] as const)("blank cells passed as %p", (blankAs) => {
  const host = loadBuiltFunctions({ blankAs });

  test("a spill gives each row what scoring it alone cell by cell gives", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom<MissingPolicy>("skip", "zero", "error"),
        fc.option(fc.constantFrom<Cell>("P", "p", BLANK, "Nope"), { nil: undefined }),
        fc.boolean(),
        (rows, missing, profile, perRow) => {
          const profiles: Cell[] = rows.map((_, r) => (perRow && r % 2 === 1 ? "P" : (profile ?? BLANK)));
          const argument = perRow ? profiles.map((p) => [p]) : profile;
          const received = (p: Cell) => (perRow || profile !== undefined ? (p === BLANK ? blankAs : p) : null);
          const result = host.call("PRM.PARTNERSCORE", rows, TABLE, argument, missing);
          expect(result).toEqual(rows.map((row, r) => [expectedCell(row, received(profiles[r]), missing, blankAs)]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Freezes a range and its rows: a write into them then throws (the bundle runs in strict mode) or is lost. */
function frozen(range: Cell[][]): Cell[][] {
  return Object.freeze(range.map((row) => Object.freeze([...row]))) as Cell[][];
}

test("no function writes into its arguments, so Excel-shaped ranges need no copy", () => {
  // Ranges passed as they are, not parsed anew, so that the frozen arrays reach the bundle.
  const host = loadBuiltFunctions({ marshalRanges: false });
  const criteria = (CRITERIA as Cell[][]).map((row) => row.map((c) => c ?? null));
  const tiers = TIERS as Cell[][];
  const values = [STRONG, WEAK, [null, null, null, null, null, null]] as Cell[][];
  const calls: [string, Cell[][][]][] = [
    ["PRM.PARTNERSCORE", [values, criteria, [["Influencer"], [null], [null]]]],
    ["PRM.SCOREBREAKDOWN", [[STRONG as Cell[]], criteria]],
    ["PRM.NORMALIZE", [[["Low"], ["High"], [null]], criteria]],
    ["PRM.PARTNERTIER", [[[91.5], [40], [null]], tiers, values, criteria]],
    ["PRM.NEXTTIER", [[[60], [95], [null]], tiers, values, criteria]],
    ["PRM.CERTSTATUS", [[[46000], [null]]]],
    ["PRM.AHPWEIGHTS", [[[1, 3], [null, 1]]]],
  ];
  const scalars: Record<string, Cell[]> = { "PRM.NORMALIZE": ["Accreditation"], "PRM.CERTSTATUS": [45900] };
  for (const [name, ranges] of calls) {
    const args = (shared: (r: Cell[][]) => Cell[][]) => [...ranges.map(shared), ...(scalars[name] ?? [])];
    const plain = host.call(name, ...args((r) => r.map((row) => [...row])));
    expect(plain).not.toBeInstanceOf(ExcelError);
    expect(host.call(name, ...args(frozen))).toEqual(plain);
  }
});

test("every function returns new rows on every call, so the browser workbook can hand them to HyperFormula", () => {
  // The preview passes a spill's rows to HyperFormula without a copy (cellConversion.ts,
  // resultOf), which keeps them and may pad or change them: a result shared between two calls
  // (a memoised array) would then change another cell's result.
  const host = loadBuiltFunctions();
  const criteria = (CRITERIA as Cell[][]).map((row) => row.map((c) => c ?? null));
  const tiers = TIERS as Cell[][];
  const values = [STRONG, WEAK] as Cell[][];
  const calls: [string, unknown[]][] = [
    ["PRM.PARTNERSCORE", [values, criteria]],
    ["PRM.SCOREBREAKDOWN", [[STRONG as Cell[]], criteria]],
    ["PRM.NORMALIZE", [[["Low"], ["High"]], criteria, "Accreditation"]],
    ["PRM.PARTNERTIER", [[[91.5], [40]], tiers]],
    ["PRM.NEXTTIER", [[[60], [95]], tiers]],
    ["PRM.CERTSTATUS", [[[46000], [45000]], 45900]],
    ["PRM.TIERREVIEW", [[["Gold"], ["Silver"]], [["Gold"], ["Gold"]], tiers]],
    ["PRM.AHPWEIGHTS", [[[1, 3], [null, 1]]]],
  ];
  expect(calls.map(([name]) => name).sort()).toEqual(host.functionNames.slice().sort());
  for (const [name, args] of calls) {
    const first = host.call(name, ...(args as Cell[][][]));
    const second = host.call(name, ...(args as Cell[][][]));
    expect(Array.isArray(first)).toBe(true);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    (second as unknown[][]).forEach((row, r) => expect(row).not.toBe((first as unknown[][])[r]));
  }
});

describe("a tier spill", () => {
  const host = loadBuiltFunctions();
  const criteria = (CRITERIA as Cell[][]).map((row) => row.map((c) => c ?? null));
  const tiers = TIERS as Cell[][];
  const score = fc.oneof(
    fc.double({ min: -5, max: 105, noNaN: true }),
    fc.constantFrom<Cell>(BLANK, "", "n/a", "junk", 70, 84.99999999999999, 50, true, new ExcelError("#N/A")),
  );
  const partner = fc.constantFrom<Cell[]>(STRONG as Cell[], WEAK as Cell[], ["x", 2, "Medium", 5, 1, "No"]);

  // tierRows reads every score in one loop with one try and its partner by index: each row
  // must show what the same function over that score (and partner) alone shows, errors included.
  test.each(["PRM.PARTNERTIER", "PRM.NEXTTIER"])("%s gives each row what the function over that row alone gives", (name) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(score, partner), { minLength: 1, maxLength: 25 }), fc.boolean(), (rows, withValues) => {
        const scores = rows.map(([s]) => [s]);
        const values = rows.map(([, p]) => p);
        const extra = (v: Cell[][]) => (withValues ? [v, criteria] : []);
        const spilled = host.call(name, scores, tiers, ...extra(values));
        expect(spilled).toEqual(rows.map(([s, p]) => (host.call(name, [[s]], tiers, ...extra([p])) as unknown[][])[0]));
      }),
      { numRuns: 200 },
    );
  });
});
