/**
 * The "Effect on partners" section: a bar chart of partners per tier (plain HTML/CSS bars,
 * each with its count as text; the bars are hidden from screen readers), the one-line
 * summary that is also announced, and the notes on how Partners lines up.
 */
import { errorsAfterApply } from "../../programme/applyErrors";
import { criterionNames } from "../../programme/draft";
import {
  byId,
  counted,
  fill,
  headedSection,
  hint,
  hintList,
  andMore,
  type Child,
  type El,
} from "./dom";
import type { NoEffect } from "../state/partnerEffect";
import type { TaskpaneSession } from "../state/session";
import {
  partnerLayout,
  type PartnerLayout,
  type WhatIf,
} from "../../programme/whatIf";

const NO_EFFECT: Record<NoEffect, string> = {
  "no-partners":
    "No Partners table was found: add a table named Partners, with a column named like each criterion, to see the effect.",
  problems: "Fix the problems listed to see the effect on partners.",
};

export function effectSection(el: El): HTMLElement {
  return headedSection(
    el,
    "ps-effect-h",
    "Effect on partners",
    {},
    el("p", {
      id: "ps-effect-errors",
      class: "warn",
      testid: "effect-errors",
      role: "alert",
      hidden: true,
    }),
    el("p", { id: "ps-effect-summary", testid: "effect-summary" }),
    el("ul", {
      class: "chart",
      id: "ps-tier-counts",
      testid: "tier-counts",
      "aria-label": "Partners per tier",
    }),
    el("div", { id: "ps-effect-notes" }),
  );
}

/** Fills the section with the session's what-if; `announce` queues the summary for screen readers. */
export function showEffect(
  doc: Document,
  el: El,
  session: TaskpaneSession,
  announce: (text: string) => void,
): void {
  const summary = byId(doc, "ps-effect-summary");
  const chart = byId(doc, "ps-tier-counts");
  const notes = byId(doc, "ps-effect-notes");
  const errors = byId(doc, "ps-effect-errors");
  if (!summary || !chart || !notes || !errors) return;
  const result = session.effect();
  // Said first: the Score and Tier cells the Apply would turn into errors (by the formulas' rule).
  const warning =
    typeof result === "string" || !session.dirty
      ? null
      : errorsAfterApply(result);
  errors.textContent = warning ?? "";
  errors.hidden = warning === null;
  if (typeof result === "string") {
    const text = NO_EFFECT[result];
    summary.textContent = text;
    fill(chart);
    fill(notes);
    chart.hidden = true;
    return announce(text);
  }
  chart.hidden = false;
  fill(chart, ...chartItems(el, result));
  const text = summaryText(result, session.dirty);
  summary.textContent = text;
  announce(text);
  fill(
    notes,
    ...effectNotes(
      el,
      result,
      partnerLayout(
        session.loaded.partners!,
        criterionNames(session.draft.criteria),
        session.draftColumns(),
      ),
    ),
  );
}

/** "8", or "8 (now 6)" when the workbook's current model puts another number there. */
export function countText(
  count: number,
  before: number | null,
  compared: boolean,
): string {
  return before === null || !compared || before === count
    ? String(count)
    : `${count} (now ${before})`;
}

export function summaryText(r: WhatIf, dirty: boolean): string {
  const counts = r.tiers.map((t) => `${t.name} ${t.count}`).join(", ");
  const base = `${counted(r.partners, "partner", "partners")}: ${counts}; not scored ${r.notScored}.`;
  if (!dirty)
    return `${base} These are the tiers under the model the workbook holds.`;
  if (!r.compared)
    return `With your edits, ${base} The workbook's current model has problems, so no comparison is shown.`;
  const parts = [
    `${counted(r.up, "moves", "move")} up`,
    `${counted(r.down, "moves", "move")} down`,
    counted(r.same, "stays", "stay"),
  ];
  if (r.newlyScored) parts.push(`${r.newlyScored} newly scored`);
  if (r.noLongerScored) parts.push(`${r.noLongerScored} no longer scored`);
  return `With your edits, ${base} Against the workbook now: ${parts.join(", ")}.`;
}

export function chartItems(el: El, r: WhatIf): HTMLElement[] {
  const largest = Math.max(1, r.partners);
  const bar = (
    label: string,
    count: number,
    before: number | null,
    testid: string,
    className?: string,
  ) => {
    const filled = el("span", {});
    filled.style.width = `${(100 * count) / largest}%`;
    const shown = countText(count, before, r.compared);
    const spoken = `${counted(count, "partner", "partners")}${shown === String(count) ? "" : `, ${before} now`}`;
    return el(
      "li",
      {
        class: className,
        "data-tier": label,
        "data-count": count,
        testid: testid,
      },
      el("span", { class: "tname", text: label }),
      el("div", { class: "bar", "aria-hidden": "true" }, filled),
      el("span", {
        class: "count",
        text: shown,
        "aria-label": spoken,
      }),
    );
  };
  return [
    ...r.tiers.map((t) =>
      bar(t.name, t.count, t.before, `tier-count-${t.name}`),
    ),
    bar("Not scored", r.notScored, r.notScoredBefore, "not-scored", "unscored"),
  ];
}

export function effectNotes(el: El, r: WhatIf, layout: PartnerLayout): Child[] {
  const warn = (text: string) => el("p", { class: "warn", text });
  return [
    layout.missing.length > 0 &&
      warn(
        `The Partners table has no column named ${layout.missing.join(", ")}: those values count as missing here. PRM formulas take one value per criterion, by position: make sure the Partners columns match the criteria, in their order, or the formulas show #VALUE!.`,
      ),
    layout.outOfOrder &&
      warn(
        "The Partners columns are in a different order than the criteria: PRM formulas match values by position, so put them in the criteria's order.",
      ),
    layout.otherNames.length > 0 &&
      hint(
        el,
        `Read from a Partners column of another name, as the formulas do by position: ${layout.otherNames.map((o) => `${o.criterion} from ${o.column}`).join(", ")}.`,
      ),
    layout.blanks.length > 0 &&
      hint(
        el,
        `Blank values are left out and the rest re-weighted: ${layout.blanks.map((b) => `${b.criterion} ${b.count}`).join(", ")}.`,
      ),
    r.blankRows > 0 &&
      hint(
        el,
        `${counted(r.blankRows, "blank Partners row is", "blank Partners rows are")} not counted.`,
      ),
    r.unscored.length > 0 &&
      el(
        "details",
        {},
        el("summary", {
          text: `Why ${counted(r.notScored, "partner is", "partners are")} not scored`,
        }),
        hintList(
          el,
          r.unscored.map((u) => `${u.partner}: ${u.message}`),
        ),
        andMore(el, r.notScored - r.unscored.length),
      ),
  ];
}
