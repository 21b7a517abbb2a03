/**
 * The pane's Review section (issue 22): the review as of the evaluation date, proposals with
 * checkboxes and "Approve selected" / "Approve all", pending demotions with their due dates,
 * overrides in force and ended, Undo of the last decision, and the override form (partner,
 * tier, until, reason, each with its message inline). Names from the workbook are only ever
 * set as text. The form is built once per render, so what the user typed survives redraws.
 */
import { isoDateFromSerial } from "../../core";
import { reviewStatusText, type ReviewItem } from "../../core/review";
import type { OverrideForm } from "../../programme/review";
import { buttonRow, fill, type El } from "./dom";
import { ReviewSession, type ReviewNow } from "../state/review";

export interface ReviewHandlers {
  open(): void;
  addColumns(): void;
  tick(partner: string, ticked: boolean): void;
  approve(which: "selected" | "all"): void;
  undo(): void;
  override(form: OverrideForm): void;
}

const FIELDS: { key: keyof OverrideForm; label: string; type: string }[] = [
  { key: "partner", label: "Partner", type: "text" },
  { key: "tier", label: "Tier", type: "text" },
  { key: "until", label: "Until", type: "date" },
  { key: "reason", label: "Reason", type: "text" },
];

export function reviewSection(el: El, on: ReviewHandlers): HTMLElement {
  const form = el(
    "form",
    {
      id: "ps-override-form",
      "aria-labelledby": "ps-override-h",
      novalidate: true,
      onsubmit: (event: Event) => {
        event.preventDefault();
        const target = event.currentTarget as HTMLFormElement;
        const value = (key: keyof OverrideForm) =>
          (
            target.querySelector(
              `#ps-override-${key}`,
            ) as HTMLInputElement | null
          )?.value ?? "";
        on.override({
          partner: value("partner"),
          tier: value("tier"),
          until: value("until"),
          reason: value("reason"),
        });
      },
    },
    el("h3", { id: "ps-override-h", text: "Override by hand" }),
    el("p", {
      className: "hint",
      text: "Keep a partner at a tier by exception (a strategic partner), with a reason and an end date: the review proposes no change for it before then, and lists it when the override has ended.",
    }),
    ...FIELDS.map(({ key, label, type }) =>
      el(
        "div",
        { className: "row" },
        el("label", { for: `ps-override-${key}`, text: label }),
        el("input", {
          id: `ps-override-${key}`,
          "data-testid": `override-${key}`,
          type,
          list:
            key === "partner" || key === "tier"
              ? `ps-override-${key}s`
              : undefined,
          "aria-describedby": `ps-override-${key}-error`,
        }),
        el("p", {
          id: `ps-override-${key}-error`,
          className: "field-error",
          "data-testid": `override-${key}-error`,
        }),
      ),
    ),
    el("datalist", { id: "ps-override-partners" }),
    el("datalist", { id: "ps-override-tiers" }),
    buttonRow(el, {
      type: "submit",
      id: "ps-override-set",
      "data-testid": "override-set",
      text: "Set override",
    }),
  );
  return el(
    "section",
    { "aria-labelledby": "ps-review-h", "data-testid": "review" },
    el("h2", { id: "ps-review-h", text: "Tier review" }),
    el("p", {
      className: "hint",
      text: "Compares each partner's computed tier with the tier a manager assigned, as of the Evaluation date: promotions at once, demotions after the Tiers' Grace days. Approving writes Assigned tier and Since and records each change in the History table.",
    }),
    buttonRow(el, {
      id: "ps-review-open",
      "data-testid": "review-open",
      text: "Review",
      onclick: () => on.open(),
    }),
    el("div", {
      id: "ps-review-body",
      "data-testid": "review-body",
      "aria-live": "polite",
    }),
    form,
  );
}

