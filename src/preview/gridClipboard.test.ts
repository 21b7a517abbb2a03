import { cellName, parseCellName } from "./a1";
import { rangeBetween } from "./cellRange";
import { copyOf, filledCells, pastedCells, pasteOf } from "./gridClipboard";
import { Workbook } from "./workbook";

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

describe("the grid's copy and paste over a workbook", () => {
  const at = (row: number, col: number) => ({ sheet: "Sheet1", row, col });

  function workbookWithBlock(): Workbook {
    const workbook = new Workbook();
    workbook.write(at(0, 0), 1234.5);
    workbook.setNumberFormat(at(0, 0), "#,##0");
    workbook.write(at(0, 1), "=A1*2");
    workbook.write(at(1, 0), "two\tparts");
    return workbook;
  }

  it("gives other programs the values as shown, and keeps the cells as written", () => {
    const copy = copyOf(
      workbookWithBlock(),
      "Sheet1",
      rangeBetween({ row: 0, col: 0 }, { row: 1, col: 1 }),
    );
    expect(copy.text).toBe('1,235\t2469\r\n"two\tparts"\t\r\n');
    expect(copy.inputs).toEqual([
      ["1234.5", "=A1*2"],
      ["two\tparts", ""],
    ]);
    expect(copy.from).toEqual({ row: 0, col: 0 });
  });

  it("pastes its own copy with formulas moved, and anything else as typed text", () => {
    const copy = copyOf(
      workbookWithBlock(),
      "Sheet1",
      rangeBetween({ row: 0, col: 1 }, { row: 0, col: 1 }),
    );
    const target = rangeBetween({ row: 4, col: 2 }, { row: 4, col: 2 });
    expect(pasteOf(copy, copy.text, target)).toEqual([
      { position: { row: 4, col: 2 }, text: "=B5*2", format: null },
    ]);
    // The clipboard holds something newer than the grid's copy: that is pasted.
    expect(pasteOf(copy, "=A1*2\tx", target)).toEqual([
      { position: { row: 4, col: 2 }, text: "=A1*2" },
      { position: { row: 4, col: 3 }, text: "x" },
    ]);
  });
});

describe("Ctrl+D and Ctrl+R", () => {
  const texts = (cells: ReturnType<typeof filledCells>) =>
    cells.map(({ position, text }) => `${cellName(position)}:${text}`);
  const range = (from: string, to: string) =>
    rangeBetween(parseCellName(from), parseCellName(to));
  function sheet(): Workbook {
    const workbook = new Workbook(["Sheet1"]);
    workbook.enterAll(
      [
        ["A1", "7"],
        ["B1", "=A1*2"],
        ["A2", "x"],
      ].map(([name, text]) => ({
        cell: { sheet: "Sheet1", ...parseCellName(name) },
        text,
      })),
    );
    return workbook;
  }

  it("fill a range down from its first row, right from its first column, formulas moved", () => {
    expect(
      texts(filledCells(sheet(), "Sheet1", range("A1", "B3"), "down")),
    ).toEqual(["A2:7", "B2:=A2*2", "A3:7", "B3:=A3*2"]);
    expect(
      texts(filledCells(sheet(), "Sheet1", range("A1", "C1"), "right")),
    ).toEqual(["B1:7", "C1:7"]);
  });

  it("on one cell, copy the cell above or to the left into it; nothing at the sheet's edge", () => {
    expect(
      texts(filledCells(sheet(), "Sheet1", range("B2", "B2"), "down")),
    ).toEqual(["B2:=A2*2"]);
    expect(
      texts(filledCells(sheet(), "Sheet1", range("C1", "C1"), "right")),
    ).toEqual(["C1:=B1*2"]);
    expect(filledCells(sheet(), "Sheet1", range("A1", "B1"), "down")).toEqual(
      [],
    );
    expect(filledCells(sheet(), "Sheet1", range("A1", "A3"), "right")).toEqual(
      [],
    );
  });
});

describe("a copy from the grid carries number formats", () => {
  it("pastes each cell's format with its value (null for General); text from elsewhere carries none", () => {
    const workbook = new Workbook(["Sheet1"]);
    const a1 = { sheet: "Sheet1", row: 0, col: 0 };
    workbook.enterAll([
      { cell: a1, text: "46600" },
      { cell: { ...a1, col: 1 }, text: "12" },
    ]);
    workbook.setNumberFormat(a1, "yyyy-mm-dd");
    const copy = copyOf(
      workbook,
      "Sheet1",
      rangeBetween({ row: 0, col: 0 }, { row: 0, col: 1 }),
    );
    const pasted = pasteOf(
      copy,
      copy.text,
      rangeBetween({ row: 3, col: 0 }, { row: 3, col: 0 }),
    );
    expect(pasted.map((c) => c.format)).toEqual(["yyyy-mm-dd", null]);
    // The grid draws cells as the write announces them: the format is there by then.
    const formatWhenAnnounced: (string | undefined)[] = [];
    workbook.on((event) => {
      if (event.kind === "values")
        formatWhenAnnounced.push(
          workbook.numberFormat({ sheet: "Sheet1", row: 3, col: 0 }),
        );
    });
    workbook.enterAll(
      pasted.map(({ position, ...rest }) => ({
        cell: { sheet: "Sheet1", ...position },
        ...rest,
      })),
    );
    expect(workbook.numberFormat({ sheet: "Sheet1", row: 3, col: 0 })).toBe(
      "yyyy-mm-dd",
    );
    expect(formatWhenAnnounced[0]).toBe("yyyy-mm-dd");
    expect(
      workbook.numberFormat({ sheet: "Sheet1", row: 3, col: 1 }),
    ).toBeUndefined();
    const foreign = pasteOf(
      copy,
      "46600\t12",
      rangeBetween({ row: 5, col: 0 }, { row: 5, col: 0 }),
    );
    expect(foreign.every((c) => !("format" in c))).toBe(true);
  });
});
