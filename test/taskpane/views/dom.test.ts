/**
 * The pane's labelled field (views/dom.ts), over a minimal document: a label names its
 * control by id, as screen readers and Playwright's getByLabel find it.
 */
import { builder, labelledField } from "../../../src/taskpane/views/dom";

/** Just enough of a DOM element for the element builder. */
class FakeElement {
  className = "";
  textContent = "";
  id = "";
  readonly attributes = new Map<string, string>();
  readonly children: unknown[] = [];
  constructor(
    readonly tagName: string,
    readonly ownerDocument: FakeDocument,
  ) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
    if (name === "id") this.id = value;
    if (name === "class") this.className = value;
  }
  appendChild(child: unknown): void {
    this.children.push(child);
  }
  addEventListener(): void {}
}

class FakeDocument {
  createElement(tag: string): FakeElement {
    return new FakeElement(tag.toUpperCase(), this);
  }
  createTextNode(text: string): { text: string } {
    return { text };
  }
}

const el = builder(new FakeDocument() as unknown as Document);

describe("the element builder", () => {
  test("writes testid as the data-testid the e2e tests find, other attributes as named", () => {
    const node = el("p", {
      testid: "summary",
      class: "hint",
      "aria-live": "polite",
    }) as unknown as FakeElement;
    expect(node.attributes.get("data-testid")).toBe("summary");
    expect(node.attributes.has("testid")).toBe(false);
    expect(node.className).toBe("hint");
    expect(node.attributes.get("aria-live")).toBe("polite");
  });
});

describe("labelledField", () => {
  test("a div.field holding a label for the control, then the control", () => {
    const input = el("input", { id: "ps-tm-3" });
    const field = labelledField(
      el,
      "Min score",
      input,
    ) as unknown as FakeElement;
    expect(field.tagName).toBe("DIV");
    expect(field.className).toBe("field");
    const [label, control] = field.children as FakeElement[];
    expect(label.tagName).toBe("LABEL");
    expect(label.attributes.get("for")).toBe("ps-tm-3");
    expect(label.textContent).toBe("Min score");
    expect(control).toBe(input);
  });

  test("adds the attributes given, keeping the field's class", () => {
    const input = el("input", { id: "x" });
    const field = labelledField(el, "Tier", input, {
      style: "flex:0 0 auto",
    }) as unknown as FakeElement;
    expect(field.className).toBe("field");
    expect(field.attributes.get("style")).toBe("flex:0 0 auto");
  });
});
