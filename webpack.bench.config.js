/* eslint-disable no-undef */
// Builds the benchmarks (bench/index.ts) into one Node script, dist-bench/bench.js, the way
// webpack builds the task pane: modules joined, so a call into src/core costs what it costs
// in the pane. Run per file (tsx), every imported call would pass through a module getter,
// which alone doubled the what-if's time. The functions figures load dist/functions.js itself.
const path = require("path");

module.exports = {
  mode: "production",
  target: "node20",
  entry: "./bench/index.ts",
  output: { path: path.resolve(__dirname, "dist-bench"), filename: "bench.js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, loader: "ts-loader", options: { onlyCompileBundledFiles: true } }],
  },
  // Readable stack traces and profiles; the bench measures the code, not its size.
  optimization: { minimize: false },
  // __dirname as the source file's folder (relative to the project), for src/host/loadBuild.ts.
  node: { __dirname: true },
  // Loaded from node_modules as they are: HyperFormula is large and office-addin-mock pulls in Node-only modules.
  externals: { hyperformula: "commonjs hyperformula", "office-addin-mock": "commonjs office-addin-mock" },
  performance: { hints: false },
};
