/**
 * What the session holds, and the changes of it that do no I/O: taking a load (adopt), taking
 * a write (rebaseAfterWrite), checking the draft, telling the listeners. The session and its
 * actions (workbookChanges, applyWrites, scorecardSetUp) share one SessionState through a
 * SessionContext; views see it only through TaskpaneSession's getters. No DOM.
 */
import { DEFAULT_PROFILE } from "../../core";
import type {
  PartnerList,
  ScorecardStore,
  SheetTable,
  WorkbookScorecard,
} from "../../workbook/store";
import {
  EMPTY_TIERS,
  copyTable,
  describeChanges,
  draftTables,
  profilesOf,
  sameTables,
  tablesOf,
  type Draft,
  type Tables,
} from "../../programme/draft";
import { validateDraft, type DraftCheck } from "../../programme/validation";
import { mostUsedProfile } from "../../programme/whatIf";
import { CriterionMarks } from "./criterionMarks";
import { PartnerEffect } from "./partnerEffect";
import type { AppliedChange } from "./undo";
import type {
  Notice,
  Phase,
  SessionChange,
  Stale,
  Working,
} from "./sessionTypes";

const EMPTY_WORKBOOK: WorkbookScorecard = {
  criteria: null,
  tiers: null,
  partners: null,
};

export class SessionState {
  private readonly listeners = new Set<(change: SessionChange) => void>();

  phase: Phase = "loading";
  /** Why the first load failed (phase "failed"). */
  failure = "";
  /** What the store last gave (Partners included). */
  loaded: WorkbookScorecard = EMPTY_WORKBOOK;
  /** The tables the draft started from: what the workbook holds as far as the pane knows. */
  base: Tables = {
    criteria: { header: [], rows: [] },
    tiers: EMPTY_TIERS,
  };
  draft: Draft = draftTables(this.base);
  /** The draft's validation: its problems and, when valid, its model and tiers. */
  check: DraftCheck = validateDraft(this.base.criteria, this.base.tiers);
  /** The profile whose weights are edited ("" for the Weight column). */
  profile = DEFAULT_PROFILE;
  readonly marks = new CriterionMarks();
  stale: Stale | null = null;
  /** The applies that can be undone, oldest first. */
  applies: AppliedChange[] = [];
  /** The what-if, with the renames applied from this pane. */
  readonly effects = new PartnerEffect();
  /** Whether a load or write is in progress. */
  busy = false;
  /** A change was heard while busy: read the workbook again when done. */
  pendingReload = false;
  notice: Notice | null = null;
  disposed = false;
  /** The pane is hidden (pause()): nothing is read and nothing is watched until resume(). */
  paused = false;
  selectedPartner: number | null = null;
  /** The list on the active sheet, for set-up (read while the workbook has no scorecard). */
  list: PartnerList | null = null;

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(change: SessionChange): void {
    for (const listener of [...this.listeners]) listener(change);
  }

  /** Tells the listeners that anything may have changed: the pane draws anew. */
  changed(): void {
    this.emit({ kind: "state" });
  }

  setNotice(next: Notice | null): void {
    this.notice = next;
    this.emit({ kind: "notice" });
  }

  /** Starts (what is `working`) or ends (null) a write, and tells the listeners. */
  setWorking(working: Working | null): void {
    this.busy = working !== null;
    this.emit({ kind: "busy", working });
  }

  /** Shows a notice that is one line of text (no details, no actions). */
  say(kind: Notice["kind"], text: string): void {
    this.setNotice({ kind, text });
  }

  /** Whether the draft holds edits not yet applied. */
  get dirty(): boolean {
    return (
      this.phase === "editor" && !sameTables(tablesOf(this.draft), this.base)
    );
  }

  recheck(): void {
    this.check = validateDraft(this.draft.criteria, this.draft.tiers);
  }

