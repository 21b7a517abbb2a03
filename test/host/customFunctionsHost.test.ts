/**
 * The host's switches, each checked on a small stand-in bundle that records what it was called
 * with, so the test sees exactly what the function received (or that it was not called).
 * The rules are Microsoft's:
 * - "Handle and return errors from your custom function", section "Errors as custom function
 *   inputs", and "Manually create JSON metadata for custom functions" (allowErrorForDataTypeAny:
 *   "All parameters with the type any or any[][] can accept errors ... The default
 *   allowErrorForDataTypeAny value is false").
 * - "Use data types with custom functions in Excel" (allowCustomDataForDataTypeAny) and "Use
 *   data types in Excel add-ins", JSON schema (type, basicType, basicValue).
 * - "Custom functions parameter options": an omitted optional argument arrives as null.
 * - "Runtimes in Office Add-ins": the functions run in a runtime apart from Excel, which gets
 *   each call's arguments in a message and parses them (marshalRanges; DESIGN.md section 4).
 */
import { runInNewContext } from "vm";
import {
  BLANK,
  CustomFunctionsHost,
  EMPTY,
  ExcelError,
  HostError,
  type DataTypeValue,
  type FunctionsMetadata,
  type HostOptions,
} from "../../src/host";

/** RANGE(range, [option]) and NUMBER(n): each returns "called" and records its arguments. */
function metadata(flags: Partial<FunctionsMetadata> = {}): FunctionsMetadata {
  return {
    ...flags,
    functions: [
      {
        id: "RANGE",
        name: "RANGE",
        parameters: [
          { name: "range", type: "any", dimensionality: "matrix" },
          { name: "option", type: "any", optional: true },
        ],
      },
      { id: "NUMBER", name: "NUMBER", parameters: [{ name: "n", type: "number" }] },
    ],
  };
}

const SOURCE = `
  CustomFunctions.associate("RANGE", function (range, option) { calls.push([range, option]); return "called"; });
  CustomFunctions.associate("NUMBER", function (n) { calls.push([n]); return "called"; });
`;

function hostWith(flags: Partial<FunctionsMetadata>, options: HostOptions = {}) {
  const calls: unknown[][] = [];
  // The stand-in bundle reaches `calls` through a global, as a bundle reaches its own state.
  (globalThis as { calls?: unknown[][] }).calls = calls;
  const host = new CustomFunctionsHost(metadata(flags), { namespace: "T", ...options }).load(SOURCE);
  return { host, calls };
}

const NA = new ExcelError("#N/A", "from a lookup");
const FORMATTED: DataTypeValue = { type: "FormattedNumber", basicValue: 0.8, basicType: "Double", numberFormat: "0%" };
const ENTITY: DataTypeValue = { type: "Entity", text: "Contoso", basicType: "Error", basicValue: "#VALUE!", properties: {} };

describe("error values in arguments (allowErrorForDataTypeAny)", () => {
  test("absent from functions.json: the function is not called and the formula shows the error", () => {
    const { host, calls } = hostWith({});
    expect(host.call("T.RANGE", [[1, NA, 3]])).toBe(NA);
    expect(host.call("T.RANGE", [[1]], NA)).toBe(NA);
    expect(calls).toEqual([]);
  });

  test("the first error in argument order, reading order, is the one shown", () => {
    const { host } = hostWith({});
    const div = new ExcelError("#DIV/0!");
    expect(host.call("T.RANGE", [[1, 2], [div, NA]], new ExcelError("#REF!"))).toBe(div);
  });

  test("set: error values reach parameters of type any as they are", () => {
    const { host, calls } = hostWith({ allowErrorForDataTypeAny: true });
    expect(host.call("T.RANGE", [[1, NA, 3]], NA)).toBe("called");
    expect(calls).toEqual([[[[1, NA, 3]], NA]]);
  });

  test("set: a parameter typed number still stops at an error (only type any accepts them)", () => {
    const { host, calls } = hostWith({ allowErrorForDataTypeAny: true });
    expect(host.call("T.NUMBER", NA)).toBe(NA);
    expect(calls).toEqual([]);
  });

  test("the switch overrides functions.json either way", () => {
    expect(hostWith({ allowErrorForDataTypeAny: true }, { allowErrorForDataTypeAny: false }).host.call("T.RANGE", [[NA]])).toBe(NA);
    expect(hostWith({}, { allowErrorForDataTypeAny: true }).host.call("T.RANGE", [[NA]])).toBe("called");
  });
});

