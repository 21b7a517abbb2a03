import { formulaAfterColumnInsert } from "./columnInsert";

// Excel adjusts references when columns are inserted: Microsoft's "Insert or delete rows and
// columns" (support.microsoft.com) and "Overview of formulas": a range grows when cells are
// inserted inside it; references after the insertion move.
describe("a formula's references after a column insert", () => {
  test("the sample's score formula: a span over the inserted column grows, a later cell moves", () => {
    const formula = "=PRM.PARTNERSCORE(C2:K2,Criteria[#All],B2,,C$1:K$1)";
    // Inserted before K (index 10).
    expect(formulaAfterColumnInsert(formula, 10, 1)).toBe(
      "=PRM.PARTNERSCORE(C2:L2,Criteria[#All],B2,,C$1:L$1)",
    );
    expect(
      formulaAfterColumnInsert("=PRM.PARTNERTIER(M2,Tiers[#All],C2:K2)", 10, 2),
    ).toBe("=PRM.PARTNERTIER(O2,Tiers[#All],C2:M2)");
  });

  test("after the span nothing changes; before it, it moves whole", () => {
    expect(formulaAfterColumnInsert("=SUM(C2:K2)", 11, 1)).toBe("=SUM(C2:K2)");
    expect(formulaAfterColumnInsert("=SUM($C$2:K2)", 0, 1)).toBe(
      "=SUM($D$2:L2)",
    );
  });

  test("strings, other sheets, function names and table columns stay", () => {
    const formula =
      "=IF(LOG10(K2)>1,\"K2\",Scorecard!K2+'My sheet'!K3+Partners[K2])";
    expect(formulaAfterColumnInsert(formula, 2, 1)).toBe(
      "=IF(LOG10(L2)>1,\"K2\",Scorecard!K2+'My sheet'!K3+Partners[K2])",
    );
  });
});
