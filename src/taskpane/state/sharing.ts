/**
 * The pane's Sharing section without the DOM: snapshots into the History table, the movers
 * since the last snapshot, tier counts over the snapshots, and the values-only export. It
 * reads the scoring from the pane's session (the same core computation as the PRM
 * functions, over the Partners table) and writes through the SharingStore; its messages go
 * to the session's notice.
 *
 * A snapshot and an export record the model the workbook holds, never unapplied edits; the
 * movers compare the last snapshot with the what-if being edited when there is one. Before
 * either writes, the pane reads the workbook again (the Partners values may have been typed
 * since), and the History table too (a colleague may have taken today's snapshot).
 */
import {
  compareStandings,
  headerKey,
  historyRows,
  isoDateFromSerial,
  readHistory,
  tierCountsOver,
  todaySerial,
  type HistoryReading,
  type HistoryWithDecisions,
  type Movers,
  type Snapshot,
  type TierCounts,
} from "../../core";
import type { SharingStore, TableData } from "../../workbook/store";
import type { Scoring } from "../../programme/whatIf";
import { counted } from "../../programme/counted";
import type { TaskpaneSession } from "./session";
import { withExportChart } from "./exportChart";
import { assignedAt, assignedNow } from "../../programme/review";
import { errorMessage, NO_MODEL, WritingSection } from "./writingSection";
import { standingsOf, type Standings } from "../../programme/standings";
import {
  exportColumns,
  valuesSheet,
  type ExportColumn,
} from "../../programme/valuesExport";

/** What changed, so the view redraws: the History read, a write starting or ending, the same-day question, the export choices. */
export type SharingChange = "history" | "busy" | "confirm" | "export";

export interface SharingOptions {
  /** Today's date as a serial (default: the computer's local date, as Excel's TODAY()). */
  today?: () => number;
  /** How many snapshots the tier chart shows, the latest (default 12). */
  chartLimit?: number;
}

/** The movers since the last snapshot, or why there are none. */
export type MoversResult =
  | {
      snapshot: Snapshot;
      /** Compared with the draft being edited rather than the model the workbook holds. */
      withEdits: boolean;
      movers: Movers;
      standings: Standings;
    }
  | "no-snapshot"
  | "no-model";

const EMPTY_HISTORY: HistoryWithDecisions = {
  snapshots: [],
  decisions: [],
  unread: [],
  missing: [],
};

export class SharingSession extends WritingSection<SharingChange> {
  private readonly today: () => number;
  private readonly chartLimit: number;
  private _history: HistoryWithDecisions = EMPTY_HISTORY;
  private _confirming = false;
  private readonly excluded = new Set<string>();
  private _exportPartner: string | null = null;

  constructor(
    scorecard: TaskpaneSession,
    private readonly store: SharingStore,
    options: SharingOptions = {},
  ) {
    super(scorecard, "busy");
    this.today = options.today ?? (() => todaySerial());
    this.chartLimit = options.chartLimit ?? 12;
  }

  get history(): HistoryReading {
    return this._history;
  }
  get lastSnapshot(): Snapshot | null {
    const { snapshots } = this._history;
    return snapshots[snapshots.length - 1] ?? null;
  }
  /** A snapshot was asked for on a day that has one: the pane asks before a second. */
  get confirmingSameDay(): boolean {
    return this._confirming;
  }

  /** Reads the History table again; a failure is said in the notice and keeps what was read. */
  async loadHistory(): Promise<boolean> {
    try {
      const table = await this.store.loadHistory();
      this._history = table
        ? readHistory(table.header, table.rows)
        : EMPTY_HISTORY;
      return true;
    } catch (e) {
      this.tell(
        "error",
        `Could not read the History table: ${errorMessage(e)}`,
      );
      return false;
    } finally {
      this.emit("history");
    }
  }

  /**
   * Appends today's snapshot of the model the workbook holds. On a day that already has one
   * it asks first (confirmingSameDay) unless `confirmed`.
   */
  async snapshot(confirmed = false): Promise<void> {
    if (this.busy) return;
    this.setConfirming(false);
    const fresh = await this.freshStandings("take a snapshot");
    if (!fresh) return;
    const today = this.today();
    if (this.lastSnapshot?.date === today && !confirmed)
      return this.setConfirming(true);
    const { standings } = fresh;
    if (standings.standings.length === 0)
      return this.scorecard.setNotice({
        kind: "error",
        text: "No snapshot was taken: no partner has a name of its own and a score.",
        details: leftOutLines(standings),
      });
    const written = await this.write(
      () => this.store.appendHistory(historyRows(today, standings.standings)),
      "Could not take the snapshot",
    );
    if (!written) return;
    await this.loadHistory();
    const n = standings.standings.length;
    this.scorecard.setNotice({
      kind: "info",
      text: `Snapshot of ${counted(n, "partner", "partners")} added to the History table for ${isoDateFromSerial(today)}.${this.scorecard.dirty ? " Your unapplied edits are not in it: a snapshot records the model the workbook holds." : ""}`,
      details: leftOutLines(standings),
    });
  }

  /**
   * Writes today's date into the Evaluation table in one batch: the sample's CERTSTATUS, and
   * with it every score and tier, recalculate once, as of today.
   */
  async setEvaluationToday(): Promise<void> {
    if (this.busy) return;
    const set = this.store.setEvaluationDate?.bind(this.store);
    if (!set)
      return this.tell(
        "error",
        "This workbook cannot take an evaluation date from the pane.",
      );
    const today = this.today();
    const written = await this.write(
      () => set(today),
      "Could not set the evaluation date",
    );
    if (!written) return;
    this.tell(
      "info",
      `Evaluation date set to ${isoDateFromSerial(today)}: certification statuses, scores and tiers are now as of today.`,
    );
  }

