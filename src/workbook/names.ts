/**
 * The names under which the scorecard lives in a workbook (../shared/DESIGN.md section 2).
 * Formulas and the functions refer to the tables by these names, so they are stated once.
 */
export const TABLE = {
  criteria: "Criteria",
  tiers: "Tiers",
  partners: "Partners",
  history: "History",
} as const;

export const SHEET = {
  scorecard: "Scorecard",
  partners: "Partners",
  /** Not "History": Excel reserves that sheet name ("Rename a worksheet"). The table keeps it. */
  history: "Tier history",
} as const;