function signed(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded).toFixed(1)}`;
}

/** One item's line: partner, from -> to, status, score and its change, what it misses. */
function itemText(
  item: ReviewItem,
  next: { tier: string; unmet: string[] } | null,
): string {
  const score = item.score === null ? "" : `, score ${item.score.toFixed(1)}`;
  const change =
    item.pointsChange === null ? "" : ` (${signed(item.pointsChange)} points)`;
  const misses =
    item.status.kind === "promote" && next && next.unmet.length > 0
      ? `; for ${next.tier} it misses ${next.unmet.join(", ")}`
      : "";
  return `${item.partner}: ${item.from || "no tier"} → ${reviewStatusText(item.status)}${score}${change}${misses}`;
}

/** Redraws the review's lists and buttons, the form's choices and messages. */
export function showReview(
  doc: Document,
  el: El,
  review: ReviewSession,
  on: ReviewHandlers,
): void {
  const body = doc.getElementById("ps-review-body");
  if (!body) return;
  const open = doc.getElementById("ps-review-open") as HTMLButtonElement | null;
  if (open) open.disabled = review.busy;
  const now = review.now();
  showForm(doc, el, review, typeof now === "string" ? null : now);
  if (now === "not-opened")
    return fill(
      body,
      el("p", {
        text: "Press Review to read the Partners table, the History table and the evaluation date.",
      }),
    );
  if (now === "no-model")
    return fill(
      body,
      el("p", {
        text: "Fix the problems listed (or apply) to review: the review uses the model the workbook holds.",
      }),
    );
  if (now === "no-columns")
    return fill(
      body,
      el("p", {
        text: "The Partners table has no Assigned tier yet. Add the review columns (Assigned tier, Since, Override until, Reason), filled with each partner's tier as computed today: from then on, the review proposes changes against them.",
      }),
      buttonRow(el, {
        className: "primary",
        "data-testid": "review-add-columns",
        text: "Add review columns",
        disabled: review.busy,
        onclick: () => on.addColumns(),
      }),
    );
  const { review: r, asOf, fromEvaluation } = now;
  const approvable = ReviewSession.approvable(r);
  const checkbox = (item: ReviewItem) =>
    el(
      "li",
      { "data-testid": "review-item", "data-partner": item.partner },
      el(
        "label",
        {},
        el("input", {
          type: "checkbox",
          "data-testid": "review-tick",
          checked: review.isTicked(item.partner),
          onchange: (event: Event) =>
            on.tick(item.partner, (event.target as HTMLInputElement).checked),
        }),
        ` ${itemText(item, item.status.kind === "promote" ? review.nextTierOf(item, now) : null)}`,
      ),
    );
  const list = (
    title: string,
    testid: string,
    items: ReviewItem[],
    draw: (item: ReviewItem) => HTMLElement,
  ) =>
    items.length > 0 &&
    el(
      "div",
      {},
      el("h3", { text: title }),
      el("ul", { "data-testid": testid }, ...items.map(draw)),
    );
  const line = (item: ReviewItem) =>
    el("li", { "data-partner": item.partner, text: itemText(item, null) });
  fill(
    body,
    el("p", {
      "data-testid": "review-summary",
      text: `As of ${isoDateFromSerial(asOf)} (${fromEvaluation ? "the Evaluation date" : "today: the workbook has no Evaluation date"}): ${r.proposals.length} proposed ${r.proposals.length === 1 ? "change" : "changes"}, ${r.pending.length} pending ${r.pending.length === 1 ? "demotion" : "demotions"}, ${r.overridesInForce.length} ${r.overridesInForce.length === 1 ? "override" : "overrides"} in force, ${r.overridesEnded.length} ended.`,
    }),
    list("Proposed changes", "review-proposals", r.proposals, checkbox),
    list(
      "Overrides ended",
      "review-overrides-ended",
      r.overridesEnded,
      checkbox,
    ),
    approvable.length > 0 &&
      buttonRow(
        el,
        {
          className: "primary",
          "data-testid": "review-approve-selected",
          text: "Approve selected",
          disabled: review.busy,
          onclick: () => on.approve("selected"),
        },
        {
          "data-testid": "review-approve-all",
          text: `Approve all (${approvable.length})`,
          disabled: review.busy,
          onclick: () => on.approve("all"),
        },
      ),
    list(
      "Pending demotions (in their grace period)",
      "review-pending",
      r.pending,
      line,
    ),
    list("Overrides in force", "review-overrides", r.overridesInForce, line),
    list(
      "Assigned tiers the Tiers table does not have",
      "review-unknown",
      r.unknown,
      line,
    ),
    review.canUndo &&
      buttonRow(el, {
        "data-testid": "review-undo",
        text: `Undo: ${review.lastDecision}`,
        onclick: () => on.undo(),
      }),
  );
}

/** The form's choices (partners and tiers) and its messages, in place. */
function showForm(
  doc: Document,
  el: El,
  review: ReviewSession,
  now: ReviewNow | null,
): void {
  const form = doc.getElementById("ps-override-form");
  if (!form) return;
  form.hidden = now === null;
  const options = (id: string, names: string[]) => {
    const list = doc.getElementById(id);
    if (list) fill(list, ...names.map((name) => el("option", { value: name })));
  };
  options(
    "ps-override-partners",
    now?.roster.partners.map((p) => p.partner) ?? [],
  );
  options("ps-override-tiers", now?.tiers ?? []);
  for (const { key } of FIELDS) {
    const message = review.errors[key] ?? "";
    const error = doc.getElementById(`ps-override-${key}-error`);
    if (error) error.textContent = message;
    const input = doc.getElementById(`ps-override-${key}`);
    if (input)
      input.setAttribute("aria-invalid", message === "" ? "false" : "true");
  }
  const set = doc.getElementById("ps-override-set") as HTMLButtonElement | null;
  if (set) set.disabled = review.busy;
}
