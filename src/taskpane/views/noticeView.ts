/**
 * The messages above the editor: the notice (a polite live region with optional details,
 * buttons and "Dismiss") and the stale-draft choice shown when the workbook changed under
 * unapplied edits ("Reload (discard my edits)" / "Keep my edits").
 */
import { button, fill, hint, hintList, inRow, type El } from "./dom";
import type { Notice, Stale } from "../state/session";

/** How many listed changes a message shows before "and N more". */
const SHOWN = 12;

/** The persistent live region the notice is written into. */
export function noticeRegion(el: El): HTMLElement {
  return el("div", {
    class: "notice",
    role: "status",
    "aria-live": "polite",
    id: "ps-notice",
    testid: "notice",
  });
}

export function showNotice(
  el: El,
  region: HTMLElement,
  notice: Notice | null,
  dismiss: () => void,
): void {
  if (!notice) return fill(region);
  region.classList.toggle("error", notice.kind === "error");
  fill(
    region,
    el("p", { text: notice.text }),
    notice.details?.length
      ? hintList(el, notice.details.slice(0, SHOWN))
      : null,
    notice.actions?.length
      ? inRow(
          el,
          ...notice.actions.map((a) =>
            button(el, {
              class: a.primary ? "primary small" : "small",
              testid: a.testid,
              text: a.label,
              onclick: a.run,
            }),
          ),
        )
      : null,
    button(el, {
      class: "link",
      text: "Dismiss",
      "aria-label": "Dismiss this message",
      onclick: dismiss,
    }),
  );
}

export function showStale(
  el: El,
  block: HTMLElement,
  stale: Stale | null,
  choose: { reload: () => void; keep: () => void },
): void {
  if (!stale) return fill(block);
  const shown = stale.changes.slice(0, SHOWN);
  fill(
    block,
    el(
      "div",
      {
        class: "notice error",
        role: "group",
        "aria-labelledby": "ps-stale-h",
        testid: "stale",
      },
      el("p", {
        id: "ps-stale-h",
        text: "The scorecard was changed in the workbook while you have unapplied edits. Your edits are kept and nothing was written. The workbook now has:",
      }),
      hintList(el, shown),
      stale.changes.length > shown.length
        ? hint(el, `and ${stale.changes.length - shown.length} more changes.`)
        : null,
      inRow(
        el,
        button(el, {
          class: "primary",
          testid: "stale-reload",
          text: "Reload (discard my edits)",
          onclick: choose.reload,
        }),
        button(el, {
          testid: "stale-keep",
          text: "Keep my edits",
          "aria-describedby": "ps-stale-keep-hint",
          onclick: choose.keep,
        }),
      ),
      hint(
        el,
        "Keep my edits: Apply will then write what you changed on top of these workbook changes; where you both changed a cell, yours is written.",
        { id: "ps-stale-keep-hint" },
      ),
    ),
  );
}
