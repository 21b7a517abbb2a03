/**
 * Which weight profile scores each partner, by its Type cell, as PRM.PARTNERSCORE's profile
 * argument picks it; and how many partners each profile scores.
 */
import {
  CellError,
  DEFAULT_PROFILE,
  catchCellError,
  cellText,
  resolveProfile,
  type CriteriaModel,
} from "../../core";
import type { TableData } from "../../workbook/store";
import { isBlankRow, typeColumn } from "./partnersTable";

/** The profile a Type cell picks (any case; blank is the default), or null for an unknown type. */
export function profileForType(
  model: CriteriaModel,
  type: unknown,
): string | null {
  const profile = catchCellError(() =>
    resolveProfile(model, cellText(type) ?? ""),
  );
  return profile instanceof CellError ? null : profile;
}

/** How many (non-blank) partners each profile scores, by their Type; the default profile under "". Unknown types score under none. */
export function partnersPerProfile(
  partners: TableData,
  profiles: readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>([
    [DEFAULT_PROFILE, 0],
    ...profiles.map((p) => [p, 0] as [string, number]),
  ]);
  const typeAt = typeColumn(partners);
  const model = { criteria: [], profiles: [...profiles] };
  for (const row of partners.rows) {
    if (isBlankRow(row)) continue;
    const profile =
      typeAt < 0 ? DEFAULT_PROFILE : profileForType(model, row[typeAt]);
    if (profile !== null) counts.set(profile, (counts.get(profile) ?? 0) + 1);
  }
  return counts;
}

/**
 * The profile most partners use (by their Type), where the pane opens its weights: a list of
 * resellers opens on Reseller, not on "Default · 0 partners". Ties go to the default profile,
 * then to the first profile in the Criteria table.
 */
export function mostUsedProfile(
  partners: TableData | null,
  profiles: readonly string[],
): string {
  if (!partners) return DEFAULT_PROFILE;
  let best = DEFAULT_PROFILE;
  let most = -1;
  for (const [profile, count] of partnersPerProfile(partners, profiles))
    if (count > most) [best, most] = [profile, count];
  return best;
}
