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
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  weightHeader,
  type Problem,
} from "../../core";
import { sampleTables as defaultSampleTables } from "../../workbook/sample";
import {
  isListSetUpStore,
  type ListSetUp,
  type PartnerList,
  type ScorecardStore,
  type SheetTable,
  type TableData,
  type WorkbookScorecard,
} from "../../workbook/store";
import {
  EMPTY_TIERS,
  copyTable,
  describeChanges,
  draftTables,
  originOf,
  profilesOf,
  mergeDraft,
  rowOfId,
  sameCell,
  sameTable,
  sameTables,
  setCell,
  setWeight,
  spreadTo100,
  tablesOf,
  type Draft,
  type Tables,
} from "../../programme/draft";
import { PartnerEffect, type NoEffect } from "./partnerEffect";
import { WorkbookWatch } from "./workbookWatch";
import {
  planUndo,
  popApply,
  pushApply,
  UNDO_LIMIT,
  type AppliedChange,
} from "./undo";
import {
  cellAddress,
  validateDraft,
  type DraftCheck,
} from "../../programme/validation";
import { findingOnOpen } from "./workbookFindings";
import {
  explainWriteFailure,
  payloadTooLarge,
  WorkbookError,
} from "../../workbook/writeFailure";
import {
  mostUsedProfile,
  type Scoring,
  type WhatIf,
} from "../../programme/whatIf";

export type Phase = "loading" | "empty" | "editor" | "failed";

/** The workbook changed under unapplied edits: what it holds now and what changed. */
export interface Stale {
  loaded: WorkbookScorecard;
  tables: Tables;
  changes: string[];
}

/** A message for the user, with optional details and buttons. */
export interface Notice {
  text: string;
  kind: "info" | "error";
  details?: string[];
  actions?: {
    label: string;
    testid: string;
    run: () => void;
    primary?: boolean;
  }[];
}

/** What a write in progress is doing, for the pane's status line. */
export type Working = "applying" | "undoing";

/**
 * What changed, so a view redraws only that:
 * - `state`: the phase, the base or the draft as a whole (rows added, removed, reordered, a
 *   reload): redraw everything;
 * - `values`: cells of the draft or the Partners data: update what shows them in place;
 * - `stale`: the stale-draft choice appeared or went (and with it whether Apply is possible);
 * - `busy`: a write started (`working`) or ended (null);
 * - `notice`: the notice changed.
 */
export type SessionChange =
  | { kind: "state" }
  | { kind: "values" }
  | { kind: "stale" }
  | { kind: "busy"; working: Working | null }
  | { kind: "notice" }
  /** The partner selected in the workbook (or the pane's list) changed. */
  | { kind: "partner" };

export interface SessionOptions {
  /** The tables createSample() creates; default: the sample of src/workbook/sample. */
  sampleTables?: () => SheetTable[];
  /** How many applies undoLastApply() remembers (default 10). */
  undoLimit?: number;
}

const EMPTY_WORKBOOK: WorkbookScorecard = {
  criteria: null,
  tiers: null,
  partners: null,
};

const RELOADED =
  "The scorecard was changed in the workbook; the pane reloaded.";

export class TaskpaneSession {
  private readonly sampleTables: () => SheetTable[];
  private readonly undoLimit: number;
  private readonly listeners = new Set<(change: SessionChange) => void>();

  private _phase: Phase = "loading";
  private _failure = "";
  private _loaded: WorkbookScorecard = EMPTY_WORKBOOK;
  private _base: Tables = {
    criteria: { header: [], rows: [] },
    tiers: EMPTY_TIERS,
  };
  private _draft: Draft = draftTables(this._base);
  private _check: DraftCheck = validateDraft(
    this._base.criteria,
    this._base.tiers,
  );
  private _profile = DEFAULT_PROFILE;
  private locks = new Set<string>(); // `${profile}\u0000${criterion id}`
  private open = new Set<number>(); // criterion ids whose details are open
  private _stale: Stale | null = null;
  private undo: AppliedChange[] = [];
  /** The what-if, with the renames applied from this pane. */
  private readonly effects = new PartnerEffect();
  private _busy = false;
  private pendingReload = false;
  private _notice: Notice | null = null;
  private _disposed = false;
  /** The subscriptions to the workbook's changes and the Partners selection. */
  private readonly watcher: WorkbookWatch;
  private readonly writtenListeners = new Set<() => Promise<void>>();
  private _selectedPartner: number | null = null;
  /** The pane is hidden (pause()): nothing is read and nothing is watched until resume(). */
  private paused = false;
  /** The list on the active sheet, for set-up (read while the workbook has no scorecard). */
  private _list: PartnerList | null = null;

