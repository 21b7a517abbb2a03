/* eslint-disable no-undef */
// Builds the browser workbook (src/preview) into dist-preview/, apart from dist/: dist/ is
// what Excel loads and gets deployed, and HyperFormula (GPL-3.0) must never be part of it.
// The preview page fetches dist/functions.js, functions.json and manifest.xml at run time
// from the same server (scripts/serve.js), so it computes with the real build.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (env, options) => ({
  devtool: options.mode === "development" ? "source-map" : false,
  entry: { preview: "./src/preview/preview.ts" },
  output: {
    path: path.resolve(__dirname, "dist-preview"),
    filename: "[name].js",
    // The .xlsx chunk (ExcelJS), loaded the first time a file is opened or saved.
    chunkFilename: "[name].js",
    clean: true,
  },
  resolve: {
    extensions: [".ts", ".js"],
    // ExcelJS's browser build without its polyfills (the page needs an ES2020 browser anyway).
    alias: { exceljs$: "exceljs/dist/exceljs.bare.min.js" },
  },
  module: {
    // Type-check only what the page bundles, not every file of the project in mid-edit.
    rules: [{ test: /\.ts$/, exclude: /node_modules/, loader: "ts-loader", options: { onlyCompileBundledFiles: true } }],
  },
  performance: { hints: false },
  // One lazily loaded chunk for .xlsx files (xlsx.js, ExcelJS inside), not a numbered vendor one.
  optimization: { splitChunks: false },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "preview.html",
      template: "./src/preview/preview.html",
      chunks: ["preview"],
    }),
  ],
});
