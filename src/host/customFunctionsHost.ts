/**
 * A custom-functions runtime that drives the built bundle the way Excel does: it provides the
 * `CustomFunctions` global (associate, Error, ErrorCode), takes each function's shape from
 * functions.json, and passes arguments as Excel documents them: ranges as 2-D arrays, a
 * single cell given to a matrix parameter as [[value]], an omitted optional argument as null,
 * blank cells as null (or 0 or "" to mimic other Excel builds), error cells as error objects.
 * It has no Node or DOM dependency, so the jest tests and the browser preview share it.
 *
 * Where Excel builds or functions.json flags make Excel pass arguments differently, the host
 * has one switch per behaviour (HostOptions): how a blank cell arrives, whether error values
 * reach the function or stop the call, whether data-type values arrive as objects, and how an
 * argument written empty arrives. The two flags default to what functions.json declares, as
 * in Excel.
 */
import {
  HostError,
  type FunctionMetadata,
  type FunctionsMetadata,
  type ParameterMetadata,
} from "./functionsMetadata";
import {
  BLANK,
  BlankCell,
  basicValueOf,
  EmptyArgument,
  ErrorCode,
  ExcelError,
  isDataTypeValue,
  type Argument,
  type CallResult,
  type Cell,
  type ErrorValue,
  type Shown,
} from "./excelValues";

export * from "./functionsMetadata";
export * from "./excelValues";

export interface HostOptions {
  /** How a blank cell arrives: null (web, current desktop), 0 (older desktop builds) or "". */
  blankAs?: null | 0 | "";
  /**
   * Whether error values reach parameters of type any, or an error anywhere in the arguments
   * stops the call and is the formula's result. Default: functions.json's flag of that name.
   */
  allowErrorForDataTypeAny?: boolean;
  /**
   * Whether data-type values reach parameters of type any as objects, or as their
   * basicValue (an error when basicType is Error). Default: functions.json's flag.
   */
  allowCustomDataForDataTypeAny?: boolean;
  /**
   * How an argument written empty arrives: "null" (as Excel may pass it, even where a range
   * is expected: the default, the harder case) or "blank" (a blank cell; [[blank]] for a
   * range parameter).
   */
  emptyArgumentAs?: "null" | "blank";
  /**
   * Whether ranges reach the function as Excel's runtime hands them (the default): written
   * to JSON and parsed back in the bundle's own realm, new arrays for every call. Off, the
   * caller's rows are passed as they are when no cell must change (a cost of the host only,
   * for comparison).
   */
  marshalRanges?: boolean;
  /** The manifest's custom-functions namespace, e.g. "PRM". */
  namespace?: string;
}

/** An argument's error that stops the call before it is made, as Excel stops it. */
class Stop {
  constructor(readonly error: ExcelError) {}
}

type Implementation = (...args: unknown[]) => unknown;

export class CustomFunctionsHost {
  private readonly implementations = new Map<string, Implementation>();
  private readonly byName = new Map<string, FunctionMetadata>();
  readonly namespace: string;
  private readonly blankAs: null | 0 | "";
  private readonly errorsReachFunctions: boolean;
  private readonly dataTypesAsObjects: boolean;
  private readonly emptyArgumentAs: "null" | "blank";
  private readonly marshalRanges: boolean;

  /** What the bundle sees as the global `CustomFunctions`. */
  readonly runtime = {
    associate: (id: string, implementation: Implementation) =>
      this.associate(id, implementation),
    Error: ExcelError,
    ErrorCode,
  };

  constructor(
    readonly metadata: FunctionsMetadata,
    options: HostOptions = {},
  ) {
    this.namespace = options.namespace ?? "";
    this.blankAs = options.blankAs === undefined ? null : options.blankAs;
    this.errorsReachFunctions =
      options.allowErrorForDataTypeAny ??
      metadata.allowErrorForDataTypeAny === true;
    this.dataTypesAsObjects =
      options.allowCustomDataForDataTypeAny ??
      metadata.allowCustomDataForDataTypeAny === true;
    this.emptyArgumentAs = options.emptyArgumentAs ?? "null";
    this.marshalRanges = options.marshalRanges ?? true;
    for (const f of metadata.functions)
      this.byName.set(f.name.toUpperCase(), f);
  }

