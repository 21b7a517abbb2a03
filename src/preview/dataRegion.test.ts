import { cellName, parseCellName } from "./a1";
import { currentRegion, dataEdge, type FilledAt } from "./dataRegion";

/** A sheet drawn as text: "x" is a filled cell, "." a blank one; one string per row. */
function sheet(...rows: string[]): {
  filled: FilledAt;
  bounds: { rows: number; cols: number };
} {
  return {
    filled: ({ row, col }) => rows[row]?.[col] === "x",
    bounds: { rows: rows.length, cols: rows[0].length },
  };
}

const DOWN = { row: 1, col: 0 };
const UP = { row: -1, col: 0 };
const RIGHT = { row: 0, col: 1 };
const LEFT = { row: 0, col: -1 };

describe("Ctrl+arrow: the edge of the data", () => {
  // Column 0: a run of three, a gap, a run of two, blanks to the end.
  const { filled, bounds } = sheet(
    "x..",
    "x..",
    "x..",
    "...",
    "x..",
    "x..",
    "...",
    "...",
  );

  /** Where Ctrl+arrow goes from a cell, both by name. */
  const jump = (from: string, step: typeof DOWN) =>
    cellName(dataEdge(filled, parseCellName(from), step, bounds));

  it("goes to the last cell of a run of data", () => {
    expect(jump("A1", DOWN)).toBe("A3");
    expect(jump("A6", UP)).toBe("A5");
  });

  it("from the end of a run, or from a blank, goes to the next filled cell", () => {
    expect(jump("A3", DOWN)).toBe("A5");
    expect(jump("A4", DOWN)).toBe("A5");
    expect(jump("A5", UP)).toBe("A3");
  });

  it("with no data ahead, goes to the sheet's edge, and stays there", () => {
    expect(jump("A6", DOWN)).toBe("A8");
    expect(jump("A8", DOWN)).toBe("A8");
    expect(jump("A1", RIGHT)).toBe("C1");
    expect(jump("A1", LEFT)).toBe("A1");
  });

  it("a filled cell next to the edge is reached, not passed", () => {
    const edge = sheet("x.x");
    expect(
      dataEdge(edge.filled, { row: 0, col: 0 }, RIGHT, edge.bounds),
    ).toEqual({ row: 0, col: 2 });
    expect(
      dataEdge(edge.filled, { row: 0, col: 1 }, RIGHT, edge.bounds),
    ).toEqual({ row: 0, col: 2 });
  });
});

describe("Ctrl+A: the current region", () => {
  const { filled, bounds } = sheet(
    "......",
    ".xxx..",
    ".x.x..",
    "....x.",
    "......",
    "......",
    "x...xx",
  );

  it("is the block of data around the cell, diagonal neighbours included", () => {
    const block = { top: 1, left: 1, bottom: 3, right: 4 };
    expect(currentRegion(filled, { row: 1, col: 1 }, bounds)).toEqual(block);
    // From a blank cell inside the block, and from the blank row just under it.
    expect(currentRegion(filled, { row: 2, col: 2 }, bounds)).toEqual(block);
    expect(currentRegion(filled, { row: 4, col: 3 }, bounds)).toEqual({
      ...block,
      bottom: 4,
    });
  });

  it("stops at blank rows and columns, and at the sheet's edges", () => {
    expect(currentRegion(filled, { row: 6, col: 0 }, bounds)).toEqual({
      top: 6,
      left: 0,
      bottom: 6,
      right: 0,
    });
    expect(currentRegion(filled, { row: 6, col: 5 }, bounds)).toEqual({
      top: 6,
      left: 4,
      bottom: 6,
      right: 5,
    });
  });

  it("is the cell itself when nothing is around it", () => {
    expect(currentRegion(filled, { row: 6, col: 2 }, bounds)).toEqual({
      top: 6,
      left: 2,
      bottom: 6,
      right: 2,
    });
  });
});

describe("Ctrl+A over a long list", () => {
  it("looks at a few cells per row of the list, not at a column's length per row", () => {
    // A list of 3,000 rows x 12 columns from A1, on a sheet with room around it.
    const rows = 3000;
    let looked = 0;
    const filled: FilledAt = ({ row, col }) => {
      looked++;
      return row < rows && col < 12;
    };
    const region = currentRegion(
      filled,
      { row: 10, col: 3 },
      { rows: rows + 20, cols: 30 },
    );
    expect(region).toEqual({ top: 0, left: 0, bottom: rows - 1, right: 11 });
    // Growing a row at a time and reading whole columns again each time: millions.
    expect(looked).toBeLessThan(20 * rows);
  });
});
