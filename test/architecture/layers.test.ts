/**
 * The layering of DESIGN.md section 1, on every file's imports. "Nothing under src/ imports
 * test/": the test helpers (fixtures, fakes,
 * the Office mock) are not shipped, so a src file that reached into test/ would either break
 * the build or carry test code into it. Imports are found by TypeScript's own pre-processor
 * (import, export ... from, import(), require), not by a regular expression. Then each folder
 * may not import the folders named in RULES, and the pure layers touch neither Office.js nor
 * the DOM.
 */
import { readdirSync, readFileSync } from "fs";
import { dirname, join, relative, resolve, sep } from "path";
import * as ts from "typescript";

const ROOT = resolve(__dirname, "../..");
const SRC = join(ROOT, "src");
const TEST = join(ROOT, "test");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The modules a file imports, resolved to absolute paths when relative. */
export function importsOf(file: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map(({ fileName }) =>
    fileName.startsWith(".") ? resolve(dirname(file), fileName) : fileName,
  );
}

function isUnderTest(path: string): boolean {
  return path === TEST || path.startsWith(TEST + sep);
}

/** Folders (under src/) whose files may not import the folders listed. */
const RULES: { folder: string; mayNotImport: string[] }[] = [
  {
    folder: "core",
    mayNotImport: [
      "programme",
      "functions",
      "host",
      "sharing",
      "workbook",
      "taskpane",
      "preview",
    ],
  },
  {
    folder: "programme",
    mayNotImport: [
      "functions",
      "host",
      "taskpane",
      "preview",
      "workbook/excelStore",
    ],
  },
  {
    folder: "sharing",
    mayNotImport: [
      "functions",
      "host",
      "taskpane",
      "preview",
      "workbook/excelStore",
    ],
  },
  {
    folder: "functions",
    mayNotImport: ["taskpane", "preview", "programme", "workbook", "host"],
  },
  { folder: "taskpane", mayNotImport: ["preview", "host", "functions"] },
  {
    folder: "taskpane/state",
    mayNotImport: ["taskpane/views", "workbook/excelStore"],
  },
];

/** Pure layers: they run in Node, the functions runtime, the pane and the preview alike. */
const PURE = ["core", "programme", "sharing"];
const OFFICE_OR_DOM =
  /\b(Office|Excel)\.[A-Za-z]|\bdocument\.|\bwindow\.|\bHTMLElement\b/;

const isUnder = (path: string, folder: string) => {
  const base = join(SRC, folder);
  return (
    path === base || path.startsWith(base + sep) || path.startsWith(base + ".")
  );
};

describe("layers", () => {
  it.each(RULES)(
    "src/$folder imports nothing from $mayNotImport",
    ({ folder, mayNotImport }) => {
      const offenders = sourceFiles(join(SRC, folder))
        .filter((file) => !/\.test\.ts$/.test(file))
        .flatMap((file) =>
          importsOf(file, readFileSync(file, "utf8"))
            .filter((target) =>
              mayNotImport.some((banned) => isUnder(target, banned)),
            )
            .map(
              (target) =>
                `${relative(ROOT, file)} imports ${relative(ROOT, target)}`,
            ),
        );
      expect(offenders).toEqual([]);
    },
  );

  it.each(PURE)("src/%s touches neither Office.js nor the DOM", (folder) => {
    const offenders = sourceFiles(join(SRC, folder)).filter((file) => {
      const code = readFileSync(file, "utf8").replace(
        /\/\*[\s\S]*?\*\/|\/\/.*$/gm,
        "",
      );
      return (
        OFFICE_OR_DOM.test(code) ||
        importsOf(file, code).some((spec) => /office|@microsoft/i.test(spec))
      );
    });
    expect(offenders.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it("sees a pure layer reaching into the pane (the rule itself can fail)", () => {
    const file = join(SRC, "core", "example.ts");
    const targets = importsOf(
      file,
      'import { a } from "../taskpane/state/session";',
    );
    expect(targets.filter((t) => isUnder(t, "taskpane"))).toEqual([
      join(SRC, "taskpane", "state", "session"),
    ]);
  });

  it("no file under src/ imports from test/", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      importsOf(file, readFileSync(file, "utf8"))
        .filter(isUnderTest)
        .map(
          (target) =>
            `${relative(ROOT, file)} imports ${relative(ROOT, target)}`,
        ),
    );
    expect(offenders).toEqual([]);
  });

  it("finds an import of test/ in every form a file can write it", () => {
    const file = join(SRC, "preview", "example.ts");
    const forms = [
      `import { x } from "../../test/fixtures";`,
      `export { x } from "../../test/fixtures";`,
      `const m = require("../../test/fixtures");`,
      `const m = await import("../../test/fixtures");`,
      `import type { X } from "../../test/fixtures";`,
    ];
    for (const form of forms)
      expect(importsOf(file, form).filter(isUnderTest)).toEqual([
        join(TEST, "fixtures"),
      ]);
    expect(
      importsOf(file, `import { x } from "../host";`).filter(isUnderTest),
    ).toEqual([]);
  });
});