  constructor(
    private readonly store: ScorecardStore,
    options: SessionOptions = {},
  ) {
    this.sampleTables = options.sampleTables ?? defaultSampleTables;
    this.undoLimit = options.undoLimit ?? UNDO_LIMIT;
    this.watcher = new WorkbookWatch(store, {
      changed: () => void this.reload(),
      partnerSelected: (row, values, changesHeard) => {
        if (this._disposed || this.paused) return;
        this.selectPartner(row);
        // Where the store cannot report changes, each selection reads the workbook again.
        if (!changesHeard) void this.reload();
        else if (row !== null && values) this.partnerRowRead(row, values);
      },
      cannotWatch: (e) =>
        this.setNotice({
          kind: "error",
          text: `The pane cannot watch the workbook for changes (${message(e)}); it still reads the tables again before each apply.`,
        }),
      disposed: () => this._disposed,
    });
  }

  // ---- state ----
  get phase(): Phase {
    return this._phase;
  }
  /** Why the first load failed (phase "failed"). */
  get failure(): string {
    return this._failure;
  }
  /** The partner list found on the active sheet when the workbook had no scorecard, or null. */
  get list(): PartnerList | null {
    return this._list;
  }

  /** What the store last gave (Partners included). */
  get loaded(): WorkbookScorecard {
    return this._loaded;
  }
  /** The tables the draft started from: what the workbook holds as far as the pane knows. */
  get base(): Tables {
    return this._base;
  }
  get draft(): Draft {
    return this._draft;
  }
  /** The draft's validation: its problems and, when valid, its model and tiers. */
  get check(): DraftCheck {
    return this._check;
  }
  get problems(): readonly Problem[] {
    return this._check.problems;
  }
  get stale(): Stale | null {
    return this._stale;
  }
  get notice(): Notice | null {
    return this._notice;
  }
  /** Whether a load or write is in progress. */
  get busy(): boolean {
    return this._busy;
  }
  get disposed(): boolean {
    return this._disposed;
  }
  /** How many applies can be undone. */
  get undoDepth(): number {
    return this.undo.length;
  }
  /** Whether the draft holds edits not yet applied. */
  get dirty(): boolean {
    return (
      this._phase === "editor" && !sameTables(tablesOf(this._draft), this._base)
    );
  }
  get canApply(): boolean {
    return (
      this._phase === "editor" &&
      !this._busy &&
      this._stale === null &&
      this.dirty &&
      this._check.problems.length === 0
    );
  }
  get canUndo(): boolean {
    return !this._busy && this.undo.length > 0 && !this.dirty;
  }

  /** The profile whose weights are edited ("" for the Weight column). */
  get profile(): string {
    return this._profile;
  }
  set profile(next: string) {
    this._profile = next;
  }
  isLocked(id: number): boolean {
    return this.locks.has(this.lockKey(id));
  }
  setLocked(id: number, locked: boolean): void {
    if (locked) this.locks.add(this.lockKey(id));
    else this.locks.delete(this.lockKey(id));
  }
  /** Whether a criterion's details are open: pane state that follows its row. */
  isOpen(id: number): boolean {
    return this.open.has(id);
  }
  setOpen(id: number, open: boolean): void {
    if (open) this.open.add(id);
    else this.open.delete(id);
  }

  /** The Partners data row selected in the workbook or in the pane's partner list, or null. */
  get selectedPartner(): number | null {
    return this._selectedPartner;
  }
  selectPartner(row: number | null): void {
    this._selectedPartner = row;
    this.emit({ kind: "partner" });
  }

