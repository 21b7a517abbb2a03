/**
 * The supply chain, checked offline (`npm audit --omit=dev`, `npm run audit:runtime`, needs
 * the registry's advisory endpoint): the lock file is committed and matches package.json, every
 * locked package is pinned by an integrity hash, and nothing third-party ships at run time (the
 * model's checks are written by hand), so an advisory anywhere in the tree cannot reach Excel.
 */
import { existsSync, readFileSync } from "fs";
import ignore from "ignore";
import { join } from "path";

const ROOT = join(__dirname, "../..");
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, name), "utf8"));

interface Locked {
  version?: string;
  integrity?: string;
  link?: boolean;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
}

const pkg = read("package.json");
const lock = read("package-lock.json") as { lockfileVersion: number; packages: Record<string, Locked> };
const locked = Object.entries(lock.packages).filter(([path]) => path !== "");

/** The packages installed for production: neither dev nor optional. */
const runtime = locked.filter(([, p]) => !p.dev && !p.devOptional && !p.optional);

describe("supply chain", () => {
  // Read from disk, not from `git ls-files`, so the check also runs from a source archive
  // without .git: a file that is there and that .gitignore does not exclude is committed.
  test("package-lock.json is committed: present and not excluded by .gitignore", () => {
    const gitignore = ignore().add(readFileSync(join(ROOT, ".gitignore"), "utf8"));
    const files = ["package-lock.json", "package.json"];
    expect(files.filter((file) => !existsSync(join(ROOT, file)))).toEqual([]);
    expect(files.filter((file) => gitignore.ignores(file))).toEqual([]);
  });

  test("the lock file matches package.json", () => {
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
    const root = lock.packages[""] as Locked & { devDependencies?: object; optionalDependencies?: object };
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
    expect(root.optionalDependencies ?? {}).toEqual(pkg.optionalDependencies ?? {});
  });

  test("every locked package is pinned by a sha512 integrity hash", () => {
    const unpinned = locked.filter(([, p]) => !p.link && !/^sha512-/.test(p.integrity ?? "")).map(([path]) => path);
    expect(unpinned).toEqual([]);
  });

  // What Excel loads may use only the packages named here, each for a reason, with nothing
  // of their own to install: zod (the model's schemas, DESIGN.md section 1) has no dependencies.
  const RUNTIME_PACKAGES = ["zod"];

  test("what runs in Excel depends only on the packages it names, and they on nothing", () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(RUNTIME_PACKAGES);
    expect(runtime.map(([path]) => path)).toEqual(RUNTIME_PACKAGES.map((name) => `node_modules/${name}`));
  });
});
