/**
 * Reads the tiers argument: `Tiers` (data rows only: Tier, Min score, Requires, Grace days by
 * position) or `Tiers[#All]` (header row first, columns found by name). Tiers may come in any
 * order. Requires and Grace days are optional columns.
 */
import { cellText, isErrorValue, readCell } from "./cell";
import { TierSchema, type Problem, type Tier } from "./model";
import { parseRequires } from "./requires";
import {
  duplicateIndexes,
  headerKey,
  modelText,
  problemsOf,
  withoutTrailingBlankRows,
} from "./table";

export const TIER_HEADERS = {
  name: "Tier",
  minScore: "Min score",
  requires: "Requires",
  graceDays: "Grace days",
} as const;
type Field = keyof typeof TIER_HEADERS;

export interface TiersReading {
  tiers: Tier[];
  problems: Problem[];
}

const problem = problemsOf("Tiers");

function columnsOf(
  header: readonly unknown[] | null,
  problems: Problem[],
): Record<Field, number | undefined> {
  if (header === null)
    return { name: 0, minScore: 1, requires: 2, graceDays: 3 };
  const keys = header.map(headerKey);
  const find = (field: Field) => {
    const index = keys.indexOf(TIER_HEADERS[field].toLowerCase());
    return index < 0 ? undefined : index;
  };
  const columns = {
    name: find("name"),
    minScore: find("minScore"),
    requires: find("requires"),
    graceDays: find("graceDays"),
  };
  if (columns.name === undefined)
    problems.push(problem(-1, "Tier", "the tiers table has no Tier column"));
  if (columns.minScore === undefined)
    problems.push(
      problem(-1, "Min score", "the tiers table has no Min score column"),
    );
  return columns;
}

/**
 * A Grace days cell for the schema: a blank is 0 (no grace), and so is the 0 an older build
 * passes for a blank (DESIGN section 3), which means the same. An error value or text is left
 * as it is, so the schema names it.
 */
function graceDaysCell(cell: unknown): unknown {
  const reading = readCell(cell);
  if (reading.kind === "number") return reading.value;
  return reading.kind === "missing" && !isErrorValue(cell) ? 0 : cell;
}

export function readTiers(
  cells: readonly (readonly unknown[])[],
): TiersReading {
  const rows = withoutTrailingBlankRows(cells, true);
  const problems: Problem[] = [];
  // A header row is recognised by its Min score column holding text where scores are numbers.
  const hasHeader =
    rows.length > 0 && rows[0].some((c) => headerKey(c) === "min score");
  const columns = columnsOf(hasHeader ? rows[0] : null, problems);
  const data = hasHeader ? rows.slice(1) : rows;
  if (problems.length === 0 && data.length === 0)
    problems.push(problem(-1, null, "there are no tiers"));
  if (problems.length > 0) return { tiers: [], problems };
  const tiers: Tier[] = [];
  const names = data.map((row) => cellText(row[columns.name ?? 0]) ?? "");
  data.forEach((row, index) => {
    const name = names[index];
    const scoreCell = readCell(row[columns.minScore ?? 1]);
    // A blank Requires that arrives as 0 (older builds) means none, as a blank does.
    const requiresText =
      columns.requires === undefined ? "" : modelText(row[columns.requires]);
    const requires = parseRequires(requiresText);
    if (typeof requires === "string")
      problems.push(problem(index, "Requires", requires, name));
    const parsed = TierSchema.safeParse({
      name,
      minScore:
        scoreCell.kind === "number"
          ? scoreCell.value
          : row[columns.minScore ?? 1],
      requires: typeof requires === "string" ? [] : requires,
      graceDays: graceDaysCell(
        columns.graceDays === undefined ? null : row[columns.graceDays],
      ),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = TIER_HEADERS[issue.path[0] as Field] ?? null;
        problems.push(problem(index, column, issue.message, name));
      }
    } else if (typeof requires !== "string") {
      tiers.push(parsed.data);
    }
  });
  for (const i of duplicateIndexes(names)) {
    problems.push(
      problem(i, "Tier", `the tier name "${names[i]}" is used twice`, names[i]),
    );
  }
  return { tiers, problems };
}
