/**
 * The pane's session: what it loaded from the workbook, the draft being edited, and the
 * actions that move between them (load, edit, Apply, undo of applies, Revert, the reaction to
 * workbook changes, create sample, watch). No DOM and no timers: it talks to a ScorecardStore
 * and the pure modules (draft, validation, whatIf, undo), and tells its listeners what
 * changed so a view can redraw just that.
 *
 * Edits from elsewhere (what this pane chose): when the store reports a change, the session
 * reloads. With no unapplied edits it simply adopts the new tables and says so. With
 * unapplied edits it keeps the draft, does not write, lists what changed in the workbook and
 * blocks Apply until the user chooses either "Reload (discard my edits)" (discardDraft) or
 * "Keep my edits" (keepDraft: the user's edits merged on top of the changed workbook, which
 * becomes the draft's base, so Apply writes what the user changed and keeps everything else
 * the workbook changed; where both changed a cell, the user's is written, and Undo restores
 * the workbook's). An Apply never overwrites a change the pane has not shown. Undo of an
 * apply likewise checks the workbook still holds what that Apply wrote, and asks before
 * overwriting anything newer.
 */
import { sampleTables as defaultSampleTables } from "../../workbook/sample";
import type {
  ListSetUp,
  ScorecardStore,
  WorkbookScorecard,
} from "../../workbook/store";
import { errorText } from "../../workbook/writeFailure";
import { sameCell, type Draft } from "../../programme/draft";
import { WorkbookWatch } from "./workbookWatch";
import { UNDO_LIMIT } from "./undo";
import { findingOnOpen } from "./workbookFindings";
import type { SessionContext } from "./sessionState";
import { SessionReads } from "./sessionReads";
import { tablesPresent } from "./loadedTables";
import * as changes from "./workbookChanges";
import * as writes from "./applyWrites";
import * as setUps from "./scorecardSetUp";
import * as edits from "./sessionEdits";
import type { Phase, SessionOptions } from "./sessionTypes";

export type {
  Notice,
  Phase,
  SessionChange,
  SessionOptions,
  Stale,
  Working,
} from "./sessionTypes";

/**
 * The pane's conductor: it holds the SessionState (read through SessionReads), wires the
 * workbook's subscriptions to it, and hands each action to its module (workbookChanges,
 * applyWrites, scorecardSetUp, sessionEdits).
 */
export class TaskpaneSession extends SessionReads {
  /** What the action modules are given: the state, the store and the session's reads. */
  private readonly ctx: SessionContext;
  /** The subscriptions to the workbook's changes and the Partners selection. */
  private readonly watcher: WorkbookWatch;
  private readonly writtenListeners = new Set<() => Promise<void>>();

  constructor(
    private readonly store: ScorecardStore,
    options: SessionOptions = {},
  ) {
    super();
    this.ctx = {
      state: this.s,
      store,
      undoLimit: options.undoLimit ?? UNDO_LIMIT,
      sampleTables: options.sampleTables ?? defaultSampleTables,
      loadWorkbook: () => this.loadWorkbook(),
      reload: () => this.reload(),
      watch: (found) => this.watch(found),
      tablesWritten: () => this.tablesWritten(),
    };
    this.watcher = new WorkbookWatch(store, {
      changed: () => void this.reload(),
      partnerSelected: (row, values, changesHeard) => {
        if (this.s.disposed || this.s.paused) return;
        this.selectPartner(row);
        // Where the store cannot report changes, each selection reads the workbook again.
        if (!changesHeard) void this.reload();
        else if (row !== null && values) this.partnerRowRead(row, values);
      },
      cannotWatch: (e) =>
        this.say(
          "error",
          `The pane cannot watch the workbook for changes (${errorText(e)}); it still reads the tables again before each apply.`,
        ),
      disposed: () => this.s.disposed,
    });
  }

  // ---- state ----
  get canApply(): boolean {
    return writes.canApply(this.ctx);
  }

  /**
   * Calls `listener` after each Apply, and each undo of one, has written the tables (before
   * a reload that waited for the write); returns a function that stops it.
   */
  onTablesWritten(listener: () => Promise<void>): () => void {
    this.writtenListeners.add(listener);
    return () => void this.writtenListeners.delete(listener);
  }

  private async tablesWritten(): Promise<void> {
    for (const listener of [...this.writtenListeners]) await listener();
  }

  // ---- loading ----
  /** The first load (and "Try again"). */
  async load(): Promise<void> {
    const s = this.s;
    s.phase = "loading";
    s.changed();
    try {
      s.adopt(await this.loadWorkbook());
      // A list that cannot be read leaves the Start section with the sample only.
      if ((s.phase as Phase) === "empty")
        await setUps.readList(this.ctx).catch(() => undefined);
    } catch (e) {
      s.phase = "failed";
      s.failure = errorText(e);
    }
    s.changed();
    if (s.phase !== "failed") this.sayWhatWasFound();
  }

  /** Says on opening what is odd about the workbook (workbookFindings.ts), if anything. */
  private sayWhatWasFound(): void {
    const finding = findingOnOpen(this.s.loaded);
    if (finding === null) return;
    this.setNotice({
      ...finding,
      actions:
        this.s.phase === "empty"
          ? [
              {
                label: "Look again",
                testid: "look-again",
                // A table found this time is watched from this read (loadWorkbook).
                run: () => void this.load(),
              },
            ]
          : undefined,
    });
  }

