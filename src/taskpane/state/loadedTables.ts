/** What the session asks of a load's tables: which are there, the edited pair, their protection. */
import type { TableData, WorkbookScorecard } from "../../workbook/store";
import { EMPTY_TIERS, sameTable, type Tables } from "../../programme/draft";

/** The edited tables (Criteria, Tiers) that a load found on a protected sheet. */
export function protectedTables(data: WorkbookScorecard): string[] {
  return [
    data.criteria?.sheetProtected ? "Criteria" : null,
    data.tiers?.sheetProtected ? "Tiers" : null,
  ].filter((name): name is string => name !== null);
}

/** Which of the three tables a load found, as one key ("110": Criteria and Tiers, no Partners). */
export function tablesPresent(data: WorkbookScorecard): string {
  return [data.criteria, data.tiers, data.partners]
    .map((table) => (table === null ? "0" : "1"))
    .join("");
}

/** The Criteria and Tiers a load gave, or null when there is no Criteria table. */
export function tablesIn(data: WorkbookScorecard): Tables | null {
  return data.criteria === null
    ? null
    : { criteria: data.criteria, tiers: data.tiers ?? EMPTY_TIERS };
}

export function sameHeader(a: TableData, b: TableData): boolean {
  return sameTable(
    { header: a.header, rows: [] },
    { header: b.header, rows: [] },
  );
}
