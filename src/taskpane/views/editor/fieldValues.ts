/** Small helpers the editor's fields share: reading a number field, a slider's range, names for ids. */
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

/** A cell as shown in a hint: "(blank)" for a blank cell. */
export function show(cell: unknown): string {
  if (cell === null || cell === undefined || cell === "") return "(blank)";
  return String(cell);
}

/** Text made safe for an element id. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-") || "none";
}
