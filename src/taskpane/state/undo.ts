/**
 * The pane's own undo of its last applies. A write by an add-in clears Excel's undo, so the
 * pane remembers, per Apply, the tables as they were before and what it wrote. Undo writes
 * the "before" tables back, but only when the workbook still holds what that Apply wrote:
 * otherwise someone changed the tables since, and undoing would overwrite a change the user
 * has not seen.
 */
import { sameTables, type Tables } from "../../programme/draft";

export interface AppliedChange {
  before: Tables;
  after: Tables;
}

export const UNDO_LIMIT = 10;

/**
 * The stack with `change` on top, keeping only the last `limit` entries: applies here, the
 * review's decisions (state/review.ts) in their own stack.
 */
export function pushApply<Change = AppliedChange>(
  stack: readonly Change[],
  change: Change,
  limit = UNDO_LIMIT,
): Change[] {
  const next = [...stack, change];
  return next.slice(Math.max(0, next.length - limit));
}

export function lastApply(
  stack: readonly AppliedChange[],
): AppliedChange | null {
  return stack.length > 0 ? stack[stack.length - 1] : null;
}

export function popApply<Change = AppliedChange>(
  stack: readonly Change[],
): Change[] {
  return stack.slice(0, -1);
}

export type UndoPlan =
  | { kind: "nothing" }
  | { kind: "restore"; tables: Tables }
  | { kind: "changed-since"; tables: Tables };

/** What "Undo last apply" should do given what the workbook holds now. */
export function planUndo(
  stack: readonly AppliedChange[],
  workbook: Tables,
): UndoPlan {
  const last = lastApply(stack);
  if (last === null) return { kind: "nothing" };
  return sameTables(last.after, workbook)
    ? { kind: "restore", tables: last.before }
    : { kind: "changed-since", tables: last.before };
}
