/** The Scale column of a rating criterion: `Low=0; Medium=50; High=100`. */
import type { RatingStep } from "./model";

/** Parses a scale; a string result is the message saying what could not be read. */
export function parseScale(text: string): RatingStep[] | string {
  const steps: RatingStep[] = [];
  for (const part of text.split(";")) {
    const piece = part.trim();
    if (piece === "") continue;
    const eq = piece.lastIndexOf("=");
    const label = eq < 0 ? "" : piece.slice(0, eq).trim();
    const pointsText = eq < 0 ? "" : piece.slice(eq + 1).trim();
    const points = pointsText === "" ? NaN : Number(pointsText);
    if (label === "" || !Number.isFinite(points)) {
      return `Scale part "${piece}" is not label=points (write e.g. Low=0; Medium=50; High=100)`;
    }
    steps.push({ label, points });
  }
  return steps;
}

export function formatScale(steps: readonly RatingStep[]): string {
  return steps.map((s) => `${s.label}=${s.points}`).join("; ");
}

/** The points of a label on a scale (labels compare case-insensitively), or undefined. */
export function pointsOf(
  steps: readonly RatingStep[],
  label: string,
): number | undefined {
  const lookup = pointsByLabel(steps);
  const key = label.trim();
  // Longer than every label: no match, and no lower-cased copy of a long text to find that out.
  if (key.length > lookup.longest) return undefined;
  return lookup.get(key.toLowerCase());
}

/** Each scale's labels (lower-cased) to points, built once: every rated value is looked up. */
type Lookup = Map<string, number> & { longest: number };
const lookups = new WeakMap<readonly RatingStep[], Lookup>();

function pointsByLabel(steps: readonly RatingStep[]): Lookup {
  let lookup = lookups.get(steps);
  if (!lookup) {
    lookup = Object.assign(
      new Map(steps.map((s) => [s.label.toLowerCase(), s.points])),
      // Lower-casing may lengthen a text (İ), never shorten it: compare with the longer form.
      {
        longest: Math.max(
          0,
          ...steps.map((s) =>
            Math.max(s.label.length, s.label.toLowerCase().length),
          ),
        ),
      },
    );
    lookups.set(steps, lookup);
  }
  return lookup;
}
