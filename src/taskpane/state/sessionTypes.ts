/** The words the session and its views share: its phase, notices, stale drafts and changes. */
import type { SheetTable, WorkbookScorecard } from "../../workbook/store";
import type { Tables } from "../../programme/draft";

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
