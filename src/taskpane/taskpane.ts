/**
 * Task pane entry: the only pane file that touches Office. It picks the ScorecardStore
 * (Excel's, or the browser workbook's when this page runs in the preview's iframe), takes
 * the Office theme, and mounts the pane (app.ts). The page is also the shared runtime of the
 * custom functions, which webpack loads into it before this script.
 */
import { ExcelScorecardStore } from "../workbook/excelStore";
import { CHARTS_API_SET } from "../workbook/excelCharts";
import type { ScorecardStore } from "../workbook/store";
import { mountTaskpane } from "./app";
import {
  ALWAYS_VISIBLE,
  followPaneVisibility,
  type PaneVisibility,
} from "./paneVisibility";
import { builder } from "./views/dom";
import { injectStyles } from "./views/styles";
import { themeFromOffice, type Theme } from "./views/theme";

/** The browser workbook's store, when this page is shown in its iframe. */
function previewStore(): ScorecardStore | null {
  try {
    if (window.parent === window) return null;
    const preview = (
      window.parent as unknown as {
        partnerScorecardPreview?: { store?: ScorecardStore };
      }
    ).partnerScorecardPreview;
    return preview?.store ?? null;
  } catch {
    return null; // a parent of another origin, e.g. Excel on the web's own frame
  }
}

function officeTheme(): Theme | null {
  try {
    return themeFromOffice(
      Office.context?.officeTheme as
        { isDarkTheme?: boolean; bodyBackgroundColor?: string } | undefined,
    );
  } catch {
    return null;
  }
}

/**
 * Sets data-theme from Office's theme when the pane opens; without an Office theme, CSS
 * follows prefers-color-scheme. Excel raises no event when its theme changes (the
 * OfficeThemeChanged event is Outlook's, Mailbox 1.14), so a theme changed while the pane is
 * open shows the next time it opens.
 */
function applyOfficeTheme(): void {
  const theme = officeTheme();
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

/**
 * Whether Excel shows the pane. Office.addin's visibility event needs SharedRuntime 1.1
 * (the manifest's shared runtime); without it, the page's own visibility alone counts.
 */
/** Whether this Office supports the requirement set `name` at `version`. */
function supports(name: string, version: string): boolean {
  return Office.context.requirements.isSetSupported(name, version);
}

function excelPaneVisibility(): PaneVisibility {
  let sharedRuntime = false;
  try {
    sharedRuntime = supports("SharedRuntime", "1.1");
  } catch {
    /* an older Office: no shared runtime */
  }
  return followPaneVisibility(
    sharedRuntime ? Office.addin : undefined,
    document,
  );
}

function showMessage(root: HTMLElement): void {
  injectStyles(document);
  const el = builder(document);
  root.replaceChildren(
    el(
      "div",
      { class: "ps" },
      el("h1", { text: "Partner Scorecard" }),
      el("p", {
        text: "This pane runs inside Excel (load the add-in with its manifest) or in the browser workbook (npm start).",
      }),
    ),
  );
}

function start(host: unknown): void {
  const root = document.getElementById("app");
  if (!root) return;
  // The preview is checked first: its page may stand in for any host, while Excel's own
  // frame is of another origin, so previewStore() is null there.
  const preview = previewStore();
  const isExcel =
    typeof Office !== "undefined" && host === Office.HostType?.Excel;
  const store =
    preview ??
    (isExcel
      ? new ExcelScorecardStore({
          canResizeTables: supports("ExcelApi", "1.13"),
          canDrawCharts: supports(CHARTS_API_SET.name, CHARTS_API_SET.version),
        })
      : null);
  if (!store) return showMessage(root);
  // The browser workbook always shows its pane; Excel may run this page hidden.
  const visibility = preview ? ALWAYS_VISIBLE : excelPaneVisibility();
  void mountTaskpane(root, store, { visibility }).catch((e: unknown) => {
    showMessage(root);
    console.error("Partner Scorecard: the pane could not start", e);
  });
}

if (typeof Office === "undefined") {
  // office.js did not load (no network, or the page opened on its own).
  if (document.readyState === "loading")
    window.addEventListener("DOMContentLoaded", () => start(null));
  else start(null);
} else {
  void Office.onReady((info) => {
    applyOfficeTheme();
    start(info.host);
  });
}