  /**
   * The workbook changed (or the pane was asked to reload): see the choice described at the
   * top (workbookChanges.ts). A change heard while the workbook is being read is read again
   * after it: the read in flight may have missed it (Ctrl+- then Ctrl+Z in quick succession).
   */
  async reload(): Promise<void> {
    const s = this.s;
    // While hidden, a change reported just before the handlers went is caught up by resume().
    if (s.disposed || s.paused) return;
    if (s.busy) {
      s.pendingReload = true;
      return;
    }
    do {
      s.pendingReload = false;
      await changes.reloadOnce(this.ctx);
    } while (s.pendingReload && !s.busy && !s.disposed);
  }

  /** "Reload (discard my edits)": adopts what the workbook holds now. False when not stale. */
  discardDraft(): boolean {
    return changes.discardDraft(this.ctx);
  }

  /** "Keep my edits": the draft merged on top of the changed workbook, which becomes its base. False when it cannot. */
  keepDraft(): boolean {
    return changes.keepDraft(this.ctx);
  }

  // ---- writing ----
  /** Writes the draft in one save, after checking the workbook still holds the base (applyWrites.ts). */
  apply(): Promise<void> {
    return writes.apply(this.ctx);
  }

  /**
   * Writes back the tables as they were before the last Apply. When the workbook changed
   * since that Apply, it asks first (a notice with "Undo anyway"), unless `force`.
   */
  undoLastApply(force = false): Promise<void> {
    return writes.undoLastApply(this.ctx, force);
  }

  /** Back to what the workbook holds (when stale, what it holds now). Always acts. */
  revert(): boolean {
    return edits.revert(this.ctx);
  }

  // ---- set-up (scorecardSetUp.ts) ----
  /** Creates the sample scorecard and opens it. False when it did not get that far. */
  createSample(): Promise<boolean> {
    return setUps.createSample(this.ctx);
  }

  /** "Look for my list": reads the active sheet's list again. */
  findList(): Promise<void> {
    return setUps.findList(this.ctx);
  }

  /** Sets the scorecard up from the user's list (one write) and opens it; undoSetUp takes it back. */
  setUpFromList(setUp: ListSetUp): Promise<boolean> {
    return setUps.setUpFromList(this.ctx, setUp);
  }

  /** Takes a set-up back: the pane returns to Start with the list found again. */
  undoSetUp(setUp: ListSetUp): Promise<void> {
    return setUps.undoSetUp(this.ctx, setUp);
  }

  // ---- watching ----
  /**
   * Reads the workbook. A store watches the tables that exist when asked, so where a table
   * has appeared (a Partners table made by hand, say) or gone since the pane subscribed, it
   * subscribes again from what this read found.
   */
  private async loadWorkbook(): Promise<WorkbookScorecard> {
    const data = await this.store.load();
    if (
      this.watcher.watchedTables !== null &&
      !this.s.disposed &&
      tablesPresent(data) !== this.watcher.watchedTables
    )
      void this.watch(data);
    return data;
  }

  /**
   * (Re)subscribes to changes of the tables `found` (by default the last read) holds: a store
   * watches the tables that exist, so again after createSample or when a table appears.
   */
  watch(found: WorkbookScorecard = this.s.loaded): Promise<void> {
    return this.watcher.watch(tablesPresent(found));
  }

  /**
   * A Partners row as the store read it at its selection: where it differs from what the pane
   * loaded (a formula over another sheet recalculated, which raises no change event), the
   * pane takes it, so the partner view and the what-if show it as it is now.
   */
  private partnerRowRead(row: number, values: unknown[]): void {
    const s = this.s;
    const partners = s.loaded.partners;
    const loaded = partners?.rows[row];
    if (!partners || !loaded || loaded.length !== values.length) return;
    if (values.every((value, c) => sameCell(value, loaded[c]))) return;
    const rows = [...partners.rows];
    rows[row] = [...values];
    s.loaded = { ...s.loaded, partners: { ...partners, rows } };
    s.emit({ kind: "values" });
  }

  /**
   * The pane was hidden (readWhileVisible.ts): removes every workbook subscription, after any
   * (re)subscription under way, and reads nothing until resume().
   */
  pause(): Promise<void> {
    this.s.paused = true;
    return this.watcher.stop();
  }

  /**
   * The pane is shown again: one read catches up with whatever changed meanwhile (shown as a
   * workbook change, as if heard), then the tables are watched again.
   */
  async resume(): Promise<void> {
    const s = this.s;
    if (!s.paused || s.disposed) return;
    s.paused = false;
    if (s.phase === "loading" || s.phase === "failed") await this.load();
    else await this.reload();
    if (!s.paused) await this.watch();
  }

  /** Stops reacting and watching. */
  dispose(): void {
    this.s.disposed = true;
    this.watcher.dispose();
  }

  // ---- editing ----
  /**
   * Applies an edit to the draft. A `structural` one (rows added, removed or reordered, a
   * profile added, anything that changes what the editor lists) asks for a full redraw.
   */
  edit(change: (d: Draft) => Draft, structural = false): void {
    edits.edit(this.ctx, change, structural);
  }

  /** Sets a criterion's weight in the current profile ("" blanks it). False when no such row. */
  setWeight(id: number, value: number | ""): boolean {
    return edits.setWeight(this.ctx, id, value);
  }

  /** Spreads the current profile's unlocked weights so that they add up to 100. */
  spread(): void {
    edits.spread(this.ctx);
  }
}
