/**
 * A custom-functions runtime that drives the built bundle the way Excel does: it provides the
 * `CustomFunctions` global (associate, Error, ErrorCode), takes each function's shape from
 * functions.json, and passes arguments as Excel documents them: ranges as 2-D arrays, a
 * single cell given to a matrix parameter as [[value]], an omitted optional argument as null,
 * blank cells as null (or 0 or "" to mimic other Excel builds), error cells as error objects.
 * It has no Node or DOM dependency, so the jest tests and the browser preview share it.
 */

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result?: { dimensionality?: "scalar" | "matrix"; type?: string };
  options?: {
    volatile?: boolean;
    stream?: boolean;
    cancelable?: boolean;
    requiresAddress?: boolean;
  };
}

export interface FunctionsMetadata {
  functions: FunctionMetadata[];
}

/** Excel's error values, keyed as CustomFunctions.ErrorCode names them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
export type ErrorValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The runtime's CustomFunctions.Error: an error value in a cell, with an optional message. */
export class ExcelError {
  constructor(
    readonly code: ErrorValue,
    readonly message?: string,
  ) {}
  toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

/** A blank cell in an argument; the host passes it the way the chosen Excel build does. */
export class BlankCell {
  toString(): string {
    return "(blank)";
  }
}
export const BLANK = new BlankCell();

export type Cell = number | string | boolean | null | BlankCell | ExcelError;
/** An argument: one cell, a range as rows of cells, or undefined for an omitted argument. */
export type Argument = Cell | Cell[][] | undefined;
/** What a cell shows: a value or an error. */
export type Shown = number | string | boolean | ExcelError;
export type CallResult = Shown | Shown[][];

export interface HostOptions {
  /** How a blank cell arrives: null (web, current desktop), 0 (older desktop builds) or "". */
  blankAs?: null | 0 | "";
  /** The manifest's custom-functions namespace, e.g. "PRM". */
  namespace?: string;
}

/** A defect of the bundle (not a cell error): a throw of something else, a NaN, a bad shape. */
export class HostError extends Error {}

type Implementation = (...args: unknown[]) => unknown;

export class CustomFunctionsHost {
  private readonly implementations = new Map<string, Implementation>();
  private readonly byName = new Map<string, FunctionMetadata>();
  readonly namespace: string;
  private readonly blankAs: null | 0 | "";

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
    const meta = this.metadataOf(name);
    const implementation = this.implementations.get(meta.id.toUpperCase());
    if (!implementation) throw new HostError(`${name} was not associated`);
    if (args.length > meta.parameters.length)
      throw new HostError(
        `${name} takes at most ${meta.parameters.length} arguments`,
      );
    const passed: unknown[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const shaped = this.shapeArgument(meta.parameters[i], args[i]);
      if (shaped instanceof ExcelError) return shaped;
      passed.push(shaped);
    }
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

  private cell(cell: Cell): unknown {
    return cell instanceof BlankCell ? this.blankAs : cell;
  }

  /**
   * A range as the function receives it. Excel marshals every range into new arrays, so what
   * a function receives holds only Excel's values and is its alone. Here, one pass checks the
   * shape and looks for BlankCell markers. When there are none and blanks arrive as null (the
   * default, web and current desktop), the caller's rows already are what Excel would pass,
   * and they are passed as they are: a copy would only be the host's own cost, and a function
   * reads the same values either way. The one difference, that a function writing into its
   * arguments would change the caller's data, is ruled out by a test that calls every
   * function on frozen arguments (test/functions/spill.property.test.ts). Only when a cell must
   * change (a BlankCell, or blanks passed as 0 or "") is the range copied, with plain loops.
   */
  private rangeArgument(rows: Cell[][]): unknown[][] {
    const width =
      rows.length > 0 && Array.isArray(rows[0]) ? rows[0].length : 0;
    let blanks = false;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row) || row.length !== width || width === 0)
        throw new HostError(
          "a range argument must be a non-empty rectangle of cells",
        );
      if (blanks) continue;
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (typeof cell === "object" && cell instanceof BlankCell) {
          blanks = true;
          break;
        }
      }
    }
    if (rows.length === 0)
      throw new HostError(
        "a range argument must be a non-empty rectangle of cells",
      );
    if (!blanks && this.blankAs === null) return rows;
    return this.copyRange(rows);
  }

  /** A fresh copy of a range, blanks as this Excel build passes them. */
  private copyRange(rows: Cell[][]): unknown[][] {
    const copy = new Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const line: unknown[] = rows[r].slice();
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (typeof cell === "object" && cell instanceof BlankCell)
          line[c] = this.blankAs;
      }
      copy[r] = line;
    }
    return copy;
  }

  private shapeArgument(
    parameter: ParameterMetadata,
    argument: Argument,
  ): unknown {
    if (argument === undefined) {
      // Excel refuses a formula that leaves out a required argument; a custom function shows #VALUE!.
      return parameter.optional ? null : new ExcelError(ErrorCode.invalidValue);
    }
    if (parameter.dimensionality === "matrix") {
      return this.rangeArgument(
        Array.isArray(argument) ? argument : [[argument]],
      );
    }
    let cell: Cell;
    if (Array.isArray(argument)) {
      // This host does not model Excel's lifting of a scalar function over a range.
      if (argument.length !== 1 || argument[0].length !== 1)
        return new ExcelError(ErrorCode.invalidValue);
      cell = argument[0][0];
    } else {
      cell = argument;
    }
    // A scalar parameter given an error value: Excel returns that error without calling.
    if (cell instanceof ExcelError) return cell;
    const value = this.cell(cell);
    if (parameter.type === "number") {
      if (typeof value === "boolean") return value ? 1 : 0;
      if (typeof value === "string")
        return value === ""
          ? 0
          : Number.isFinite(Number(value))
            ? Number(value)
            : new ExcelError(ErrorCode.invalidValue);
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

/** The functions.json namespace as the manifest declares it (Functions.Namespace). */
export function namespaceFromManifest(manifestXml: string): string {
  const match =
    /<bt:String\s+id="Functions\.Namespace"\s+DefaultValue="([^"]+)"/.exec(
      manifestXml,
    );
  if (!match)
    throw new HostError("the manifest declares no Functions.Namespace string");
  return match[1];
}