  /** Runs the bundle's source with `CustomFunctions` in scope, as Excel's runtime does. */
  load(source: string): this {
    new Function("CustomFunctions", source)(this.runtime);
    const missing = this.metadata.functions.filter(
      (f) => !this.implementations.has(f.id.toUpperCase()),
    );
    if (missing.length > 0)
      throw new HostError(
        `functions.json declares ${missing.map((f) => f.id).join(", ")} but the bundle did not associate them`,
      );
    return this;
  }

  private associate(id: string, implementation: Implementation): void {
    const key = id.toUpperCase();
    if (!this.metadata.functions.some((f) => f.id.toUpperCase() === key)) {
      throw new HostError(
        `the bundle associates ${id}, which functions.json does not declare`,
      );
    }
    this.implementations.set(key, implementation);
  }

  /** Names as typed in a cell: NAMESPACE.NAME. */
  get functionNames(): string[] {
    const prefix = this.namespace ? `${this.namespace}.` : "";
    return this.metadata.functions.map((f) => prefix + f.name);
  }

  metadataOf(name: string): FunctionMetadata {
    const bare = name
      .toUpperCase()
      .replace(new RegExp(`^${this.namespace.toUpperCase()}\\.`), "");
    const found = this.byName.get(bare);
    if (!found) throw new HostError(`no custom function is named ${name}`);
    return found;
  }

  /** Calls a function as a formula would, returning what its cell(s) show. */
  call(name: string, ...args: Argument[]): CallResult {
    const passed = this.argumentsFor(name, ...args);
    return passed instanceof ExcelError ? passed : this.invoke(name, passed);
  }

  /**
   * The arguments as Excel's runtime hands them to the function, or the error Excel shows
   * without calling it. Apart from `invoke` so that the benchmarks can time the function
   * alone, not the runtime's parsing of its message.
   */
  argumentsFor(name: string, ...args: Argument[]): unknown[] | ExcelError {
    const meta = this.metadataOf(name);
    if (args.length > meta.parameters.length)
      throw new HostError(
        `${name} takes at most ${meta.parameters.length} arguments`,
      );
    const passed: unknown[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const shaped = this.shapeArgument(meta, meta.parameters[i], args[i]);
      // An error that stops the call: Excel shows it without calling the function.
      if (shaped instanceof Stop) return shaped.error;
      passed.push(shaped);
    }
    return passed;
  }

  /** Runs the function on arguments from `argumentsFor`, returning what its cell(s) show. */
  invoke(name: string, passed: unknown[]): CallResult {
    const meta = this.metadataOf(name);
    const implementation = this.implementations.get(meta.id.toUpperCase());
    if (!implementation) throw new HostError(`${name} was not associated`);
    let value: unknown;
    try {
      value = implementation(...passed);
    } catch (thrown) {
      if (thrown instanceof ExcelError) return thrown;
      throw new HostError(
        `${name} threw ${String(thrown)} instead of a CustomFunctions.Error`,
      );
    }
    return this.shapeResult(name, meta, value);
  }

  /**
   * One cell as the function receives it, or a Stop: a BlankCell as this build passes blanks,
   * a data-type value as an object or its basic value, an error value as itself (or a Stop
   * when errors do not reach this parameter).
   */
  private cell(cell: Cell, errorsReach: boolean): unknown {
    if (typeof cell !== "object" || cell === null) return cell;
    if (cell instanceof BlankCell) return this.blankAs;
    const value =
      !this.dataTypesAsObjects && isDataTypeValue(cell)
        ? basicValueOf(cell)
        : cell;
    if (value instanceof ExcelError && !errorsReach) return new Stop(value);
    return value;
  }

