// Offline checks of manifest.xml (see manifestChecks.ts), run on the real file and on
// broken copies, so that each check is known to be able to fail.
//
// After `npm run build` (dist/functions.json exists) URLs are checked against dist/;
// without a build, icons are checked in assets/ and the other files against the list
// of what webpack.config.js emits.
import * as fs from "fs";
import * as path from "path";
import { checkManifest, parseXml, pngSize } from "./manifestChecks";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BUILT = fs.existsSync(path.join(DIST, "functions.json"));

/** Non-asset files webpack.config.js writes to dist/ (entries, metadata plugin, html plugin, copies). */
const BUILD_OUTPUTS = new Set([
  "functions.js",
  "functions.json",
  "taskpane.html",
  "help/index.html",
  "manifest.xml",
]);

function sourcePath(rel: string): string | undefined {
  if (BUILT) return path.join(DIST, rel);
  return rel.startsWith("assets/") ? path.join(ROOT, rel) : undefined;
}
function fileExists(rel: string): boolean {
  const p = sourcePath(rel);
  return p
    ? fs.existsSync(p) && fs.statSync(p).isFile()
    : BUILD_OUTPUTS.has(rel);
}
function readFile(rel: string): Uint8Array | undefined {
  const p = sourcePath(rel);
  return p && fs.existsSync(p) ? fs.readFileSync(p) : undefined;
}

const check = (xml: string) => checkManifest(xml, fileExists, readFile);

/** Replace `from` by `to` in the manifest, failing loudly if `from` is not there. */
function broken(from: string | RegExp, to: string, xml = MANIFEST): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

describe("manifest.xml", () => {
  test(`passes every check (files checked against ${BUILT ? "dist/" : "assets/ + build output list"})`, () => {
    expect(check(MANIFEST)).toEqual([]);
  });

  test("is well-formed and a TaskPaneApp OfficeApp", () => {
    const { root, errors } = parseXml(MANIFEST);
    expect(errors).toEqual([]);
    expect(root?.local).toBe("OfficeApp");
  });

  test("has no Contoso template leftovers", () => {
    expect(MANIFEST).not.toMatch(/contoso/i);
  });

  test.each([16, 20, 24, 32, 40, 48, 64, 80, 128])(
    "assets/icon-%i.png exists with that pixel size",
    (size) => {
      const bytes = fs.readFileSync(
        path.join(ROOT, "assets", `icon-${size}.png`),
      );
      expect(pngSize(bytes)).toEqual({ width: size, height: size });
    },
  );
});

