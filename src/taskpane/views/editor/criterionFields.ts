/** A criterion's fields under "Edit": name, perspective, method and its cells, other columns, move and remove. */
import {
  CRITERIA_HEADERS,
  DIRECTIONS,
  METHODS,
  weightHeader,
} from "../../../core";
import {
  moveCriterion,
  neighbourInGroup,
  profilesOf,
  removeRow,
  renameCriterion,
  rowOfId,
  setCell,
  setMethod,
  textAt,
} from "../../../programme/draft";
import {
  hint,
  labelledField,
  option,
  inRow,
  textInput,
  type Child,
} from "../dom";
import { rowButtons } from "./rowButtons";
import { numberValue, show } from "./fieldValues";
import type { EditorHost } from "./host";

export function criterionFields(
  h: EditorHost,
  row: number,
  id: number,
  method: string,
  shown: string,
): Child[] {
  const { el } = h;
  const t = h.draft.criteria;
  // The row's index now: an edit before this one may have moved it.
  const rowNow = () => rowOfId(h.draft.criteria, id);
  const set = (column: string, value: unknown) => {
    const r = rowNow();
    if (r >= 0) h.editCriteria((x) => setCell(x, r, column, value), false);
  };
  const text = (
    column: string,
    part: string,
    label: string,
    attrs: Record<string, string> = {},
    parse: (v: string) => unknown = (v) => v,
  ) => {
    const input = textInput(el, {
      id: `ps-${part}-${id}`,
      value: textAt(t, row, column),
      ...attrs,
    });
    input.addEventListener("input", () => set(column, parse(input.value)));
    return labelledField(el, label, input);
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
        option(
          el,
          v,
          values.includes(v) ? v : `${v} (not valid)`,
          v === (current.toLowerCase() || fallback) || v === current,
        ),
      ),
    );
    select.addEventListener("change", () => {
      const r = rowNow();
      if (r < 0) return;
      h.editCriteria(
        (x) =>
          column === CRITERIA_HEADERS.method
            ? setMethod(x, r, select.value)
            : setCell(x, r, column, select.value),
        true,
      );
    });
    return labelledField(el, label, select);
  };

  const nameInput = textInput(el, {
    id: `ps-name-${id}`,
    value: textAt(t, row, CRITERIA_HEADERS.name),
    "aria-describedby": "ps-position-hint",
  });
  // A rename is committed when the field is left (change), so the Requires are rewritten once.
  nameInput.addEventListener("change", () => {
    const r = rowNow();
    if (r >= 0) h.edit((d) => renameCriterion(d, r, nameInput.value), true);
  });
  const perspective = textInput(el, {
    id: `ps-persp-${id}`,
    value: textAt(t, row, CRITERIA_HEADERS.perspective),
    list: "ps-perspectives",
  });
  perspective.addEventListener("change", () => {
    const r = rowNow();
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

  return [
    labelledField(el, "Name", nameInput),
    labelledField(el, "Perspective", perspective),
    inRow(
      el,
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
      ? inRow(
          el,
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
      ? hint(
          el,
          `Other columns, kept as they are: ${others.map(({ h, c }) => `${h} = ${show(t.rows[row][c])}`).join("; ")}`,
        )
      : null,
    rowButtons(
      el,
      "ps-",
      id,
      shown,
      (step) => neighbourInGroup(t, row, step) !== null,
      (step, ...focusIds) => {
        const r = rowNow();
        h.editCriteria((x) => moveCriterion(x, r, step), true, ...focusIds);
      },
      () => {
        const r = rowNow();
        const next = h.draft.criteria.ids[r + 1] ?? h.draft.criteria.ids[r - 1];
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
    ),
  ];
}
