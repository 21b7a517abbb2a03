/**
 * The pane's Review section (issue 22): the review as of the evaluation date, proposals with
 * checkboxes and "Approve selected" / "Approve all", pending demotions with their due dates,
 * overrides in force and ended, Undo of the last decision, and the override form (partner,
 * tier, until, reason, each with its message inline). Names from the workbook are only ever
 * set as text. The form is built once, so what the user typed survives redraws.
 */
import { isoDateFromSerial } from "../../core";
import { reviewStatusText, type ReviewItem } from "../../core/review";
import { approvable, type OverrideForm } from "../../programme/review";
import {
  buttonRow,
  byId,
  counted,
  fill,
  hint,
  labelledField,
  titledSection,
  type El,
} from "./dom";
import type { ReviewSession } from "../state/review";

export interface ReviewHandlers {
  open(): void;
  addColumns(): void;
  tick(partner: string, ticked: boolean): void;
  approve(which: "selected" | "all"): void;
  undo(): void;
  override(form: OverrideForm): void;
}

/** The override form's fields: name (its key in OverrideForm), label, input type. */
const FIELDS = [
  ["partner", "Partner", "text"],
  ["tier", "Tier", "text"],
  ["until", "Until", "date"],
  ["reason", "Reason", "text"],
] as const;

const id = (name: string) => `ps-override-${name}`;

export function reviewSection(el: El, on: ReviewHandlers): HTMLElement {
  const section = titledSection(
    el,
    "ps-review-h",
    "Tier review",
    "Proposes tier changes against the tiers a manager assigned, as of the Evaluation date: promotions at once, demotions after the Tiers' Grace days.",
    buttonRow(el, {
      id: "ps-review-open",
      testid: "review-open",
      text: "Review",
      onclick: () => on.open(),
    }),
    el("div", { id: "ps-review-body", "aria-live": "polite" }),
    el(
      "form",
      {
        id: id("form"),
        novalidate: true,
        onsubmit: (event: Event) => {
          event.preventDefault();
          const typed = new FormData(event.currentTarget as HTMLFormElement);
          on.override(Object.fromEntries(typed) as unknown as OverrideForm);
        },
      },
      el("h3", { text: "Override by hand" }),
      hint(el, "Keeps a partner at a tier, with a reason, until an end date."),
      ...FIELDS.map(([name, label, type]) => {
        const field = labelledField(
          el,
          label,
          el("input", {
            id: id(name),
            name,
            type,
            testid: `override-${name}`,
            list: name === "partner" || name === "tier" ? id(`${name}s`) : null,
            "aria-describedby": id(`${name}-error`),
          }),
        );
        field.append(
          el("p", {
            id: id(`${name}-error`),
            class: "field-error",
            testid: `override-${name}-error`,
          }),
        );
        return field;
      }),
      el("datalist", { id: id("partners") }),
      el("datalist", { id: id("tiers") }),
      el("button", {
        id: id("set"),
        testid: "override-set",
        text: "Set override",
      }),
    ),
  );
  section.dataset.testid = "review";
  return section;
}

/** One item's line: partner, from -> status, score and its change, what a promotion misses. */
function itemText(
  { partner, from, status, score, pointsChange }: ReviewItem,
  next: { tier: string; unmet: string[] } | null,
): string {
  return `${partner}: ${from || "no tier"} → ${reviewStatusText(status)}${score === null ? "" : `, score ${score.toFixed(1)}`}${pointsChange === null ? "" : ` (${pointsChange > 0 ? "+" : ""}${pointsChange.toFixed(1)} points)`}${next?.unmet.length ? `; for ${next.tier} it misses ${next.unmet.join(", ")}` : ""}`;
}

