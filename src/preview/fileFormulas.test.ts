import {
  formulaFromFile,
  formulaToFile,
  leftoverReferences,
} from "./fileFormulas";

describe("formulas between a file and the grid", () => {
  it.each([
    [
      "PRM.PARTNERSCORE(C2:I2,Criteria[#All],B2)",
      "=PRM.PARTNERSCORE(C2:I2,Criteria[#All],B2)",
    ],
    [
      "_xldudf_PRM_PARTNERSCORE(C2:I2,Criteria[#All])",
      "=PRM.PARTNERSCORE(C2:I2,Criteria[#All])",
    ],
    [
      "_xldudf_PRM.PARTNERTIER(J2,Tiers[#All])",
      "=PRM.PARTNERTIER(J2,Tiers[#All])",
    ],
    ["_xldudf_CONTOSO_ADD(1,2)", "=CONTOSO_ADD(1,2)"],
    ["_xlfn._xlws.SORT(A1:A3)", "=SORT(A1:A3)"],
    [
      '_xll.PRM.NORMALIZE(1,Criteria[#All],"Revenue")',
      '=PRM.NORMALIZE(1,Criteria[#All],"Revenue")',
    ],
    [
      "\"_xlfn.kept in a string\"&'_xlfn.Sheet'!A1",
      "=\"_xlfn.kept in a string\"&'_xlfn.Sheet'!A1",
    ],
  ])("%s opens as %s", (stored, typed) => {
    expect(formulaFromFile(stored)).toBe(typed);
  });

  it("saves a formula without its =", () => {
    expect(formulaToFile("=PRM.CERTSTATUS(K2)")).toBe("PRM.CERTSTATUS(K2)");
  });

  it("finds the structured and external references left after translation, not those in strings", () => {
    expect(
      leftoverReferences("SUM(Partners[Score])+[@Weight]+[1]Sheet1!A1"),
    ).toEqual(["Partners[Score]", "[@Weight]", "[1]"]);
    expect(
      leftoverReferences('SUM(Scorecard!$A$1:$J$8)&"[not a reference]"'),
    ).toEqual([]);
  });
});
