/**
 * The weighted score of one partner: each value normalised to 0-100, weighted by the
 * profile's weights relative to their sum, missing values handled by the chosen policy.
 */
import { isMissing } from "./cell";
import { invalid, notAvailable } from "./errors";
import { DEFAULT_PROFILE, type CriteriaModel, type Criterion } from "./model";
import { normalize } from "./normalize";

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
 * Scores one partner. Returns null when every value is missing (a row past the end of the
 * list), so that a formula over a whole column stays clean. This is the hot path of a
 * spilling PARTNERSCORE over thousands of rows: it builds no per-criterion objects.
 */
export function scorePartner(
  values: readonly unknown[],
  model: CriteriaModel,
  weights: readonly number[],
  missing: MissingPolicy,
): PartnerScore | null {
  const { criteria } = model;
  if (values.length !== criteria.length) {
    invalid(
      `${values.length} values for ${criteria.length} criteria: give one value per criterion, in the table's order`,
    );
  }
  if (values.every(isMissing)) return null;
  let total = 0;
  let present = 0;
  let sum = 0;
  const normalized: (number | null)[] = new Array<number | null>(
    criteria.length,
  );
  for (let i = 0; i < criteria.length; i++) {
    const value = normalize(criteria[i], values[i]);
    const weight = weights[i];
    total += weight;
    normalized[i] = value;
    if (value === null && weight > 0) {
      if (missing === "error") notAvailable(`${criteria[i].name} is missing`);
      if (missing === "skip") continue;
      normalized[i] = 0;
    }
    present += weight;
    sum += weight * (normalized[i] ?? 0);
  }
  // The tolerance keeps exactly half (30 + 20 of 100) from failing on rounding of the relative weights.
  if (present < (total / 2) * (1 - 1e-12)) {
    const percent = Math.round((100 * present) / total);
    const absent = criteria
      .filter((_, i) => normalized[i] === null && weights[i] > 0)
      .map((c) => c.name);
    notAvailable(
      `Only ${percent}% of the weight has data (missing: ${absent.join(", ")}); at least half is needed`,
    );
  }
  return {
    score: Math.min(100, Math.max(0, sum / present)),
    normalized,
    presentWeight: present,
  };
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
