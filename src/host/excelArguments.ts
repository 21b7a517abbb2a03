/**
 * The arguments of a call as Excel's runtime hands them to a custom function: each
 * parameter's cell or range shaped by functions.json, blanks as this Excel build passes them,
 * data-type values as objects or their basic value, and an error value as itself or as a
 * Stop, the error that stops the call before it is made, as Excel stops it. The switches are
 * the host's (HostOptions, customFunctionsHost.ts). No Node or DOM dependency.
 */
import type { FunctionMetadata, ParameterMetadata } from "./functionsMetadata";
import { HostError } from "./functionsMetadata";
import {
  BLANK,
  BlankCell,
  basicValueOf,
  EmptyArgument,
  ErrorCode,
  ExcelError,
  isDataTypeValue,
  type Argument,
  type Cell,
  type ErrorValue,
} from "./excelValues";

/** How this host passes arguments: the HostOptions resolved against functions.json. */
export interface ArgumentSwitches {
  blankAs: null | 0 | "";
  /** Whether error values reach parameters of type any (allowErrorForDataTypeAny). */
  errorsReachFunctions: boolean;
  /** Whether data-type values reach parameters of type any as objects (allowCustomDataForDataTypeAny). */
  dataTypesAsObjects: boolean;
  emptyArgumentAs: "null" | "blank";
  marshalRanges: boolean;
  namespace: string;
}

/** An argument's error that stops the call before it is made, as Excel stops it. */
export class Stop {
  constructor(readonly error: ExcelError) {}
}

/** Shapes each argument of a call as this Excel build passes it (argumentsFor's work). */
export class ExcelArguments {
  constructor(private readonly switches: ArgumentSwitches) {}

  /**
   * One argument as the function receives it, or the Stop of an error that stops the call.
   */
  shape(
    meta: FunctionMetadata,
    parameter: ParameterMetadata,
    argument: Argument,
  ): unknown {
    if (argument === undefined) {
      if (parameter.optional) return null;
      // Excel refuses to enter a formula that leaves out a required argument; the host (and
      // so the browser workbook) shows #VALUE! naming it instead.
      const prefix = this.switches.namespace
        ? `${this.switches.namespace}.`
        : "";
      return new Stop(
        new ExcelError(
          ErrorCode.invalidValue,
          `${prefix}${meta.name} needs its ${parameter.name} argument`,
        ),
      );
    }
    if (argument instanceof EmptyArgument) {
      if (this.switches.emptyArgumentAs === "null") return null;
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

  /**
   * One cell as the function receives it, or a Stop: a BlankCell as this build passes blanks,
   * a data-type value as an object or its basic value, an error value as itself (or a Stop
   * when errors do not reach this parameter).
   */
  private cell(cell: Cell, errorsReach: boolean): unknown {
    if (typeof cell !== "object" || cell === null) return cell;
    if (cell instanceof BlankCell) return this.switches.blankAs;
    const value =
      !this.switches.dataTypesAsObjects && isDataTypeValue(cell)
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
      this.switches.errorsReachFunctions &&
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
    if (!this.switches.marshalRanges)
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
