/**
 * How the Partners columns follow the criteria in an Apply (issue 21 item 2): a new criterion
 * gets a new column headed with its name, a renamed criterion's column gets the new header
 * (its values stay where they are), and a removed criterion's column stays as the user's
 * data. Pure: the stores carry the plan out in the same write as the Criteria table.
 */
import type { PartnerColumnChanges } from "../workbook/store";

/** A criterion as the draft names it, with the Partners headers it may still have. */
export interface CriterionColumn {
  name: string;
  /** Its earlier names: the name it was loaded with and renames applied before ("" for none). */
  knownAs: readonly string[];
}

/** The plan's shape is the store's: the stores carry it out (src/workbook/store.ts). */
export type PartnerColumnPlan = PartnerColumnChanges;

const key = (name: string): string => name.trim().toLowerCase();

/** Whether a plan changes nothing. */
export function isEmptyPlan(plan: PartnerColumnPlan): boolean {
  return plan.renames.length === 0 && plan.inserts.headers.length === 0;
}

/**
 * The column inserts and renames that make `header` hold one column per criterion, named like
 * it. A column already headed with a criterion's name is its column; else a column headed
 * with one of its earlier names is renamed; else a column is added.
 */
export function planPartnerColumns(
  criteria: readonly CriterionColumn[],
  header: readonly string[],
): PartnerColumnPlan {
  const byHeader = new Map<string, number>();
  header.forEach((h, column) => {
    if (key(h) !== "" && !byHeader.has(key(h))) byHeader.set(key(h), column);
  });
  const claimed = new Set<number>();
  // Columns found by their current name first, so a rename never takes another's column.
  const found = criteria.map((c) => {
    const column = byHeader.get(key(c.name));
    if (column !== undefined && !claimed.has(column)) {
      claimed.add(column);
      return column;
    }
    return undefined;
  });
  const renames: PartnerColumnPlan["renames"] = [];
  const added: string[] = [];
  criteria.forEach((c, i) => {
    if (found[i] !== undefined || key(c.name) === "") return;
    const earlier = c.knownAs
      .map((name) => byHeader.get(key(name)))
      .find((column) => column !== undefined && !claimed.has(column));
    if (earlier !== undefined) {
      claimed.add(earlier);
      renames.push({ column: earlier, header: c.name.trim() });
    } else added.push(c.name.trim());
  });
  const lastCriterionColumn = Math.max(-1, ...claimed);
  return {
    renames,
    inserts: {
      before: lastCriterionColumn < 0 ? header.length : lastCriterionColumn,
      headers: added,
    },
  };
}

/** The Partners header after the plan: what the stores write and what the pane reads next. */
export function headerAfter(
  header: readonly string[],
  plan: PartnerColumnPlan,
): string[] {
  const renamed = [...header];
  for (const { column, header: h } of plan.renames) renamed[column] = h;
  const { before, headers } = plan.inserts;
  return [...renamed.slice(0, before), ...headers, ...renamed.slice(before)];
}
