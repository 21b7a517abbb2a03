/** The sample scorecard as a store loads it on a fixed day: its tables, scenario and computed Partners. */
import { certStatus, readDate, serialFromDate } from "../../src/core";
import { scenarioOf, type Scenario } from "../../src/programme/whatIf";
import { sampleTables } from "../../src/workbook/sample";
import type { TableData } from "../../src/workbook/store";

export const TODAY = serialFromDate(2026, 11, 29);
const [criteriaTable, tiersTable, partnersTable] = sampleTables(TODAY);
export const criteria: TableData = {
  header: criteriaTable.header,
  rows: criteriaTable.rows,
};
export const tiers: TableData = {
  header: tiersTable.header,
  rows: tiersTable.rows,
};
export const scenario = scenarioOf(criteria, tiers) as Scenario;
export const expiryAt = partnersTable.header.indexOf("Cert expiry");
export const certificationAt = partnersTable.header.indexOf("Certification");

/** The Partners table as a store loads it: every formula replaced by what it computes today. */
export function computedPartners(): TableData {
  return {
    header: partnersTable.header,
    rows: partnersTable.rows.map((row) => {
      const copy = [...row];
      copy[certificationAt] = certStatus(
        readDate(row[expiryAt], "expiry"),
        TODAY,
        60,
      );
      return copy;
    }),
  };
}
