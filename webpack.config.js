/* eslint-disable no-undef */
// Builds what Excel loads: functions.js + functions.json (generated from the JSDoc in
// src/functions/functions.ts) and the task pane page, which also hosts the functions
// because the add-in uses a shared runtime (one page for both, see manifest.xml).
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const FunctionsMetadataFlags = require("./scripts/functionsMetadataFlags");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
// Where a production build is hosted; override with ADDIN_URL=https://example.org/scorecard/
const urlProd = process.env.ADDIN_URL || urlDev;

module.exports = (env, options) => {
  const dev = options.mode === "development";
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
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
    plugins: [
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions run in the task pane's page.
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "README.md", to: "README.md" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
    ],
  };
};
