/**
 * The browser workbook to and from a real .xlsx, through ExcelJS (MIT; a devDependency that
 * only the preview's lazily loaded chunk contains, never dist/). Saved: every sheet's values
 * and formulas as typed (with the computed results cached, as Excel saves them), number
 * formats, and the tables as Excel tables. Opened: the same, replacing what the workbook held,
 * with a report of what the preview cannot keep or compute. Saving is xlsxSave.ts, opening
 * xlsxOpen.ts; this module is what the page loads lazily (fileMenu.ts), so ExcelJS stays in
 * its own chunk.
 */
export { toXlsx } from "./xlsxSave";
export { fromXlsx, type OpenReport } from "./xlsxOpen";
