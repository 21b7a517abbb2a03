/**
 * The user's edits of the draft from the pane: any edit, a criterion's weight, Spread to 100,
 * and Revert. They change the SessionState only; Apply (applyWrites.ts) writes them. No DOM.
 */
import { weightHeader } from "../../core";
import {
  draftTables,
  rowOfId,
  setCell,
  setWeight as setWeightCell,
  spreadTo100,
  type Draft,
} from "../../programme/draft";
import type { SessionContext } from "./sessionState";
import { discardDraft } from "./workbookChanges";

/**
 * Applies an edit to the draft. A `structural` one (rows added, removed or reordered, a
 * profile added, anything that changes what the editor lists) asks for a full redraw.
 */
export function edit(
  ctx: SessionContext,
  change: (d: Draft) => Draft,
  structural: boolean,
): void {
  const s = ctx.state;
  s.draft = change(s.draft);
  s.recheck();
  s.emit({ kind: structural ? "state" : "values" });
}

/** Sets a criterion's weight in the current profile ("" blanks it). False when no such row. */
export function setWeight(
  ctx: SessionContext,
  id: number,
  value: number | "",
): boolean {
  const row = rowOfId(ctx.state.draft.criteria, id);
  if (row < 0) return false;
  const profile = ctx.state.profile;
  edit(
    ctx,
    (d) => ({
      ...d,
      criteria:
        value === ""
          ? setCell(d.criteria, row, weightHeader(profile), "")
          : setWeightCell(d.criteria, row, profile, value),
    }),
    false,
  );
  return true;
}

/** Spreads the current profile's unlocked weights so that they add up to 100. */
export function spread(ctx: SessionContext): void {
  const s = ctx.state;
  const result = spreadTo100(
    s.draft.criteria,
    s.profile,
    s.marks.lockedIds(s.profile, s.draft.criteria.ids),
  );
  if (!result.ok) return s.say("error", result.message);
  s.takeDraft(
    { ...s.draft, criteria: result.draft },
    "Spread: the weights of this profile now add up to 100.",
  );
}

/** Back to what the workbook holds (when stale, what it holds now). Always acts. */
export function revert(ctx: SessionContext): boolean {
  const s = ctx.state;
  if (s.stale) return discardDraft(ctx);
  s.takeDraft(draftTables(s.base), "Reverted to what the workbook holds.");
  return true;
}
