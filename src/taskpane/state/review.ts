/**
 * The pane's Review section without the DOM (issue 22): the tier review as of the evaluation
 * date (the Evaluation table's, as PRM.CERTSTATUS reads it; today without one), the review
 * columns added on first use, approving some or all proposals, an override by hand, and undo
 * of the last of these. The rules are core/review.ts; what each decision writes is
 * programme/review; this module reads fresh before each write and keeps the undo stack.
 *
 * Every write reads the workbook again first (the Partners values may have been typed since)
 * and proposes only what the review of that fresh read still proposes. An undo writes the
 * cells back only where they still hold what the decision wrote, and records "Undone: ..."
 * rows: history is never rewritten.
 */
import {
  isoDateFromSerial,
  partnerKey,
  rankTiers,
  readHistory,
  todaySerial,
  type Snapshot,
} from "../../core";
import {
  reviewPartners,
  type Review,
  type ReviewItem,
} from "../../core/review";
import { partnerCard } from "../../programme/partnerCard";
import {
  approvalDecision,
  changedSince,
  checkOverride,
  hasReviewColumns,
  initialReviewColumns,
  overrideDecision,
  reviewRoster,
  undoWrite,
  type Decision,
  type OverrideErrors,
  type OverrideForm,
  type ReviewRoster,
} from "../../programme/review";
import { scenarioOf } from "../../programme/whatIf";
import type { ReviewStore, SharingStore } from "../../workbook/store";
import type { TaskpaneSession } from "./session";
import { errorMessage, WritingSection } from "./writingSection";
import { popApply, pushApply, UNDO_LIMIT } from "./undo";

/** What changed, so the view redraws: the review read, a write starting or ending, the form's messages. */
export type ReviewChange = "review" | "busy" | "form";

export interface ReviewOptions {
  /** Today's date as a serial (default: the computer's local date, as Excel's TODAY()). */
  today?: () => number;
  /** How many decisions "Undo" remembers (default 10, as applies). */
  undoLimit?: number;
}

/** The review now, with the roster its item indexes point into. */
export interface ReviewNow {
  asOf: number;
  /** Whether asOf is the Evaluation table's date (else today). */
  fromEvaluation: boolean;
  roster: ReviewRoster;
  review: Review;
  /** The model's tier names, highest first (the override form's choice). */
  tiers: string[];
}

/** Why there is no review to show. */
export type NoReview = "not-opened" | "no-model" | "no-columns";

const NO_MODEL =
  "There is no Partners table, or the model the workbook holds has problems: fix them and apply first.";

export class ReviewSession extends WritingSection<ReviewChange> {
  private readonly today: () => number;
  private readonly undoLimit: number;
  private opened = false;
  private evaluationDate: number | null = null;
  private snapshots: Snapshot[] = [];
  /** Partner keys ticked for approval. */
  private readonly ticked = new Set<string>();
  private undoStack: Decision[] = [];
  private _errors: OverrideErrors = {};
  private memo: { key: unknown[]; now: ReviewNow | NoReview } | null = null;

  constructor(
    scorecard: TaskpaneSession,
    private readonly store: ReviewStore & SharingStore,
    options: ReviewOptions = {},
  ) {
    super(scorecard, "busy");
    this.today = options.today ?? (() => todaySerial());
    this.undoLimit = options.undoLimit ?? UNDO_LIMIT;
  }

  get canUndo(): boolean {
    return !this.busy && this.undoStack.length > 0;
  }
  /** What the last decision did, for the Undo button's label. */
  get lastDecision(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.summary ?? null;
  }
  /** The override form's messages, per field, from its last submit. */
  get errors(): OverrideErrors {
    return this._errors;
  }

  /**
   * The review of the workbook as last read (partners scored under the model it holds), or
   * why there is none. Computed again only when what it depends on changed.
   */
  now(): ReviewNow | NoReview {
    const partners = this.scorecard.loaded.partners;
    const scoring = this.scorecard.scoring("workbook");
    const key = [
      this.opened,
      partners,
      scoring,
      this.evaluationDate,
      this.snapshots,
      this.today(),
    ];
    if (this.memo?.key.every((k, i) => k === key[i])) return this.memo.now;
    const now = this.compute();
    this.memo = { key, now };
    return now;
  }

  private compute(): ReviewNow | NoReview {
    if (!this.opened) return "not-opened";
    const partners = this.scorecard.loaded.partners;
    const scoring = this.scorecard.scoring("workbook");
    if (!partners || !scoring) return "no-model";
    if (!hasReviewColumns(partners)) return "no-columns";
    const asOf = this.evaluationDate ?? this.today();
    const roster = reviewRoster(partners, scoring);
    return {
      asOf,
      fromEvaluation: this.evaluationDate !== null,
      roster,
      review: reviewPartners(
        roster.partners,
        scoring.tiers,
        asOf,
        this.snapshots,
      ),
      tiers: rankTiers(scoring.tiers).map((t) => t.name),
    };
  }

  /** Whether the partner's item is ticked for approval. */
  isTicked(partner: string): boolean {
    return this.ticked.has(partnerKey(partner));
  }
  setTicked(partner: string, ticked: boolean): void {
    if (ticked) this.ticked.add(partnerKey(partner));
    else this.ticked.delete(partnerKey(partner));
  }

  /** The items "Approve" can take: proposals, and overrides that have ended. */
  static approvable(review: Review): ReviewItem[] {
    return [...review.proposals, ...review.overridesEnded];
  }

