import { booleanLiteralsAsFunctions, outsideQuotes } from "./formulaText";

describe("formula text", () => {
  it("writes TRUE and FALSE as the functions HyperFormula knows, in any case", () => {
    expect(booleanLiteralsAsFunctions("=IF(A1>5,TRUE,false)")).toBe(
      "=IF(A1>5,TRUE(),false())",
    );
    expect(booleanLiteralsAsFunctions("=TRUE")).toBe("=TRUE()");
    expect(booleanLiteralsAsFunctions("=AND(A1=TRUE,NOT(FALSE))")).toBe(
      "=AND(A1=TRUE(),NOT(FALSE()))",
    );
  });

  it("leaves texts, sheets, calls, bracketed names and longer names as written", () => {
    const untouched = [
      '=IF(A1,"TRUE","it\'s FALSE")',
      "=TRUE()+FALSE()",
      "=TRUE!A1+'FALSE'!B2",
      "=Sheet1!TRUE_RATE+TRUEVALUE+ISTRUE+FALSE1",
      "=Flags[TRUE]+[@FALSE]",
    ];
    for (const formula of untouched)
      expect(booleanLiteralsAsFunctions(formula)).toBe(formula);
  });

  it("changes only the text outside string literals and quoted sheet names", () => {
    expect(
      outsideQuotes(`=a&"b ""a"" c"&'a''s'!a1`, (part) => part.toUpperCase()),
    ).toBe(`=A&"b ""a"" c"&'a''s'!A1`);
  });
});
