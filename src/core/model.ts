/**
 * The scorecard model: what the Criteria and Tiers tables on the `Scorecard` sheet mean.
 * The zod schemas are the single statement of what a valid model is; the table readers
 * (criteriaTable.ts, tiersTable.ts) turn cells into candidate objects and let these schemas
 * judge them, so the functions and the task pane reject exactly the same things.
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

const numberCell = (what: string) =>
  z.number({
    error: (issue) => `${what} must be a number, not ${showCell(issue.input)}`,
  });

export const RatingStepSchema = z.object({
  label: z.string().check(z.minLength(1, "a rating label is blank")),
  points: numberCell("Rating points").check(
    z.gte(0, "rating points must be between 0 and 100"),
    z.lte(100, "rating points must be between 0 and 100"),
  ),
});
export type RatingStep = z.infer<typeof RatingStepSchema>;

export const CriterionSchema = z
  .object({
    name: z.string().check(z.minLength(1, "the criterion name is blank")),
    perspective: z.string(),
    method: z.enum(METHODS, {
      error: (issue) =>
        `Method ${showCell(issue.input)} is not one of range, target, rating, yesno`,
    }),
    better: z.enum(DIRECTIONS, {
      error: (issue) =>
        `Better ${showCell(issue.input)} is not higher or lower`,
    }),
    min: z.nullable(numberCell("Min")),
    max: z.nullable(numberCell("Max")),
    scale: z.array(RatingStepSchema),
    weights: z.record(
      z.string(),
      numberCell("Weight").check(z.gte(0, "a weight must not be below zero")),
    ),
  })
  .check(
    z.superRefine((c, ctx) => {
      const say = (path: string, message: string) =>
        ctx.issues.push({ code: "custom", path: [path], message, input: c });
      if (c.method === "range" && (c.min === null || c.max === null)) {
        say(
          c.min === null ? "min" : "max",
          "a range criterion needs both Min and Max",
        );
      } else if (c.method === "target" && c.max === null) {
        say("max", "a target criterion needs Max (the target)");
      } else if (
        (c.method === "range" || c.method === "target") &&
        (c.min ?? 0) >= (c.max ?? 0)
      ) {
        say("max", `Max (${c.max}) must be above Min (${c.min ?? 0})`);
      }
      if (c.method === "rating") {
        if (c.scale.length === 0)
          say(
            "scale",
            "a rating criterion needs a Scale such as Low=0; Medium=50; High=100",
          );
        const seen = new Set<string>();
        for (const step of c.scale) {
          const key = step.label.toLowerCase();
          if (seen.has(key))
            say(
              "scale",
              `the rating label "${step.label}" appears twice in Scale`,
            );
          seen.add(key);
        }
      }
    }),
  );
export type Criterion = z.infer<typeof CriterionSchema>;

export const ConditionSchema = z.object({
  criterion: z.string().check(z.minLength(1)),
  op: z.enum(OPERATORS),
  value: z.string(),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const TierSchema = z.object({
  name: z.string().check(z.minLength(1, "the tier name is blank")),
  minScore: numberCell("Min score").check(
    z.gte(0, "Min score must be between 0 and 100"),
    z.lte(100, "Min score must be between 0 and 100"),
  ),
  requires: z.array(ConditionSchema),
});
export type Tier = z.infer<typeof TierSchema>;

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
