import {
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
