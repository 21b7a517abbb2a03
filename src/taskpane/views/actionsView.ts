/**
 * The action bar under the editor: Apply, Revert, "Undo last apply", and a status line that
 * says why Apply is off or what is going on. Shown only with the editor.
 */
import { button, fill, type El } from "./dom";
import type { TaskpaneSession, Working } from "../state/session";

const WORKING: Record<Working, string> = {
  applying: "Applying…",
  undoing: "Undoing…",
};

export interface ActionHandlers {
  apply(): void;
  revert(): void;
  undo(): void;
}

/** The persistent group the buttons are drawn into. */
export function actionsGroup(el: El): HTMLElement {
  return el("div", {
    class: "actions",
    role: "group",
    "aria-label": "Apply changes",
  });
}

export function showActions(
  el: El,
  group: HTMLElement,
  session: TaskpaneSession,
  on: ActionHandlers,
  working: Working | null = null,
): void {
  if (session.phase !== "editor") {
    group.hidden = true;
    return;
  }
  group.hidden = false;
  const dirty = session.dirty;
  const stale = session.stale !== null;
  const problems = session.problems.length;
  const status = working
    ? WORKING[working]
    : stale
      ? "Apply is paused: the workbook changed while you were editing. Choose above to reload or keep your edits."
      : problems > 0
        ? `Apply is off until the ${problems === 1 ? "problem is" : `${problems} problems are`} fixed.`
        : dirty
          ? "You have edits that are not applied yet."
          : "No unapplied edits.";
  const undoReason =
    session.undoDepth > 0 && dirty && !stale && !working
      ? " Undo last apply works once your edits are applied or reverted."
      : "";
  fill(
    group,
    button(el, {
      class: "primary",
      id: "ps-apply",
      testid: "apply",
      text: "Apply",
      disabled: !session.canApply,
      "aria-describedby": "ps-action-status",
      onclick: () => on.apply(),
    }),
    button(el, {
      id: "ps-revert",
      testid: "revert",
      text: stale ? "Revert (reload)" : "Revert",
      disabled: session.busy || (!dirty && !stale),
      onclick: () => on.revert(),
    }),
    button(el, {
      id: "ps-undo",
      testid: "undo-apply",
      text: "Undo last apply",
      disabled: !session.canUndo,
      "aria-describedby": "ps-action-status",
      onclick: () => on.undo(),
    }),
    el("p", {
      class: "status",
      id: "ps-action-status",
      testid: "action-status",
      text: `${status}${undoReason}`,
    }),
  );
}
