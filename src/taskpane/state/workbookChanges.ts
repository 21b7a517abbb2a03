/**
 * The session's answer to a change made in the workbook (see session.ts's header): adopt it
 * when there are no unapplied edits; otherwise keep the draft, list what changed and let the
 * user choose "Reload (discard my edits)" (discardDraft) or "Keep my edits" (keepDraft).
 */
import { CRITERIA_HEADERS, TIER_HEADERS } from "../../core";
import type { WorkbookScorecard } from "../../workbook/store";
import { errorText } from "../../workbook/writeFailure";
import {
  mergeDraft,
  sameTable,
  sameTables,
  type Tables,
} from "../../programme/draft";
import { tablesIn } from "./loadedTables";
import type { SessionContext } from "./sessionState";
import type { Phase } from "./sessionTypes";

const CHANGED = "The scorecard was changed in the workbook; the pane reloaded";
const RELOADED = `${CHANGED}.`;

/** Reads the workbook once and takes what changed, as described above. */
export async function reloadOnce(ctx: SessionContext): Promise<void> {
  const s = ctx.state;
  s.busy = true;
  let data: WorkbookScorecard;
  try {
    data = await ctx.loadWorkbook();
  } catch (e) {
    s.say(
      "error",
      `The workbook changed but could not be read again: ${errorText(e)}`,
    );
    return;
  } finally {
    s.busy = false;
  }
  if (s.disposed) return;
  const partnersChanged = !sameTable(data.partners, s.loaded.partners);
  const editing = s.phase === "editor";
  const tables = tablesIn(data);
  if (editing && tables !== null && sameTables(tables, s.base)) {
    // Our own write coming back, only the Partners changed, or a change was undone in the
    // workbook: the editor's base is what the workbook holds.
    s.loaded = { ...s.loaded, partners: data.partners };
    if (s.stale) {
      s.stale = null;
      s.emit({ kind: "stale" });
    }
    if (partnersChanged) s.emit({ kind: "values" });
    return;
  }
  if (s.dirty) {
    s.setNotice(null);
    s.markStale(data, tables);
    return;
  }
  // No edits to keep: the pane takes the workbook as it is (and says so, from the editor or
  // into it).
  s.adopt(data);
  s.changed();
  if (editing || (s.phase as Phase) === "editor") s.say("info", RELOADED);
}

/** "Reload (discard my edits)": adopts what the workbook holds now. False when not stale. */
export function discardDraft(ctx: SessionContext): boolean {
  const s = ctx.state;
  if (!s.stale) return false;
  s.adopt(s.stale.loaded);
  s.changed();
  s.say("info", `${CHANGED} and your unapplied edits were discarded.`);
  return true;
}

/** "Keep my edits": the draft merged on top of the changed workbook (mergeDraft), which becomes its base. False when it cannot. */
export function keepDraft(ctx: SessionContext): boolean {
  const s = ctx.state;
  const stale = s.stale;
  if (!stale || stale.loaded.criteria === null) return false;
  const next: Tables = stale.tables;
  const c = mergeDraft(
    s.draft.criteria,
    s.base.criteria,
    next.criteria,
    CRITERIA_HEADERS.name,
  );
  const t = mergeDraft(
    s.draft.tiers,
    s.base.tiers,
    next.tiers,
    TIER_HEADERS.name,
  );
  // Locks and open details follow their rows; those of rows gone with the workbook go too.
  s.marks.follow((id) => c.idMap.get(id));
  s.loaded = stale.loaded;
  s.setBase(next);
  s.stale = null;
  s.takeDraft(
    { criteria: c.draft, tiers: t.draft },
    "Kept your edits on top of the workbook's changes: Apply writes what you changed and keeps the rest of theirs; where you both changed a cell, yours is written (Undo last apply would restore theirs).",
  );
  return true;
}
