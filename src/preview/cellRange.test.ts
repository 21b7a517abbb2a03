import {
  nextInRange,
  positionsOf,
  rangeAround,
  rangeBetween,
  rangeContains,
} from "./cellRange";

describe("the grid's selected range", () => {
  it("spans two corners in either order", () => {
    const range = rangeBetween({ row: 4, col: 3 }, { row: 1, col: 2 });
    expect(range).toEqual({ top: 1, left: 2, bottom: 4, right: 3 });
    expect(rangeContains(range, { row: 4, col: 2 })).toBe(true);
    expect(rangeContains(range, { row: 5, col: 2 })).toBe(false);
    expect(
      positionsOf(rangeBetween({ row: 0, col: 0 }, { row: 1, col: 1 })),
    ).toEqual([
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
    ]);
    expect(
      rangeAround([
        { row: 3, col: 1 },
        { row: 0, col: 5 },
        { row: 2, col: 2 },
      ]),
    ).toEqual({
      top: 0,
      left: 1,
      bottom: 3,
      right: 5,
    });
  });
});

describe("Enter and Tab inside a selected range", () => {
  // B2:C3: two rows, two columns.
  const range = { top: 1, left: 1, bottom: 2, right: 2 };
  const walk = (move: "down" | "up" | "right" | "left", steps: number) => {
    const visited = [];
    let at = { row: 1, col: 1 };
    for (let i = 0; i < steps; i++)
      visited.push((at = nextInRange(range, at, move)));
    return visited.map(({ row, col }) => `${row}${col}`);
  };

  it("Enter goes down the column, then to the next column, then back to the first cell", () => {
    expect(walk("down", 4)).toEqual(["21", "12", "22", "11"]);
    expect(walk("up", 4)).toEqual(["22", "12", "21", "11"]);
  });

  it("Tab goes along the row, then to the next row, then back to the first cell", () => {
    expect(walk("right", 4)).toEqual(["12", "21", "22", "11"]);
    expect(walk("left", 4)).toEqual(["22", "21", "12", "11"]);
  });
});
