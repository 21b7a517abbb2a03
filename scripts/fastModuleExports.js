/* eslint-disable no-undef */
// Keeps webpack's module export objects in V8's fast mode, so that a call from one module of
// the bundle into another (the spill's row loop into src/core's scoreOf, say) is a direct
// call the optimising compiler can inline, not a dictionary lookup and a getter call.
//
// Why they were slow: webpack defines each export as a getter on the module's exports object
// (`__webpack_require__.d`, live bindings), and mangleExports "size" names every module's
// exports a, b, c... Every exports object starts from the same empty-object map, so the
// second module to define a getter `a` finds V8's map transition for `a` already taken by
// another getter function, and V8 turns the object into a dictionary ("TransitionToDifferent
// Accessor"). Optimised code then reads such an export through a LoadIC call and calls the
// getter: 3-5 % of a 100,000-row PRM.PARTNERSCORE (bench/README.md, "Sixteenth pass").
// Webpack's own fix (value descriptors for `const` exports, webpack PR 21021) leaves
// functions and classes, the exports that are called, as getters.
//
// The fix: before its first export is defined, a plain exports object gets a prototype of its
// own (an empty object inheriting Object.prototype). Its map then starts a transition tree
// nobody else shares, so its getters never collide and it stays fast. Nothing that reads the
// exports sees a difference: they are read as own properties, and Object.prototype is still
// on the chain. Objects that are not plain (namespace objects with a null prototype, the
// getter functions of `__webpack_require__.n`) are left as they are.
const pluginName = "FastModuleExports";

/** The statement the runtime's `__webpack_require__.d` runs first. */
const OWN_PROTOTYPE =
  "if(Object.getPrototypeOf(exports) === Object.prototype) Object.setPrototypeOf(exports, {});";

class FastModuleExports {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap(pluginName, (compilation) => {
      compilation.hooks.runtimeModule.tap(pluginName, (module) => {
        if (module.name !== "define property getters") return;
        const generate = module.generate.bind(module);
        module.generate = () => {
          const source = generate();
          // The helper's body starts right after its parameters: `(exports, definition) => {`
          // or `function(exports, definition) {`.
          const start = source.indexOf("exports, definition)");
          const body = source.indexOf("{", start);
          if (start < 0 || body < 0)
            throw new Error(
              `${pluginName}: webpack's __webpack_require__.d changed shape:\n${source}`,
            );
          return `${source.slice(0, body + 1)}\n\t${OWN_PROTOTYPE}${source.slice(body + 1)}`;
        };
      });
    });
  }
}

module.exports = FastModuleExports;
