/** Tier edits. */
import { TIER_HEADERS, cellNumber } from "../../core";
import { cellAt, insertRow, uniqueName, type DraftTable } from "./table";

/**
 * Adds a tier that keeps the order valid where it can: last, half-way down to 0; or, when the
 * last tier is the catch-all at 0, just above it, half-way up to the tier before. The user
 * then names it and sets its Min score.
 */
export function addTier(draft: DraftTable): { draft: DraftTable; id: number } {
  const name = uniqueName(draft, TIER_HEADERS.name, "New tier");
  const scores = draft.rows.map((_, i) =>
    cellNumber(cellAt(draft, i, TIER_HEADERS.minScore)),
  );
  const n = scores.length;
  const [above, lowest] = [scores[n - 2] ?? null, scores[n - 1] ?? null];
  if (lowest === 0 && above !== null && Math.floor(above / 2) > 0) {
    return insertRow(
      draft,
      {
        [TIER_HEADERS.name]: name,
        [TIER_HEADERS.minScore]: Math.floor(above / 2),
      },
      n - 1,
    );
  }
  return insertRow(draft, {
    [TIER_HEADERS.name]: name,
    [TIER_HEADERS.minScore]: Math.floor((lowest ?? 100) / 2),
  });
}
