/** The workbook side of the add-in: the ScorecardStore port, its Excel adapter, the sample. */
export type {
  LoadOptions,
  ScorecardStore,
  SheetTable,
  TableData,
  WorkbookScorecard,
} from "./store";
export { ExcelScorecardStore } from "./excelStore";
export { sampleTables } from "./sample";
export { SHEET, TABLE } from "./names";
export { tableAddress } from "./address";
export {
  closingBracket,
  formatSpecifier,
  parseSpecifier,
  type StructuredSpecifier,
} from "./structuredReference";