describe("data-type values (allowCustomDataForDataTypeAny)", () => {
  test("set: entities and formatted numbers arrive as the objects they are", () => {
    const { host, calls } = hostWith({ allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true });
    host.call("T.RANGE", [[FORMATTED, ENTITY]], FORMATTED);
    expect(calls).toEqual([[[[FORMATTED, ENTITY]], FORMATTED]]);
  });

  test("absent: each arrives as its basicValue, an error basic value as that error", () => {
    const { host, calls } = hostWith({ allowErrorForDataTypeAny: true });
    host.call("T.RANGE", [[FORMATTED, ENTITY, 5]]);
    expect(calls).toEqual([[[[0.8, new ExcelError("#VALUE!"), 5]], null]]);
  });

  test("absent, without allowErrorForDataTypeAny: an entity whose basic value is an error stops the call", () => {
    const { host, calls } = hostWith({});
    expect(host.call("T.RANGE", [[FORMATTED, ENTITY]])).toEqual(new ExcelError("#VALUE!"));
    expect(calls).toEqual([]);
  });
});

describe("blank cells (blankAs)", () => {
  test.each([null, 0, ""] as const)("a blank cell arrives as %p", (blankAs) => {
    const { host, calls } = hostWith({}, { blankAs });
    host.call("T.RANGE", [[1, BLANK]], BLANK);
    expect(calls).toEqual([[[[1, blankAs]], blankAs]]);
  });
});

describe("arguments written empty and left out", () => {
  test("an argument written empty arrives as null, even where a range is expected", () => {
    const { host, calls } = hostWith({});
    host.call("T.RANGE", EMPTY, EMPTY);
    expect(calls).toEqual([[null, null]]);
  });

  test('emptyArgumentAs "blank": a blank cell, [[blank]] for a range', () => {
    const { host, calls } = hostWith({}, { emptyArgumentAs: "blank", blankAs: 0 });
    host.call("T.RANGE", EMPTY, EMPTY);
    expect(calls).toEqual([[[[0]], 0]]);
  });

  test("an optional argument left out arrives as null", () => {
    const { host, calls } = hostWith({});
    host.call("T.RANGE", [[1]]);
    expect(calls).toEqual([[[[1]], null]]);
  });

  test("a required argument left out is #VALUE! naming it, without a call", () => {
    const { host, calls } = hostWith({});
    expect(host.call("T.RANGE")).toEqual(new ExcelError("#VALUE!", "T.RANGE needs its range argument"));
    expect(calls).toEqual([]);
  });
});

