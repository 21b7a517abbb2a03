/**
 * The production build (npm run build:prod) as a team deploys it: built once here, with an
 * example hosting address written without its trailing slash, into dist-prod/ (so the dev
 * build in dist/ that the other tests and the browser workbook use is left alone). Checks:
 * - no "localhost" in any file of the build (the manifest, functions.json's helpUrls, the
 *   help pages, the bundles): every URL is the hosting address;
 * - the production manifest passes the same offline checks as manifest.xml, against the
 *   files of this build and with the hosting address as the only origin;
 * - each function's helpUrl (Microsoft, "Autogenerate JSON metadata for custom functions":
 *   @helpurl is the URL Excel opens for "Help on this function") and the manifest's
 *   SupportUrl open a help page of the build, at a heading with that anchor.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  attr,
  checkManifest,
  parseXml,
  relPathUnder,
} from "../manifest/manifestChecks";

const ROOT = path.resolve(__dirname, "..", "..");
const OUT = path.join(ROOT, "dist-prod");
const GIVEN_ADDRESS = "https://example.org/partner-scorecard";
const ADDRESS = `${GIVEN_ADDRESS}/`;

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The file of the build a hosted URL serves, or undefined when the URL is not under ADDRESS. */
function builtFile(url: string): string | undefined {
  const rel = relPathUnder(url, ADDRESS);
  return rel === undefined ? undefined : path.join(OUT, rel);
}

/**
 * Whether an HTML page has a heading with that id whose text contains `text` (the build
 * minifies the pages, so the id may stand without quotes).
 */
function hasAnchor(html: string, id: string, text: string): boolean {
  const match = new RegExp(
    `<(h[1-6])[^>]* id=("?)${id}\\2[ >]([\\s\\S]*?)</\\1>`,
  ).exec(html);
  return !!match && match[3].includes(text);
}

beforeAll(() => {
  execFileSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--env",
      "prod",
      "--env",
      "outDir=dist-prod",
    ],
    {
      cwd: ROOT,
      env: { ...process.env, ADDIN_URL: GIVEN_ADDRESS },
      stdio: "pipe",
    },
  );
}, 600_000);

describe("production build (ADDIN_URL without a trailing slash)", () => {
  test("no file of the build mentions localhost", () => {
    const files = filesUnder(OUT);
    expect(files.length).toBeGreaterThan(5);
    const mentioning = files.filter((file) =>
      /localhost/i.test(fs.readFileSync(file, "latin1")),
    );
    expect(mentioning.map((file) => path.relative(OUT, file))).toEqual([]);
  });

  test("the production manifest passes the offline checks against this build, at the hosting address", () => {
    const xml = fs.readFileSync(path.join(OUT, "manifest.xml"), "utf8");
    const exists = (rel: string) =>
      fs.existsSync(path.join(OUT, rel)) &&
      fs.statSync(path.join(OUT, rel)).isFile();
    const read = (rel: string) =>
      exists(rel) ? fs.readFileSync(path.join(OUT, rel)) : undefined;
    expect(checkManifest(xml, exists, read, ADDRESS)).toEqual([]);
    expect(xml).toContain(`"${ADDRESS}taskpane.html"`);
    expect(xml).not.toContain(`${ADDRESS}/`);
  });

  test("each helpUrl opens the function's section of a help page in the build", () => {
    const metadata = JSON.parse(
      fs.readFileSync(path.join(OUT, "functions.json"), "utf8"),
    ) as {
      functions: { name: string; helpUrl?: string }[];
    };
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const f of metadata.functions) {
      const url = f.helpUrl ?? "";
      const file = builtFile(url);
      expect({ name: f.name, url, file: file && fs.existsSync(file) }).toEqual({
        name: f.name,
        url,
        file: true,
      });
      const anchor = url.split("#")[1] ?? "";
      expect({
        name: f.name,
        anchored: hasAnchor(
          fs.readFileSync(file!, "utf8"),
          anchor,
          `PRM.${f.name}`,
        ),
      }).toEqual({
        name: f.name,
        anchored: true,
      });
    }
  });

  test("every link and picture of the help pages opens a file of the build", () => {
    const pages = filesUnder(path.join(OUT, "help")).filter((file) =>
      file.endsWith(".html"),
    );
    expect(pages.length).toBeGreaterThan(3);
    const broken: string[] = [];
    for (const page of pages) {
      const html = fs.readFileSync(page, "utf8");
      for (const [, target] of html.matchAll(/(?:href|src)="?([^"\s>]+)/g)) {
        if (/^[a-z]+:/i.test(target) || target.startsWith("#")) continue;
        const file = path.join(path.dirname(page), target.split("#")[0]);
        if (!fs.existsSync(file))
          broken.push(`${path.relative(OUT, page)} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("the SupportUrl opens the help's index page", () => {
    const { root } = parseXml(
      fs.readFileSync(path.join(OUT, "manifest.xml"), "utf8"),
    );
    const support = root?.children.find((el) => el.local === "SupportUrl");
    const file = builtFile(attr(support, "DefaultValue") ?? "");
    expect(file && path.relative(OUT, file)).toBe(
      path.join("help", "index.html"),
    );
    expect(fs.readFileSync(file!, "utf8")).toMatch(
      /<h1 id="?partner-scorecard-for-excel"?>/,
    );
  });
});
