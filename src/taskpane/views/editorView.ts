/**
 * The editor's two sections: weights (criteria grouped by perspective, each with a slider,
 * a number field, its share and a lock, its other cells under "Edit", add/rename/reorder/
 * remove, the profile picker) and tiers. They render from the host's current draft and hand
 * every change back to the host (app.ts), which owns the state, validation and writing.
 * All text from the workbook is set as text or as an input's value.
 */
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  DIRECTIONS,
  METHODS,
  TIER_HEADERS,
  weightHeader,
} from "../../core";
import type { TableData } from "../../workbook/store";
import type { Notice } from "../state/session";
import type { Child, El } from "./dom";
import {
  addCriterion,
  addProfile,
  addTier,
  moveCriterion,
  neighbourInGroup,
  perspectiveGroups,
  profilesOf,
  removeProfile,
  removeRow,
  renameCriterion,
  rowOfId,
  setCell,
  setMethod,
  swapRows,
  textAt,
  weightShares,
  type Draft,
  type DraftTable,
} from "../../programme/draft";
import { partnersPerProfile } from "../../programme/whatIf";

/** What the sections need from the pane: its state (read when an event fires) and its actions. */
export interface EditorHost {
  readonly el: El;
  readonly draft: Draft;
  /** The profile whose weights are shown ("" for the Weight column). */
  profile: string;
  /** Whether the "New profile name" field is open. */
  addingProfile: boolean;
  readonly partners: TableData | null;
  isLocked(id: number): boolean;
  setLocked(id: number, locked: boolean): void;
  isOpen(id: number): boolean;
  setOpen(id: number, open: boolean): void;
  /** Applies a change; a structural one re-renders and focuses the first of `focusIds` it can. */
  edit(
    change: (d: Draft) => Draft,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  editCriteria(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  editTiers(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void;
  setWeightFromInput(
    id: number,
    raw: string,
    source: "range" | "number",
    input: HTMLInputElement,
  ): void;
  spread(): void;
  notify(notice: Notice | null): void;
  render(): void;
  focus(id: string): boolean;
}

export const SUGGESTED_PERSPECTIVES = [
  "Financial",
  "Customer",
  "Capability",
  "Growth",
];

/** A cell value from a text field: numbers as numbers, blank as blank, other text kept (and reported). */
export function numberValue(text: string): unknown {
  const t = text.trim();
  if (t === "") return "";
  const n = Number(t);
  return Number.isFinite(n) ? n : text;
}

/** A slider shows 0-100, or up to the weight when it is larger. */
export function syncSlider(slider: HTMLInputElement, weight: number): void {
  slider.max = String(
    Math.max(100, Math.ceil(Number.isFinite(weight) ? weight : 0)),
  );
  slider.value = String(Number.isFinite(weight) ? weight : 0);
}

function show(cell: unknown): string {
  if (cell === null || cell === undefined || cell === "") return "(blank)";
  return String(cell);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-") || "none";
}

/**
 * Each profile's option text, "Reseller · 22 partners", from the Partners as loaded now: the
 * counts are redrawn whenever the list changes (editorRefresh), not only with the section.
 */
export function profileOptionTexts(
  partners: TableData | null,
  profiles: readonly string[],
): Map<string, string> {
  const perProfile = partners ? partnersPerProfile(partners, profiles) : null;
  const used = (p: string) => {
    const n = perProfile?.get(p);
    return n === undefined ? "" : ` · ${n} ${n === 1 ? "partner" : "partners"}`;
  };
  return new Map([
    [DEFAULT_PROFILE, `Default${used(DEFAULT_PROFILE)}`],
    ...profiles.map((p) => [p, `${p}${used(p)}`] as [string, string]),
  ]);
}

export function weightsSection(h: EditorHost): HTMLElement {
  const { el } = h;
  const profiles = profilesOf(h.draft.criteria);
  const texts = profileOptionTexts(h.partners, profiles);
  const select = el(
    "select",
    {
      id: "ps-profile",
      "data-testid": "profile",
      "aria-describedby": "ps-profile-hint",
      onchange: (e) => {
        h.profile = (e.target as HTMLSelectElement).value;
        h.render();
      },
    },
    el("option", {
      value: DEFAULT_PROFILE,
      text: texts.get(DEFAULT_PROFILE),
      selected: h.profile === DEFAULT_PROFILE,
    }),
    ...profiles.map((p) =>
      el("option", {
        value: p,
        text: texts.get(p),
        selected: p === h.profile,
      }),
    ),
  );
  const section = el(
    "section",
    { "aria-labelledby": "ps-weights-h" },
    el("h2", { id: "ps-weights-h", text: "Weights" }),
    el(
      "div",
      { className: "row" },
      el("label", { for: "ps-profile", text: "Profile" }),
      select,
      el("button", {
        type: "button",
        className: "small",
        id: "ps-add-profile",
        "aria-expanded": String(h.addingProfile),
        text: "Add profile",
        onclick: () => {
          h.addingProfile = !h.addingProfile;
          h.render();
          if (h.addingProfile) h.focus("ps-new-profile");
        },
      }),
    ),
    h.profile === DEFAULT_PROFILE
      ? null
      : el("button", {
          type: "button",
          className: "small",
          id: "ps-remove-profile",
          "data-testid": "remove-profile",
          text: `Remove ${h.profile}`,
          // The visible text starts the accessible name (axe: label-content-name-mismatch).
          "aria-label": `Remove ${h.profile} profile`,
          onclick: () => removeSelectedProfile(h),
        }),
    h.addingProfile ? addProfileForm(h) : null,
    el("p", {
      className: "hint",
      id: "ps-profile-hint",
      text: `Editing the ${weightHeader(h.profile)} column. Partners whose Type names a profile are scored with its Weight (profile) column; the others with the default Weight column.`,
    }),
    el(
      "div",
      { className: "row" },
      el("button", {
        type: "button",
        id: "ps-spread",
        "data-testid": "spread",
        text: "Spread to 100%",
        "aria-describedby": "ps-spread-hint",
        onclick: () => h.spread(),
      }),
      el("span", { id: "ps-total", className: "share" }),
    ),
    el("p", {
      className: "hint",
      id: "ps-spread-hint",
      text: "Weights count relative to their total; the % is each one's share. Spread to 100% rescales the unlocked weights so the total is 100; locked ones stay as they are.",
    }),
  );
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
      el("button", {
        type: "button",
        className: "small",
        text: "Add criterion",
        "aria-label": `Add criterion to ${label}`,
        onclick: () => {
          const { draft: next, id } = addCriterion(
            h.draft.criteria,
            group.perspective,
          );
          h.setOpen(id, true);
          h.editCriteria(() => next, true, `ps-name-${id}`);
        },
      }),
    );
  }
  if (groups.length === 0) {
    section.append(
      el("button", {
        type: "button",
        text: "Add criterion",
        onclick: () => {
          const { draft: next, id } = addCriterion(
            h.draft.criteria,
            SUGGESTED_PERSPECTIVES[0],
          );
          h.setOpen(id, true);
          h.editCriteria(() => next, true, `ps-name-${id}`);
        },
      }),
    );
  }
  section.append(
    el(
      "datalist",
      { id: "ps-perspectives" },
      ...SUGGESTED_PERSPECTIVES.map((p) => el("option", { value: p })),
    ),
    el("p", {
      className: "hint",
      id: "ps-position-hint",
      text: "PRM formulas match values to criteria by position (the first value goes with the first criterion row), so renaming a criterion breaks no formula, and the pane renames it in the tiers' Requires too. Adding, removing or reordering criteria changes the positions: keep the Partners columns in the same order.",
    }),
  );
  return section;
}

/** Drops the selected profile's column from the draft; Apply writes it, Revert brings it back. */
function removeSelectedProfile(h: EditorHost): void {
  const removed = h.profile;
  const result = removeProfile(h.draft.criteria, removed);
  if (!result.ok) return h.notify({ kind: "error", text: result.message });
  h.profile = DEFAULT_PROFILE;
  h.editCriteria(() => result.draft, true, "ps-profile");
  h.notify({
    kind: "info",
    text: `Removed the profile ${removed} (its ${weightHeader(removed)} column). Partners whose Type is ${removed} are not scored until a profile of that name exists. Nothing is written until Apply; Revert brings it back.`,
  });
}

function addProfileForm(h: EditorHost): HTMLElement {
  const { el } = h;
  const input = el("input", {
    type: "text",
    id: "ps-new-profile",
    autocomplete: "off",
    placeholder: "e.g. Distributor",
  });
  const add = () => {
    const result = addProfile(h.draft.criteria, input.value, h.profile);
    if (!result.ok) return h.notify({ kind: "error", text: result.message });
    h.addingProfile = false;
    h.profile = result.profile;
    h.editCriteria(() => result.draft, true, "ps-profile");
    h.notify({
      kind: "info",
      text: `Added the profile ${result.profile} (a ${weightHeader(result.profile)} column), starting from the weights you had selected.`,
    });
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") add();
    if (e.key === "Escape") {
      h.addingProfile = false;
      h.render();
      h.focus("ps-add-profile");
    }
  });
  return el(
    "div",
    { className: "row" },
    el("label", { for: "ps-new-profile", text: "New profile name" }),
    input,
    el("button", {
      type: "button",
      className: "small",
      text: "Add",
      onclick: add,
    }),
    el("button", {
      type: "button",
      className: "small",
      text: "Cancel",
      onclick: () => {
        h.addingProfile = false;
        h.render();
        h.focus("ps-add-profile");
      },
    }),
  );
}

