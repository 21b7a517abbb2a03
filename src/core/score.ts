/**
 * The weighted score of one partner: each value normalised to 0-100, weighted by the
 * profile's weights relative to their sum, missing values handled by the chosen policy.
 */
import { isMissing } from "./cell";
import { invalid, notAvailable } from "./errors";
import { DEFAULT_PROFILE, type CriteriaModel, type Criterion } from "./model";
import { valueReaders } from "./normalize";

export const MISSING_POLICIES = ["skip", "zero", "error"] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

export interface CriterionPoints {
  criterion: Criterion;
  /** The value on 0-100, or null when it was missing and left out. */
  normalized: number | null;
  /** This criterion's share of the weight that counted (0 when left out). */
  share: number;
  /** share x normalized: what it adds to the score. */
  points: number;
}

export interface PartnerScore {
  score: number;
  /** Each criterion's value on 0-100, null where it was left out. */
  normalized: (number | null)[];
  /** The sum of the relative weights that counted. */
  presentWeight: number;
}

/** The name a profile is shown by in messages. */
export function profileLabel(profile: string): string {
  return profile === DEFAULT_PROFILE
    ? "the default profile (Weight)"
    : `profile ${profile}`;
}

/** The profile as named in the table (case-insensitively), or a #VALUE! listing the known ones. */
export function resolveProfile(
  model: CriteriaModel,
  requested: string,
): string {
  const wanted = requested.trim().toLowerCase();
  if (wanted === "" || wanted === "default") return DEFAULT_PROFILE;
  const found = model.profiles.find((p) => p.toLowerCase() === wanted);
  if (found !== undefined) return found;
  const known =
    model.profiles.length > 0
      ? model.profiles.join(", ")
      : "none besides the default Weight column";
  return invalid(
    `Profile "${requested}" has no Weight (${requested.trim()}) column; profiles: ${known}`,
  );
}

/** Relative weights of a profile, scaled by the largest so that huge weights cannot overflow. */
export function relativeWeights(
  model: CriteriaModel,
  profile: string,
): number[] {
  const weights = model.criteria.map((c) => c.weights[profile] ?? 0);
  const largest = Math.max(0, ...weights);
  if (!(largest > 0))
    invalid(`All weights are zero in ${profileLabel(profile)}`);
  return weights.map((w) => w / largest);
}

/**
 * The score of one partner, or null when every value is missing (a row past the end of the
 * list), so that a formula over a whole column stays clean. This is the hot path of a
 * spilling PARTNERSCORE over thousands of rows: one pass over the values, each read by its
 * criterion's ready-made reader, and nothing allocated. `normalized`, when given, receives
 * each value on 0-100 (null where it was left out).
 */
export function weightedScore(
  values: readonly unknown[],
  model: CriteriaModel,
  weights: readonly number[],
  missing: MissingPolicy,
  normalized?: (number | null)[],
): number | null {
  const { criteria } = model;
  const count = criteria.length;
  if (values.length !== count) {
    invalid(
      `${values.length} values for ${count} criteria: give one value per criterion, in the table's order`,
    );
  }
  const readers = valueReaders(criteria);
  let total = 0;
  let present = 0;
  let sum = 0;
  let found = false;
  for (let i = 0; i < count; i++) {
    const weight = weights[i];
    total += weight;
    let value = readers[i](values[i]);
    if (value !== null) found = true;
    else if (weight > 0) {
      if (missing === "skip") {
        if (normalized) normalized[i] = null;
        continue;
      }
      if (missing === "error") {
        // A row with no values at all is a row past the end of the list, not an error.
        if (!found && allMissing(values, i + 1)) return null;
        notAvailable(`${criteria[i].name} is missing`);
      }
      value = 0;
    }
    if (normalized) normalized[i] = value;
    present += weight;
    sum += weight * (value ?? 0);
  }
  if (!found) return null;
  // The tolerance keeps exactly half (30 + 20 of 100) from failing on rounding of the relative weights.
  if (present < (total / 2) * (1 - 1e-12)) {
    const percent = Math.round((100 * present) / total);
    const absent = criteria
      .filter((_, i) => weights[i] > 0 && readers[i](values[i]) === null)
      .map((c) => c.name);
    notAvailable(
      `Only ${percent}% of the weight has data (missing: ${absent.join(", ")}); at least half is needed`,
    );
  }
  return Math.min(100, Math.max(0, sum / present));
}

function allMissing(values: readonly unknown[], from: number): boolean {
  for (let i = from; i < values.length; i++)
    if (!isMissing(values[i])) return false;
  return true;
}

/** Scores one partner, with each value on 0-100; null when every value is missing. */
export function scorePartner(
  values: readonly unknown[],
  model: CriteriaModel,
  weights: readonly number[],
  missing: MissingPolicy,
): PartnerScore | null {
  const normalized = new Array<number | null>(model.criteria.length);
  const score = weightedScore(values, model, weights, missing, normalized);
  if (score === null) return null;
  // Summed in the order weightedScore summed it, so the parts add up to the same score.
  let presentWeight = 0;
  for (let i = 0; i < normalized.length; i++)
    if (normalized[i] !== null) presentWeight += weights[i];
  return { score, normalized, presentWeight };
}

/** What each criterion contributed to a score; the points add up to the score. */
export function scoreParts(
  result: PartnerScore,
  model: CriteriaModel,
  weights: readonly number[],
): CriterionPoints[] {
  return model.criteria.map((criterion, i): CriterionPoints => {
    const value = result.normalized[i];
    const share = value === null ? 0 : weights[i] / result.presentWeight;
    return {
      criterion,
      normalized: value,
      share,
      points: share * (value ?? 0),
    };
  });
}
