/* eslint-disable no-undef */
// The end-to-end tests: Chromium against the browser workbook. Apart from the unit run
// (plain `jest` never needs a browser): npm run test:e2e builds, then runs
// `jest --config test/e2e/jest.config.js`.
module.exports = {
  rootDir: "../..",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testTimeout: 120_000,
  reporters: ["default", "<rootDir>/test/summaryReporter.js"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10" } }],
  },
};
