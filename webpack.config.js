/* eslint-disable no-undef */
// Builds what Excel loads: functions.js + functions.json (generated from the JSDoc in
// src/functions/functions.ts) and the task pane page, which also hosts the functions
// because the add-in uses a shared runtime (one page for both, see manifest.xml); and the
// help pages (help/*.html, rendered from README.md and docs/ by scripts/helpPages.js) that
// the functions' helpUrls and the manifest's SupportUrl open.
//
// Every URL in manifest.xml and in the JSDoc's @helpurl is written for the dev server
// (https://localhost:3000/). A production build rewrites that address to where dist/ is
// hosted:   ADDIN_URL=https://example.org/scorecard/ npm run build:prod
// (or npm run build:prod -- --env url=https://example.org/scorecard/). `--env outDir=...`
// builds elsewhere than dist/ (the tests' production build goes to dist-prod/).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FastModuleExports = require("./scripts/fastModuleExports");
const FunctionsMetadataFlags = require("./scripts/functionsMetadataFlags");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { sources, Compilation } = require("webpack");
const { hostingAddress, DEV_ADDRESS } = require("./scripts/hostingAddress");
const { renderHelpPages } = require("./scripts/helpPages");

/** Emits the help pages and points functions.json's helpUrls at `address`. */
class HelpPagesPlugin {
  constructor(address) {
    this.address = address;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const { file, html } of renderHelpPages(__dirname)) {
            compilation.emitAsset(file, new sources.RawSource(html));
          }
          const metadata = compilation.getAsset("functions.json");
          if (metadata && this.address !== DEV_ADDRESS) {
            const json = metadata.source.source().toString().split(DEV_ADDRESS).join(this.address);
            compilation.updateAsset("functions.json", new sources.RawSource(json));
          }
        },
      );
    });
  }
}

/** The hosting address: ADDIN_URL or --env url, required by build:prod (--env prod). */
function addressFor(env, dev) {
  const given = env.url || process.env.ADDIN_URL;
  if (env.prod || given) {
    if (dev) throw new Error("A production build (ADDIN_URL or --env prod) needs --mode production");
    return hostingAddress(given);
  }
  return DEV_ADDRESS;
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const address = addressFor(env, dev);
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      // The pane's page loads functions.js first (shared runtime, one page for both), so the
      // pane's bundle takes the modules functions.js already has (core, zod) from it instead
      // of carrying a second copy. functions.js stays whole on its own.
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, env.outDir || "dist"),
      filename: "[name].js",
      // taskpane.js finds the modules it shares with functions.js through this global: the
      // same in the page, in a worker and in the test host (which has no `self`).
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        // onlyCompileBundledFiles: type errors in tests must not fail the add-in build (tsc checks them).
        { test: /\.ts$/, exclude: /node_modules/, loader: "ts-loader", options: { onlyCompileBundledFiles: true } },
      ],
    },
    performance: { hints: false },
    // The pane's page has a byte budget (DESIGN.md section 7). Webpack minifies JS with terser
    // through minimizer-webpack-plugin; these options replace its default ({ compress: { passes: 2 } }).
    // A third pass: 88 bytes less over both bundles. unsafe_arrows writes an anonymous
    // `function` expression that reads no `this` as an arrow (1,360 bytes less); terser's docs
    // call it unsafe only for a function whose `prototype` is used (`new`), and the bundles'
    // anonymous function expressions are the single-use functions terser inlines at their one
    // call: src writes classes and arrows, and zod's only one reads `this`, so stays.
    optimization: {
      minimizeOptions: { javascript: { compress: { passes: 3, unsafe_arrows: true } } },
      // The shortest export names and module ids ("size") instead of names kept stable for
      // long-term caching ("deterministic"): 759 bytes less; the add-in is loaded whole anyway.
      mangleExports: "size",
      moduleIds: "size",
    },
    plugins: [
      // Cross-module calls stay direct calls (see scripts/fastModuleExports.js).
      new FastModuleExports(),
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      // Excel passes error cells to the functions only with allowErrorForDataTypeAny, which the
      // generator cannot emit (see scripts/functionsMetadataFlags.js); the functions read an
      // error cell as missing data. allowCustomDataForDataTypeAny (the generator sets it too)
      // passes entity and formatted-number cells as objects, read by their basicValue.
      new FunctionsMetadataFlags({
        output: "functions.json",
        flags: { allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true },
      }),
      new HelpPagesPlugin(address),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions run in the task pane's page.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "docs/images/*.png", to: "help/images/[name][ext]", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return content.toString().split(DEV_ADDRESS).join(address);
            },
          },
        ],
      }),
    ],
  };
};
