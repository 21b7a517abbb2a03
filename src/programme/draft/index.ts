/** The pane's draft of the Criteria and Tiers tables and the edits on it (see table.ts). */
export {
  EMPTY_TIERS,
  cellAt,
  columnIndex,
  copyTable,
  draftOf,
  draftTables,
  insertRow,
  originOf,
  profileColumn,
  profilesOf,
  removeRow,
  rowOfId,
  setCell,
  swapRows,
  tableOf,
  tablesOf,
  textAt,
  uniqueName,
  type Draft,
  type DraftTable,
  type Tables,
} from "./table";
export * from "./criteria";
export * from "./weights";
export * from "./tiers";
export * from "./compare";
export * from "./merge";
