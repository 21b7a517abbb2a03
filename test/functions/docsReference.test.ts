/**
 * The README is the functions' help page (each helpUrl points into it): every function of the
 * built functions.json has its section, with its signature as the metadata declares it.
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { loadBuiltFunctions } from "../host/loadBuild";

const readme = readFileSync(resolve(__dirname, "../../README.md"), "utf8");
const host = loadBuiltFunctions();

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, "")
    .replace(/ /g, "-");
}

describe("README function reference", () => {
  test.each(host.metadata.functions.map((f) => [f.name, f] as const))("%s has a section its help URL points to", (name, f) => {
    const heading = `PRM.${name}`;
    expect(readme).toContain(`\n### ${heading}\n`);
    expect(f.helpUrl?.split("#")[1]).toBe(anchorOf(heading));
  });

  test.each(host.metadata.functions.map((f) => [f.name, f] as const))("%s is documented with its parameters in order", (name, f) => {
    const signature = f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
    expect(readme).toContain(`\`PRM.${name}(${signature})\``);
  });
});