describe("checkManifest reports broken manifests", () => {
  const cases: [string, () => string, RegExp][] = [
    [
      "a dropped bt:Url definition",
      () => broken(/\s*<bt:Url id="Functions.Metadata.Url"[^>]*\/>/, ""),
      /resid "Functions.Metadata.Url" on <SourceLocation> .* is not defined under Resources/,
    ],
    [
      "a resource id defined twice",
      () =>
        broken(
          '<bt:String id="GetStarted.Title"',
          '<bt:String id="Functions.Namespace" DefaultValue="X"/>\n<bt:String id="GetStarted.Title"',
        ),
      /resource id "Functions.Namespace" is defined 2 times/,
    ],
    [
      "truncated XML",
      () => MANIFEST.slice(0, MANIFEST.length / 2),
      /not well-formed XML/,
    ],
    [
      "a duplicated attribute",
      () =>
        broken(
          '<Runtime resid="Taskpane.Url"',
          '<Runtime resid="Taskpane.Url" resid="Taskpane.Url"',
        ),
      /not well-formed XML: .*resid repeated/,
    ],
    [
      "a second root element",
      () => MANIFEST + "<OfficeApp/>",
      /not well-formed XML: .*second root/,
    ],
    [
      "the wrong add-in type",
      () => broken('xsi:type="TaskPaneApp"', 'xsi:type="ContentApp"'),
      /expected "TaskPaneApp"/,
    ],
    [
      "an http URL",
      () =>
        broken(
          '"https://localhost:3000/functions.js"',
          '"http://localhost:3000/functions.js"',
        ),
      /is not https/,
    ],
    [
      "a URL outside the dev origin",
      () =>
        broken(
          'id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/help/index.html"',
          'id="GetStarted.LearnMoreUrl" DefaultValue="https://example.org/help"',
        ),
      /is not under https:\/\/localhost:3000\//,
    ],
    [
      "a URL to a file the build does not produce",
      () => broken("assets/icon-80.png", "assets/icon-81.png"),
      /points at "assets\/icon-81.png", which the build does not produce/,
    ],
    [
      "a resid pointing at the wrong kind of resource",
      () =>
        broken(
          '<Label resid="ScorecardGroup.Label"/>',
          '<Label resid="Taskpane.Url"/>',
        ),
      /must name a ShortString resource, but it is a Url/,
    ],
    [
      "an unused resource",
      () =>
        broken(
          "</bt:ShortStrings>",
          '<bt:String id="Spare.Label" DefaultValue="x"/></bt:ShortStrings>',
        ),
      /"Spare.Label" is defined but never used/,
    ],
    [
      "another functions namespace",
      () => broken('DefaultValue="PRM"', 'DefaultValue="PARTNER"'),
      /namespace is "PARTNER"; expected "PRM"/,
    ],
    [
      "a metadata URL that is not functions.json",
      () => broken("/functions.json", "/functions.xml"),
      /Metadata URL .* must end with \/functions.json/,
    ],
    [
      "a script URL that is not functions.js",
      () => broken('/functions.js"', '/taskpane.js"'),
      /Script URL .* must end with \/functions.js/,
    ],
    [
      "a separate functions page (no shared runtime)",
      () =>
        broken(
          '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
          '<Page>\n              <SourceLocation resid="Functions.Page.Url"/>',
          broken(
            "</bt:Urls>",
            '<bt:Url id="Functions.Page.Url" DefaultValue="https://localhost:3000/taskpane.html"/></bt:Urls>',
          ),
        ),
      /shared runtime: CustomFunctions Page uses resid "Functions.Page.Url" but the Runtime uses "Taskpane.Url"/,
    ],
    [
      "a short-lived runtime",
      () => broken(' lifetime="long"', ""),
      /needs lifetime="long"/,
    ],
    [
      "no Runtimes element",
      () => broken(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, ""),
      /exactly one <Runtime>/,
    ],
    [
      "no SharedRuntime requirement",
      () => broken(/\s*<Set Name="SharedRuntime"[^>]*\/>/, ""),
      /SharedRuntime/,
    ],
    [
      "weaker permissions",
      () =>
        broken("<Permissions>ReadWriteDocument<", "<Permissions>ReadDocument<"),
      /expected ReadWriteDocument/,
    ],
    [
      "a Contoso leftover",
      () =>
        broken("<ProviderName>Partner Scorecard<", "<ProviderName>Contoso<"),
      /Contoso/,
    ],
    [
      "another host",
      () => broken('<Host Name="Workbook"/>', '<Host Name="Document"/>'),
      /expected only Workbook/,
    ],
    [
      "elements out of schema order",
      () =>
        broken(
          /(\s*<DefaultSettings>[\s\S]*?<\/DefaultSettings>)(\s*<Permissions>ReadWriteDocument<\/Permissions>)/,
          "$2$1",
        ),
      /<DefaultSettings> .* is out of order in OfficeApp/,
    ],
    [
      "Runtimes after AllFormFactors",
      () =>
        broken(
          /(\s*<Runtimes>[\s\S]*?<\/Runtimes>)(\s*<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
          "$2$1",
        ),
      /<Runtimes> .* is out of order in VersionOverrides Host/,
    ],
    [
      "an icon whose pixels differ from its size",
      () =>
        broken(
          '<bt:Image size="32" resid="Icon.32x32"/>',
          '<bt:Image size="32" resid="Icon.16x16"/>',
        ),
      /resid "Icon.16x16": "assets\/icon-16.png" is 16x16 pixels; expected 32x32/,
    ],
    [
      "an icon resource pointing at the wrong file",
      () =>
        broken(
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"',
          'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"',
        ),
      /"assets\/icon-64.png" is 64x64 pixels; expected 80x80/,
    ],
    [
      // "Configure your Office Add-in to use a shared runtime", Good practice: avoid
      // multiple task panes.
      "a ShowTaskpane action with a TaskpaneId",
      () =>
        broken(
          '<Action xsi:type="ShowTaskpane">',
          '<Action xsi:type="ShowTaskpane">\n<TaskpaneId>ButtonId1</TaskpaneId>',
        ),
      /ShowTaskpane action .* has a TaskpaneId/,
    ],
    [
      // "Add-in commands": ribbon icons 16, 32, 80 required; 20, 24, 40, 48, 64 supported.
      "a ribbon icon size left out",
      () => broken(/\s*<bt:Image size="40" resid="Icon.40x40"\/>/, ""),
      /ribbon <Icon> \(line \d+\) has no image of size 40/,
    ],
  ];

  test.each(cases)("%s", (_name, make, expected) => {
    const problems = check(make());
    expect(problems.join("\n")).toMatch(expected);
  });

  test("a file that is not a PNG is reported", () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]); // "GIF89a"
    const problems = checkManifest(MANIFEST, fileExists, (rel) =>
      rel.endsWith(".png") ? gif : undefined,
    );
    expect(problems.join("\n")).toMatch(/"assets\/icon-32.png" is not a PNG/);
  });

  test("the real manifest with every file missing reports each URL", () => {
    const problems = checkManifest(MANIFEST, () => false);
    for (const rel of [
      "functions.js",
      "functions.json",
      "taskpane.html",
      "help/index.html",
      "assets/icon-16.png",
      "assets/icon-64.png",
    ]) {
      expect(problems.join("\n")).toContain(`points at "${rel}"`);
    }
  });
});
