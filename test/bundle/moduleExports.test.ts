/**
 * The built bundle's module export objects stay in V8's fast mode (scripts/fastModuleExports.js),
 * so that a call from one module into another (the spill's row loop into src/core's scoreOf)
 * is a direct call, not a dictionary lookup and a getter call. Checked on dist/functions.js as
 * `npm test` builds it: its webpack runtime is reached the way taskpane.js reaches it, through
 * the chunk array the bundle publishes on globalThis.
 */
import { setFlagsFromString } from "v8";
import { runInThisContext } from "vm";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

// V8's own answer, compiled after the flag that allows it (in Node's context: jest's sandbox
// compiles with the flags it started with).
setFlagsFromString("--allow-natives-syntax");
const hasFastProperties = runInThisContext("(object) => %HasFastProperties(object)") as (object: object) => boolean;

interface WebpackRequire {
  (moduleId: string): unknown;
  /** Defines an exports object's getters, as every module of the bundle does first. */
  d(exports: object, definition: Record<string, () => unknown>): void;
  /** The bundle's module factories, by id. */
  m: Record<string, unknown>;
}

/** The bundle's `__webpack_require__`, handed to a chunk pushed as taskpane.js pushes its own. */
function bundleRuntime(): WebpackRequire {
  loadBuiltFunctions();
  const chunks = (globalThis as unknown as Record<string, unknown[]>).webpackChunkpartner_scorecard;
  if (!Array.isArray(chunks)) throw new Error("dist/functions.js published no chunk array on globalThis");
  let runtime: WebpackRequire | undefined;
  chunks.push([["module-exports-test"], {}, (require: WebpackRequire) => (runtime = require)]);
  if (!runtime) throw new Error("the bundle did not run the pushed chunk's runtime callback");
  return runtime;
}

describe("module export objects of dist/functions.js", () => {
  const runtime = bundleRuntime();

  test("two modules exporting the same mangled name with different getters both keep fast properties", () => {
    // mangleExports "size" names every module's first export `a`: without the plugin V8 turns
    // the second such object into a dictionary.
    const first = {};
    const second = {};
    runtime.d(first, { a: () => 1, b: () => "one" });
    runtime.d(second, { a: () => 2, b: () => "two" });
    expect([hasFastProperties(first), hasFastProperties(second)]).toEqual([true, true]);
    // The getters still read the modules' bindings, and Object.prototype is still inherited.
    expect([(first as { a: number }).a, (second as { b: string }).b]).toEqual([1, "two"]);
    expect(Object.keys(second)).toEqual(["a", "b"]);
    expect(second.hasOwnProperty("a")).toBe(true);
    expect(second instanceof Object).toBe(true);
  });

  test("every module of the bundle has an exports object with fast properties", () => {
    const slow = Object.keys(runtime.m).filter((id) => {
      const exports = runtime(id);
      return typeof exports === "object" && exports !== null && !hasFastProperties(exports);
    });
    expect(slow).toEqual([]);
  });

  test("an exports object that is not plain is left as it is", () => {
    // The namespace objects webpack makes with a null prototype keep it.
    const namespace = Object.create(null) as object;
    runtime.d(namespace, { a: () => 1 });
    expect(Object.getPrototypeOf(namespace)).toBeNull();
    expect((namespace as { a: number }).a).toBe(1);
  });
});
