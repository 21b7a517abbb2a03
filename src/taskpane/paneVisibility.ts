/**
 * Whether the task pane is on screen. With a shared runtime (manifest: `<Runtime
 * lifetime="long">`), Excel loads taskpane.html hidden whenever a workbook uses the PRM
 * functions and keeps the page running after the user closes the pane (Microsoft, "Configure
 * your Office Add-in to use a shared runtime"; "Show or hide the task pane of your Office
 * Add-in": "event listeners ... continue to run even when the task pane is hidden"). The pane
 * reads the workbook only while it is shown (readWhileVisible.ts); this module says when that is.
 *
 * Two signals, because Office offers no getter for the current state:
 * - Office.addin.onVisibilityModeChanged (SharedRuntime 1.1, Office.VisibilityMode "Hidden" /
 *   "Taskpane") reports each change, but only changes: the Office.Addin interface has
 *   getStartupBehavior(), which says whether the add-in loads with the document, not whether
 *   the pane is shown, and nothing that tells the visibility at load.
 * - The page's own Page Visibility state (W3C; `document.visibilityState`), which a web view
 *   that is not shown reports as "hidden" (WebView2: a controller with IsVisible false "is not
 *   rendered", and the page is throttled as hidden), is the one answer available at load.
 * The pane counts as shown unless either says hidden. Where neither can tell (Office without
 * SharedRuntime, the browser workbook, a page opened on its own) it is shown: a pane that is
 * on screen must never stay empty, while a hidden one that reads is only the old cost.
 *
 * No Office import: the entry (taskpane.ts) hands in `Office.addin` and `document`, so tests
 * hand in office-addin-mock and a stand-in document.
 */

/** A yes/no that changes over time: whether the pane is shown. */
export interface PaneVisibility {
  readonly visible: boolean;
  /** Calls `listener` with each change; returns a function that stops it. */
  subscribe(listener: (visible: boolean) => void): () => void;
}

/** For hosts that always show the pane (the browser workbook, tests). */
export const ALWAYS_VISIBLE: PaneVisibility = {
  visible: true,
  subscribe: () => () => undefined,
};

/** The part of Office.addin used here (Office.VisibilityMode's values are these strings). */
export interface OfficeAddinVisibility {
  onVisibilityModeChanged(
    handler: (message: { visibilityMode: string }) => void,
  ): Promise<() => Promise<void>>;
}

/** The part of the page's Document used here (Page Visibility). */
export interface VisibilityDocument {
  readonly visibilityState?: string;
  addEventListener(type: "visibilitychange", listener: () => void): void;
}

/** Office.VisibilityMode.hidden: "UI is hidden." */
const HIDDEN_MODE = "Hidden";

/**
 * Follows Office's visibility events and the page's visibility. `addin` is undefined where
 * Office has no Office.addin (no shared runtime): then only the page's state counts.
 */
export function followPaneVisibility(
  addin: OfficeAddinVisibility | undefined,
  doc: VisibilityDocument,
): PaneVisibility {
  const listeners = new Set<(visible: boolean) => void>();
  // Until Office says otherwise, assume shown (see the top of this file).
  let officeShows = true;
  const pageShows = () => doc.visibilityState !== "hidden";
  let visible = officeShows && pageShows();
  const update = () => {
    const next = officeShows && pageShows();
    if (next === visible) return;
    visible = next;
    for (const listener of [...listeners]) listener(visible);
  };
  doc.addEventListener("visibilitychange", update);
  try {
    void addin
      ?.onVisibilityModeChanged((message) => {
        officeShows = message.visibilityMode !== HIDDEN_MODE;
        update();
      })
      .catch(() => undefined);
  } catch {
    /* a host without SharedRuntime 1.1: the page's state alone */
  }
  return {
    get visible() {
      return visible;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
