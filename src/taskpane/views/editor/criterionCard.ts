/** A criterion's card: weight slider, number field, share and lock, and its fields under "Edit". */
import { CRITERIA_HEADERS, weightHeader } from "../../../core";
import { textAt, weightShares } from "../../../programme/draft";
import { criterionFields } from "./criterionFields";
import { syncSlider } from "./fieldValues";
import type { EditorHost } from "./host";

export function criterionCard(h: EditorHost, row: number): HTMLElement {
  const { el } = h;
  const t = h.draft.criteria;
  const id = t.ids[row];
  const name = textAt(t, row, CRITERIA_HEADERS.name).trim();
  const shown = name || "(no name)";
  const method = textAt(t, row, CRITERIA_HEADERS.method).trim().toLowerCase();
  const share = weightShares(t, h.profile)[row];
  const weight = Number.isFinite(share.weight) ? share.weight : 0;

  const slider = el("input", {
    type: "range",
    id: `ps-wr-${id}`,
    min: 0,
    step: 1,
    "aria-label": `Weight of ${shown}, slider`,
    "aria-describedby": `ps-share-${id}`,
  });
  syncSlider(slider, weight);
  slider.addEventListener("input", () =>
    h.setWeightFromInput(id, slider.value, "range", slider),
  );
  const number = el("input", {
    type: "number",
    id: `ps-w-${id}`,
    testid: `weight-${name}`,
    min: 0,
    step: "any",
    inputmode: "decimal",
    value: textAt(t, row, weightHeader(h.profile)),
    "aria-label": `Weight of ${shown}`,
    "aria-describedby": `ps-share-${id} ps-cp-${id}`,
  });
  number.addEventListener("input", () =>
    h.setWeightFromInput(id, number.value, "number", number),
  );
  const lock = el("input", {
    type: "checkbox",
    id: `ps-lock-${id}`,
    checked: h.isLocked(id),
    "aria-label": `Lock the weight of ${shown}`,
    onchange: (e) => h.setLocked(id, (e.target as HTMLInputElement).checked),
  });

  const details = el(
    "details",
    { open: h.isOpen(id) },
    el("summary", { text: `Edit ${shown}` }),
    ...criterionFields(h, row, id, method, shown),
  );
  details.addEventListener("toggle", () => h.setOpen(id, details.open));

  return el(
    "li",
    { class: "card", id: `ps-c-${id}`, "data-criterion": name },
    el(
      "div",
      { class: "card-head" },
      el("span", { class: "name", text: `${row + 1}. ${shown}` }),
      el("span", {
        class: "share",
        id: `ps-share-${id}`,
        "aria-label": `Share of ${shown}`,
      }),
    ),
    el(
      "div",
      { class: "weight" },
      slider,
      number,
      el(
        "span",
        {},
        lock,
        el("label", {
          for: `ps-lock-${id}`,
          text: "Lock",
          "aria-hidden": "true",
        }),
      ),
    ),
    el("ul", {
      class: "row-problems",
      id: `ps-cp-${id}`,
      "aria-label": `Problems of ${shown}`,
    }),
    details,
  );
}
