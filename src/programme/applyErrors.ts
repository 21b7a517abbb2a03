/**
 * What an Apply would leave as errors in the Partners Score and Tier cells, said before the
 * Apply (issue 21 item 2). The what-if scores the draft as the PRM formulas will, matching
 * values to criteria by name (the sample's and the set-up's formulas): every partner it cannot
 * score is a Score cell and a Tier cell showing #VALUE! or #N/A after the Apply.
 */
import type { WhatIf } from "./whatIf";
import { counted } from "./counted";

/** The warning to show first in the Effect section, or null when no cell would show an error. */
export function errorsAfterApply(effect: WhatIf): string | null {
  if (effect.notScored === 0) return null;
  const n = effect.notScored;
  const first = effect.unscored[0];
  const reason = first ? ` ${first.partner}: ${first.message}` : "";
  return `After Apply, ${counted(n, "partner's", "partners'")} Score and Tier cells would show an error.${reason}`;
}
