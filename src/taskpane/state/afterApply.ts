/**
 * Sheets the pane writes for others (the copy for colleagues, the Dashboard) are written
 * again after every Apply, and every undo of one, so they never trail the model: the notice
 * of the Apply then says so too, or says why they could not be.
 */
import type { Notice, TaskpaneSession } from "./session";

/**
 * Calls `rewrite` after every Apply (and undo) of `session` and adds what it says to the
 * session's notice (an error replaces it). Returns a function that stops it.
 */
export function rewriteAfterApplies(
  session: TaskpaneSession,
  rewrite: () => Promise<Notice | null>,
): () => void {
  return session.onTablesWritten(async () => {
    const rewritten = await rewrite();
    if (!rewritten) return;
    const applied = session.notice;
    session.setNotice(
      rewritten.kind === "info" && applied?.kind === "info"
        ? { ...applied, text: `${applied.text} ${rewritten.text}` }
        : rewritten,
    );
  });
}
