/**
 * What set-up proposes for each column of a user's list (issue 21 item 1): numbers as range
 * (Min/Max from the 5th-95th percentiles, rounded outward), a direction from the header, few
 * texts as rating in a known order, yes/no, expiry dates. Properties over random columns.
 */
import fc from "fast-check";
import {
  betterFor,
  guessColumn,
  labelsOf,
  percentile,
  rangeOf,
  roundOutward,
  spreadPoints,
} from "../../../src/programme/setup/inferColumn";
import { AS_OF } from "./partnerList";

describe("guessColumn", () => {
  test("numbers become a range; tickets, cost, days and churn are better lower", () => {
    expect(guessColumn("Revenue", [100, 200, 300])).toEqual({
      kind: "range",
      min: 100,
      max: 300,
      better: "higher",
    });
    for (const header of [
      "Support tickets",
      "Cost to serve",
      "Days to quote",
      "Churn %",
    ])
      expect(guessColumn(header, [1, 2, 3])).toMatchObject({
        kind: "range",
        better: "lower",
      });
    expect(betterFor("Deal registrations")).toBe("higher");
  });

  test("numbers stored as text and missing markers still make a range", () => {
    expect(
      guessColumn("Revenue", [100, "200", " 1,300 ", "n/a", null, ""]),
    ).toMatchObject({ kind: "range", min: 100 });
  });

  test("a few distinct texts become a rating, in a known order when there is one", () => {
    expect(
      guessColumn("Accreditation", [
        "Gold",
        "silver",
        "Platinum",
        "None",
        "Gold ",
        "Silver",
      ]),
    ).toEqual({
      kind: "rating",
      labels: ["None", "silver", "Gold", "Platinum"],
    });
    // No known order: the order of first appearance.
    expect(guessColumn("Region", ["North", "South", "North", "East"])).toEqual({
      kind: "rating",
      labels: ["North", "South", "East"],
    });
  });

  test("yes/no and TRUE/FALSE become yesno; expiry dates become a certification", () => {
    expect(
      guessColumn("Managed services", ["Yes", "no", "Y", true, null]),
    ).toEqual({ kind: "yesno" });
    expect(guessColumn("Cert expiry", [AS_OF, AS_OF + 40, ""])).toEqual({
      kind: "expiry",
    });
    // The same numbers under another header are a range, not dates.
    expect(guessColumn("Revenue", [AS_OF, AS_OF + 40])).toMatchObject({
      kind: "range",
    });
  });

  test("names (one per row), too many labels and empty columns cannot be scored", () => {
    expect(guessColumn("Partner", ["A", "B", "C"])).toEqual({ kind: "text" });
    expect(
      guessColumn(
        "Notes",
        "abcdefghij".split("").flatMap((c) => [c, c]),
      ),
    ).toEqual({ kind: "text" });
    expect(guessColumn("Empty", [null, "", "n/a"])).toEqual({ kind: "text" });
  });
});

describe("properties", () => {
  // Business figures: to the cent (denormal doubles are no one's revenue).
  const figure = fc
    .double({ min: -1e7, max: 1e7, noNaN: true })
    .map((x) => Math.round(x * 100) / 100);
  const numbers = fc.array(figure, {
    minLength: 1,
    maxLength: 60,
  });

  test("a range's Min/Max enclose the 5th-95th percentiles, and Max > Min", () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const { min, max } = rangeOf(values);
        const sorted = [...values].sort((a, b) => a - b);
        expect(max).toBeGreaterThan(min);
        expect(min).toBeLessThanOrEqual(percentile(sorted, 5));
        expect(max).toBeGreaterThanOrEqual(percentile(sorted, 95));
      }),
    );
  });

  test("rounding outward stays within 10% of the value's magnitude", () => {
    fc.assert(
      fc.property(figure, fc.boolean(), (value, up) => {
        const rounded = roundOutward(value, up);
        if (up) expect(rounded).toBeGreaterThanOrEqual(value);
        else expect(rounded).toBeLessThanOrEqual(value);
        expect(Math.abs(rounded - value)).toBeLessThanOrEqual(
          Math.abs(value) * 0.1 + 1e-9,
        );
      }),
    );
  });

  test("a rating's labels are distinct ignoring case and spaces, and cover every cell", () => {
    const label = fc.constantFrom(
      "Gold",
      "gold",
      " Gold",
      "Silver",
      "SILVER",
      "None",
      "Bronze",
      "Low",
      "High",
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 30 }), (cells) => {
        const labels = labelsOf(cells);
        const keys = labels.map((l) => l.trim().toLowerCase());
        expect(new Set(keys).size).toBe(keys.length);
        for (const cell of cells)
          expect(keys).toContain(cell.trim().toLowerCase());
      }),
    );
  });

  test("points spread over 0-100, rising, from 0 to 100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 7 }), (count) => {
        const points = spreadPoints(count);
        expect(points[0]).toBe(0);
        expect(points[count - 1]).toBe(100);
        points.forEach(
          (p, i) => i > 0 && expect(p).toBeGreaterThan(points[i - 1]),
        );
      }),
    );
  });
});
