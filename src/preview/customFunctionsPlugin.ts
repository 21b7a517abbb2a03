/**
 * The PRM functions inside HyperFormula. Every call goes through the CustomFunctionsHost that
 * loaded dist/functions.js with dist/functions.json, so the grid computes what Excel computes
 * with the same bundle. One plugin method serves every function: HyperFormula passes the
 * call's syntax tree, whose procedureName says which function was called.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
  type ImplementedFunctions,
} from "hyperformula";
import {
  EMPTY,
  HostError,
  type Argument,
  type CallResult,
  type CustomFunctionsHost,
  type FunctionMetadata,
} from "../host";
import { cellOf, resultOf } from "./cellConversion";
import { rangeCells } from "./rangeArgument";
import { resultSize, type Shape } from "./resultSize";

/** The parts of HyperFormula's call syntax this plugin reads (the type is not exported). */
interface CallSyntax {
  procedureName: string;
  args: { type: string }[];
}

/** What HyperFormula passes as the evaluation state; only handed back to it. */
type EvaluationState = unknown;

/** An argument left empty, as in `PRM.PARTNERSCORE(C2:I2, Criteria[#All], , "zero")`. */
const EMPTY_ARGUMENT = "EMPTY";

export function customFunctionsPlugin(
  host: CustomFunctionsHost,
): FunctionPluginDefinition {
  const byId = new Map<string, { name: string; metadata: FunctionMetadata }>();
  const implementedFunctions: ImplementedFunctions = {};
  for (const name of host.functionNames) {
    const id = name.toUpperCase();
    const metadata = host.metadataOf(name);
    byId.set(id, { name, metadata });
    implementedFunctions[id] = {
      method: "callCustomFunction",
      sizeOfResultArrayMethod: "customFunctionResultSize",
      isVolatile: metadata.options?.volatile === true,
      // Declared for HyperFormula's function list; the method evaluates the arguments itself,
      // because runFunction would coerce them and stop at an error cell before the call.
      parameters: metadata.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: p.optional === true,
      })),
      // Excel does not lift a custom function over a range given to a scalar parameter.
      vectorizationForbidden: true,
      // Dynamic-array Excel evaluates C2:C9*2 in an argument as an array.
      enableArrayArithmeticForArguments: true,
    };
  }

  function functionFor(ast: CallSyntax): {
    name: string;
    metadata: FunctionMetadata;
  } {
    const found = byId.get(ast.procedureName.toUpperCase());
    if (!found)
      throw new Error(
        `the custom-functions plugin was called for ${ast.procedureName}, which it does not implement`,
      );
    return found;
  }

  class CustomFunctionsPlugin extends FunctionPlugin {
    static implementedFunctions = implementedFunctions;

    callCustomFunction(ast: CallSyntax, state: EvaluationState): unknown {
      const { name, metadata } = functionFor(ast);
      if (ast.args.length > metadata.parameters.length) {
        return new CellError(
          ErrorType.NA,
          `${name} takes at most ${metadata.parameters.length} arguments, not ${ast.args.length}`,
        );
      }
      // An argument written empty is passed as Excel passes it (EMPTY: null, even for a
      // range); one left out at the end is undefined, which the host reports by name when
      // the function needs it.
      const args: Argument[] = ast.args.map((arg) =>
        arg.type === EMPTY_ARGUMENT
          ? EMPTY
          : this.argumentOf(this.evaluateAst(arg as never, state as never)),
      );
      let result: CallResult;
      try {
        result = host.call(name, ...args);
      } catch (thrown) {
        if (!(thrown instanceof HostError)) throw thrown;
        // A defect of the bundle, not a cell error: show it loudly in the cell and the console.
        console.error(`${name}: ${thrown.message}`);
        return new CellError(
          ErrorType.ERROR,
          `The functions bundle misbehaved: ${thrown.message}`,
        );
      }
      const reserved = this.reservedShape(ast, state);
      if (
        Array.isArray(result) &&
        (result.length > reserved.height || result[0].length > reserved.width)
      ) {
        return new CellError(
          ErrorType.ERROR,
          `${name} returned ${result.length} x ${result[0].length} cells but the preview reserved ${reserved.height} x ${reserved.width} (see src/preview/resultSize.ts)`,
        );
      }
      return resultOf(result, reserved);
    }

    /**
     * An evaluated argument as Excel passes it: a range as rows of cells, each blank already
     * as the host passes it (rangeArgument.ts), one cell as it is.
     */
    private argumentOf(value: unknown): Argument {
      if (value instanceof SimpleRangeValue)
        return rangeCells(value, this.dependencyGraph, host.blankAs);
      return cellOf(value);
    }

    customFunctionResultSize(
      ast: CallSyntax,
      state: EvaluationState,
    ): ArraySize {
      const { height, width } = this.reservedShape(ast, state);
      // Not a reference (isRef false): HyperFormula then spills the result from the anchor cell.
      return new ArraySize(width, height);
    }

    private reservedShape(ast: CallSyntax, state: EvaluationState): Shape {
      const { metadata } = functionFor(ast);
      const shapes = ast.args.map((arg) => {
        if (arg.type === EMPTY_ARGUMENT) return undefined;
        const size = this.arraySizeForAst(arg as never, state as never);
        return { height: size.height, width: size.width };
      });
      return resultSize(metadata, shapes);
    }
  }
  return CustomFunctionsPlugin;
}

/**
 * Registers the host's functions with HyperFormula (a global registry: engines built
 * afterwards get them). A second registration replaces the first, so tests and page reloads
 * can register a freshly loaded bundle.
 */
export function registerCustomFunctions(host: CustomFunctionsHost): void {
  const ids = host.functionNames.map((n) => n.toUpperCase());
  const registered = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
  for (const id of ids)
    if (registered.has(id)) HyperFormula.unregisterFunction(id);
  HyperFormula.registerFunctionPlugin(customFunctionsPlugin(host), {
    enGB: Object.fromEntries(ids.map((id) => [id, id])),
  });
}
