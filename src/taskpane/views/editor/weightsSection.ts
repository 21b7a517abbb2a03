/**
 * The Weights section: the profile controls, then the criteria grouped by perspective, each
 * a card (criterionCard.ts), with "Add criterion" per group. It renders from the host's
 * current draft and hands every change back to the host (app.ts), which owns the state,
 * validation and writing. All text from the workbook is set as text or as an input's value.
 */
import { addCriterion, perspectiveGroups } from "../../../programme/draft";
import { button, headedSection, hint, inRow } from "../dom";
import { criterionCard } from "./criterionCard";
import { slug } from "./fieldValues";
import type { EditorHost } from "./host";
import { profileControls } from "./profileControls";

export const SUGGESTED_PERSPECTIVES = [
  "Financial",
  "Customer",
  "Capability",
  "Growth",
];

export function weightsSection(h: EditorHost): HTMLElement {
  const { el } = h;
  const section = headedSection(
    el,
    "ps-weights-h",
    "Weights",
    {},
    ...profileControls(h),
    inRow(
      el,
      button(el, {
        id: "ps-spread",
        testid: "spread",
        text: "Spread to 100%",
        "aria-describedby": "ps-spread-hint",
        onclick: () => h.spread(),
      }),
      el("span", { id: "ps-total", class: "share" }),
    ),
    hint(
      el,
      "Weights count relative to their total; the % is each one's share. Spread to 100% rescales the unlocked weights so the total is 100; locked ones stay as they are.",
      { id: "ps-spread-hint" },
    ),
  );
  /** Adds a criterion to `perspective`, opened for editing, its name focused. */
  const addTo = (perspective: string) => () => {
    const { draft: next, id } = addCriterion(h.draft.criteria, perspective);
    h.setOpen(id, true);
    h.editCriteria(() => next, true, `ps-name-${id}`);
  };
  const groups = perspectiveGroups(h.draft.criteria);
  for (const group of groups) {
    const label = group.perspective || "No perspective";
    const headingId = `ps-g-${slug(label)}`;
    section.append(
      el("h3", { id: headingId, text: label }),
      el(
        "ul",
        { "aria-labelledby": headingId },
        ...group.rows.map((row) => criterionCard(h, row)),
      ),
      button(el, {
        class: "small",
        text: "Add criterion",
        "aria-label": `Add criterion to ${label}`,
        onclick: addTo(group.perspective),
      }),
    );
  }
  if (groups.length === 0) {
    section.append(
      button(el, {
        text: "Add criterion",
        onclick: addTo(SUGGESTED_PERSPECTIVES[0]),
      }),
    );
  }
  section.append(
    el(
      "datalist",
      { id: "ps-perspectives" },
      ...SUGGESTED_PERSPECTIVES.map((p) => el("option", { value: p })),
    ),
    hint(
      el,
      "PRM formulas match values to criteria by position, so renaming a criterion breaks no formula (the pane renames it in the tiers' Requires too). Adding, removing or reordering criteria changes the positions: keep the Partners columns in the same order.",
      { id: "ps-position-hint" },
    ),
  );
  return section;
}