  /** "Cancel" on the same-day question. */
  cancelSnapshot(): void {
    this.setConfirming(false);
  }

  /** The last snapshot against the model now, or the draft being edited when there are edits. */
  movers(): MoversResult {
    const last = this.lastSnapshot;
    if (!last) return "no-snapshot";
    const withEdits = this.scorecard.dirty;
    const scoring = this.scorecard.scoring(withEdits ? "draft" : "workbook");
    const partners = this.partners;
    if (!scoring || !partners) return "no-model";
    const standings = standingsOf(partners, scoring);
    // Tiers a manager assigned, where the workbook has them (issue 22); with edits, "now" is
    // the draft's what-if, computed.
    return {
      snapshot: last,
      withEdits,
      movers: compareStandings(
        assignedAt(partners, last, this._history.decisions),
        withEdits
          ? standings.standings
          : assignedNow(partners, standings.standings),
        standings.tierOrder,
      ),
      standings,
    };
  }

  /** Partners per tier at each of the latest snapshots, the model's tiers first. */
  tierCounts(): TierCounts {
    if (this._history.snapshots.length === 0) return { tiers: [], points: [] };
    const tierOrder = this.workbookStandings()?.tierOrder ?? [];
    return tierCountsOver(
      this._history.snapshots.slice(-this.chartLimit),
      tierOrder,
    );
  }

  // ---- the values-only export ----

  /** The Partners columns, and whether each is exported. */
  exportColumns(): (ExportColumn & { included: boolean })[] {
    const partners = this.partners;
    return partners
      ? exportColumns(partners).map((c) => ({
          ...c,
          included: c.required || !this.excluded.has(headerKey(c.name)),
        }))
      : [];
  }

  setColumnIncluded(name: string, included: boolean): void {
    if (included) this.excluded.delete(headerKey(name));
    else this.excluded.add(headerKey(name));
    this.emit("export");
  }

  /** The partners one can export alone: those named once. */
  exportPartners(): string[] {
    return this.workbookStandings()?.named ?? [];
  }

  /** The one partner to export, or null for all. */
  get exportPartner(): string | null {
    return this._exportPartner;
  }
  set exportPartner(partner: string | null) {
    this._exportPartner = partner;
    this.emit("export");
  }

  /** Writes the values-only copy on a new sheet. */
  async exportValues(): Promise<void> {
    if (this.busy) return;
    const fresh = await this.freshStandings("export");
    if (!fresh) return;
    const partner = this._exportPartner;
    if (
      partner !== null &&
      !this.exportPartners().some(
        (p) => p.toLowerCase() === partner.toLowerCase(),
      )
    )
      return this.tell(
        "error",
        `Nothing was exported: the Partners table no longer names ${partner} exactly once.`,
      );
    const plain = valuesSheet(fresh.partners, fresh.scoring, {
      excluded: this.excluded,
      partner,
      date: this.today(),
    });
    const sheet = withExportChart(
      plain,
      partner,
      this.store,
      this.scorecard.loaded,
    );
    let name = "";
    const written = await this.write(async () => {
      name = await this.store.writeValuesSheet(sheet);
    }, "Could not export");
    if (!written) return;
    const rows = plain.cells.length - 3;
    this.tell(
      "info",
      `Wrote ${counted(rows, "partner", "partners")} as plain values to the new sheet "${name}". To send it, right-click its tab, choose Move or Copy, pick (new book) and tick Create a copy, then save that workbook.`,
    );
  }

  // ---- internals ----

  /**
   * The workbook read again (Partners values typed since the last read count) and scored
   * under the model it holds; null, with the reason in the notice, when that cannot be.
   */
  private async freshStandings(doing: string): Promise<{
    partners: TableData;
    scoring: Scoring;
    standings: Standings;
  } | null> {
    this.setBusy(true);
    try {
      await this.scorecard.reload();
      if (!(await this.loadHistory())) return null;
    } finally {
      this.setBusy(false);
    }
    if (this.scorecard.stale) {
      this.tell(
        "error",
        `The workbook changed while you were editing: choose above to reload or keep your edits, then ${doing} again.`,
      );
      return null;
    }
    const partners = this.partners;
    const scoring = this.scorecard.scoring("workbook");
    if (!partners || !scoring) {
      this.tell("error", `${NO_MODEL}.`);
      return null;
    }
    return { partners, scoring, standings: standingsOf(partners, scoring) };
  }

  private workbookStandings(): Standings | null {
    const partners = this.partners;
    const scoring = this.scorecard.scoring("workbook");
    return partners && scoring ? standingsOf(partners, scoring) : null;
  }

  private setConfirming(confirming: boolean): void {
    if (this._confirming === confirming) return;
    this._confirming = confirming;
    this.emit("confirm");
  }
}

/** The partners a snapshot left out, one line per reason. */
export function leftOutLines(s: Standings): string[] {
  const rows = (list: number[]) => list.map((r) => r + 1).join(", ");
  return [
    ...(s.leftOut.unnamed.length > 0
      ? [
          `Left out, no name: Partners table ${s.leftOut.unnamed.length === 1 ? "row" : "rows"} ${rows(s.leftOut.unnamed)}.`,
        ]
      : []),
    ...s.leftOut.repeated.map(
      (r) =>
        `Left out, named more than once: ${r.partner} (Partners table rows ${rows(r.rows)}).`,
    ),
    ...s.unscored.map(
      (u) => `Left out, not scored: ${u.partner} (${u.message}).`,
    ),
  ];
}