  /** Calls `listener` on every change; returns a function that stops it. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
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

  setNotice(next: Notice | null): void {
    this._notice = next;
    this.emit({ kind: "notice" });
  }

  // ---- loading ----
  /** The first load (and "Try again"). */
  async load(): Promise<void> {
    this._phase = "loading";
    this.emit({ kind: "state" });
    try {
      this.adopt(await this.loadWorkbook());
      // A list that cannot be read leaves the Start section with the sample only.
      if ((this._phase as Phase) === "empty")
        await this.readList().catch(() => undefined);
    } catch (e) {
      this._phase = "failed";
      this._failure = message(e);
    }
    this.emit({ kind: "state" });
    if (this._phase !== "failed") this.sayWhatWasFound();
  }

  /** Says on opening what is odd about the workbook (workbookFindings.ts), if anything. */
  private sayWhatWasFound(): void {
    const finding = findingOnOpen(this._loaded);
    if (finding === null) return;
    this.setNotice({
      ...finding,
      actions:
        this._phase === "empty"
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
   * top. A change heard while the workbook is being read is read again after it: the read in
   * flight may have missed it (Ctrl+- then Ctrl+Z in quick succession).
   */
  async reload(): Promise<void> {
    // While hidden, a change reported just before the handlers went is caught up by resume().
    if (this._disposed || this.paused) return;
    if (this._busy) {
      this.pendingReload = true;
      return;
    }
    do {
      this.pendingReload = false;
      await this.reloadOnce();
    } while (this.pendingReload && !this._busy && !this._disposed);
  }

  private async reloadOnce(): Promise<void> {
    this._busy = true;
    let data: WorkbookScorecard;
    try {
      data = await this.loadWorkbook();
    } catch (e) {
      this.setNotice({
        kind: "error",
        text: `The workbook changed but could not be read again: ${message(e)}`,
      });
      return;
    } finally {
      this._busy = false;
    }
    if (this._disposed) return;
    const partnersChanged = !sameTable(data.partners, this._loaded.partners);
    if (this._phase !== "editor") {
      this.adopt(data);
      this.emit({ kind: "state" });
      if ((this._phase as Phase) === "editor")
        this.setNotice({ kind: "info", text: RELOADED });
      return;
    }
    const tables = tablesIn(data);
    if (tables !== null && sameTables(tables, this._base)) {
      // Our own write coming back, only the Partners changed, or a change was undone in the
      // workbook: the editor's base is what the workbook holds.
      this._loaded = { ...this._loaded, partners: data.partners };
      if (this._stale) {
        this._stale = null;
        this.emit({ kind: "stale" });
      }
      if (partnersChanged) this.emit({ kind: "values" });
      return;
    }
    if (!this.dirty) {
      this.adopt(data);
      this.emit({ kind: "state" });
      this.setNotice({ kind: "info", text: RELOADED });
      return;
    }
    const changes =
      tables === null
        ? ["The Criteria table is no longer in the workbook."]
        : this.changesSince(this._base, tables);
    this._stale = { loaded: data, tables: tables ?? this._base, changes };
    this._loaded = { ...this._loaded, partners: data.partners };
    this.setNotice(null);
    this.emit({ kind: "stale" });
  }

  /** "Reload (discard my edits)": adopts what the workbook holds now. False when not stale. */
  discardDraft(): boolean {
    if (!this._stale) return false;
    this.adopt(this._stale.loaded);
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: "The scorecard was changed in the workbook; the pane reloaded and your unapplied edits were discarded.",
    });
    return true;
  }

  /** "Keep my edits": the draft merged on top of the changed workbook (mergeDraft), which becomes its base. False when it cannot. */
  keepDraft(): boolean {
    const stale = this._stale;
    if (!stale || stale.loaded.criteria === null) return false;
    const next: Tables = stale.tables;
    const c = mergeDraft(
      this._draft.criteria,
      this._base.criteria,
      next.criteria,
      CRITERIA_HEADERS.name,
    );
    const t = mergeDraft(
      this._draft.tiers,
      this._base.tiers,
      next.tiers,
      TIER_HEADERS.name,
    );
    // Locks and open details follow their rows; those of rows gone with the workbook go too.
    this.locks = new Set(
      [...this.locks].flatMap((k) => {
        const [p, id] = k.split("\u0000");
        const moved = c.idMap.get(Number(id));
        return moved === undefined ? [] : [`${p}\u0000${moved}`];
      }),
    );
    this.open = new Set(
      [...this.open].flatMap((id) => {
        const moved = c.idMap.get(id);
        return moved === undefined ? [] : [moved];
      }),
    );
    this._loaded = stale.loaded;
    this.setBase(next);
    this._draft = { criteria: c.draft, tiers: t.draft };
    this._stale = null;
    this.recheck();
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: "Kept your edits on top of the workbook's changes: Apply writes what you changed and keeps the rest of theirs; where you both changed a cell, yours is written (Undo last apply would restore theirs).",
    });
    return true;
  }

  // ---- writing ----
  /**
   * Writes the draft in one save, after checking the workbook still holds the base. Round trips
   * to Excel, counted as context.sync() calls: the check is one store.load() (two syncs up to
   * 5,000 partners, one more per slice of a larger Partners table: payload.ts; reads only) and
   * the write is one store.save() (exactly one sync); nothing is written before the check.
   */
  async apply(): Promise<void> {
    if (!this.canApply) return;
    const tables = tablesOf(this._draft);
    this._busy = true;
    this.emit({ kind: "busy", working: "applying" });
    let current: WorkbookScorecard;
    try {
      // The change events of a workbook can lag: read the tables once more so that an Apply
      // never overwrites a change the pane has not shown.
      current = await this.loadWorkbook();
    } catch (e) {
      return this.applyRefused(
        `Could not apply: the workbook could not be read to check it first (${message(e)}). Nothing was written; your edits are still here.`,
        "Apply again in a moment; if Excel stays unreachable, reload the pane.",
      );
    }
    const currentTables = tablesIn(current);
    if (currentTables === null || !sameTables(currentTables, this._base)) {
      this._busy = false;
      this.emit({ kind: "busy", working: null });
      this.pendingReload = false;
      await this.reload();
      return;
    }
    const locked = protectedTables(current);
    if (locked.length > 0) {
      const { what, todo } = explainWriteFailure(
        new WorkbookError("AccessDenied", `${locked.join(", ")} protected`),
      );
      return this.applyRefused(
        `Could not apply: ${what} Nothing was written; your edits are still here.`,
        todo,
      );
    }
    try {
      await this.store.save(
        tables.criteria,
        tables.tiers,
        this.effects.columnPlan(
          tables.criteria,
          current.partners,
          this._draft.criteria,
          this._base.criteria,
        ),
      );
    } catch (e) {
      await this.afterFailedWrite(e, tables);
      return;
    }
    await this.applied(tables);
  }

  /** After a successful write of `tables`: they become the base, and Undo can restore the old. */
  private async applied(tables: Tables): Promise<void> {
    this._busy = false;
    this.undo = pushApply(
      this.undo,
      { before: this._base, after: tables },
      this.undoLimit,
    );
    this.rebaseAfterWrite(tables, true);
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: "Applied: the Criteria and Tiers tables are updated and Excel recalculates the scores.",
    });
    await this.tablesWritten();
    await this.afterWrite();
  }

  /** Ends an Apply that wrote nothing, saying why and what to do; the draft stays as it is. */
  private applyRefused(text: string, todo: string): void {
    this._busy = false;
    this.emit({ kind: "busy", working: null });
    this.setNotice({ kind: "error", text, details: [todo] });
  }

  /**
   * A save failed. Excel's batches are not transactions and a dropped connection leaves the
   * outcome unknown, so the pane reads the workbook again before it says anything: unchanged
   * (the usual case: the stores refuse before writing), written after all (the answer was
   * lost, not the write), or different (shown as a workbook change, as if another hand made
   * it). The draft is kept in every case.
   */
  private async afterFailedWrite(
    error: unknown,
    written: Tables,
  ): Promise<void> {
    const { what, todo } = explainWriteFailure(error);
    let data: WorkbookScorecard | null = null;
    try {
      data = await this.loadWorkbook();
    } catch {
      /* said below */
    }
    const now = data === null ? null : tablesIn(data);
    if (
      now !== null &&
      sameTables(now, written) &&
      !sameTables(now, this._base)
    )
      return this.applied(written);
    this._busy = false;
    this.emit({ kind: "busy", working: null });
    let outcome: string;
    if (data === null)
      outcome =
        "The pane could not read the workbook again to check what arrived; your edits are still here.";
    else if (now !== null && sameTables(now, this._base))
      outcome =
        "Nothing was written: the workbook is as it was, and your edits are still here.";
    else {
      outcome =
        "The workbook now differs from what the pane loaded (listed below); your edits are still here.";
      this._stale = {
        loaded: data,
        tables: now ?? this._base,
        changes:
          now === null
            ? ["The Criteria table is no longer in the workbook."]
            : this.changesSince(this._base, now),
      };
      this._loaded = { ...this._loaded, partners: data.partners };
      this.emit({ kind: "stale" });
    }
    this.setNotice({
      kind: "error",
      text: `Could not apply: ${what} ${outcome}`,
      details: [todo],
    });
  }

  /**
   * Writes back the tables as they were before the last Apply. When the workbook changed
   * since that Apply, it asks first (a notice with "Undo anyway"), unless `force`.
   */
  async undoLastApply(force = false): Promise<void> {
    if (this._busy || this.undo.length === 0 || this.dirty) return;
    this._busy = true;
    this.emit({ kind: "busy", working: "undoing" });
    try {
      const data = await this.loadWorkbook();
      const current: Tables = tablesIn(data) ?? {
        criteria: { header: [], rows: [] },
        tiers: EMPTY_TIERS,
      };
      const plan = planUndo(this.undo, current);
      if (plan.kind === "nothing") return;
      if (plan.kind === "changed-since" && !force) {
        const last = this.undo[this.undo.length - 1];
        this._busy = false;
        this.setNotice({
          kind: "error",
          text: "The tables changed in the workbook after that apply, so undoing it would overwrite these changes:",
          details: this.changesSince(last.after, current),
          actions: [
            {
              label: "Undo anyway (overwrite them)",
              testid: "undo-anyway",
              run: () => void this.undoLastApply(true),
            },
            {
              label: "Cancel",
              testid: "undo-cancel",
              run: () => this.setNotice(null),
            },
          ],
        });
        return;
      }
      await this.store.save(
        plan.tables.criteria,
        plan.tables.tiers,
        this.effects.columnPlan(plan.tables.criteria, data.partners),
      );
      this.undo = popApply(this.undo);
      this._loaded = { ...data };
      this.rebaseAfterWrite(plan.tables, false);
      this._busy = false;
      this.emit({ kind: "state" });
      const more = this.undo.length;
      this.setNotice({
        kind: "info",
        text: `Undid the last apply: the tables are back as they were before it.${more ? ` ${more} more can be undone.` : ""}`,
      });
      await this.tablesWritten();
    } catch (e) {
      this.setNotice({ kind: "error", text: `Could not undo: ${message(e)}` });
    } finally {
      this._busy = false;
      this.emit({ kind: "busy", working: null });
    }
    await this.afterWrite();
  }

  /** Back to what the workbook holds (when stale, what it holds now). Always acts. */
  revert(): boolean {
    if (this._stale) return this.discardDraft();
    this._draft = draftTables(this._base);
    this.recheck();
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: "Reverted to what the workbook holds.",
    });
    return true;
  }

  /** Creates the sample scorecard and opens it. False when it did not get that far. */
  async createSample(): Promise<boolean> {
    if (this._busy) return false;
    this._busy = true;
    try {
      await this.store.createSample(this.sampleTables());
      // Read directly, not by loadWorkbook: the new tables are watched right here, once.
      const data = await this.store.load();
      await this.watch(data);
      this.adopt(data);
      this._busy = false;
      this.emit({ kind: "state" });
      this.setNotice(
        this._phase === "editor"
          ? {
              kind: "info",
              text: "Created the Scorecard and Partners sheets. Edit the weights below and apply.",
            }
          : {
              kind: "error",
              text: "The sample was created, but no Criteria table could be read back.",
            },
      );
    } catch (e) {
      this._busy = false;
      this.setNotice({
        kind: "error",
        text: `Could not create the sample: ${message(e)}`,
      });
      this.pendingReload = false;
      return false;
    }
    this.pendingReload = false;
    return true;
  }

  /** Reads the list on the active sheet for set-up (none where the store cannot). */
  private async readList(): Promise<void> {
    this._list = isListSetUpStore(this.store)
      ? await this.store.readList()
      : null;
  }

  /** "Look for my list": reads the active sheet's list again. */
  async findList(): Promise<void> {
    if (this._busy || this._phase !== "empty") return;
    try {
      await this.readList();
      this.emit({ kind: "state" });
      if (this._list === null)
        this.setNotice({
          kind: "info",
          text: "The active sheet is empty: paste or type your partner list there (a header row, then one partner per row), then choose Look for my list.",
        });
    } catch (e) {
      this.setNotice({
        kind: "error",
        text: `Could not read the list: ${message(e)}`,
      });
    }
  }

  /**
   * Sets the scorecard up from the user's list (one write) and opens it. The notice offers to
   * take it back (undoSetUp) until the next notice replaces it. False when nothing was written.
   */
  async setUpFromList(setUp: ListSetUp): Promise<boolean> {
    if (this._busy || !isListSetUpStore(this.store)) return false;
    this._busy = true;
    try {
      await this.store.setUpFromList(setUp);
    } catch (e) {
      this._busy = false;
      this.setNotice({
        kind: "error",
        text: `Could not set up the scorecard: ${message(e)}`,
      });
      return false;
    }
    try {
      const data = await this.store.load();
      await this.watch(data);
      this.adopt(data);
    } finally {
      this._busy = false;
      this.pendingReload = false;
    }
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: `Set up: the Criteria and Tiers tables are on the ${setUp.tables[0]?.sheet} sheet, and the list is the Partners table with Score, Tier and Next tier columns. Adjust the weights and tiers below and apply.`,
      actions: [
        {
          label: "Undo set-up",
          testid: "undo-set-up",
          run: () => void this.undoSetUp(setUp),
        },
      ],
    });
    return true;
  }

  /** Takes a set-up back: the pane returns to Start with the list found again. */
  async undoSetUp(setUp: ListSetUp): Promise<void> {
    if (this._busy || !isListSetUpStore(this.store)) return;
    if (this.dirty || this.undo.length > 0) {
      this.setNotice({
        kind: "error",
        text: "The scorecard has changed since it was set up, so the set-up is no longer undone in one step: delete its sheet and the added columns by hand if you want it gone.",
      });
      return;
    }
    this._busy = true;
    try {
      await this.store.undoSetUp(setUp);
      const data = await this.store.load();
      await this.watch(data);
      this.adopt(data);
      await this.readList();
      this.setNotice({
        kind: "info",
        text: "Undid the set-up: the list is as it was.",
      });
    } catch (e) {
      this.setNotice({
        kind: "error",
        text: `Could not undo the set-up: ${message(e)}`,
      });
    } finally {
      this._busy = false;
      this.pendingReload = false;
    }
    this.emit({ kind: "state" });
  }

  /**
   * Reads the workbook. A store watches the tables that exist when asked, so where a table
   * has appeared (a Partners table made by hand, say) or gone since the pane subscribed, it
   * subscribes again from what this read found.
   */
  private async loadWorkbook(): Promise<WorkbookScorecard> {
    const data = await this.store.load();
    if (
      this.watcher.watchedTables !== null &&
      !this._disposed &&
      tablesPresent(data) !== this.watcher.watchedTables
    )
      void this.watch(data);
    return data;
  }

  /**
   * (Re)subscribes to changes of the tables `found` (by default the last read) holds: a store
   * watches the tables that exist, so again after createSample or when a table appears.
   */
  watch(found: WorkbookScorecard = this._loaded): Promise<void> {
    return this.watcher.watch(tablesPresent(found));
  }

  /**
   * A Partners row as the store read it at its selection: where it differs from what the pane
   * loaded (a formula over another sheet recalculated, which raises no change event), the
   * pane takes it, so the partner view and the what-if show it as it is now.
   */
  private partnerRowRead(row: number, values: unknown[]): void {
    const partners = this._loaded.partners;
    const loaded = partners?.rows[row];
    if (!partners || !loaded || loaded.length !== values.length) return;
    if (values.every((value, c) => sameCell(value, loaded[c]))) return;
    const rows = [...partners.rows];
    rows[row] = [...values];
    this._loaded = { ...this._loaded, partners: { ...partners, rows } };
    this.emit({ kind: "values" });
  }

  /**
   * The pane was hidden (readWhileVisible.ts): removes every workbook subscription, after any
   * (re)subscription under way, and reads nothing until resume().
   */
  pause(): Promise<void> {
    this.paused = true;
    return this.watcher.stop();
  }

  /**
   * The pane is shown again: one read catches up with whatever changed meanwhile (shown as a
   * workbook change, as if heard), then the tables are watched again.
   */
  async resume(): Promise<void> {
    if (!this.paused || this._disposed) return;
    this.paused = false;
    if (this._phase === "loading" || this._phase === "failed")
      await this.load();
    else await this.reload();
    if (!this.paused) await this.watch();
  }

  /** Stops reacting and watching. */
  dispose(): void {
    this._disposed = true;
    this.watcher.dispose();
  }

  // ---- editing ----
  /**
   * Applies an edit to the draft. A `structural` one (rows added, removed or reordered, a
   * profile added, anything that changes what the editor lists) asks for a full redraw.
   */
  edit(change: (d: Draft) => Draft, structural = false): void {
    this._draft = change(this._draft);
    this.recheck();
    this.emit({ kind: structural ? "state" : "values" });
  }

  /** Sets a criterion's weight in the current profile ("" blanks it). False when no such row. */
  setWeight(id: number, value: number | ""): boolean {
    const row = rowOfId(this._draft.criteria, id);
    if (row < 0) return false;
    const profile = this._profile;
    this.edit((d) => ({
      ...d,
      criteria:
        value === ""
          ? setCell(d.criteria, row, weightHeader(profile), "")
          : setWeight(d.criteria, row, profile, value),
    }));
    return true;
  }

  /** Spreads the current profile's unlocked weights so that they add up to 100. */
  spread(): void {
    const result = spreadTo100(
      this._draft.criteria,
      this._profile,
      this.lockedIds(),
    );
    if (!result.ok)
      return this.setNotice({ kind: "error", text: result.message });
    this._draft = { ...this._draft, criteria: result.draft };
    this.recheck();
    this.emit({ kind: "state" });
    this.setNotice({
      kind: "info",
      text: "Spread: the weights of this profile now add up to 100.",
    });
  }

  // ---- derived ----
  /** Where a problem is: the cell address when the row is where the workbook has it, else null. */
  addressOf(p: Problem): string | null {
    const criteria = p.table === "Criteria";
    const table = criteria ? this._draft.criteria : this._draft.tiers;
    const baseTable = criteria ? this._base.criteria : this._base.tiers;
    const where = criteria ? this._loaded.criteria : this._loaded.tiers;
    if (!where?.address || !sameHeader(table, baseTable)) return null;
    if (p.row >= 0 && originOf(table, p.row) !== p.row) return null;
    return cellAddress(where.address, table, p);
  }

  /** Per draft criterion, the Partners headers to look for: its name, then its earlier names. */
  draftColumns(): string[][] {
    return this.effects.draftColumns(this._draft.criteria, this._base.criteria);
  }

  /** The draft's effect on the Partners against the workbook's model, or why there is none. */
  effect(): WhatIf | NoEffect {
    return this.effects.of(
      this._loaded.partners,
      this._check,
      this._draft,
      this._base.criteria,
    );
  }

  /**
   * Every partner scored under the model the workbook holds, or under the draft being edited
   * (the what-if); null without a Partners table or while that model has problems.
   */
  scoring(under: "workbook" | "draft"): Scoring | null {
    const partners = this._loaded.partners;
    if (!partners || this._phase !== "editor") return null;
    return under === "workbook"
      ? this.effects.scoredByWorkbook(partners)
      : this.effects.scoredByDraft(
          partners,
          this._check,
          this._draft,
          this._base.criteria,
        );
  }

  // ---- internals ----
  private emit(change: SessionChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  private lockKey(id: number): string {
    return `${this._profile}\u0000${id}`;
  }

  private lockedIds(): Set<number> {
    return new Set(this._draft.criteria.ids.filter((id) => this.isLocked(id)));
  }

  private recheck(): void {
    this._check = validateDraft(this._draft.criteria, this._draft.tiers);
  }

  private setBase(tables: Tables): void {
    this._base = {
      criteria: copyTable(tables.criteria),
      tiers: copyTable(tables.tiers),
    };
    this.effects.rebase(this._base);
  }

  private changesSince(before: Tables, after: Tables): string[] {
    return [
      ...describeChanges("Criteria", before.criteria, after.criteria),
      ...describeChanges("Tiers", before.tiers, after.tiers),
    ];
  }

  private adopt(data: WorkbookScorecard): void {
    const opening = this._phase !== "editor";
    this._loaded = data;
    this._stale = null;
    if (data.criteria === null) {
      this._phase = "empty";
      return;
    }
    this.setBase({
      criteria: data.criteria,
      tiers: data.tiers ?? EMPTY_TIERS,
    });
    const rows = this._base.criteria.rows.length;
    this._draft = draftTables(this._base);
    // Locks and open details are the pane's own; they stay with the row positions they had.
    this.locks = new Set(
      [...this.locks].filter((k) => Number(k.split("\u0000")[1]) < rows),
    );
    this.open = new Set([...this.open].filter((id) => id < rows));
    const profiles = profilesOf(this._base.criteria);
    // Opening the editor shows the weights most partners are scored with; later loads keep
    // the profile the user is editing.
    if (opening) this._profile = mostUsedProfile(data.partners, profiles);
    if (
      this._profile !== DEFAULT_PROFILE &&
      !profiles.some((p) => p.toLowerCase() === this._profile.toLowerCase())
    )
      this._profile = DEFAULT_PROFILE;
    this._phase = "editor";
    this.recheck();
  }

  /** After a write, the written tables are the base; ids/locks/open details follow their rows. */
  private rebaseAfterWrite(tables: Tables, applied: boolean): void {
    const draft = this._draft;
    // An Apply writes the draft row for row, so its renames are known; an undo's are not.
    if (applied)
      this.effects.recordRenames(
        draft.criteria,
        this._base.criteria,
        tables.criteria,
      );
    const cMap = new Map(
      draft.criteria.ids.map((id, row) => [id, row] as const),
    );
    const written = draftTables(tables);
    this.locks = new Set(
      [...this.locks].flatMap((k) => {
        const [p, id] = k.split("\u0000");
        const row = cMap.get(Number(id));
        return row === undefined ? [] : [`${p}\u0000${row}`];
      }),
    );
    this.open = new Set(
      [...this.open].flatMap((id) => (cMap.has(id) ? [cMap.get(id)!] : [])),
    );
    this.setBase(tables);
    this._loaded = {
      ...this._loaded,
      criteria: this._base.criteria,
      tiers: this._base.tiers,
    };
    this._draft = written;
    this.recheck();
  }

  private async afterWrite(): Promise<void> {
    if (this.pendingReload) {
      this.pendingReload = false;
      await this.reload();
    }
  }
}

