/**
 * SVG elements built with DOM calls: attributes set one by one and text set as text, so a
 * criterion or partner name from a shared workbook is never parsed as markup.
 */
export const SVG_NS = "http://www.w3.org/2000/svg";

export function svgElement<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | number>,
  ...children: Node[]
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs))
    node.setAttribute(key, String(value));
  for (const child of children) node.appendChild(child);
  return node;
}

/** A text, title or desc element; its text is set as text, never parsed. */
export function svgText(
  doc: Document,
  tag: "text" | "title" | "desc",
  text: string,
  attrs: Record<string, string | number> = {},
): SVGElement {
  const node = svgElement(doc, tag, attrs);
  node.textContent = text;
  return node;
}