  /** A new draft as a whole (Revert, Spread, Keep my edits): checked, redrawn, and `said` (info). */
  takeDraft(draft: Draft, said: string): void {
    this.draft = draft;
    this.recheck();
    this.changed();
    this.say("info", said);
  }

  setBase(tables: Tables): void {
    this.base = {
      criteria: copyTable(tables.criteria),
      tiers: copyTable(tables.tiers),
    };
    this.effects.rebase(this.base);
  }

  changesSince(before: Tables, after: Tables): string[] {
    return [
      ...describeChanges("Criteria", before.criteria, after.criteria),
      ...describeChanges("Tiers", before.tiers, after.tiers),
    ];
  }

  /**
   * The workbook (`data`, its tables `tables`, null without a Criteria table) differs from
   * the base while there are edits: the draft is kept, the changes listed, Apply blocked.
   */
  markStale(data: WorkbookScorecard, tables: Tables | null): void {
    this.stale = {
      loaded: data,
      tables: tables ?? this.base,
      changes:
        tables === null
          ? ["The Criteria table is no longer in the workbook."]
          : this.changesSince(this.base, tables),
    };
    this.loaded = { ...this.loaded, partners: data.partners };
    this.emit({ kind: "stale" });
  }

  /** Takes what a load gave: the editor over its tables, or the Start section without them. */
  adopt(data: WorkbookScorecard): void {
    const opening = this.phase !== "editor";
    this.loaded = data;
    this.stale = null;
    if (data.criteria === null) {
      this.phase = "empty";
      return;
    }
    this.setBase({
      criteria: data.criteria,
      tiers: data.tiers ?? EMPTY_TIERS,
    });
    this.draft = draftTables(this.base);
    // Locks and open details are the pane's own; they stay with the row positions they had.
    this.marks.keepRowsBelow(this.base.criteria.rows.length);
    const profiles = profilesOf(this.base.criteria);
    // Opening the editor shows the weights most partners are scored with; later loads keep
    // the profile the user is editing.
    if (opening) this.profile = mostUsedProfile(data.partners, profiles);
    if (
      this.profile !== DEFAULT_PROFILE &&
      !profiles.some((p) => p.toLowerCase() === this.profile.toLowerCase())
    )
      this.profile = DEFAULT_PROFILE;
    this.phase = "editor";
    this.recheck();
  }

  /** After a write, the written tables are the base; ids/locks/open details follow their rows. */
  rebaseAfterWrite(tables: Tables, applied: boolean): void {
    const draft = this.draft;
    // An Apply writes the draft row for row, so its renames are known; an undo's are not.
    if (applied)
      this.effects.recordRenames(
        draft.criteria,
        this.base.criteria,
        tables.criteria,
      );
    const cMap = new Map(
      draft.criteria.ids.map((id, row) => [id, row] as const),
    );
    const written = draftTables(tables);
    this.marks.follow((id) => cMap.get(id));
    this.setBase(tables);
    this.loaded = {
      ...this.loaded,
      criteria: this.base.criteria,
      tiers: this.base.tiers,
    };
    this.draft = written;
    this.recheck();
  }
}

/** What the session's actions (workbookChanges, applyWrites, scorecardSetUp) are given. */
export interface SessionContext {
  readonly state: SessionState;
  readonly store: ScorecardStore;
  /** How many applies the undo remembers. */
  readonly undoLimit: number;
  /** The tables createSample() creates. */
  readonly sampleTables: () => SheetTable[];
  /** Reads the workbook, subscribing again where tables appeared or went. */
  loadWorkbook(): Promise<WorkbookScorecard>;
  /** The reaction to a workbook change (session.reload). */
  reload(): Promise<void>;
  /** (Re)subscribes to the tables `found` holds. */
  watch(found: WorkbookScorecard): Promise<void>;
  /** Tells the onTablesWritten listeners that an Apply or its undo wrote the tables. */
  tablesWritten(): Promise<void>;
}