describe("ranges as Excel's runtime hands them (marshalRanges, on by default)", () => {
  /** A host whose RANGE records its range argument and the Array.prototype of the bundle's realm. */
  function realmHost(options: HostOptions = {}) {
    const seen: { range?: unknown; arrayPrototype?: unknown } = {};
    (globalThis as { seen?: typeof seen }).seen = seen;
    const source = `
      CustomFunctions.associate("RANGE", function (range) { seen.range = range; seen.arrayPrototype = Array.prototype; return "called"; });
      CustomFunctions.associate("NUMBER", function (n) { return n; });
    `;
    const host = new CustomFunctionsHost(metadata({ allowErrorForDataTypeAny: true }), { namespace: "T", ...options }).load(source);
    return { host, seen };
  }

  test("a range arrives as new arrays made in the bundle's realm, never the caller's rows", () => {
    const { host, seen } = realmHost();
    // The caller's rows come from another realm, so that arrays passed through keep its prototype.
    const rows = runInNewContext(`[[1.5, "Gold", null, true], [2, "", false, -3]]`) as unknown[][];
    expect(host.call("T.RANGE", rows as never)).toBe("called");
    const range = seen.range as unknown[][];
    expect(range).not.toBe(rows);
    expect(range[0]).not.toBe(rows[0]);
    expect(Array.isArray(range) && Array.isArray(range[1])).toBe(true);
    expect(Object.getPrototypeOf(range)).toBe(seen.arrayPrototype);
    expect(Object.getPrototypeOf(range[1])).toBe(seen.arrayPrototype);
    expect(Object.getPrototypeOf(rows[0])).not.toBe(seen.arrayPrototype);
    expect(range).toEqual([[1.5, "Gold", null, true], [2, "", false, -3]]);
  });

  test.each([null, 0, ""] as const)("blanks arrive as %p and error cells as CustomFunctions.Error, in a parsed range", (blankAs) => {
    const { host, seen } = realmHost({ blankAs });
    const rows = [[BLANK, NA, new ExcelError("#DIV/0!"), 7, FORMATTED]];
    host.call("T.RANGE", rows);
    const range = seen.range as unknown[][];
    expect(range).not.toBe(rows);
    expect(range).toEqual([[blankAs, NA, new ExcelError("#DIV/0!"), 7, 0.8]]);
    expect(range[0][1]).toBeInstanceOf(ExcelError);
    expect((range[0][1] as ExcelError).message).toBe("from a lookup");
  });

  test("cells JSON cannot carry (which only junk tests pass) still reach the function as they are", () => {
    const { host, seen } = realmHost();
    const rows = [[NaN, Infinity, -0, undefined as never, 4]];
    host.call("T.RANGE", rows);
    const [cells] = seen.range as unknown[][];
    expect(cells).not.toBe(rows[0]);
    expect([Number.isNaN(cells[0]), cells[1] === Infinity, Object.is(cells[2], -0), cells[3] === undefined, cells[4]]).toEqual([true, true, true, true, 4]);
  });

  test("off: the caller's rows are passed as they are when no cell must change", () => {
    const { host, seen } = realmHost({ marshalRanges: false });
    const rows = [[1, "a"]];
    host.call("T.RANGE", rows);
    expect(seen.range).toBe(rows);
  });

  test("argumentsFor then invoke is call, in two steps", () => {
    const { host, seen } = realmHost();
    const passed = host.argumentsFor("T.RANGE", [[1, 2]]);
    expect(passed).toEqual([[[1, 2]], null]);
    expect(host.invoke("T.RANGE", passed as unknown[])).toBe("called");
    expect(seen.range).toBe((passed as unknown[])[0]);
    expect(hostWith({}).host.argumentsFor("T.RANGE", [[NA]])).toBe(NA);
  });
});

/**
 * Microsoft, "Return multiple results from your custom function": a spilling function returns
 * a two-dimensional array of values, which Excel's runtime sends to Excel itself ("Runtimes in
 * Office Add-ins"); the benchmarks time the function (`run`) apart from that reading (`resultOf`).
 */
describe("the function's own work and the runtime's reading of its result, apart (run, resultOf)", () => {
  function spillHost(body: string) {
    const meta: FunctionsMetadata = { functions: [{ id: "SPILL", name: "SPILL", parameters: [{ name: "n", type: "any" }], result: { dimensionality: "matrix" } }] };
    return new CustomFunctionsHost(meta, { namespace: "T" }).load(`CustomFunctions.associate("SPILL", function (n) { ${body} });`);
  }

  test("run gives what the function returned, unchecked; resultOf checks it as invoke does", () => {
    const host = spillHost("return n === 1 ? [[1], [2.5], ['']] : [[1], [NaN]];");
    const good = host.run("T.SPILL", [1]);
    expect(good).toEqual([[1], [2.5], [""]]);
    expect(host.resultOf("T.SPILL", good)).toEqual([[1], [2.5], [""]]);
    const bad = host.run("T.SPILL", [2]);
    expect(bad).toEqual([[1], [NaN]]);
    expect(() => host.resultOf("T.SPILL", bad)).toThrow(HostError);
    expect(() => host.invoke("T.SPILL", [2])).toThrow(HostError);
  });

  test("a thrown CustomFunctions.Error is the formula's result, as invoke gives it", () => {
    const host = spillHost("throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, 'no data');");
    expect(host.resultOf("T.SPILL", host.run("T.SPILL", [1]))).toEqual(new ExcelError("#N/A", "no data"));
    expect(host.invoke("T.SPILL", [1])).toEqual(new ExcelError("#N/A", "no data"));
  });
});
