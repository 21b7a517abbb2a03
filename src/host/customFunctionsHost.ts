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
} from "./functionsMetadata";
import {
  ErrorCode,
  ExcelError,
  type Argument,
  type CallResult,
} from "./excelValues";
import { ExcelArguments, Stop } from "./excelArguments";
import { shapeResult } from "./excelResults";

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

/** The CustomFunctions.Error a function threw: the formula's result. */
class Thrown {
  constructor(readonly error: ExcelError) {}
}

type Implementation = (...args: unknown[]) => unknown;

export class CustomFunctionsHost {
  private readonly implementations = new Map<string, Implementation>();
  private readonly byName = new Map<string, FunctionMetadata>();
  readonly namespace: string;
  /** How a blank cell reaches the functions (HostOptions.blankAs). */
  readonly blankAs: null | 0 | "";
  /** How arguments reach the functions (excelArguments.ts). */
  private readonly excelArguments: ExcelArguments;

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
    this.excelArguments = new ExcelArguments({
      namespace: this.namespace,
      blankAs: this.blankAs,
      errorsReachFunctions:
        options.allowErrorForDataTypeAny ??
        metadata.allowErrorForDataTypeAny === true,
      dataTypesAsObjects:
        options.allowCustomDataForDataTypeAny ??
        metadata.allowCustomDataForDataTypeAny === true,
      emptyArgumentAs: options.emptyArgumentAs ?? "null",
      marshalRanges: options.marshalRanges ?? true,
    });
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
      const shaped = this.excelArguments.shape(
        meta,
        meta.parameters[i],
        args[i],
      );
      // An error that stops the call: Excel shows it without calling the function.
      if (shaped instanceof Stop) return shaped.error;
      passed.push(shaped);
    }
    return passed;
  }

  /** Runs the function on arguments from `argumentsFor`, returning what its cell(s) show. */
  invoke(name: string, passed: unknown[]): CallResult {
    return this.resultOf(name, this.run(name, passed));
  }

  /**
   * The function's own work, as the benchmarks time it: the function run on arguments from
   * `argumentsFor`, giving what it returned, or the CustomFunctions.Error it threw (kept as a
   * `Thrown`, since a returned error is read as any returned value is). What
   * Excel then makes of the returned value (`resultOf`) is the runtime's work, as parsing
   * the arguments is: Excel's runtime serialises the 2-D array itself (Microsoft: "Return
   * multiple results from your custom function": a dynamic array is a two-dimensional array
   * of values; "Runtimes in Office Add-ins").
   */
  run(name: string, passed: unknown[]): unknown {
    const meta = this.metadataOf(name);
    const implementation = this.implementations.get(meta.id.toUpperCase());
    if (!implementation) throw new HostError(`${name} was not associated`);
    try {
      return implementation(...passed);
    } catch (thrown) {
      if (thrown instanceof ExcelError) return new Thrown(thrown);
      throw new HostError(
        `${name} threw ${String(thrown)} instead of a CustomFunctions.Error`,
      );
    }
  }

  /** What the cell(s) of a formula show for the value `run` gave: checked as Excel reads it. */
  resultOf(name: string, value: unknown): CallResult {
    if (value instanceof Thrown) return value.error;
    return shapeResult(name, this.metadataOf(name), value);
  }
}
