/**
 * Reads the criteria argument: the Criteria table with its header row (Criteria[#All]),
 * columns found by name; or a plain row/column of numbers, meaning weights of values already
 * on the 0-100 scale. Every problem is reported with its row and column; nothing is guessed.
 */
import { cellText, readCell } from "./cell";
import {
  CriterionSchema,
  DEFAULT_PROFILE,
  type CriteriaModel,
  type Criterion,
  type Problem,
} from "./model";
import { parseScale } from "./scale";
import {
  duplicateIndexes,
  headerKey,
  problemsOf,
  isBlankInModel,
  modelText,
  withoutTrailingBlankRows,
} from "./table";

export const CRITERIA_HEADERS = {
  name: "Criterion",
  perspective: "Perspective",
  method: "Method",
  better: "Better",
  min: "Min",
  max: "Max",
  scale: "Scale",
} as const;
type Field = keyof typeof CRITERIA_HEADERS;
const REQUIRED: readonly Field[] = ["name", "method"];
const PROFILE_HEADER = /^\s*weight\s*\((.*)\)\s*$/i;

/**
 * The profile a `Weight (X)` header names, in the header's own spelling ("" for `Weight ()`),
 * or null for any other header, the plain `Weight` included.
 */
export function profileInWeightHeader(header: unknown): string | null {
  const match = PROFILE_HEADER.exec(cellText(header) ?? "");
  return match ? match[1].trim() : null;
}

export function weightHeader(profile: string): string {
  return profile === DEFAULT_PROFILE ? "Weight" : `Weight (${profile})`;
}

export interface CriteriaReading {
  model: CriteriaModel;
  problems: Problem[];
}

interface Layout {
  fields: Partial<Record<Field, number>>;
  /** Column of each profile's weights, the default profile first. */
  weights: { profile: string; column: number }[];
}

const problem = problemsOf("Criteria");

/** Reads `cells` (a 2-D range as Excel passes it) into criteria, collecting every problem. */
export function readCriteria(
  cells: readonly (readonly unknown[])[],
): CriteriaReading {
  const rows = withoutTrailingBlankRows(cells);
  const headerRow =
    rows.length > 0 && rows[0].some((c) => headerKey(c) === "criterion");
  if (headerRow) return readTable(withoutTrailingBlankRows(rows, true));
  if (
    rows.length > 0 &&
    (rows.length === 1 || rows.every((r) => r.length === 1))
  ) {
    const flat = rows.flat();
    if (flat.every((c) => readCell(c).kind === "number"))
      return readPlainWeights(flat as number[]);
  }
  return {
    model: { criteria: [], profiles: [] },
    problems: [
      problem(
        -1,
        null,
        "criteria must be the Criteria table with its header row (Criteria[#All]) or a row or column of weights; no Criterion header was found",
      ),
    ],
  };
}

function readPlainWeights(weights: number[]): CriteriaReading {
  const problems: Problem[] = [];
  const criteria = weights.map((weight, i): Criterion => {
    if (weight < 0)
      problems.push(
        problem(i, "Weight", `a weight must not be below zero, not ${weight}`),
      );
    return {
      name: `Value ${i + 1}`,
      perspective: "",
      method: "range",
      better: "higher",
      min: 0,
      max: 100,
      scale: [],
      weights: { [DEFAULT_PROFILE]: weight },
    };
  });
  return { model: { criteria, profiles: [] }, problems };
}

