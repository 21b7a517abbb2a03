/**
 * The scorecard model: what the Criteria and Tiers tables on the `Scorecard` sheet mean.
 * The checks below are the single statement of what a valid model is; the table readers
 * (criteriaTable.ts, tiersTable.ts) turn cells into candidate objects and let these checks
 * judge them, so the functions and the task pane reject exactly the same things.
 *
 * They are written by hand rather than with a schema library: zod/mini alone was 20 KB of
 * the 30 KB that Excel may load for the functions each time a workbook opens. They keep
 * zod's contract (safeParse, issues with a path) and its order: every field is checked, and
 * the rules across fields run only when no field had the wrong type.
 */
import { showCell } from "./cell";

export const METHODS = ["range", "target", "rating", "yesno"] as const;
export type Method = (typeof METHODS)[number];
export const DIRECTIONS = ["higher", "lower"] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const OPERATORS = [">=", "<=", "<>", ">", "<", "="] as const;
export type Operator = (typeof OPERATORS)[number];

/** The profile of the plain `Weight` column; other profiles are named `Weight (Name)`. */
export const DEFAULT_PROFILE = "";

export interface RatingStep {
  label: string;
  points: number;
}

export interface Criterion {
  name: string;
  perspective: string;
  method: Method;
  better: Direction;
  min: number | null;
  max: number | null;
  scale: RatingStep[];
  /** Weight per profile, the default profile under "". */
  weights: Record<string, number>;
}

export interface Condition {
  criterion: string;
  op: Operator;
  value: string;
}

export interface Tier {
  name: string;
  minScore: number;
  requires: Condition[];
}

/** What a check found wrong: the field (path into the candidate) and what, in words. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

export type Parsed<T> =
  { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** The issues of one candidate; `typeError` marks a wrong type, which stops the cross-field rules. */
class Issues {
  readonly list: Issue[] = [];
  typeError = false;
  add(path: Issue["path"], message: string): void {
    this.list.push({ path, message });
  }
  wrongType(path: Issue["path"], message: string): void {
    this.add(path, message);
    this.typeError = true;
  }
  result<T>(data: T): Parsed<T> {
    return this.list.length === 0
      ? { success: true, data }
      : { success: false, error: { issues: this.list } };
  }
}

const INVALID = "Invalid input";

function isNumber(x: unknown): x is number {
  return typeof x === "number" && Number.isFinite(x);
}

/** A number cell: its type is checked first, then its bounds (a message per bound). */
function checkNumber(
  issues: Issues,
  path: Issue["path"],
  what: string,
  value: unknown,
  bounds: [min: number, max: number, message: string] | null,
): void {
  if (!isNumber(value))
    issues.wrongType(path, `${what} must be a number, not ${showCell(value)}`);
  else if (bounds && (value < bounds[0] || value > bounds[1]))
    issues.add(path, bounds[2]);
}

function checkName(
  issues: Issues,
  path: Issue["path"],
  value: unknown,
  blank: string,
): void {
  if (typeof value !== "string") issues.wrongType(path, INVALID);
  else if (value.length === 0) issues.add(path, blank);
}

function checkList<T>(
  issues: Issues,
  path: string,
  value: unknown,
  checkItem: (item: T, at: Issue["path"]) => void,
): void {
  if (!Array.isArray(value)) return issues.wrongType([path], INVALID);
  value.forEach((item: T, i) => checkItem(item, [path, i]));
}

function checkRatingStep(issues: Issues, step: unknown, at: Issue["path"]) {
  const s = (step ?? {}) as Record<string, unknown>;
  if (typeof step !== "object" || step === null)
    return issues.wrongType(at, INVALID);
  checkName(issues, [...at, "label"], s.label, "a rating label is blank");
  const bounds = "rating points must be between 0 and 100";
  checkNumber(issues, [...at, "points"], "Rating points", s.points, [
    0,
    100,
    bounds,
  ]);
}

function oneOf<T extends string>(
  list: readonly T[],
  value: unknown,
): value is T {
  return (list as readonly unknown[]).includes(value);
}

/** The rules across a criterion's fields, once every field has its type. */
function checkCriterionRules(c: Criterion, issues: Issues): void {
  if (c.method === "range" && (c.min === null || c.max === null)) {
    issues.add(
      [c.min === null ? "min" : "max"],
      "a range criterion needs both Min and Max",
    );
  } else if (c.method === "target" && c.max === null) {
    issues.add(["max"], "a target criterion needs Max (the target)");
  } else if (
    (c.method === "range" || c.method === "target") &&
    (c.min ?? 0) >= (c.max ?? 0)
  ) {
    issues.add(["max"], `Max (${c.max}) must be above Min (${c.min ?? 0})`);
  }
  if (c.method === "rating") {
    if (c.scale.length === 0)
      issues.add(
        ["scale"],
        "a rating criterion needs a Scale such as Low=0; Medium=50; High=100",
      );
    const seen = new Set<string>();
    for (const step of c.scale) {
      const key = step.label.toLowerCase();
      if (seen.has(key))
        issues.add(
          ["scale"],
          `the rating label "${step.label}" appears twice in Scale`,
        );
      seen.add(key);
    }
  }
}

