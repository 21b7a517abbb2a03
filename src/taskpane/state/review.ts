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
  approvable,
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
import { NO_MODEL, WritingSection } from "./writingSection";
import { popApply, pushApply } from "./undo";

/** What changed, so the view redraws: the review read, a write starting or ending, the form's messages. */
export type ReviewChange = "review" | "busy" | "form";

export interface ReviewOptions {
  /** Today's date as a serial (default: the computer's local date, as Excel's TODAY()). */
  today?: () => number;
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

export class ReviewSession extends WritingSection<ReviewChange> {
  private readonly today: () => number;
  private opened = false;
  private evaluationDate: number | null = null;
  private snapshots: Snapshot[] = [];
  /** Partner keys ticked for approval. */
  private readonly ticked = new Set<string>();
  private undoStack: Decision[] = [];
  /** The override form's messages, per field, from its last submit. */
  errors: OverrideErrors = {};
  private memo: { key: unknown[]; now: ReviewNow | NoReview } | null = null;

  constructor(
    scorecard: TaskpaneSession,
    private readonly store: ReviewStore & SharingStore,
    options: ReviewOptions = {},
  ) {
    super(scorecard, "busy");
    this.today = options.today ?? todaySerial;
  }

  get canUndo(): boolean {
    return !this.busy && this.undoStack.length > 0;
  }
  /** What the last decision did, for the Undo button's label. */
  get lastDecision(): string | undefined {
    return this.undoStack[this.undoStack.length - 1]?.summary;
  }

  /**
   * The review of the workbook as last read (partners scored under the model it holds), or
   * why there is none. Computed again only when what it depends on changed.
   */
  now(): ReviewNow | NoReview {
    const partners = this.partners;
    const scoring = this.scorecard.scoring("workbook");
    const asOf = this.evaluationDate ?? this.today();
    const key = [this.opened, partners, scoring, asOf, this.snapshots];
    if (this.memo?.key.every((k, i) => k === key[i])) return this.memo.now;
    let now: ReviewNow | NoReview = "not-opened";
    if (this.opened) now = "no-model";
    if (this.opened && partners && scoring) now = "no-columns";
    if (now === "no-columns" && hasReviewColumns(partners)) {
      const roster = reviewRoster(partners!, scoring!);
      now = {
        asOf,
        fromEvaluation: this.evaluationDate !== null,
        roster,
        review: reviewPartners(
          roster.partners,
          scoring!.tiers,
          asOf,
          this.snapshots,
        ),
        tiers: rankTiers(scoring!.tiers).map((t) => t.name),
      };
    }
    this.memo = { key, now };
    return now;
  }

  isTicked(partner: string): boolean {
    return this.ticked.has(partnerKey(partner));
  }
  setTicked(partner: string, ticked: boolean): void {
    if (ticked) this.ticked.add(partnerKey(partner));
    else this.ticked.delete(partnerKey(partner));
  }

  /**
   * The tier above the proposed one and the requirements the partner misses for it (core's
   * unmetRequirements, through the partner card), for a promotion's line; null in the top tier.
   */
  nextTierOf(item: ReviewItem, now: ReviewNow) {
    const { criteria, tiers } = this.scorecard.base;
    const scenario = scenarioOf(criteria, tiers);
    const card =
      scenario &&
      partnerCard(this.partners!, scenario, now.roster.rows[item.index]);
    return card && "next" in card ? card.next : null;
  }

  /** Reads the workbook, the History table and the evaluation date again: the Review button. */
  async open(): Promise<boolean> {
    const read = await this.write(async () => {
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
    }, "Could not read the workbook for the review");
    this.emit("review");
    return read;
  }

