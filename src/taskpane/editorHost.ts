/**
 * What the editor sections read and call (views/editor), over the pane's session: state is
 * read when events fire. Whether the "New profile name" field is open is kept here.
 */
import type { TaskpaneSession } from "./state/session";
import { byId, type El } from "./views/dom";
import { syncSlider, type EditorHost } from "./views/editor";

export function editorHost(
  doc: Document,
  el: El,
  session: TaskpaneSession,
  render: () => void,
  focus: (id: string) => boolean,
): EditorHost {
  let addingProfile = false;
  /** An edit of one of the draft's two tables, as editCriteria and editTiers take it. */
  const editTable =
    (table: "criteria" | "tiers"): EditorHost["editTiers"] =>
    (change, structural, ...focusIds) =>
      host.edit(
        (d) => ({ ...d, [table]: change(d[table]) }),
        structural,
        ...focusIds,
      );
  const host: EditorHost = {
    el,
    get draft() {
      return session.draft;
    },
    get profile() {
      return session.profile;
    },
    set profile(next: string) {
      session.profile = next;
    },
    get addingProfile() {
      return addingProfile;
    },
    set addingProfile(next: boolean) {
      addingProfile = next;
    },
    get partners() {
      return session.loaded.partners;
    },
    isLocked: (id) => session.isLocked(id),
    setLocked: (id, on) => session.setLocked(id, on),
    isOpen: (id) => session.isOpen(id),
    setOpen: (id, on) => session.setOpen(id, on),
    edit: (change, structural, ...focusIds) => {
      session.edit(change, structural);
      if (structural) focusIds.some(focus);
    },
    editCriteria: editTable("criteria"),
    editTiers: editTable("tiers"),
    setWeightFromInput: (id, raw, source, input) => {
      if (raw === "" && input.validity.badInput) return; // a half-typed number: wait for the rest
      const value = raw === "" ? "" : Number(raw);
      if (!session.setWeight(id, value)) return;
      const other = byId<HTMLInputElement>(
        doc,
        source === "range" ? `ps-w-${id}` : `ps-wr-${id}`,
      );
      if (other) {
        if (source === "number")
          syncSlider(other, value === "" ? 0 : (value as number));
        else other.value = raw;
      }
    },
    spread: () => session.spread(),
    notify: (next) => session.setNotice(next),
    render: () => render(),
    focus,
  };
  return host;
}
