/**
 * What the pane found on opening a workbook that is not quite what it expects, said before the
 * user tries anything: a scorecard on a protected sheet (edit and preview, but Apply needs it
 * unprotected), or Tiers and Partners tables without a Criteria table (most likely renamed).
 * Pure: the session shows the result as its notice.
 */
import type { WorkbookScorecard } from "../../workbook/store";

export interface Finding {
  kind: "info" | "error";
  text: string;
  details?: string[];
}

/** The one thing worth saying about `data` on opening, or null when it is as expected. */
export function findingOnOpen(data: WorkbookScorecard): Finding | null {
  if (data.criteria === null) {
    const others = [
      data.tiers ? "Tiers" : null,
      data.partners ? "Partners" : null,
    ].filter((name): name is string => name !== null);
    if (others.length === 0) return null;
    return {
      kind: "error",
      text: `This workbook has a ${others.join(" and a ")} table but no table named Criteria, so the pane has no scorecard to edit.`,
      details: [
        "If the Criteria table was renamed, select a cell in it, rename it back to Criteria (Table Design > Table Name), then choose Look again.",
        "The sample scorecard is only created in a workbook without these tables, so nothing of yours is overwritten.",
      ],
    };
  }
  const locked = [
    data.criteria.sheetProtected ? "Criteria" : null,
    data.tiers?.sheetProtected ? "Tiers" : null,
  ].filter((name): name is string => name !== null);
  if (locked.length === 0) return null;
  return {
    kind: "info",
    text: `The sheet with the ${locked.join(" and ")} table is protected: you can edit here and see the effect on partners, but Apply needs the sheet unprotected.`,
    details: [
      "Unprotect it with Review > Unprotect Sheet (or ask the workbook's owner), then Apply.",
    ],
  };
}
