/**
 * docs/functions.md is the functions' reference, and the build renders it as the help page
 * each helpUrl opens (help/functions.html, see scripts/helpPages.js): every function of the
 * built functions.json has its section there, under the anchor its helpUrl names, with its
 * signature as the metadata declares it.
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { anchorOf } from "../../scripts/helpPages";
import { loadBuiltFunctions } from "../../src/host/loadBuild";

const reference = readFileSync(
  resolve(__dirname, "../../docs/functions.md"),
  "utf8",
);
const host = loadBuiltFunctions();

describe("docs/functions.md function reference", () => {
  test.each(host.metadata.functions.map((f) => [f.name, f] as const))(
    "%s has a section its help URL points to",
    (name, f) => {
      const heading = `PRM.${name}`;
      expect(reference).toContain(`\n### ${heading}\n`);
      const [page, anchor] = (f.helpUrl ?? "").split("#");
      expect(page).toMatch(/\/help\/functions\.html$/);
      expect(anchor).toBe(anchorOf(heading));
    },
  );

  test.each(host.metadata.functions.map((f) => [f.name, f] as const))(
    "%s is documented with its parameters in order",
    (name, f) => {
      const signature = f.parameters
        .map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(", ");
      expect(reference).toContain(`\`PRM.${name}(${signature})\``);
    },
  );
});
