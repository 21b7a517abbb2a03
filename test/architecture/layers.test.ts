/**
 * DESIGN.md section 1: "Nothing under src/ imports test/." The test helpers (fixtures, fakes,
 * the Office mock) are not shipped, so a src file that reached into test/ would either break
 * the build or carry test code into it. Imports are found by TypeScript's own pre-processor
 * (import, export ... from, import(), require), not by a regular expression.
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
  return importedFiles.map(({ fileName }) => (fileName.startsWith(".") ? resolve(dirname(file), fileName) : fileName));
}

function isUnderTest(path: string): boolean {
  return path === TEST || path.startsWith(TEST + sep);
}

describe("layers", () => {
  it("no file under src/ imports from test/", () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) =>
      importsOf(file, readFileSync(file, "utf8"))
        .filter(isUnderTest)
        .map((target) => `${relative(ROOT, file)} imports ${relative(ROOT, target)}`)
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
    for (const form of forms) expect(importsOf(file, form).filter(isUnderTest)).toEqual([join(TEST, "fixtures")]);
    expect(importsOf(file, `import { x } from "../host";`).filter(isUnderTest)).toEqual([]);
  });
});
