/**
 * The evaluation date the sample's PRM.CERTSTATUS formulas read (the Evaluation table's one
 * cell), written as a DATE formula rather than a serial number: Excel evaluates DATE in the
 * workbook's own date system, so the day is right in a 1904 workbook (made on a Mac), whose
 * serials are 1,462 days smaller, although the add-in cannot ask Excel which system a
 * workbook uses (Workbook.use1904DateSystem is only in the preview API set).
 */
import { isoDateFromSerial } from "../core";
import { EVALUATION_DATE, TABLE } from "./names";

/** `=DATE(2026,12,4)` for a serial day of the 1900 date system. */
export function evaluationDateFormula(serial: number): string {
  const [year, month, day] = isoDateFromSerial(serial).split("-").map(Number);
  return `=DATE(${year},${month},${day})`;
}

/** Why the date cannot be set in a workbook without the Evaluation table. */
export const NO_EVALUATION_TABLE = `This workbook has no ${TABLE.evaluation} table: nothing was written. Make a one-column table named ${TABLE.evaluation}, headed ${EVALUATION_DATE} (as on the sample's Scorecard sheet), and give PRM.CERTSTATUS ${TABLE.evaluation}[${EVALUATION_DATE}] as asof.`;