  /**
   * Adds the review columns to Partners (those it lacks), filled with today's computed tiers
   * under the model the workbook holds, Since the review's date.
   */
  async addColumns(): Promise<void> {
    const now = await this.fresh();
    if (now !== "no-columns") return;
    const asOf = this.evaluationDate ?? this.today();
    const columns = initialReviewColumns(
      this.partners!,
      this.scorecard.scoring("workbook")!,
      asOf,
    );
    await this.wrote(
      () => this.store.addReviewColumns(columns),
      "Could not add the review columns",
      this.undoStack,
      `Added ${columns.header.join(", ")} to the Partners table, Assigned tier as computed on ${isoDateFromSerial(asOf)}`,
    );
  }

  /**
   * Approves the ticked items ("selected") or every approvable item ("all") of the review
   * of a fresh read, in one write.
   */
  async approve(which: "selected" | "all"): Promise<void> {
    const now = await this.reviewed();
    if (!now) return;
    const items = approvable(now.review).filter(
      (item) => which === "all" || this.isTicked(item.partner),
    );
    if (items.length === 0)
      return this.say(
        "Nothing was approved: tick the changes to approve (a change no longer proposed is not approved)",
        "error",
      );
    await this.decide(
      approvalDecision(this.partners!, now.roster, items, now.asOf),
      "Could not approve",
    );
    for (const item of items) this.setTicked(item.partner, false);
  }

  /** Sets an override by hand from the form: each bad field gets its message, nothing is written. */
  async setOverride(form: OverrideForm): Promise<boolean> {
    const now = await this.reviewed();
    if (!now) return false;
    const checked = checkOverride(form, now.roster, now.tiers, now.asOf);
    this.errors = "errors" in checked ? checked.errors : {};
    this.emit("form");
    return (
      "override" in checked &&
      this.decide(
        overrideDecision(
          this.partners!,
          now.roster,
          checked.override,
          now.asOf,
        ),
        "Could not set the override",
      )
    );
  }

  /** Takes the last decision back, where the cells still hold what it wrote. */
  async undoLast(): Promise<void> {
    const decision = this.undoStack[this.undoStack.length - 1];
    if (!decision || (await this.fresh()) === null) return;
    const changed = changedSince(this.partners!, decision);
    if (changed.length > 0)
      return this.say(
        `Nothing was undone: the review cells of Partners rows ${changed.map((r) => r + 1).join(", ")} changed since "${decision.summary}"`,
        "error",
      );
    await this.wrote(
      () => this.store.writeReview(undoWrite(decision, this.today())),
      "Could not undo",
      popApply(this.undoStack),
      `Undone: ${decision.summary}; History records the undo`,
    );
  }

  // ---- internals ----

  /** The review of a fresh read, or why there is none (said in the notice); null when busy or the read failed. */
  private async fresh(): Promise<ReviewNow | NoReview | null> {
    if (this.busy || !(await this.open())) return null;
    const now = this.now();
    if (now === "no-model") this.say(NO_MODEL, "error");
    return now;
  }

  /** The review of a fresh read, when there is one (else the notice says why). */
  private async reviewed(): Promise<ReviewNow | null> {
    const now = await this.fresh();
    if (now === "no-columns")
      this.say("Add the review columns to the Partners table first", "error");
    return typeof now === "object" ? now : null;
  }

  private decide(decision: Decision, failure: string): Promise<boolean> {
    return this.wrote(
      () => this.store.writeReview(decision.write),
      failure,
      pushApply(this.undoStack, decision),
      `${decision.summary}; recorded in the History table`,
    );
  }

  /**
   * Runs the write `run`; when it worked, `undoStack` is the undo stack, the review is read
   * again and `said` is said. False when it failed (the notice says why).
   */
  private async wrote(
    run: () => Promise<void>,
    failure: string,
    undoStack: Decision[],
    said: string,
  ): Promise<boolean> {
    const done = await this.write(run, failure);
    if (done) {
      this.undoStack = undoStack;
      await this.open();
      this.say(said);
    }
    return done;
  }

  private say(text: string, kind: "info" | "error" = "info"): void {
    this.tell(kind, `${text}.`);
  }
}
