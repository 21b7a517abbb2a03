/**
 * The session's writes of the draft: Apply (after checking the workbook still holds the
 * base), what it says when a write fails, and the undo of applies (after checking the
 * workbook still holds what that Apply wrote). No DOM.
 */
import type { WorkbookScorecard } from "../../workbook/store";
import {
  errorText,
  explainWriteFailure,
  WorkbookError,
} from "../../workbook/writeFailure";
import {
  EMPTY_TIERS,
  sameTables,
  tablesOf,
  type Tables,
} from "../../programme/draft";
import { planUndo, popApply, pushApply } from "./undo";
import { protectedTables, tablesIn } from "./loadedTables";
import type { SessionContext } from "./sessionState";

/** How every failed Apply ends: whatever happened, the draft is kept. */
const KEPT = "your edits are still here.";

/** Whether an Apply can start: the editor holds valid, unapplied edits and nothing is in the way. */
export function canApply(ctx: SessionContext): boolean {
  const s = ctx.state;
  return (
    s.phase === "editor" &&
    !s.busy &&
    s.stale === null &&
    s.dirty &&
    s.check.problems.length === 0
  );
}

/**
 * Writes the draft in one save, after checking the workbook still holds the base. Round trips
 * to Excel, counted as context.sync() calls: the check is one store.load() (two syncs up to
 * 5,000 partners, one more per slice of a larger Partners table: payload.ts; reads only) and
 * the write is one store.save() (exactly one sync); nothing is written before the check.
 */
export async function apply(ctx: SessionContext): Promise<void> {
  const s = ctx.state;
  if (!canApply(ctx)) return;
  const tables = tablesOf(s.draft);
  s.setWorking("applying");
  let current: WorkbookScorecard;
  try {
    // The change events of a workbook can lag: read the tables once more so that an Apply
    // never overwrites a change the pane has not shown.
    current = await ctx.loadWorkbook();
  } catch (e) {
    return applyRefused(
      ctx,
      `Could not apply: the workbook could not be read to check it first (${errorText(e)}). Nothing was written; ${KEPT}`,
      "Apply again in a moment; if Excel stays unreachable, reload the pane.",
    );
  }
  const currentTables = tablesIn(current);
  if (currentTables === null || !sameTables(currentTables, s.base)) {
    s.setWorking(null);
    s.pendingReload = false;
    await ctx.reload();
    return;
  }
  const locked = protectedTables(current);
  if (locked.length > 0) {
    const { what, todo } = explainWriteFailure(
      new WorkbookError("AccessDenied", `${locked.join(", ")} protected`),
    );
    return applyRefused(
      ctx,
      `Could not apply: ${what} Nothing was written; ${KEPT}`,
      todo,
    );
  }
  try {
    await ctx.store.save(
      tables.criteria,
      tables.tiers,
      s.effects.columnPlan(
        tables.criteria,
        current.partners,
        s.draft.criteria,
        s.base.criteria,
      ),
    );
  } catch (e) {
    await afterFailedWrite(ctx, e, tables);
    return;
  }
  await applied(ctx, tables);
}

/** After a successful write of `tables`: they become the base, and Undo can restore the old. */
async function applied(ctx: SessionContext, tables: Tables): Promise<void> {
  const s = ctx.state;
  s.busy = false;
  s.applies = pushApply(
    s.applies,
    { before: s.base, after: tables },
    ctx.undoLimit,
  );
  s.rebaseAfterWrite(tables, true);
  s.changed();
  s.say(
    "info",
    "Applied: the Criteria and Tiers tables are updated and Excel recalculates the scores.",
  );
  await ctx.tablesWritten();
  await afterWrite(ctx);
}

/** Ends an Apply that wrote nothing, saying why and what to do; the draft stays as it is. */
function applyRefused(ctx: SessionContext, text: string, todo: string): void {
  const s = ctx.state;
  s.setWorking(null);
  s.setNotice({ kind: "error", text, details: [todo] });
}

/**
 * A save failed. Excel's batches are not transactions and a dropped connection leaves the
 * outcome unknown, so the pane reads the workbook again before it says anything: unchanged
 * (the usual case: the stores refuse before writing), written after all (the answer was
 * lost, not the write), or different (shown as a workbook change, as if another hand made
 * it). The draft is kept in every case.
 */
async function afterFailedWrite(
  ctx: SessionContext,
  error: unknown,
  written: Tables,
): Promise<void> {
  const s = ctx.state;
  const { what, todo } = explainWriteFailure(error);
  let data: WorkbookScorecard | null = null;
  try {
    data = await ctx.loadWorkbook();
  } catch {
    /* said below */
  }
  const now = data === null ? null : tablesIn(data);
  if (now !== null && sameTables(now, written) && !sameTables(now, s.base))
    return applied(ctx, written);
  s.setWorking(null);
  let outcome: string;
  if (data === null)
    outcome = `The pane could not read the workbook again to check what arrived; ${KEPT}`;
  else if (now !== null && sameTables(now, s.base))
    outcome = `Nothing was written: the workbook is as it was, and ${KEPT}`;
  else {
    outcome = `The workbook now differs from what the pane loaded (listed below); ${KEPT}`;
    s.markStale(data, now);
  }
  s.setNotice({
    kind: "error",
    text: `Could not apply: ${what} ${outcome}`,
    details: [todo],
  });
}

/**
 * Writes back the tables as they were before the last Apply. When the workbook changed
 * since that Apply, it asks first (a notice with "Undo anyway"), unless `force`.
 */
export async function undoLastApply(
  ctx: SessionContext,
  force = false,
): Promise<void> {
  const s = ctx.state;
  if (s.busy || s.applies.length === 0 || s.dirty) return;
  s.setWorking("undoing");
  try {
    const data = await ctx.loadWorkbook();
    const current: Tables = tablesIn(data) ?? {
      criteria: { header: [], rows: [] },
      tiers: EMPTY_TIERS,
    };
    const plan = planUndo(s.applies, current);
    if (plan.kind === "nothing") return;
    if (plan.kind === "changed-since" && !force) {
      const last = s.applies[s.applies.length - 1];
      s.busy = false;
      s.setNotice({
        kind: "error",
        text: "The tables changed in the workbook after that apply, so undoing it would overwrite these changes:",
        details: s.changesSince(last.after, current),
        actions: [
          {
            label: "Undo anyway (overwrite them)",
            testid: "undo-anyway",
            run: () => void undoLastApply(ctx, true),
          },
          {
            label: "Cancel",
            testid: "undo-cancel",
            run: () => s.setNotice(null),
          },
        ],
      });
      return;
    }
    await ctx.store.save(
      plan.tables.criteria,
      plan.tables.tiers,
      s.effects.columnPlan(plan.tables.criteria, data.partners),
    );
    s.applies = popApply(s.applies);
    s.loaded = { ...data };
    s.rebaseAfterWrite(plan.tables, false);
    s.busy = false;
    s.changed();
    const more = s.applies.length;
    s.say(
      "info",
      `Undid the last apply: the tables are back as they were before it.${more ? ` ${more} more can be undone.` : ""}`,
    );
    await ctx.tablesWritten();
  } catch (e) {
    s.say("error", `Could not undo: ${errorText(e)}`);
  } finally {
    s.setWorking(null);
  }
  await afterWrite(ctx);
}

/** A change heard during the write is read now. */
async function afterWrite(ctx: SessionContext): Promise<void> {
  if (ctx.state.pendingReload) {
    ctx.state.pendingReload = false;
    await ctx.reload();
  }
}
