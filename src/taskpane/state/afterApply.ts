/**
 * Sheets the pane writes for others (the copy for colleagues, the Dashboard) are written
 * again after every Apply, and every undo of one, so they never trail the model: the notice
 * of the Apply then says so too, or says why they could not be. A sheet the workbook does not
 * have is not created then.
 */
import type { Notice, TaskpaneSession } from "./session";

export abstract class SheetKeptAfterApplies {
  /** Whether the workbook has the sheet, as far as this pane knows (null: not asked yet). */
  protected present: boolean | null = null;

  /** Whether this store can write the sheet at all. */
  abstract get available(): boolean;

  /** What the Apply's notice adds when the sheet was written again. */
  protected abstract readonly rewrittenText: string;

  /**
   * Writes the sheet (with onlyIfPresent, only where the workbook has it), setting `present`;
   * null when written or absent, else the notice saying what went wrong.
   */
  protected abstract run(onlyIfPresent: boolean): Promise<Notice | null>;

  /**
   * After an Apply: rewrites the sheet where the workbook has one. Null when there was nothing
   * to rewrite; otherwise what to tell the user (that it was rewritten, or why it was not).
   */
  async rewrite(): Promise<Notice | null> {
    if (!this.available || this.present === false) return null;
    const problem = await this.run(true);
    if (problem) return problem;
    return this.present ? { kind: "info", text: this.rewrittenText } : null;
  }

  /**
   * Rewrites the sheet after every Apply (and undo) of `session`, adding to its notice that it
   * did (an error replaces it). Returns a function that stops it.
   */
  followApplies(session: TaskpaneSession): () => void {
    return session.onTablesWritten(async () => {
      const rewritten = await this.rewrite();
      if (!rewritten) return;
      const applied = session.notice;
      session.setNotice(
        rewritten.kind === "info" && applied?.kind === "info"
          ? { ...applied, text: `${applied.text} ${rewritten.text}` }
          : rewritten,
      );
    });
  }
}
