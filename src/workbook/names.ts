/**
 * The names under which the scorecard lives in a workbook (../shared/DESIGN.md section 2).
 * Formulas and the functions refer to the tables by these names, so they are stated once.
 */
export const TABLE = {
  criteria: "Criteria",
  tiers: "Tiers",
  partners: "Partners",
  history: "History",
  evaluation: "Evaluation",
} as const;

/**
 * The one column of the Evaluation table: the day the sample's PRM.CERTSTATUS judges on.
 * A date in a cell, not TODAY(), so scores recalculate only when data, model or that date
 * change (TODAY() is volatile: every edit anywhere would recalculate every score).
 */
export const EVALUATION_DATE = "Evaluation date";

export const SHEET = {
  scorecard: "Scorecard",
  partners: "Partners",
  /** Not "History": Excel reserves that sheet name ("Rename a worksheet"). The table keeps it. */
  history: "Tier history",
} as const;
