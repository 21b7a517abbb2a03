/**
 * The draft's problems on screen: the "Problems" section (each problem with its cell and a
 * "Go to" button to the field it is about) and each row's own list beside it, with its
 * fields marked aria-invalid so a screen reader announces them as invalid.
 */
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  profileInWeightHeader,
  type Problem,
} from "../../core";
import { button, byId, fill, headedSection, type El } from "./dom";
import type { Draft } from "../../programme/draft";
import { profilesOf } from "../../programme/draft";
import type { TaskpaneSession } from "../state/session";
import { describeAt, problemPlace } from "../../programme/validation";

/** What the problem views need from the pane. */
export interface ProblemsHost {
  readonly doc: Document;
  readonly el: El;
  readonly session: TaskpaneSession;
  render(): void;
  focus(id: string): boolean;
}

export function problemsSection(el: El): HTMLElement {
  return headedSection(
    el,
    "ps-problems-h",
    "Problems",
    { id: "ps-problems-section" },
    el("ul", {
      class: "problems",
      id: "ps-problems",
      testid: "problems",
    }),
  );
}

/** Fills the Problems section from the session's problems (hidden when there are none). */
export function showProblems(h: ProblemsHost): void {
  const { doc, el, session } = h;
  const section = byId(doc, "ps-problems-section");
  const list = byId(doc, "ps-problems");
  if (!section || !list) return;
  const problems = session.problems;
  section.hidden = problems.length === 0;
  fill(
    list,
    ...problems.map((p) => {
      const target = fieldFor(session.draft, p);
      return el(
        "li",
        { "data-table": p.table, "data-row": p.row },
        describeAt(p, session.addressOf(p)),
        target ? " " : null,
        target
          ? button(el, {
              class: "link",
              text: "Go to",
              "aria-label": `Go to ${problemPlace(p)}`,
              onclick: () => goTo(h, p),
            })
          : null,
      );
    }),
  );
}

/** The input a problem is about, by id, when the pane shows one. */
export function fieldFor(draft: Draft, p: Problem): string | null {
  if (p.row < 0) return null;
  if (p.table === "Criteria") {
    const id = draft.criteria.ids[p.row];
    if (id === undefined) return null;
    const byColumn: Record<string, string> = {
      [CRITERIA_HEADERS.name]: "name",
      [CRITERIA_HEADERS.perspective]: "persp",
      [CRITERIA_HEADERS.method]: "method",
      [CRITERIA_HEADERS.better]: "better",
      [CRITERIA_HEADERS.min]: "min",
      [CRITERIA_HEADERS.max]: "max",
      [CRITERIA_HEADERS.scale]: "scale",
    };
    const part = p.column ? byColumn[p.column] : undefined;
    if (p.column && /^weight/i.test(p.column)) return `ps-w-${id}`;
    return `ps-${part ?? "name"}-${id}`;
  }
  const id = draft.tiers.ids[p.row];
  if (id === undefined) return null;
  const part =
    p.column === TIER_HEADERS.minScore
      ? "tm"
      : p.column === TIER_HEADERS.requires
        ? "tr"
        : "tn";
  return `ps-${part}-${id}`;
}

/** Shows and focuses the field of a problem: its weight's profile, or its criterion's details. */
function goTo(h: ProblemsHost, p: Problem): void {
  const { session } = h;
  const draft = session.draft;
  const target = fieldFor(draft, p);
  if (!target) return;
  if (p.table === "Criteria") {
    const id = draft.criteria.ids[p.row];
    if (p.column && /^weight/i.test(p.column)) {
      const wanted = profileInWeightHeader(p.column) ?? DEFAULT_PROFILE;
      const match = profilesOf(draft.criteria).find(
        (x) => x.toLowerCase() === wanted.toLowerCase(),
      );
      session.profile = match ?? DEFAULT_PROFILE;
    } else if (!session.isOpen(id)) session.setOpen(id, true);
    h.render();
  }
  h.focus(target) || h.focus(`ps-name-${draft.criteria.ids[p.row]}`);
}

/**
 * Lists a row's problems beside it and marks each field whose column is at fault, so a
 * screen reader announces the field as invalid.
 */
export function showRowProblems(
  h: ProblemsHost,
  listId: string,
  rowId: string | number,
  problems: readonly Problem[],
  fields: readonly (readonly [part: string, column: string])[],
): void {
  const { doc, el, session } = h;
  const list = byId(doc, listId);
  if (list)
    fill(
      list,
      ...problems.map((p) =>
        el("li", { text: describeAt(p, session.addressOf(p)) }),
      ),
    );
  for (const [part, column] of fields) {
    byId(doc, `ps-${part}-${rowId}`)?.setAttribute(
      "aria-invalid",
      String(problems.some((p) => p.column === column)),
    );
  }
}
