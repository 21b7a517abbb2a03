/** Weights and profiles: reading weights, shares, spreading to 100%, adding and removing a profile. */
import {
  DEFAULT_PROFILE,
  cellNumber,
  isMissing,
  weightHeader,
} from "../../core";
import type { TableData } from "../../workbook/store";
import {
  padded,
  profileColumn,
  setCell,
  width,
  type DraftTable,
} from "./table";

/** A weight cell as a number: blank is 0 (as the core reads it), text is NaN. */
export function weightAt(
  table: TableData,
  row: number,
  profile: string,
): number {
  const c = profileColumn(table, profile);
  if (c < 0) return 0;
  const cell = table.rows[row]?.[c];
  if (isMissing(cell)) return 0;
  return cellNumber(cell) ?? NaN;
}

export function setWeight(
  draft: DraftTable,
  row: number,
  profile: string,
  weight: number,
): DraftTable {
  return setCell(draft, row, weightHeader(profile), weight);
}

/** Each row's weight and its share of the profile's total (NaN when the total is not positive). */
export function weightShares(
  table: TableData,
  profile: string,
): { weight: number; share: number }[] {
  const weights = table.rows.map((_, i) => weightAt(table, i, profile));
  const total = weights.reduce(
    (s, w) => s + (Number.isFinite(w) && w > 0 ? w : 0),
    0,
  );
  return weights.map((weight) => ({
    weight,
    share: total > 0 && Number.isFinite(weight) ? weight / total : NaN,
  }));
}

/** Why an edit of the weights was not made: the pane shows the message, the draft is unchanged. */
export interface Refusal {
  ok: false;
  message: string;
}

function refused(message: string): Refusal {
  return { ok: false, message };
}

export type SpreadResult = { ok: true; draft: DraftTable } | Refusal;

/**
 * Scales the unlocked weights of a profile so that all weights add up to 100, the locked ones
 * unchanged. Results have one decimal and add up to exactly 100 (largest remainders get the
 * last tenths). Unlocked weights that are all zero share what is left equally.
 */
export function spreadTo100(
  draft: DraftTable,
  profile: string,
  locked: ReadonlySet<number>,
): SpreadResult {
  const n = draft.rows.length;
  const weights = draft.rows.map((_, i) => weightAt(draft, i, profile));
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    return refused("Fix the weights that are not numbers of 0 or more first.");
  }
  const isLocked = (i: number) => locked.has(draft.ids[i]);
  const free = [...Array(n).keys()].filter((i) => !isLocked(i));
  const lockedSum = weights.reduce((s, w, i) => s + (isLocked(i) ? w : 0), 0);
  if (free.length === 0)
    return refused("Every weight is locked: unlock one to spread.");
  const left = 100 - lockedSum;
  if (left < -1e-9)
    return refused(
      `The locked weights already add up to ${round1(lockedSum)}, more than 100.`,
    );
  const freeSum = free.reduce((s, i) => s + weights[i], 0);
  const tenths = Math.round(Math.max(0, left) * 10);
  const exact = free.map((i) =>
    freeSum > 0 ? (weights[i] / freeSum) * tenths : tenths / free.length,
  );
  const whole = largestRemainders(exact, tenths);
  let result = draft;
  free.forEach((i, k) => {
    result = setWeight(result, i, profile, whole[k] / 10);
  });
  return { ok: true, draft: result };
}

/**
 * Whole numbers adding up to `total` from `exact` (which adds up to it): each rounded down,
 * then the largest remainders (the first on a tie) get one more until the total is reached.
 */
export function largestRemainders(
  exact: readonly number[],
  total: number,
): number[] {
  const floors = exact.map(Math.floor);
  let left = total - floors.reduce((s, f) => s + f, 0);
  const order = exact
    .map((e, i) => ({ i, rest: e - floors[i] }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/**
 * Adds a `Weight (name)` column after the last weight column, starting from the weights of
 * `copyFrom` so a new profile begins as a variation of an existing one.
 */
export function addProfile(
  draft: DraftTable,
  name: string,
  copyFrom: string,
): { ok: true; draft: DraftTable; profile: string } | Refusal {
  const profile = name.trim().replace(/\s+/g, " ");
  if (profile === "")
    return refused("Give the profile a name, e.g. Influencer.");
  if (/[()]/.test(profile))
    return refused("A profile name cannot contain brackets.");
  if (
    profile.toLowerCase() === "default" ||
    profileColumn(draft, profile) >= 0
  ) {
    return refused(`There is already a profile named ${profile}.`);
  }
  const weightColumns = draft.header
    .map((h, i) => (/^weight\b/i.test(String(h).trim()) ? i : -1))
    .filter((i) => i >= 0);
  const at =
    weightColumns.length > 0
      ? weightColumns[weightColumns.length - 1] + 1
      : width(draft);
  const header = padded(draft.header, at);
  header.splice(at, 0, weightHeader(profile));
  const rows = draft.rows.map((r, i) => {
    const copy = padded(r, at);
    copy.splice(at, 0, weightAt(draft, i, copyFrom) || 0);
    return copy;
  });
  return { ok: true, draft: { ...draft, header, rows }, profile };
}

/**
 * Removes a profile's Weight (X) column. The default Weight column cannot go: every formula
 * without a profile, and every partner with a blank Type, is scored with it.
 */
export function removeProfile(
  draft: DraftTable,
  profile: string,
): { ok: true; draft: DraftTable } | Refusal {
  if (profile === DEFAULT_PROFILE)
    return refused("The default Weight column cannot be removed.");
  const column = profileColumn(draft, profile);
  if (column < 0) return refused(`There is no profile named ${profile}.`);
  const header = draft.header.filter((_, i) => i !== column);
  const rows = draft.rows.map((r) => r.filter((_, i) => i !== column));
  return { ok: true, draft: { ...draft, header, rows } };
}
