/** The profile controls of the Weights section: the picker, Add profile (its form) and Remove. */
import { DEFAULT_PROFILE, weightHeader } from "../../../core";
import type { TableData } from "../../../workbook/store";
import {
  addProfile,
  profilesOf,
  removeProfile,
} from "../../../programme/draft";
import { partnersPerProfile } from "../../../programme/whatIf";
import {
  button,
  counted,
  hint,
  option,
  labelledRow,
  textInput,
  type Child,
} from "../dom";
import type { EditorHost } from "./host";

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
    return n === undefined ? "" : ` · ${counted(n, "partner", "partners")}`;
  };
  return new Map([
    [DEFAULT_PROFILE, `Default${used(DEFAULT_PROFILE)}`],
    ...profiles.map((p) => [p, `${p}${used(p)}`] as [string, string]),
  ]);
}

/** The picker row, the Remove button (for a named profile), the new-profile form when open, and the hint. */
export function profileControls(h: EditorHost): Child[] {
  const { el } = h;
  const profiles = profilesOf(h.draft.criteria);
  const texts = profileOptionTexts(h.partners, profiles);
  const select = el(
    "select",
    {
      id: "ps-profile",
      testid: "profile",
      "aria-describedby": "ps-profile-hint",
      onchange: (e) => {
        h.profile = (e.target as HTMLSelectElement).value;
        h.render();
      },
    },
    option(
      el,
      DEFAULT_PROFILE,
      texts.get(DEFAULT_PROFILE),
      h.profile === DEFAULT_PROFILE,
    ),
    ...profiles.map((p) => option(el, p, texts.get(p), p === h.profile)),
  );
  return [
    labelledRow(
      el,
      "Profile",
      select,
      button(el, {
        class: "small",
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
      : button(el, {
          class: "small",
          id: "ps-remove-profile",
          testid: "remove-profile",
          text: `Remove ${h.profile}`,
          // The visible text starts the accessible name (axe: label-content-name-mismatch).
          "aria-label": `Remove ${h.profile} profile`,
          onclick: () => removeSelectedProfile(h),
        }),
    h.addingProfile ? addProfileForm(h) : null,
    hint(
      el,
      `Editing the ${weightHeader(h.profile)} column. Partners whose Type names a profile are scored with its Weight (profile) column; the others with the default Weight column.`,
      { id: "ps-profile-hint" },
    ),
  ];
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
  const input = textInput(el, {
    id: "ps-new-profile",
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
  const cancel = () => {
    h.addingProfile = false;
    h.render();
    h.focus("ps-add-profile");
  };
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") add();
    if (e.key === "Escape") cancel();
  });
  return labelledRow(
    el,
    "New profile name",
    input,
    button(el, { class: "small", text: "Add", onclick: add }),
    button(el, { class: "small", text: "Cancel", onclick: cancel }),
  );
}