/** The edited tables (Criteria, Tiers) that a load found on a protected sheet. */
function protectedTables(data: WorkbookScorecard): string[] {
  return [
    data.criteria?.sheetProtected ? "Criteria" : null,
    data.tiers?.sheetProtected ? "Tiers" : null,
  ].filter((name): name is string => name !== null);
}

/** Which of the three tables a load found, as one key ("110": Criteria and Tiers, no Partners). */
function tablesPresent(data: WorkbookScorecard): string {
  return [data.criteria, data.tiers, data.partners]
    .map((table) => (table === null ? "0" : "1"))
    .join("");
}

/** The Criteria and Tiers a load gave, or null when there is no Criteria table. */
function tablesIn(data: WorkbookScorecard): Tables | null {
  return data.criteria === null
    ? null
    : { criteria: data.criteria, tiers: data.tiers ?? EMPTY_TIERS };
}

function sameHeader(a: TableData, b: TableData): boolean {
  return sameTable(
    { header: a.header, rows: [] },
    { header: b.header, rows: [] },
  );
}

function message(e: unknown): string {
  // Excel's payload limit comes without a message a user could act on: say it in ours.
  const tooLarge = payloadTooLarge(e);
  if (tooLarge) return tooLarge;
  return e instanceof Error ? e.message : String(e);
}
