/** The browser workbook's public pieces (the page itself starts in preview.ts). */
export { registerCustomFunctions } from "./customFunctionsPlugin";
export { GridStore } from "./gridStore";
export {
  Workbook,
  type CellAddress,
  type CellInput,
  type CellState,
  type WorkbookEvent,
} from "./workbook";
export {
  renameColumnReferences,
  TableRegistry,
  translateTableReferences,
  type TableExtent,
  type TableLayout,
  type TableLookup,
} from "./tableReferences";