function criterionCard(h: EditorHost, row: number): HTMLElement {
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
    "data-testid": `weight-${name}`,
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
    onchange: (e) => {
      if ((e.target as HTMLInputElement).checked) h.setLocked(id, true);
      else h.setLocked(id, false);
    },
  });

  const details = el(
    "details",
    { open: h.isOpen(id) },
    el("summary", { text: `Edit ${shown}` }),
    ...criterionFields(h, row, id, method, shown),
  );
  details.addEventListener("toggle", () =>
    details.open ? h.setOpen(id, true) : h.setOpen(id, false),
  );

  return el(
    "li",
    { className: "card", id: `ps-c-${id}`, "data-criterion": name },
    el(
      "div",
      { className: "card-head" },
      el("span", { className: "name", text: `${row + 1}. ${shown}` }),
      el("span", {
        className: "share",
        id: `ps-share-${id}`,
        "aria-label": `Share of ${shown}`,
      }),
    ),
    el(
      "div",
      { className: "weight" },
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
      className: "row-problems",
      id: `ps-cp-${id}`,
      "aria-label": `Problems of ${shown}`,
    }),
    details,
  );
}

function criterionFields(
  h: EditorHost,
  row: number,
  id: number,
  method: string,
  shown: string,
): Child[] {
  const { el } = h;
  const t = h.draft.criteria;
  const set = (column: string, value: unknown) => {
    const r = rowOfId(h.draft.criteria, id);
    if (r >= 0) h.editCriteria((x) => setCell(x, r, column, value), false);
  };
  const text = (
    column: string,
    part: string,
    label: string,
    attrs: Record<string, string> = {},
    parse: (v: string) => unknown = (v) => v,
  ) => {
    const input = el("input", {
      type: "text",
      id: `ps-${part}-${id}`,
      value: textAt(t, row, column),
      autocomplete: "off",
      ...attrs,
    });
    input.addEventListener("input", () => set(column, parse(input.value)));
    return el(
      "div",
      { className: "field" },
      el("label", { for: input.id, text: label }),
      input,
    );
  };
  const choice = (
    column: string,
    part: string,
    label: string,
    values: readonly string[],
    fallback: string,
  ) => {
    const current = textAt(t, row, column).trim();
    const options = [...values];
    if (current !== "" && !options.includes(current.toLowerCase()))
      options.unshift(current);
    const select = el(
      "select",
      { id: `ps-${part}-${id}` },
      ...options.map((v) =>
        el("option", {
          value: v,
          text: values.includes(v) ? v : `${v} (not valid)`,
          selected: v === (current.toLowerCase() || fallback) || v === current,
        }),
      ),
    );
    select.addEventListener("change", () => {
      const r = rowOfId(h.draft.criteria, id);
      if (r < 0) return;
      h.editCriteria(
        (x) =>
          column === CRITERIA_HEADERS.method
            ? setMethod(x, r, select.value)
            : setCell(x, r, column, select.value),
        true,
      );
    });
    return el(
      "div",
      { className: "field" },
      el("label", { for: select.id, text: label }),
      select,
    );
  };

  const nameInput = el("input", {
    type: "text",
    id: `ps-name-${id}`,
    value: textAt(t, row, CRITERIA_HEADERS.name),
    autocomplete: "off",
    "aria-describedby": "ps-position-hint",
  });
  // A rename is committed when the field is left (change), so the Requires are rewritten once.
  nameInput.addEventListener("change", () => {
    const r = rowOfId(h.draft.criteria, id);
    if (r >= 0) h.edit((d) => renameCriterion(d, r, nameInput.value), true);
  });
  const perspective = el("input", {
    type: "text",
    id: `ps-persp-${id}`,
    value: textAt(t, row, CRITERIA_HEADERS.perspective),
    list: "ps-perspectives",
    autocomplete: "off",
  });
  perspective.addEventListener("change", () => {
    const r = rowOfId(h.draft.criteria, id);
    if (r >= 0)
      h.editCriteria(
        (x) =>
          setCell(x, r, CRITERIA_HEADERS.perspective, perspective.value.trim()),
        true,
        perspective.id,
      );
  });

  const numeric =
    method === "range" ||
    method === "target" ||
    !(METHODS as readonly string[]).includes(method);
  const rating =
    method === "rating" || !(METHODS as readonly string[]).includes(method);
  const known = new Set(
    [
      ...Object.values(CRITERIA_HEADERS),
      "Weight",
      ...profilesOf(t).map(weightHeader),
    ].map((h) => h.toLowerCase()),
  );
  const others = t.header
    .map((h, c) => ({ h: String(h ?? ""), c }))
    .filter(
      ({ h }) =>
        h.trim() !== "" &&
        !known.has(h.trim().replace(/\s+/g, " ").toLowerCase()),
    );

  const moveButton = (step: -1 | 1, label: string) =>
    el("button", {
      type: "button",
      className: "small",
      id: `ps-${step < 0 ? "up" : "down"}-${id}`,
      text: label,
      disabled: neighbourInGroup(t, row, step) === null,
      "aria-label": `${label}: ${shown}`,
      onclick: () => {
        const r = rowOfId(h.draft.criteria, id);
        h.editCriteria(
          (x) => moveCriterion(x, r, step),
          true,
          `ps-${step < 0 ? "up" : "down"}-${id}`,
          `ps-${step < 0 ? "down" : "up"}-${id}`,
        );
      },
    });

  return [
    el(
      "div",
      { className: "field" },
      el("label", { for: nameInput.id, text: "Name" }),
      nameInput,
    ),
    el(
      "div",
      { className: "field" },
      el("label", { for: perspective.id, text: "Perspective" }),
      perspective,
    ),
    el(
      "div",
      { className: "row" },
      choice(CRITERIA_HEADERS.method, "method", "Method", METHODS, "range"),
      numeric
        ? choice(
            CRITERIA_HEADERS.better,
            "better",
            "Better",
            DIRECTIONS,
            "higher",
          )
        : null,
    ),
    numeric
      ? el(
          "div",
          { className: "row" },
          text(
            CRITERIA_HEADERS.min,
            "min",
            "Min",
            { inputmode: "decimal" },
            numberValue,
          ),
          text(
            CRITERIA_HEADERS.max,
            "max",
            method === "target" ? "Max (target)" : "Max",
            { inputmode: "decimal" },
            numberValue,
          ),
        )
      : null,
    rating
      ? text(CRITERIA_HEADERS.scale, "scale", "Scale", {
          placeholder: "Low=0; Medium=50; High=100",
        })
      : null,
    others.length > 0
      ? el("p", {
          className: "hint",
          text: `Other columns, kept as they are: ${others.map(({ h, c }) => `${h} = ${show(t.rows[row][c])}`).join("; ")}`,
        })
      : null,
    el(
      "div",
      { className: "row" },
      moveButton(-1, "Move up"),
      moveButton(1, "Move down"),
      el("button", {
        type: "button",
        className: "small",
        text: "Remove",
        "aria-label": `Remove ${shown}`,
        onclick: () => {
          const r = rowOfId(h.draft.criteria, id);
          const next =
            h.draft.criteria.ids[r + 1] ?? h.draft.criteria.ids[r - 1];
          h.editCriteria(
            (x) => removeRow(x, r),
            true,
            next === undefined ? "ps-weights-h" : `ps-w-${next}`,
          );
          h.notify({
            kind: "info",
            text: `Removed ${shown} from the draft. Revert brings it back until you apply.`,
          });
        },
      }),
    ),
  ];
}