/** Redraws the review's lists and buttons, the form's choices and messages. */
export function showReview(
  doc: Document,
  el: El,
  review: ReviewSession,
  on: ReviewHandlers,
): void {
  const body = byId(doc, "ps-review-body");
  // The form's own elements, by their name after "ps-override-".
  const formPart = (name: string) => byId(doc, id(name))!;
  const form = byId(doc, id("form"));
  if (!body || !form) return;
  const now = review.now();
  const opened = typeof now === "object" ? now : null;
  const disabled = review.busy;
  for (const button of [byId(doc, "ps-review-open"), formPart("set")])
    (button as HTMLButtonElement).disabled = disabled;
  // The form: hidden without a review; its choices and its messages from the last submit.
  form.hidden = !opened;
  const options = (list: string, names: string[] = []) =>
    fill(formPart(list), ...names.map((value) => el("option", { value })));
  options(
    "partners",
    opened?.roster.partners.map((p) => p.partner),
  );
  options("tiers", opened?.tiers);
  for (const [name] of FIELDS) {
    const message = review.errors[name] ?? "";
    formPart(`${name}-error`).textContent = message;
    formPart(name).setAttribute("aria-invalid", String(message !== ""));
  }
  if (typeof now === "string")
    return fill(
      body,
      el("p", {
        text: {
          "not-opened": "Press Review to read the workbook.",
          "no-model":
            "Fix the problems listed (or apply) first: the review uses the workbook's model.",
          "no-columns":
            "Partners has no review columns yet: add Assigned tier, Since, Override until and Reason, filled with today's computed tiers.",
        }[now],
      }),
      now === "no-columns" &&
        buttonRow(el, {
          class: "primary",
          testid: "review-add-columns",
          text: "Add review columns",
          disabled,
          onclick: () => on.addColumns(),
        }),
    );
  const { review: r, asOf, fromEvaluation } = now;
  const canApprove = approvable(r).length;
  const ticked = (item: ReviewItem) =>
    el(
      "li",
      { testid: "review-item", "data-partner": item.partner },
      el(
        "label",
        {},
        el("input", {
          type: "checkbox",
          testid: "review-tick",
          checked: review.isTicked(item.partner),
          onchange: (event: Event) =>
            on.tick(item.partner, (event.target as HTMLInputElement).checked),
        }),
        ` ${itemText(item, item.status.kind === "promote" ? review.nextTierOf(item, now) : null)}`,
      ),
    );
  const line = (item: ReviewItem) =>
    el("li", { "data-partner": item.partner, text: itemText(item, null) });
  const list = (
    title: string,
    testid: string,
    items: ReviewItem[],
    draw = line,
  ) =>
    items.length > 0 &&
    el(
      "div",
      {},
      el("h3", { text: title }),
      el("ul", { testid: testid }, ...items.map(draw)),
    );
  fill(
    body,
    el("p", {
      testid: "review-summary",
      text: `As of ${isoDateFromSerial(asOf)} (${fromEvaluation ? "the Evaluation date" : "today: the workbook has no Evaluation date"}): ${counted(r.proposals.length, "proposed change", "proposed changes")}, ${counted(r.pending.length, "pending demotion", "pending demotions")}, ${counted(r.overridesInForce.length, "override", "overrides")} in force, ${r.overridesEnded.length} ended.`,
    }),
    list("Proposed changes", "review-proposals", r.proposals, ticked),
    list("Overrides ended", "review-overrides-ended", r.overridesEnded, ticked),
    canApprove > 0 &&
      buttonRow(
        el,
        {
          class: "primary",
          testid: "review-approve-selected",
          text: "Approve selected",
          disabled,
          onclick: () => on.approve("selected"),
        },
        {
          testid: "review-approve-all",
          text: `Approve all (${canApprove})`,
          disabled,
          onclick: () => on.approve("all"),
        },
      ),
    list("Pending demotions (in grace)", "review-pending", r.pending),
    list("Overrides in force", "review-overrides", r.overridesInForce),
    list("Tiers not in the Tiers table", "review-unknown", r.unknown),
    review.canUndo &&
      buttonRow(el, {
        testid: "review-undo",
        text: `Undo: ${review.lastDecision}`,
        onclick: () => on.undo(),
      }),
  );
}
