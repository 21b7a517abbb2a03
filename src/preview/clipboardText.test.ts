import {
  cellsOfClipboardText,
  clipboardTextOf,
  clipboardTextOfRows,
  movedFormula,
} from "./clipboardText";

describe("clipboard text", () => {
  it("reads rows and cells as Excel writes them, quoted cells included", () => {
    expect(cellsOfClipboardText("Alder\t1200\tYes\r\nBirch\t\tNo\r\n")).toEqual(
      [
        ["Alder", "1200", "Yes"],
        ["Birch", "", "No"],
      ],
    );
    expect(cellsOfClipboardText('"two\nlines"\t"say ""hi"""\n5')).toEqual([
      ["two\nlines", 'say "hi"'],
      ["5"],
    ]);
    expect(cellsOfClipboardText("=SUM(A1:A3)")).toEqual([["=SUM(A1:A3)"]]);
    expect(cellsOfClipboardText('5" screen\tx')).toEqual([['5" screen', "x"]]);
    expect(cellsOfClipboardText('"5" screen\tx')).toEqual([
      ['"5" screen', "x"],
    ]);
  });

  it("writes a cell that reads back as itself", () => {
    for (const cell of [
      "Alder",
      '=IF(A1="x","a","b")',
      "two\nlines",
      '"quoted"',
      "a\tb",
      "",
    ])
      expect(cellsOfClipboardText(clipboardTextOf(cell))).toEqual([[cell]]);
  });

  it("writes rows of cells as Excel does, and reads them back", () => {
    const rows = [
      ["Alder", "two\nlines", ""],
      ["", "a\tb", '"5" screen'],
    ];
    expect(clipboardTextOfRows(rows)).toBe(
      'Alder\t"two\nlines"\t\r\n\t"a\tb"\t"""5"" screen"\r\n',
    );
    expect(cellsOfClipboardText(clipboardTextOfRows(rows))).toEqual(rows);
    expect(cellsOfClipboardText(clipboardTextOfRows([[""]]))).toEqual([[""]]);
  });

  it("moves relative references with a pasted formula, and keeps $ columns and rows", () => {
    expect(movedFormula("=SUM(C2:J2)*$B$1+B$1+$B1", 3, 1)).toBe(
      "=SUM(D5:K5)*$B$1+C$1+$B4",
    );
    expect(movedFormula("=Partners!C2+'Q1 deals'!a1", 1, 0)).toBe(
      "=Partners!C3+'Q1 deals'!A2",
    );
  });

  it("leaves texts, functions, names, sheets and structured references where they are", () => {
    const untouched =
      '=LOG10(A1:A1)+ATAN2(1,2)&"B2"+Q1!Z9+Partners[@[Q1]:[Q2]]+Criteria[#All]+RATE2025';
    expect(movedFormula(untouched, 0, 0)).toBe(untouched);
    expect(movedFormula(untouched, 1, 1)).toBe(
      '=LOG10(B2:B2)+ATAN2(1,2)&"B2"+Q1!AA10+Partners[@[Q1]:[Q2]]+Criteria[#All]+RATE2025',
    );
  });

  it("turns a reference moved off the sheet into #REF!", () => {
    expect(movedFormula("=A1+B2", -1, 0)).toBe("=#REF!+B1");
    expect(movedFormula("=XFD1", 0, 1)).toBe("=#REF!");
  });
});
