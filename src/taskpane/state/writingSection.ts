/**
 * What the pane's sections that write (Sharing's snapshot and export, the Review's decisions)
 * share: listeners told what changed, a busy flag while a write runs, and a write whose
 * failure is said in the session's notice rather than thrown at the view.
 */
import type { TableData } from "../../workbook/store";
import { errorMessage } from "../../workbook/writeFailure";
import type { TaskpaneSession } from "./session";

export abstract class WritingSection<Change extends string> {
  private readonly listeners = new Set<(change: Change) => void>();
  private _busy = false;

  constructor(
    protected readonly scorecard: TaskpaneSession,
    /** The change said when a write starts or ends. */
    private readonly busyChange: Change,
  ) {}

  subscribe(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  get busy(): boolean {
    return this._busy;
  }

  /** Says one line in the session's notice. */
  protected tell(kind: "info" | "error", text: string): void {
    this.scorecard.say(kind, text);
  }

  /** The Partners table as the session last read it. */
  protected get partners(): TableData | null {
    return this.scorecard.loaded.partners;
  }

  /** Runs `run` as busy; false, with `failure` and the reason in the notice, when it failed. */
  protected async write(
    run: () => Promise<void>,
    failure: string,
  ): Promise<boolean> {
    this.setBusy(true);
    try {
      await run();
      return true;
    } catch (e) {
      this.tell("error", `${failure}: ${errorMessage(e)}`);
      return false;
    } finally {
      this.setBusy(false);
    }
  }

  protected setBusy(busy: boolean): void {
    this._busy = busy;
    this.emit(this.busyChange);
  }

  protected emit(change: Change): void {
    for (const listener of [...this.listeners]) listener(change);
  }
}

/** Why Sharing and the Review cannot work on the workbook's model (the sentence, unended). */
export const NO_MODEL =
  "There is no Partners table, or the model the workbook holds has problems: fix them and apply first";

export { errorMessage };