function layoutOf(header: readonly unknown[], problems: Problem[]): Layout {
  const fields: Layout["fields"] = {};
  const weights: Layout["weights"] = [];
  const byKey = new Map<string, Field>(
    (Object.keys(CRITERIA_HEADERS) as Field[]).map((f) => [
      CRITERIA_HEADERS[f].toLowerCase(),
      f,
    ]),
  );
  header.forEach((cell, column) => {
    const key = headerKey(cell);
    const field = byKey.get(key);
    const profile = profileInWeightHeader(cell);
    if (field !== undefined) {
      if (fields[field] === undefined) fields[field] = column;
      else
        problems.push(
          problem(
            -1,
            CRITERIA_HEADERS[field],
            `two columns are headed ${CRITERIA_HEADERS[field]}`,
          ),
        );
    } else if (key === "weight") {
      weights.unshift({ profile: DEFAULT_PROFILE, column });
    } else if (profile !== null) {
      if (profile === "")
        problems.push(
          problem(
            -1,
            cellText(cell),
            "a Weight column names no profile: write Weight (Influencer)",
          ),
        );
      else if (
        weights.some((w) => w.profile.toLowerCase() === profile.toLowerCase())
      )
        problems.push(
          problem(
            -1,
            cellText(cell),
            `two weight columns are for the profile ${profile}`,
          ),
        );
      else weights.push({ profile, column });
    }
  });
  for (const field of REQUIRED) {
    if (fields[field] === undefined)
      problems.push(
        problem(
          -1,
          CRITERIA_HEADERS[field],
          `the table has no ${CRITERIA_HEADERS[field]} column`,
        ),
      );
  }
  if (!weights.some((w) => w.profile === DEFAULT_PROFILE))
    problems.push(problem(-1, "Weight", "the table has no Weight column"));
  return { fields, weights };
}

/** A cell as it is, or null for a blank in any form (null, "", n/a, an older build's 0). */
function blankAsNull(cell: unknown): unknown {
  return isBlankInModel(cell) ? null : cell;
}

/** A number cell as a number, blank as `blank`, anything else as it is (the schema names it). */
function numberOrBlank(cell: unknown, blank: number | null): unknown {
  const reading = readCell(cell);
  if (reading.kind === "missing") return blank;
  return reading.kind === "number" ? reading.value : cell;
}

function readTable(rows: readonly (readonly unknown[])[]): CriteriaReading {
  const problems: Problem[] = [];
  const layout = layoutOf(rows[0], problems);
  if (problems.length > 0)
    return { model: { criteria: [], profiles: [] }, problems };
  const text = (row: readonly unknown[], field: Field) => {
    const column = layout.fields[field];
    return column === undefined ? "" : (cellText(row[column]) ?? "");
  };
  // Where 0 cannot mean anything, it is an older build's blank (table.ts, modelCell).
  const textOrBlank = (row: readonly unknown[], field: Field) => {
    const column = layout.fields[field];
    return column === undefined ? "" : modelText(row[column]);
  };
  const criteria: Criterion[] = [];
  rows.slice(1).forEach((row, index) => {
    const name = text(row, "name");
    const scaleText = textOrBlank(row, "scale");
    const scale = parseScale(scaleText);
    if (typeof scale === "string")
      problems.push(problem(index, "Scale", scale, name));
    const candidate = {
      name,
      perspective: textOrBlank(row, "perspective"),
      // Text that is no method is named in the message as written; a blank as a blank.
      method:
        textOrBlank(row, "method").toLowerCase() ||
        blankAsNull(row[layout.fields.method ?? -1]),
      better: textOrBlank(row, "better").toLowerCase() || "higher",
      min:
        layout.fields.min === undefined
          ? null
          : numberOrBlank(row[layout.fields.min], null),
      max:
        layout.fields.max === undefined
          ? null
          : numberOrBlank(row[layout.fields.max], null),
      scale: typeof scale === "string" ? [] : scale,
      // A blank weight means the criterion does not count in that profile.
      weights: Object.fromEntries(
        layout.weights.map((w) => [w.profile, numberOrBlank(row[w.column], 0)]),
      ),
    };
    const parsed = CriterionSchema.safeParse(candidate);
    if (parsed.success) {
      if (typeof scale !== "string") criteria.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const [field, profile] = issue.path as string[];
      const column =
        field === "weights"
          ? weightHeader(profile ?? DEFAULT_PROFILE)
          : (CRITERIA_HEADERS[field as Field] ?? null);
      problems.push(problem(index, column, issue.message, name));
    }
  });
  const names = rows.slice(1).map((row) => text(row, "name"));
  for (const i of duplicateIndexes(names)) {
    problems.push(
      problem(
        i,
        "Criterion",
        `the criterion name "${names[i]}" is used twice`,
        names[i],
      ),
    );
  }
  const profiles = layout.weights
    .map((w) => w.profile)
    .filter((p) => p !== DEFAULT_PROFILE);
  return { model: { criteria, profiles }, problems };
}
