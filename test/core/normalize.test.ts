import { CellError, catchCellError, normalize, readCriteria, type Criterion } from "../../src/core";
import { CRITERIA } from "../fixtures";

const { model } = readCriteria(CRITERIA);
const byName = (name: string): Criterion => model.criteria.find((c) => c.name === name)!;

describe("normalize", () => {
  test("range is linear between Min and Max and clamped", () => {
    expect(normalize(byName("Revenue"), 250000)).toBe(25);
    expect(normalize(byName("Revenue"), -5)).toBe(0);
    expect(normalize(byName("Revenue"), 5e6)).toBe(100);
  });

  test("lower is better inverts a range", () => {
    expect(normalize(byName("Support load"), 0)).toBe(100);
    expect(normalize(byName("Support load"), 40)).toBeCloseTo(20);
    expect(normalize(byName("Support load"), 80)).toBe(0);
  });

  test("target is 0 at Min (0 when blank) and 100 at Max and above", () => {
    expect(normalize(byName("Growth"), 5)).toBe(25);
    expect(normalize(byName("Growth"), 40)).toBe(100);
    expect(normalize(byName("Growth"), -3)).toBe(0);
  });

  test("rating looks labels up on the scale, in any case", () => {
    expect(normalize(byName("Accreditation"), "medium")).toBe(50);
    expect(normalize(byName("Accreditation"), " HIGH ")).toBe(100);
  });

  test("yesno reads TRUE/Yes/Y/1 as 100 and FALSE/No/N/0 as 0", () => {
    for (const yes of [true, "Yes", "y", 1, "TRUE"]) expect(normalize(byName("Strategic fit"), yes)).toBe(100);
    for (const no of [false, "No", "n", 0, "false"]) expect(normalize(byName("Strategic fit"), no)).toBe(0);
  });

  test("blank, empty text, n/a, na, - and error values are missing; 0 is a value", () => {
    for (const missing of [null, undefined, "", "n/a", "NA", "-", { code: "#DIV/0!" }]) {
      expect(normalize(byName("Revenue"), missing)).toBeNull();
    }
    expect(normalize(byName("Revenue"), 0)).toBe(0);
  });

  test.each([
    ["Revenue", "abc", /Revenue needs a number, not "abc"/],
    ["Revenue", true, /Revenue needs a number, not TRUE/],
    ["Revenue", NaN, /not a finite number/],
    ["Accreditation", "Platnum", /Accreditation: "Platnum" is not on its scale \(Low, Medium, High\)/],
    ["Strategic fit", "maybe", /Strategic fit needs Yes or No, not "maybe"/],
  ])("%s given %p is a #VALUE! naming both", (name, value, message) => {
    const result = catchCellError(() => normalize(byName(name), value));
    expect(result).toBeInstanceOf(CellError);
    expect((result as CellError).kind).toBe("value");
    expect((result as CellError).message).toMatch(message);
  });
});
