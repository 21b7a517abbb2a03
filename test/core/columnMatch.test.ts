/**
 * Matching a partner's values to the criteria (DESIGN section 3): by position, or by the
 * values' header names, ignoring case and surrounding spaces.
 */
import fc from "fast-check";
import {
  arrangeRow,
  CellError,
  catchCellError,
  planByName,
  planByPosition,
} from "../../src/core";

const CRITERIA = ["Revenue", "Growth", "Accreditation"];

function errorOf(f: () => unknown): CellError {
  const error = catchCellError(f);
  expect(error).toBeInstanceOf(CellError);
  return error as CellError;
}

describe("planByName", () => {
  test("finds each criterion's column whatever the order, case and surrounding spaces", () => {
    expect(
      planByName(CRITERIA, [" accreditation", "Notes", "REVENUE ", "Growth"]),
    ).toEqual([2, 3, 0]);
  });

  test("a criterion without a column reads -1 (missing data); extra and blank headers are ignored", () => {
    const plan = planByName(CRITERIA, ["Growth", null, "Revenue", "Score"]);
    expect(plan).toEqual([2, 0, -1]);
    expect(arrangeRow([5, "x", 900, 70], plan)).toEqual([900, 5, null]);
  });

  test("a criterion named like a number matches its header typed as a number", () => {
    expect(planByName(["2025", "Growth"], ["Growth", 2025])).toEqual([1, 0]);
  });

  test("a header that names a criterion twice is a #VALUE! naming it; a repeated unrelated header is not", () => {
    const error = errorOf(() =>
      planByName(CRITERIA, ["Revenue", "Growth", "revenue "]),
    );
    expect(error.kind).toBe("value");
    expect(error.message).toBe(
      'names has the header "revenue " twice (columns 1 and 3): a criterion must have one column',
    );
    expect(planByName(CRITERIA, ["Notes", "Revenue", "Notes"])).toEqual([
      1, -1, -1,
    ]);
  });

  test("headers that name no criterion at all are a #VALUE!, not a blank score", () => {
    expect(
      errorOf(() => planByName(CRITERIA, ["Partner", "Type"])).message,
    ).toBe(
      "none of the names (Partner, Type) is a criterion; the criteria are Revenue, Growth, Accreditation",
    );
  });
});

describe("property: matching by name equals matching by position when the columns are in criteria order", () => {
  // "NA" and "n/a" mark a blank cell to every reader (core/cell.ts), a criterion's name and a
  // header alike (the Criteria table calls a criterion named NA blank): no such name.
  const names = fc.uniqueArray(
    fc
      .stringMatching(/^[A-Za-z][A-Za-z ]{0,10}[A-Za-z]$/)
      .filter((name) => name.trim().toLowerCase() !== "na"),
    {
      minLength: 1,
      maxLength: 10,
      selector: (s) => s.toLowerCase(),
    },
  );
  const cell = fc.oneof(
    fc.double({ noNaN: true }),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
  );

  test("same plan, same arranged row", () => {
    fc.assert(
      fc.property(
        names.chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(cell, { minLength: n.length, maxLength: n.length }),
            fc.boolean(),
          ),
        ),
        ([criteria, row, shout]) => {
          // The headers as a user may type them: another case, padded with spaces.
          const headers = criteria.map((c) =>
            shout ? ` ${c.toUpperCase()} ` : c,
          );
          const byName = planByName(criteria, headers);
          expect(byName).toEqual(planByPosition(criteria.length));
          expect(arrangeRow(row, byName)).toEqual(row);
        },
      ),
    );
  });

  test("shuffled columns under their headers arrange back to criteria order", () => {
    fc.assert(
      fc.property(
        names.chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(cell, { minLength: n.length, maxLength: n.length }),
            fc.shuffledSubarray(
              n.map((_, i) => i),
              { minLength: n.length },
            ),
          ),
        ),
        ([criteria, row, order]) => {
          const headers = order.map((i) => criteria[i]);
          const shuffled = order.map((i) => row[i]);
          expect(arrangeRow(shuffled, planByName(criteria, headers))).toEqual(
            row,
          );
        },
      ),
    );
  });
});
