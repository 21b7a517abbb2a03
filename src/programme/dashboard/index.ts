/** The Dashboard sheet (issue 24): its cells, live formulas where built-in functions can compute them, and its charts. Pure. */
export {
  BIN_WIDTH,
  DASHBOARD_CHARTS,
  DASHBOARD_MARKER,
  DASHBOARD_SHEET,
  dashboardSheet,
  type DashboardResult,
  type DashboardSource,
} from "./dashboardSheet";