  /**
   * The tier above the proposed one and the requirements the partner misses for it (core's
   * unmetRequirements, through the partner card), for a promotion's line; null in the top tier.
   */
  nextTierOf(
    item: ReviewItem,
    now: ReviewNow,
  ): { tier: string; unmet: string[] } | null {
    const partners = this.scorecard.loaded.partners;
    const { criteria, tiers } = this.scorecard.base;
    const scenario = scenarioOf(criteria, tiers);
    if (!partners || !scenario) return null;
    const card = partnerCard(partners, scenario, now.roster.rows[item.index]);
    return card && "next" in card && card.next
      ? { tier: card.next.tier, unmet: card.next.unmet }
      : null;
  }

  /** Reads the workbook, the History table and the evaluation date again: the Review button. */
  async open(): Promise<boolean> {
    this.setBusy(true);
    try {
      await this.scorecard.reload();
      const [history, evaluationDate] = await Promise.all([
        this.store.loadHistory(),
        this.store.readEvaluationDate(),
      ]);
      this.snapshots = history
        ? readHistory(history.header, history.rows).snapshots
        : [];
      this.evaluationDate = evaluationDate;
      this.opened = true;
      return true;
    } catch (e) {
      this.scorecard.setNotice({
        kind: "error",
        text: `Could not read the workbook for the review: ${errorMessage(e)}`,
      });
      return false;
    } finally {
      this.setBusy(false);
      this.emit("review");
    }
  }

  /**
   * Adds the review columns to Partners (those it lacks), filled with today's computed tiers
   * under the model the workbook holds, Since the review's date.
   */
  async addColumns(): Promise<void> {
    if (this.busy || !(await this.open())) return;
    const partners = this.scorecard.loaded.partners;
    const scoring = this.scorecard.scoring("workbook");
    if (!partners || !scoring)
      return this.scorecard.setNotice({ kind: "error", text: NO_MODEL });
    if (hasReviewColumns(partners)) return;
    const asOf = this.evaluationDate ?? this.today();
    const columns = initialReviewColumns(partners, scoring, asOf);
    const written = await this.write(
      () => this.store.addReviewColumns(columns),
      "Could not add the review columns",
    );
    if (!written) return;
    await this.open();
    this.scorecard.setNotice({
      kind: "info",
      text: `Added ${columns.header.join(", ")} to the Partners table: every partner's assigned tier is its tier as computed on ${isoDateFromSerial(asOf)}. From now on the review proposes changes against it.`,
    });
  }

  /**
   * Approves the ticked items ("selected") or every approvable item ("all") of the review
   * of a fresh read, in one write.
   */
  async approve(which: "selected" | "all"): Promise<void> {
    if (this.busy || !(await this.open())) return;
    const now = this.now();
    if (typeof now === "string") return this.cannotReview(now);
    const items = ReviewSession.approvable(now.review).filter(
      (item) => which === "all" || this.isTicked(item.partner),
    );
    if (items.length === 0)
      return this.scorecard.setNotice({
        kind: "error",
        text:
          which === "all"
            ? "Nothing to approve: the review proposes no change."
            : "Nothing was approved: tick the changes to approve first (the review was read again; a change no longer proposed is not approved).",
      });
    const decision = approvalDecision(
      this.scorecard.loaded.partners!,
      now.roster,
      items,
      now.asOf,
    );
    await this.decide(decision, "Could not approve");
    for (const item of items) this.ticked.delete(partnerKey(item.partner));
  }

  /** Sets an override by hand from the form: each bad field gets its message, nothing is written. */
  async setOverride(form: OverrideForm): Promise<boolean> {
    if (this.busy || !(await this.open())) return false;
    const now = this.now();
    if (typeof now === "string") {
      this.cannotReview(now);
      return false;
    }
    const checked = checkOverride(form, now.roster, now.tiers, now.asOf);
    this._errors = "errors" in checked ? checked.errors : {};
    this.emit("form");
    if ("errors" in checked) return false;
    const decision = overrideDecision(
      this.scorecard.loaded.partners!,
      now.roster,
      checked.override,
      now.asOf,
    );
    return this.decide(decision, "Could not set the override");
  }

  /** Takes the last decision back, where the cells still hold what it wrote. */
  async undoLast(): Promise<void> {
    const decision = this.undoStack[this.undoStack.length - 1];
    if (!decision || this.busy || !(await this.open())) return;
    const partners = this.scorecard.loaded.partners;
    const changed = partners ? changedSince(partners, decision) : [];
    if (!partners || changed.length > 0)
      return this.scorecard.setNotice({
        kind: "error",
        text: `Nothing was undone: the review cells of Partners ${changed.length === 1 ? "row" : "rows"} ${changed.map((r) => r + 1).join(", ")} changed since "${decision.summary}". Change them by hand if you still want to.`,
      });
    const written = await this.write(
      () => this.store.writeReview(undoWrite(decision, this.today())),
      "Could not undo",
    );
    if (!written) return;
    this.undoStack = popApply(this.undoStack);
    await this.open();
    this.scorecard.setNotice({
      kind: "info",
      text: `Undone: ${decision.summary}. The History table records the undo; nothing in it was rewritten.`,
    });
  }

  // ---- internals ----

  private async decide(decision: Decision, failure: string): Promise<boolean> {
    const written = await this.write(
      () => this.store.writeReview(decision.write),
      failure,
    );
    if (!written) return false;
    this.undoStack = pushApply(this.undoStack, decision, this.undoLimit);
    await this.open();
    this.scorecard.setNotice({
      kind: "info",
      text: `${decision.summary}; recorded in the History table.`,
    });
    return true;
  }

  private cannotReview(why: NoReview): void {
    this.scorecard.setNotice({
      kind: "error",
      text:
        why === "no-columns"
          ? "The Partners table has no review columns yet: add them first."
          : NO_MODEL,
    });
  }
}