export const CriterionSchema = {
  safeParse(input: unknown): Parsed<Criterion> {
    const c = input as Record<string, unknown>;
    const issues = new Issues();
    checkName(issues, ["name"], c.name, "the criterion name is blank");
    if (typeof c.perspective !== "string")
      issues.wrongType(["perspective"], INVALID);
    if (!oneOf(METHODS, c.method))
      issues.wrongType(
        ["method"],
        `Method ${showCell(c.method)} is not one of range, target, rating, yesno`,
      );
    if (!oneOf(DIRECTIONS, c.better))
      issues.wrongType(
        ["better"],
        `Better ${showCell(c.better)} is not higher or lower`,
      );
    for (const field of ["min", "max"] as const)
      if (c[field] !== null)
        checkNumber(
          issues,
          [field],
          field === "min" ? "Min" : "Max",
          c[field],
          null,
        );
    checkList(issues, "scale", c.scale, (step, at) =>
      checkRatingStep(issues, step, at),
    );
    const weights = c.weights as Record<string, unknown>;
    if (typeof weights !== "object" || weights === null)
      issues.wrongType(["weights"], INVALID);
    else
      for (const [profile, weight] of Object.entries(weights))
        checkNumber(issues, ["weights", profile], "Weight", weight, [
          0,
          Infinity,
          "a weight must not be below zero",
        ]);
    if (issues.typeError) return issues.result(c as unknown as Criterion);
    const criterion: Criterion = {
      name: c.name as string,
      perspective: c.perspective as string,
      method: c.method as Method,
      better: c.better as Direction,
      min: c.min as number | null,
      max: c.max as number | null,
      scale: (c.scale as RatingStep[]).map((s) => ({
        label: s.label,
        points: s.points,
      })),
      weights: { ...(weights as Record<string, number>) },
    };
    checkCriterionRules(criterion, issues);
    return issues.result(criterion);
  },
};

function checkCondition(issues: Issues, condition: unknown, at: Issue["path"]) {
  const c = (condition ?? {}) as Record<string, unknown>;
  if (typeof condition !== "object" || condition === null)
    return issues.wrongType(at, INVALID);
  checkName(issues, [...at, "criterion"], c.criterion, INVALID);
  if (!oneOf(OPERATORS, c.op)) issues.wrongType([...at, "op"], INVALID);
  if (typeof c.value !== "string") issues.wrongType([...at, "value"], INVALID);
}

export const TierSchema = {
  safeParse(input: unknown): Parsed<Tier> {
    const t = input as Record<string, unknown>;
    const issues = new Issues();
    checkName(issues, ["name"], t.name, "the tier name is blank");
    const bounds = "Min score must be between 0 and 100";
    checkNumber(issues, ["minScore"], "Min score", t.minScore, [
      0,
      100,
      bounds,
    ]);
    checkList(issues, "requires", t.requires, (condition, at) =>
      checkCondition(issues, condition, at),
    );
    return issues.result<Tier>({
      name: t.name as string,
      minScore: t.minScore as number,
      requires: Array.isArray(t.requires)
        ? (t.requires as Condition[]).map((c) => ({
            criterion: c.criterion,
            op: c.op,
            value: c.value,
          }))
        : [],
    });
  },
};

/** The whole model: criteria with a weight per profile, the profile names, the tiers. */
export interface Scorecard {
  criteria: Criterion[];
  /** Profiles besides the default one, in column order (`Weight (Reseller)` -> "Reseller"). */
  profiles: string[];
  tiers: Tier[];
}

/** The Criteria table alone, which is what the scoring functions need. */
export type CriteriaModel = Pick<Scorecard, "criteria" | "profiles">;

/** A finding about one cell (or row, or the table) of a scorecard table. */
export interface Problem {
  table: "Criteria" | "Tiers";
  /** 0-based row among the data rows; -1 for the header or the table as a whole. */
  row: number;
  /** The header of the column at fault, or null for the whole row or table. */
  column: string | null;
  /** The criterion or tier the row names, when it has one. */
  name?: string;
  message: string;
}

/** One line a user can act on: where the problem is, then what it is. */
export function describeProblem(p: Problem): string {
  const where =
    p.row < 0
      ? p.table
      : `${p.table} row ${p.row + 1}${p.name ? ` (${p.name})` : ""}`;
  return `${where}: ${p.message}`;
}
