/**
 * A tiny element builder. Text is always set as text (textContent or text nodes) and values
 * as properties: names of criteria and tiers come from a shared workbook and must never be
 * parsed as HTML, so nothing in the pane uses innerHTML. Attributes are HTML's (`class`, `for`);
 * `testid` is written as data-testid, the handle the e2e tests find elements by (the pane has
 * some eighty).
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<
  string,
  string | number | boolean | null | undefined | ((event: Event) => void)
>;

const PROPERTIES = new Set([
  "value",
  "checked",
  "disabled",
  "hidden",
  "open",
  "selected",
  "textContent",
  "min",
  "max",
  "step",
]);

/** The element builder's type, as the view modules take it. */
export type El = ReturnType<typeof builder>;

export function builder(doc: Document) {
  return function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Attrs = {},
    ...children: Child[]
  ): HTMLElementTagNameMap[K] {
    const node = doc.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (typeof value === "function")
        node.addEventListener(key.replace(/^on/, ""), value);
      else if (key === "text") node.textContent = String(value);
      else if (PROPERTIES.has(key))
        (node as unknown as Record<string, unknown>)[key] = value;
      else
        node.setAttribute(
          key === "testid" ? "data-testid" : key,
          value === true ? "" : String(value),
        );
    }
    append(node, children);
    return node;
  };
}

export function append(node: Node, children: readonly Child[]): void {
  const doc = node.ownerDocument ?? document;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(
      typeof child === "string" || typeof child === "number"
        ? doc.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces a node's children (text and nodes only). */
export function fill(node: Node, ...children: Child[]): void {
  while (node.firstChild) node.removeChild(node.firstChild);
  append(node, children);
}

/** The element with that id, as the type the caller knows it is. */
export function byId<T extends HTMLElement>(
  doc: Document,
  id: string,
): T | null {
  return doc.getElementById(id) as T | null;
}

/** Focuses the element with that id (a heading is made focusable first); whether it took focus. */
export function focusById(doc: Document, id: string): boolean {
  const target = doc.getElementById(id);
  if (!target) return false;
  if (target.tagName === "H2" || target.tagName === "H3")
    target.setAttribute("tabindex", "-1");
  target.focus();
  return doc.activeElement === target;
}

/** A pane section: its heading (labelling the section), a hint under it, then `children`. */
export function titledSection(
  el: El,
  id: string,
  title: string,
  hintText: string,
  ...children: Child[]
): HTMLElement {
  return headedSection(el, id, title, {}, hint(el, hintText), ...children);
}

/** A field: `label` naming `control` (by its id) above it, in a div.field (`attrs` added). */
export function labelledField(
  el: El,
  label: string,
  control: HTMLElement,
  attrs: Attrs = {},
): HTMLDivElement {
  return el(
    "div",
    { class: "field", ...attrs },
    labelFor(el, label, control),
    control,
  );
}

/** A label naming `control` by its id. */
function labelFor(
  el: El,
  label: string,
  control: HTMLElement,
): HTMLLabelElement {
  return el("label", { for: control.id, text: label });
}

/** A button that submits nothing (type="button"), with `attrs` (its text, its click...) added. */
export function button(
  el: El,
  attrs: Attrs,
  ...children: Child[]
): HTMLButtonElement {
  return el("button", { type: "button", ...attrs }, ...children);
}

/** A paragraph of hint text (p.hint), with `attrs` added. */
export function hint(
  el: El,
  text: string,
  attrs: Attrs = {},
): HTMLParagraphElement {
  return el("p", { class: "hint", text, ...attrs });
}

/**
 * A button (`attrs`, its text `label`) whose click starts `work` (null: nothing to start).
 * While the work runs it is disabled and says `working`; it comes back unless the work
 * resolves to true (done: the pane moves on and draws anew).
 */
export function workingButton(
  el: El,
  label: string,
  working: string,
  attrs: Attrs,
  work: () => Promise<unknown> | null,
): HTMLButtonElement {
  const node = button(el, { ...attrs, text: label });
  node.addEventListener("click", () => {
    const running = work();
    if (!running) return;
    node.disabled = true;
    node.textContent = working;
    void running.then((done) => {
      if (done === true) return;
      node.disabled = false;
      node.textContent = label;
    });
  });
  return node;
}

/** A one-line text field the browser does not fill in by itself, with `attrs` (id, value...). */
export function textInput(el: El, attrs: Attrs): HTMLInputElement {
  return el("input", { type: "text", autocomplete: "off", ...attrs });
}

/** A select's option: its value, its text (the value when none) and whether it is selected. */
export function option(
  el: El,
  value: string,
  text: string | undefined,
  selected: boolean,
): HTMLOptionElement {
  return el("option", { value, text, selected });
}

/** A div.row: `children` side by side. */
export function inRow(el: El, ...children: Child[]): HTMLDivElement {
  return el("div", { class: "row" }, ...children);
}

/** A div.row: `label` naming `control` (by its id), the control, then `more` beside it. */
export function labelledRow(
  el: El,
  label: string,
  control: HTMLElement,
  ...more: Child[]
): HTMLDivElement {
  return inRow(el, labelFor(el, label, control), control, ...more);
}

/** A pane section labelled by its heading (`title`, with the id `id`), `attrs` added. */
export function headedSection(
  el: El,
  id: string,
  title: string,
  attrs: Attrs,
  ...children: Child[]
): HTMLElement {
  return el(
    "section",
    { "aria-labelledby": id, ...attrs },
    el("h2", { id, text: title }),
    ...children,
  );
}

/** A row of buttons, each given by its attributes. */
export function buttonRow(el: El, ...buttons: Attrs[]): HTMLElement {
  return inRow(el, ...buttons.map((attrs) => button(el, attrs)));
}

export { counted } from "../../programme/counted";

/** A list item of hint text (li.hint). */
export function hintItem(el: El, text: string): HTMLLIElement {
  return el("li", { class: "hint", text });
}

/** A list of hint lines, one item each. */
export function hintList(el: El, lines: readonly string[]): HTMLUListElement {
  return el("ul", {}, ...lines.map((line) => hintItem(el, line)));
}

/** Under a list that shows part of its items: "and N more." when `hidden` are left out. */
export function andMore(el: El, hidden: number): Child {
  return hidden > 0 && hint(el, `and ${hidden} more.`);
}
