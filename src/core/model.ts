/**
 * The scorecard model: what the Criteria and Tiers tables on the `Scorecard` sheet mean.
 * The zod schemas below are the single statement of what a valid model is; the table readers
 * (criteriaTable.ts, tiersTable.ts) turn cells into candidate objects and let these schemas
 * judge them, so the functions and the task pane reject exactly the same things.
 *
 * zod/mini (the tree-shakable form of zod 4) keeps functions.js within its budget (DESIGN.md
 * section 7). Every field is checked; the rules across fields run only when no field had the
 * wrong type (zod runs a refinement unless an earlier issue aborted the parse). The messages
 * users see are made in one place, `messages` below, from zod's issues.
 */
import * as z from "zod/mini";
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
  /**
   * How long a partner stays below this tier, when it is the partner's assigned tier, before
   * a demotion is proposed (review.ts). 0 (a blank Grace days) is no grace.
   */
  graceDays: number;
}

/** The schemas' messages, each written once: what a user reads next to the cell at fault. */
const messages = {
  invalid: "Invalid input",
  notANumber: (what: string, value: unknown) =>
    `${what} must be a number, not ${showCell(value)}`,
  notOneOf: (what: string, value: unknown, list: readonly string[]) =>
    `${what} ${showCell(value)} is not ${list.length === 2 ? list.join(" or ") : `one of ${list.join(", ")}`}`,
  between: (what: string) => `${what} must be between 0 and 100`,
  wholeDays: (what: string) =>
    `${what} must be a whole number of days, 0 or more`,
  belowZero: "a weight must not be below zero",
  blankName: (what: string) => `the ${what} name is blank`,
  blankLabel: "a rating label is blank",
  rangeBounds: "a range criterion needs both Min and Max",
  targetMax: "a target criterion needs Max (the target)",
  maxAboveMin: (min: number, max: number) =>
    `Max (${max}) must be above Min (${min})`,
  noScale:
    "a rating criterion needs a Scale such as Low=0; Medium=50; High=100",
  labelTwice: (label: string) =>
    `the rating label "${label}" appears twice in Scale`,
};

/** A finite number; anything else is "<what> must be a number, not <the cell>". */
const number = (what: string) =>
  z.number({ error: (issue) => messages.notANumber(what, issue.input) });

/** A number from 0 to 100, one message for either bound. */
const percent = (what: string, message = messages.between(what)) =>
  number(what).check(z.gte(0, message), z.lte(100, message));

/** A name: text, and not blank. */
const name = (blank: string) =>
  z.string({ error: messages.invalid }).check(z.minLength(1, blank));

const oneOf = <T extends readonly [string, ...string[]]>(
  what: string,
  list: T,
) =>
  z.enum(list, {
    error: (issue) => messages.notOneOf(what, issue.input, list),
  });

const ratingStepSchema = () =>
  z.object(
    {
      label: name(messages.blankLabel),
      points: percent(
        "Rating points",
        "rating points must be between 0 and 100",
      ),
    },
    { error: messages.invalid },
  );

/** The rules across a criterion's fields, once every field has its type. */
function criterionRules(ctx: z.core.ParsePayload<Criterion>): void {
  const c = ctx.value;
  const issue = (path: string, message: string) =>
    ctx.issues.push({ code: "custom", input: c, path: [path], message });
  if (c.method === "range" && (c.min === null || c.max === null)) {
    issue(c.min === null ? "min" : "max", messages.rangeBounds);
  } else if (c.method === "target" && c.max === null) {
    issue("max", messages.targetMax);
  } else if (
    (c.method === "range" || c.method === "target") &&
    (c.min ?? 0) >= (c.max ?? 0)
  ) {
    issue("max", messages.maxAboveMin(c.min ?? 0, c.max ?? 0));
  }
  if (c.method !== "rating") return;
  if (c.scale.length === 0) issue("scale", messages.noScale);
  const seen = new Set<string>();
  for (const step of c.scale) {
    const key = step.label.toLowerCase();
    if (seen.has(key)) issue("scale", messages.labelTwice(step.label));
    seen.add(key);
  }
}

const criterionSchema = () =>
  z
    .object({
      name: name(messages.blankName("criterion")),
      perspective: z.string({ error: messages.invalid }),
      method: oneOf("Method", METHODS),
      better: oneOf("Better", DIRECTIONS),
      min: z.nullable(number("Min")),
      max: z.nullable(number("Max")),
      scale: z.array(ratingStepSchema(), { error: messages.invalid }),
      weights: z.record(
        z.string(),
        number("Weight").check(z.gte(0, messages.belowZero)),
        { error: messages.invalid },
      ),
    })
    .check(criterionRules) satisfies z.ZodMiniType<Criterion>;

const conditionSchema = () =>
  z.object(
    {
      criterion: name(messages.invalid),
      op: z.enum(OPERATORS, { error: messages.invalid }),
      value: z.string({ error: messages.invalid }),
    },
    { error: messages.invalid },
  );

const tierSchema = () =>
  z.object({
    name: name(messages.blankName("tier")),
    minScore: percent("Min score"),
    requires: z.array(conditionSchema(), { error: messages.invalid }),
    graceDays: number("Grace days").check(
      z.gte(0, messages.wholeDays("Grace days")),
      z.multipleOf(1, messages.wholeDays("Grace days")),
    ),
  }) satisfies z.ZodMiniType<Tier>;

/**
 * A schema made on its first use. Excel evaluates functions.js each time a workbook with PRM
 * formulas opens: making zod schemas costs milliseconds there, so it waits for the first
 * table read instead of delaying start-up (DESIGN.md section 7: under 20 ms).
 */
function onFirstUse<S extends { safeParse(input: unknown): unknown }>(
  make: () => S,
): Pick<S, "safeParse"> {
  let schema: S | undefined;
  return {
    safeParse: ((input: unknown) =>
      (schema ??= make()).safeParse(input)) as S["safeParse"],
  };
}

export const CriterionSchema = onFirstUse(criterionSchema);
export const TierSchema = onFirstUse(tierSchema);

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
