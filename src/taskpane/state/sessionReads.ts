/**
 * What the views read of the pane's session, and the marks that are the pane's own (the
 * profile edited, locks, open details, the selected partner, the notice): nothing here reads
 * or writes the workbook. TaskpaneSession (session.ts) extends it with the actions. No DOM.
 */
import type { Problem } from "../../core";
import { originOf } from "../../programme/draft";
import { cellAddress } from "../../programme/validation";
import type { Scoring, WhatIf } from "../../programme/whatIf";
import type { NoEffect } from "./partnerEffect";
import { SessionState } from "./sessionState";
import { sameHeader } from "./loadedTables";
import type { Notice, SessionChange } from "./sessionTypes";

/** The SessionState members a view reads as they are (their meaning is documented there). */
const READ_AS_HELD = [
  "phase",
  "failure",
  "list",
  "loaded",
  "base",
  "draft",
  "check",
  "stale",
  "notice",
  "busy",
  "disposed",
  "dirty",
  "selectedPartner",
] as const;

type ReadAsHeld = Readonly<Pick<SessionState, (typeof READ_AS_HELD)[number]>>;

/** Holds the SessionState and reads each READ_AS_HELD member of it through a getter. */
class SessionStateHolder {
  protected readonly s = new SessionState();

  static {
    // One getter per member, rather than a dozen hand-written ones that only forward.
    for (const key of READ_AS_HELD)
      Object.defineProperty(this.prototype, key, {
        get(this: SessionStateHolder) {
          return this.s[key];
        },
      });
  }
}

const ReadsAsHeld =
  SessionStateHolder as unknown as abstract new () => SessionStateHolder &
    ReadAsHeld;

export abstract class SessionReads extends ReadsAsHeld {
  get problems(): readonly Problem[] {
    return this.s.check.problems;
  }
  /** How many applies can be undone. */
  get undoDepth(): number {
    return this.s.applies.length;
  }
  get canUndo(): boolean {
    return !this.s.busy && this.s.applies.length > 0 && !this.s.dirty;
  }

  /** The profile whose weights are edited ("" for the Weight column). */
  get profile(): string {
    return this.s.profile;
  }
  set profile(next: string) {
    this.s.profile = next;
  }
  isLocked(id: number): boolean {
    return this.s.marks.isLocked(this.s.profile, id);
  }
  setLocked(id: number, locked: boolean): void {
    this.s.marks.setLocked(this.s.profile, id, locked);
  }
  /** Whether a criterion's details are open: pane state that follows its row. */
  isOpen(id: number): boolean {
    return this.s.marks.isOpen(id);
  }
  setOpen(id: number, open: boolean): void {
    this.s.marks.setOpen(id, open);
  }

  /** Selects a Partners data row (from the workbook or the pane's partner list), or none. */
  selectPartner(row: number | null): void {
    this.s.selectedPartner = row;
    this.s.emit({ kind: "partner" });
  }

  /** Calls `listener` on every change; returns a function that stops it. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    return this.s.subscribe(listener);
  }

  setNotice(next: Notice | null): void {
    this.s.setNotice(next);
  }

  /** Shows a notice that is one line of text (no details, no actions). */
  say(kind: Notice["kind"], text: string): void {
    this.s.say(kind, text);
  }

  /** Where a problem is: the cell address when the row is where the workbook has it, else null. */
  addressOf(p: Problem): string | null {
    const s = this.s;
    const criteria = p.table === "Criteria";
    const table = criteria ? s.draft.criteria : s.draft.tiers;
    const baseTable = criteria ? s.base.criteria : s.base.tiers;
    const where = criteria ? s.loaded.criteria : s.loaded.tiers;
    if (!where?.address || !sameHeader(table, baseTable)) return null;
    if (p.row >= 0 && originOf(table, p.row) !== p.row) return null;
    return cellAddress(where.address, table, p);
  }

  /** Per draft criterion, the Partners headers to look for: its name, then its earlier names. */
  draftColumns(): string[][] {
    return this.s.effects.draftColumns(
      this.s.draft.criteria,
      this.s.base.criteria,
    );
  }

  /** The draft's effect on the Partners against the workbook's model, or why there is none. */
  effect(): WhatIf | NoEffect {
    const s = this.s;
    return s.effects.of(s.loaded.partners, s.check, s.draft, s.base.criteria);
  }

  /**
   * Every partner scored under the model the workbook holds, or under the draft being edited
   * (the what-if); null without a Partners table or while that model has problems.
   */
  scoring(under: "workbook" | "draft"): Scoring | null {
    const s = this.s;
    const partners = s.loaded.partners;
    if (!partners || s.phase !== "editor") return null;
    return under === "workbook"
      ? s.effects.scoredByWorkbook(partners)
      : s.effects.scoredByDraft(partners, s.check, s.draft, s.base.criteria);
  }
}
