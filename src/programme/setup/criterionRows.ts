/**
 * One Criteria row per column the user scores: its method from the column's guess (a range
 * with its bounds, a rating with points spread over its labels, yes/no, an expiry date scored
 * through its certification status), its perspective guessed from its name, and its weights.
 */
import { formatScale } from "../../core";
import { CERTIFICATION_SCALE } from "../../workbook/sample";
import { spreadPoints, type ColumnGuess } from "./inferColumn";

/** Balanced-scorecard perspective guessed from a criterion's name and kind. */
export function perspectiveFor(header: string, guess: ColumnGuess): string {
  if (guess.kind === "expiry") return "Capability";
  if (/growth|new|pipeline|trend|fit|strateg|potential/i.test(header))
    return "Growth";
  if (
    /revenue|sales|margin|profit|deal|booking|spend|cost|price|\$|€/i.test(
      header,
    )
  )
    return "Financial";
  if (
    /customer|satisf|nps|csat|ticket|support|churn|complaint|renewal|retention/i.test(
      header,
    )
  )
    return "Customer";
  return "Capability";
}

/** One Criteria row for a scored column. */
export function criterionRow(
  name: string,
  header: string,
  guess: ColumnGuess,
  weights: number[],
): unknown[] {
  const perspective = perspectiveFor(header, guess);
  switch (guess.kind) {
    case "range":
      return [
        name,
        perspective,
        "range",
        guess.better,
        guess.min,
        guess.max,
        null,
        ...weights,
      ];
    case "rating": {
      const points = spreadPoints(guess.labels.length);
      const scale = formatScale(
        guess.labels.map((label, i) => ({ label, points: points[i] })),
      );
      return [name, perspective, "rating", null, null, null, scale, ...weights];
    }
    case "yesno":
      return [name, perspective, "yesno", null, null, null, null, ...weights];
    case "expiry":
      return [
        name,
        perspective,
        "rating",
        null,
        null,
        null,
        CERTIFICATION_SCALE,
        ...weights,
      ];
    case "text":
      throw new Error(`column ${header} cannot be scored`);
  }
}
