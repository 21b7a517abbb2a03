/**
 * The "Dashboard" part of the Sharing section: its button has the store write the Dashboard
 * sheet with its Excel charts (state/dashboard.ts); what came of it (written, refused where
 * Excel cannot draw charts, a sheet of the user's named Dashboard) is said beside the button.
 */
import { DASHBOARD_SHEET } from "../../programme/dashboard";
import type { DashboardWriter } from "../state/dashboard";
import type { Notice } from "../state/session";
import { hint, inRow, workingButton, type El } from "./dom";

const LABEL = "Write dashboard";

function show(status: HTMLElement, message: Notice | null): void {
  status.textContent = message?.text ?? "";
  status.className = message?.kind === "error" ? "notice error" : "hint";
}

export function dashboardBlock(el: El, writer: DashboardWriter): HTMLElement {
  const status = el("p", {
    id: "ps-dashboard-status",
    role: "status",
    testid: "dashboard-status",
  });
  show(status, writer.message);
  const write = workingButton(
    el,
    LABEL,
    "Writing the dashboard…",
    {
      id: "ps-dashboard",
      testid: "write-dashboard",
      disabled: !writer.available,
      "aria-describedby": "ps-dashboard-hint",
    },
    () => writer.write().then((message) => show(status, message)),
  );
  return el(
    "div",
    { id: "ps-dashboard-block" },
    el("h3", { text: "Dashboard" }),
    hint(
      el,
      writer.available
        ? `A sheet named ${DASHBOARD_SHEET} with Excel charts of the tiers now and at each snapshot, the scores and the perspectives. Its counts are live formulas, so the charts follow the data without the add-in; every Apply rewrites it.`
        : "This workbook view cannot draw Excel charts, so it offers no Dashboard.",
      { id: "ps-dashboard-hint" },
    ),
    inRow(el, write),
    status,
  );
}
