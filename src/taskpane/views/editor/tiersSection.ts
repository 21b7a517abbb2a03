/** The Tiers section: a card per tier (name, Min score, Requires, move, remove) and Add tier. */
import { TIER_HEADERS } from "../../../core";
import {
  addTier,
  removeRow,
  rowOfId,
  setCell,
  swapRows,
  textAt,
} from "../../../programme/draft";
import { button, labelledField, inRow, textInput, titledSection } from "../dom";
import { rowButtons } from "./rowButtons";
import { numberValue } from "./fieldValues";
import type { EditorHost } from "./host";

export function tiersSection(h: EditorHost): HTMLElement {
  const { el } = h;
  const t = h.draft.tiers;
  const list = el("ul", { "aria-labelledby": "ps-tiers-h" });
  t.rows.forEach((_, row) => {
    const id = t.ids[row];
    const name = textAt(t, row, TIER_HEADERS.name).trim() || "(no name)";
    // The row's index now: an edit before this one may have moved it.
    const rowNow = () => rowOfId(h.draft.tiers, id);
    const set = (column: string, value: unknown) => {
      const r = rowNow();
      if (r >= 0) h.editTiers((x) => setCell(x, r, column, value), false);
    };
    const nameInput = textInput(el, {
      id: `ps-tn-${id}`,
      value: textAt(t, row, TIER_HEADERS.name),
    });
    nameInput.addEventListener("input", () =>
      set(TIER_HEADERS.name, nameInput.value),
    );
    nameInput.addEventListener("change", () => h.render());
    const minInput = textInput(el, {
      inputmode: "decimal",
      id: `ps-tm-${id}`,
      value: textAt(t, row, TIER_HEADERS.minScore),
      style: "width:80px",
    });
    minInput.addEventListener("input", () =>
      set(TIER_HEADERS.minScore, numberValue(minInput.value)),
    );
    const requires = textInput(el, {
      id: `ps-tr-${id}`,
      value: textAt(t, row, TIER_HEADERS.requires),
      placeholder: "e.g. Accreditation >= Medium",
    });
    requires.addEventListener("input", () =>
      set(TIER_HEADERS.requires, requires.value),
    );
    list.append(
      el(
        "li",
        {
          class: "card",
          id: `ps-t-${id}`,
          "data-tier": textAt(t, row, TIER_HEADERS.name).trim(),
        },
        inRow(
          el,
          labelledField(el, "Tier", nameInput),
          labelledField(el, "Min score", minInput, { style: "flex:0 0 auto" }),
        ),
        labelledField(el, "Requires", requires),
        el("ul", {
          class: "row-problems",
          id: `ps-tp-${id}`,
          "aria-label": `Problems of tier ${name}`,
        }),
        rowButtons(
          el,
          "ps-t",
          id,
          `tier ${name}`,
          (step) => row + step >= 0 && row + step < t.rows.length,
          (step, ...focusIds) => {
            const r = rowNow();
            h.editTiers((x) => swapRows(x, r, r + step), true, ...focusIds);
          },
          () => {
            const r = rowNow();
            const next = h.draft.tiers.ids[r + 1] ?? h.draft.tiers.ids[r - 1];
            h.editTiers(
              (x) => removeRow(x, r),
              true,
              next === undefined ? "ps-add-tier" : `ps-tn-${next}`,
            );
          },
        ),
      ),
    );
  });
  return titledSection(
    el,
    "ps-tiers-h",
    "Tiers",
    "A partner gets the highest tier whose Min score (0-100) it reaches and whose Requires it meets, e.g. Accreditation >= Medium; Deal registrations >= 20. List the tiers from the highest Min score down.",
    list,
    button(el, {
      id: "ps-add-tier",
      class: "small",
      text: "Add tier",
      onclick: () => {
        const { draft: next, id } = addTier(h.draft.tiers);
        h.editTiers(() => next, true, `ps-tn-${id}`);
      },
    }),
  );
}