export function tiersSection(h: EditorHost): HTMLElement {
  const { el } = h;
  const t = h.draft.tiers;
  const list = el("ul", { "aria-labelledby": "ps-tiers-h" });
  t.rows.forEach((_, row) => {
    const id = t.ids[row];
    const name = textAt(t, row, TIER_HEADERS.name).trim() || "(no name)";
    const set = (column: string, value: unknown) => {
      const r = rowOfId(h.draft.tiers, id);
      if (r >= 0) h.editTiers((x) => setCell(x, r, column, value), false);
    };
    const nameInput = el("input", {
      type: "text",
      id: `ps-tn-${id}`,
      value: textAt(t, row, TIER_HEADERS.name),
      autocomplete: "off",
    });
    nameInput.addEventListener("input", () =>
      set(TIER_HEADERS.name, nameInput.value),
    );
    nameInput.addEventListener("change", () => h.render());
    const minInput = el("input", {
      type: "text",
      inputmode: "decimal",
      id: `ps-tm-${id}`,
      value: textAt(t, row, TIER_HEADERS.minScore),
      autocomplete: "off",
      style: "width:80px",
    });
    minInput.addEventListener("input", () =>
      set(TIER_HEADERS.minScore, numberValue(minInput.value)),
    );
    const requires = el("input", {
      type: "text",
      id: `ps-tr-${id}`,
      value: textAt(t, row, TIER_HEADERS.requires),
      autocomplete: "off",
      placeholder: "e.g. Accreditation >= Medium",
    });
    requires.addEventListener("input", () =>
      set(TIER_HEADERS.requires, requires.value),
    );
    const move = (step: -1 | 1, label: string) =>
      el("button", {
        type: "button",
        className: "small",
        id: `ps-t${step < 0 ? "up" : "down"}-${id}`,
        text: label,
        disabled: row + step < 0 || row + step >= t.rows.length,
        "aria-label": `${label}: tier ${name}`,
        onclick: () => {
          const r = rowOfId(h.draft.tiers, id);
          h.editTiers(
            (x) => swapRows(x, r, r + step),
            true,
            `ps-t${step < 0 ? "up" : "down"}-${id}`,
            `ps-t${step < 0 ? "down" : "up"}-${id}`,
          );
        },
      });
    list.append(
      el(
        "li",
        {
          className: "card",
          id: `ps-t-${id}`,
          "data-tier": textAt(t, row, TIER_HEADERS.name).trim(),
        },
        el(
          "div",
          { className: "row" },
          el(
            "div",
            { className: "field" },
            el("label", { for: nameInput.id, text: "Tier" }),
            nameInput,
          ),
          el(
            "div",
            { className: "field", style: "flex:0 0 auto" },
            el("label", { for: minInput.id, text: "Min score" }),
            minInput,
          ),
        ),
        el(
          "div",
          { className: "field" },
          el("label", { for: requires.id, text: "Requires" }),
          requires,
        ),
        el("ul", {
          className: "row-problems",
          id: `ps-tp-${id}`,
          "aria-label": `Problems of tier ${name}`,
        }),
        el(
          "div",
          { className: "row" },
          move(-1, "Move up"),
          move(1, "Move down"),
          el("button", {
            type: "button",
            className: "small",
            text: "Remove",
            "aria-label": `Remove tier ${name}`,
            onclick: () => {
              const r = rowOfId(h.draft.tiers, id);
              const next = h.draft.tiers.ids[r + 1] ?? h.draft.tiers.ids[r - 1];
              h.editTiers(
                (x) => removeRow(x, r),
                true,
                next === undefined ? "ps-add-tier" : `ps-tn-${next}`,
              );
            },
          }),
        ),
      ),
    );
  });
  return el(
    "section",
    { "aria-labelledby": "ps-tiers-h" },
    el("h2", { id: "ps-tiers-h", text: "Tiers" }),
    el("p", {
      className: "hint",
      text: "A partner gets the highest tier whose Min score (0-100) it reaches and whose Requires it meets, e.g. Accreditation >= Medium; Deal registrations >= 20. List the tiers from the highest Min score down.",
    }),
    list,
    el("button", {
      type: "button",
      id: "ps-add-tier",
      className: "small",
      text: "Add tier",
      onclick: () => {
        const { draft: next, id } = addTier(h.draft.tiers);
        h.editTiers(() => next, true, `ps-tn-${id}`);
      },
    }),
  );
}
