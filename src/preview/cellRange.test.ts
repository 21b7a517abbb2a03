import { cellName } from "./a1";
import {
  pastedCells,
  positionsOf,
  rangeAround,
  rangeBetween,
  rangeContains,
  rangeName,
} from "./cellRange";

describe("the grid's selected range", () => {
  it("spans two corners in either order, and names itself as Excel does", () => {
    const range = rangeBetween({ row: 4, col: 3 }, { row: 1, col: 2 });
    expect(range).toEqual({ top: 1, left: 2, bottom: 4, right: 3 });
    expect(rangeName(range)).toBe("C2:D5");
    expect(
      rangeName(rangeBetween({ row: 0, col: 0 }, { row: 0, col: 0 })),
    ).toBe("A1");
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

describe("pasting a copied block over a selection", () => {
  const texts = (cells: ReturnType<typeof pastedCells>) =>
    cells.map(({ position, text }) => `${cellName(position)}:${text}`);

  it("fills a selection that is a whole multiple of the block, each copy's references moved", () => {
    const formula = { inputs: [["=B2*2"]], from: { row: 1, col: 2 } }; // C2
    expect(
      texts(
        pastedCells(
          formula,
          rangeBetween({ row: 2, col: 2 }, { row: 4, col: 2 }),
        ),
      ),
    ).toEqual(["C3:=B3*2", "C4:=B4*2", "C5:=B5*2"]);
    const block = { inputs: [["a", "=A1"]], from: { row: 0, col: 0 } };
    expect(
      texts(
        pastedCells(
          block,
          rangeBetween({ row: 5, col: 0 }, { row: 6, col: 3 }),
        ),
      ),
    ).toEqual([
      "A6:a",
      "B6:=A6",
      "C6:a",
      "D6:=C6",
      "A7:a",
      "B7:=A7",
      "C7:a",
      "D7:=C7",
    ]);
  });

  it("pastes one copy from the top left of any other selection", () => {
    const block = {
      inputs: [
        ["1", "2"],
        ["=A1+B1", "x"],
      ],
      from: { row: 0, col: 0 },
    };
    expect(
      texts(
        pastedCells(
          block,
          rangeBetween({ row: 3, col: 3 }, { row: 5, col: 3 }),
        ),
      ),
    ).toEqual(["D4:1", "E4:2", "D5:=D4+E4", "E5:x"]);
  });
});