  /**
   * Whether error values reach this parameter: with allowErrorForDataTypeAny, only those of
   * type any ("All parameters with the type any or any[][] can accept errors": Microsoft,
   * "Manually create JSON metadata for custom functions"); type any is the default.
   */
  private errorsReach(parameter: ParameterMetadata): boolean {
    return (
      this.errorsReachFunctions &&
      (parameter.type === undefined || parameter.type === "any")
    );
  }

  /**
   * A range as the function receives it, or the Stop of its first error (in reading order).
   * The functions run in a JavaScript runtime apart from Excel, which receives each call's
   * arguments in a message and parses them (Microsoft, "Runtimes in Office Add-ins"; DESIGN.md
   * section 4): a function gets new arrays of its own, made in its own realm, with the shapes
   * and strings a JSON parser makes. So one pass checks the shape and sorts the cells; then
   * the range is written to JSON and parsed back here (the bundle runs in this realm: `load`),
   * blanks as this build passes them and error cells made CustomFunctions.Error objects again.
   * Cells Excel never sends and JSON cannot carry (NaN, Infinity, -0, undefined, other
   * objects), which only the junk tests pass, are copied with plain loops instead, so that
   * those tests still reach the bundle; so is a range holding more than MAX_JSON_TEXT
   * characters of text (the hostile tests' thousands of 32,000-character cells), whose JSON
   * would outgrow what one string can hold. With marshalRanges off, the caller's rows are
   * passed as they are when no cell must change.
   */
  private rangeArgument(
    rows: Cell[][],
    errorsReach: boolean,
  ): unknown[][] | Stop {
    const width =
      rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
    let changes = false;
    let errors = false;
    let json = true;
    let text = 0;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row) || row.length !== width || width === 0)
        throw new HostError(
          "a range argument must be a non-empty rectangle of cells",
        );
      for (let c = 0; c < width; c++) {
        const cell: unknown = row[c];
        const type = typeof cell;
        if (type === "string") {
          text += (cell as string).length;
          continue;
        }
        if (type === "boolean" || cell === null) continue;
        if (type === "number") {
          if (!Number.isFinite(cell) || Object.is(cell, -0)) json = false;
          continue;
        }
        if (type !== "object") {
          json = false;
          continue;
        }
        const passed = this.cell(cell as Cell, errorsReach);
        if (passed instanceof Stop) return passed;
        if (passed !== cell) changes = true;
        if (passed instanceof ExcelError) errors = true;
        else if (
          !(passed === null || typeof passed !== "object") &&
          !isDataTypeValue(passed)
        )
          json = false;
      }
    }
    if (rows.length === 0)
      throw new HostError(
        "a range argument must be a non-empty rectangle of cells",
      );
    if (!this.marshalRanges)
      return changes ? this.copyRange(rows, errorsReach, keep) : rows;
    if (!json || text > MAX_JSON_TEXT)
      return this.copyRange(rows, errorsReach, keep);
    // Cells that change are replaced in a copy first, with plain loops, rather than by a
    // replacer function, which JSON.stringify would call for every value.
    const message = JSON.stringify(
      changes || errors ? this.copyRange(rows, errorsReach, errorAsJson) : rows,
    );
    return errors
      ? (JSON.parse(message, (_key, value: unknown) =>
          errorFromJson(value),
        ) as unknown[][])
      : (JSON.parse(message) as unknown[][]);
  }

  /**
   * A fresh copy of a range, each cell as this Excel build passes it (no Stop: checked),
   * error values through `error`.
   */
  private copyRange(
    rows: Cell[][],
    errorsReach: boolean,
    error: (cell: ExcelError) => unknown,
  ): unknown[][] {
    const copy = new Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const line: unknown[] = rows[r].slice();
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (typeof cell !== "object" || cell === null) continue;
        const passed = this.cell(cell as Cell, errorsReach);
        line[c] = passed instanceof ExcelError ? error(passed) : passed;
      }
      copy[r] = line;
    }
    return copy;
  }

  private shapeArgument(
    meta: FunctionMetadata,
    parameter: ParameterMetadata,
    argument: Argument,
  ): unknown {
    if (argument === undefined) {
      if (parameter.optional) return null;
      // Excel refuses to enter a formula that leaves out a required argument; the host (and
      // so the browser workbook) shows #VALUE! naming it instead.
      const prefix = this.namespace ? `${this.namespace}.` : "";
      return new Stop(
        new ExcelError(
          ErrorCode.invalidValue,
          `${prefix}${meta.name} needs its ${parameter.name} argument`,
        ),
      );
    }
    if (argument instanceof EmptyArgument) {
      if (this.emptyArgumentAs === "null") return null;
      argument = BLANK;
    }
    const errorsReach = this.errorsReach(parameter);
    if (parameter.dimensionality === "matrix") {
      return this.rangeArgument(
        Array.isArray(argument) ? argument : [[argument]],
        errorsReach,
      );
    }
    let cell: Cell;
    if (Array.isArray(argument)) {
      // This host does not model Excel's lifting of a scalar function over a range.
      if (argument.length !== 1 || argument[0].length !== 1)
        return new Stop(new ExcelError(ErrorCode.invalidValue));
      cell = argument[0][0];
    } else {
      cell = argument;
    }
    const value = this.cell(cell, errorsReach);
    if (value instanceof Stop) return value;
    if (parameter.type === "number") {
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value === "string")
        return value === ""
          ? 0
          : Number.isFinite(Number(value))
            ? Number(value)
            : new Stop(new ExcelError(ErrorCode.invalidValue));
      return value ?? 0;
    }
    return value;
  }

  private shown(name: string, value: unknown): Shown {
    if (value instanceof ExcelError) return value;
    if (typeof value === "number") {
      if (!Number.isFinite(value))
        throw new HostError(`${name} returned ${value}`);
      return value;
    }
    if (typeof value === "string" || typeof value === "boolean") return value;
    // Excel shows null inside a returned array as 0 (office-js issue 1503): never intended.
    throw new HostError(
      `${name} returned ${value === null ? "null" : typeof value} in a cell`,
    );
  }

  private shapeResult(
    name: string,
    meta: FunctionMetadata,
    value: unknown,
  ): CallResult {
    if (meta.result?.dimensionality !== "matrix")
      return this.shown(name, value);
    if (
      !Array.isArray(value) ||
      value.length === 0 ||
      !Array.isArray(value[0]) ||
      value[0].length === 0
    ) {
      throw new HostError(
        `${name} declares a matrix result but returned ${JSON.stringify(value)}`,
      );
    }
    // One tight pass, checked in place (the result is the bundle's own fresh array, as Excel
    // receives it): the common cells (finite numbers, text, booleans) are decided inline, and
    // only anything else goes to shown(), which accepts an error object or names the defect.
    const rows = value as unknown[][];
    const width = rows[0].length;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row) || row.length !== width) {
        throw new HostError(
          `${name} declares a matrix result but returned ${JSON.stringify(value)}`,
        );
      }
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        const type = typeof cell;
        if (
          type === "string" ||
          type === "boolean" ||
          (type === "number" && Number.isFinite(cell))
        )
          continue;
        this.shown(name, cell);
      }
    }
    return rows as Shown[][];
  }
}

/** Characters of text in a range beyond which the host copies it rather than write its JSON. */
const MAX_JSON_TEXT = 5_000_000;

/** The key that marks an error cell in the JSON the host parses a range from. */
const ERROR_TAG = "#excelError";

/** An error value as it is. */
function keep(cell: ExcelError): unknown {
  return cell;
}

/** An error value as the JSON carries it: a tagged object. */
function errorAsJson(cell: ExcelError): unknown {
  return { [ERROR_TAG]: cell.code, message: cell.message };
}

/** A value tagged by `errorAsJson` made a CustomFunctions.Error again; any other as it is. */
function errorFromJson(value: unknown): unknown {
  if (typeof value !== "object" || value === null || !(ERROR_TAG in value))
    return value;
  const tagged = value as { [ERROR_TAG]: ErrorValue; message?: string };
  return new ExcelError(tagged[ERROR_TAG], tagged.message);
}
