/**
 * The hosting address of a production build (ADDIN_URL). Microsoft: Office Add-ins must be
 * served over HTTPS ("Requirements for running Office Add-ins": the add-in's web server must
 * use SSL), so an http address is refused before anything is built.
 */
import { hostingAddress } from "../../scripts/hostingAddress";

describe("hostingAddress", () => {
  test.each([
    ["https://example.org/scorecard", "https://example.org/scorecard/"],
    ["https://example.org/scorecard/", "https://example.org/scorecard/"],
    ["  https://example.org  ", "https://example.org/"],
    [
      "https://cdn.example.org:8443/apps/prm",
      "https://cdn.example.org:8443/apps/prm/",
    ],
  ])("%s is hosted at %s (one trailing slash)", (raw, expected) => {
    expect(hostingAddress(raw)).toBe(expected);
  });

  test.each([
    [
      "http://example.org/scorecard/",
      /is not https: Office loads add-ins only over HTTPS/,
    ],
    ["", /ADDIN_URL is not set/],
    [undefined, /ADDIN_URL is not set/],
    ["example.org/scorecard", /is not a URL/],
    ["https://example.org/?v=2", /has a query or fragment/],
    ["https://localhost:3000/", /is this machine/],
  ])("%s is refused with a clear message", (raw, message) => {
    expect(() => hostingAddress(raw)).toThrow(message);
  });
});

describe("webpack.config.js", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require("../../webpack.config.js") as (
    env: object,
    options: object,
  ) => { output: { path: string } };
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  test("build:prod without an address stops with the command to use", () => {
    delete process.env.ADDIN_URL;
    expect(() => config({ prod: true }, { mode: "production" })).toThrow(
      /ADDIN_URL is not set.*npm run build:prod/,
    );
  });

  test("an http ADDIN_URL stops the build", () => {
    process.env.ADDIN_URL = "http://example.org/scorecard/";
    expect(() => config({ prod: true }, { mode: "production" })).toThrow(
      /is not https/,
    );
  });

  test("the dev build needs no address", () => {
    delete process.env.ADDIN_URL;
    expect(config({}, { mode: "development" }).output.path).toMatch(/dist$/);
  });
});
