/**
 * The browser workbook's Apply with the Partners columns following the criteria (issue 21
 * item 2), on the real sample and the built functions: a column inserted inside the span the
 * formulas read grows their references, as Excel does (Microsoft's Excel.TableColumnCollection
 * add: "the previous column at this position is shifted to the right").
 */
import { loadBuiltFunctions } from "../host/loadBuild";
import { planPartnerColumns } from "../programme/partnerColumns";
import { columnLetters } from "../workbook/address";
import { sampleTables } from "../workbook/sample";
import type { TableData } from "../workbook/store";
import { registerCustomFunctions } from "./customFunctionsPlugin";
import { GridStore } from "./gridStore";
import { Workbook } from "./workbook";

beforeAll(() => registerCustomFunctions(loadBuiltFunctions()));

async function sample() {
  const workbook = new Workbook();
  const store = new GridStore(workbook);
  await store.createSample(sampleTables());
  const loaded = await store.load();
  return {
    workbook,
    store,
    criteria: loaded.criteria!,
    tiers: loaded.tiers!,
    partners: loaded.partners!,
  };
}

const columnOf = (partners: TableData, header: string) =>
  partners.rows.map((row) => row[partners.header.indexOf(header)]);
const criteriaColumns = (criteria: TableData, names: string[]) =>
  names.map((name) => ({ name, knownAs: [name] }));

describe("GridStore: the Partners columns follow the criteria", () => {
  it("adds a column for a new criterion inside the formulas' span; no Score or Tier is an error", async () => {
    const { store, criteria, tiers, partners } = await sample();
    const names = criteria.rows.map((row) => String(row[0]));
    // A new criterion: range 0-10, weight 5 (the header's columns as the sample has them).
    const added = criteria.header.map(
      (h) =>
        ({
          Criterion: "Events",
          Method: "range",
          Better: "higher",
          Min: 0,
          Max: 10,
          Weight: 5,
        })[h] ?? "",
    );
    const next = { ...criteria, rows: [...criteria.rows, added] };
    const plan = planPartnerColumns(
      criteriaColumns(criteria, [...names, "Events"]),
      partners.header,
    );
    expect(plan.inserts.headers).toEqual(["Events"]);
    await store.save(next, tiers, plan);
    const after = (await store.load()).partners!;
    expect(after.header).toContain("Events");
    expect(after.header.indexOf("Events")).toBeLessThan(
      after.header.indexOf(names[names.length - 1]),
    );
    for (const score of columnOf(after, "Score"))
      expect(typeof score).toBe("number");
    for (const tier of columnOf(after, "Tier"))
      expect(String(tier)).not.toMatch(/^#/);
    // The formulas' span grew over the new column: it ends at the last criterion's column.
    const { partners: withFormulas } = await store.load({
      formulasOf: ["Partners"],
    });
    // The sample's span C:K ends at Cert expiry (K), which moved right by one to L.
    expect(after.header.indexOf("Cert expiry")).toBe(
      partners.header.indexOf("Cert expiry") + 1,
    );
    const last = columnLetters(after.header.indexOf("Cert expiry"));
    const scoreFormula = String(
      withFormulas!.formulas![0][after.header.indexOf("Score")],
    );
    expect(scoreFormula).toContain(`C2:${last}2`);
    expect(scoreFormula).toContain(`C$1:${last}$1`);
    // The values stay with their columns.
    for (const name of names)
      expect(columnOf(after, name)).toEqual(columnOf(partners, name));
  });

  it("renames a column with its criterion; the scores do not change", async () => {
    const { store, criteria, tiers, partners } = await sample();
    const names = criteria.rows.map((row) => String(row[0]));
    const renamedTo = names.map((n, i) => (i === 1 ? `${n} (new)` : n));
    const next = {
      ...criteria,
      rows: criteria.rows.map((row, i) =>
        i === 1 ? [renamedTo[1], ...row.slice(1)] : row,
      ),
    };
    const plan = planPartnerColumns(
      renamedTo.map((name, i) => ({ name, knownAs: [names[i]] })),
      partners.header,
    );
    await store.save(next, tiers, plan);
    const after = (await store.load()).partners!;
    expect(after.header).toContain(renamedTo[1]);
    expect(after.header).not.toContain(names[1]);
    expect(columnOf(after, renamedTo[1])).toEqual(columnOf(partners, names[1]));
    expect(columnOf(after, "Score")).toEqual(columnOf(partners, "Score"));
  });
});
