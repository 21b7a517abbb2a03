/**
 * The weighted score of one partner: each value normalised to 0-100, weighted by the
 * profile's weights relative to their sum, missing values handled by the chosen policy.
 */
import { CellError, invalid, valueOrThrow } from "./errors";
import { DEFAULT_PROFILE, type CriteriaModel, type Criterion } from "./model";
import { criteriaReader, type CriteriaReader } from "./normalize";
import { excelRound15, scoreOf } from "./precision";

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
 * Partners' values on 0-100, read once into a typed matrix (one row per partner, NaN where a
 * value is missing), to be scored under any weights: a spilling PARTNERSCORE reads thousands
 * of rows in one pass each and allocates nothing per cell. A cell that normalize rejects is
 * kept as its row's error and thrown when that row is scored, at the point where reading and
 * scoring cell by cell would have thrown it, so every policy gives the same result and error.
 */
export class NormalizedRows {
  /** Row-major values, one per criterion; NaN for a missing value. */
  private readonly values: Float64Array;
  /** Per row, the index of the first cell that could not be read, or -1. */
  private readonly errorAt: Int32Array;
  private readonly errors = new Map<number, CellError>();
  /**
   * #N/A errors already made, per profile's weights and pattern (see `tooLittleData`). Keyed
   * weakly by the weights: the pane scores one matrix under new weights at every step.
   */
  private readonly tooLittleDataErrors = new WeakMap<
    readonly number[],
    Map<number, CellError>
  >();
  private readonly reader: CriteriaReader;
  private readonly width: number;

  constructor(
    readonly model: CriteriaModel,
    rowCount: number,
  ) {
    this.width = model.criteria.length;
    this.values = new Float64Array(rowCount * this.width);
    this.errorAt = new Int32Array(rowCount).fill(-1);
    this.reader = criteriaReader(model.criteria);
  }

  /** Reads one partner's cells, one per criterion in the table's order, into row `row`. */
  read(row: number, cells: readonly unknown[]): void {
    const { width, reader } = this;
    this.errorAt[row] = -1;
    if (cells.length !== width) {
      const message = `${cells.length} values for ${width} criteria: give one value per criterion, in the table's order`;
      return this.fail(row, 0, new CellError("value", message));
    }
    const rejected = reader.readRow(cells, this.values, row * width);
    if (rejected) this.fail(row, rejected.at, rejected.error);
  }

  /**
   * One partner's score straight from its cells, what read(row) then outcome(row) give: the
   * rows CriteriaReader.scoreRow decides in one pass (most of a spill's), any other read into
   * row `row` and scored there, for its blank or its error (returned, see `outcome`). Row
   * `row` is scratch space: it holds the partner's values only when they took the second way.
   */
  scoreCells(
    row: number,
    cells: readonly unknown[],
    weights: readonly number[],
    missing: MissingPolicy,
  ): number | null | CellError {
    const score = this.reader.scoreRow(cells, weights, missing);
    if (score === score) return score; // not NaN: decided in one pass
    this.read(row, cells);
    return this.outcome(row, weights, missing);
  }

  /**
   * The score of row `row` under `weights` (relative, one per criterion), or null when every
   * value is missing (a row past the end of the list), so that a formula over a whole column
   * stays clean. `normalized`, when given, receives each value on 0-100 (null where left out).
   * Throws the row's CellError (a cell it could not read, too little data).
   */
  score(
    row: number,
    weights: readonly number[],
    missing: MissingPolicy,
    normalized?: (number | null)[],
  ): number | null {
    return valueOrThrow(this.outcome(row, weights, missing, normalized));
  }

  /**
   * What `score` gives, with the CellError it would throw returned instead. A spill over
   * partners with missing data has thousands of such rows, and a thrown error costs about
   * 1.3 microseconds, ten times a returned one (bench/README.md, "Sixteenth pass").
   */
  outcome(
    row: number,
    weights: readonly number[],
    missing: MissingPolicy,
    normalized?: (number | null)[],
  ): number | null | CellError {
    const { width, values } = this;
    const offset = row * width;
    const errorAt = this.errorAt[row];
    if (errorAt < 0 && width > 0) {
      // Most rows have every value: summed as the loop below sums them, in the same order
      // (so the same score to the last bit), without its checks for missing values; the
      // first missing value sends the row to that loop.
      let present = 0;
      let sum = 0;
      let i = 0;
      for (; i < width; i++) {
        const value = values[offset + i];
        if (value !== value) break; // NaN: missing
        const weight = weights[i];
        present += weight;
        sum += weight * value;
      }
      if (i === width && present > 0 && !normalized)
        return scoreOf(sum, present);
    }
    let total = 0;
    let present = 0;
    let sum = 0;
    let found = false;
    for (let i = 0; i < width; i++) {
      if (i === errorAt) return this.errors.get(row) as CellError;
      const weight = weights[i];
      total += weight;
      let value = values[offset + i];
      const isMissing = value !== value; // NaN
      if (!isMissing) found = true;
      else if (weight > 0) {
        if (missing === "skip") {
          if (normalized) normalized[i] = null;
          continue;
        }
        if (missing === "error") {
          // A row with no values at all is a row past the end of the list, not an error.
          if (!found && errorAt < 0 && this.noneFrom(offset, i + 1))
            return null;
          return new CellError(
            "na",
            `${this.model.criteria[i].name} is missing`,
          );
        }
        value = 0;
      }
      if (normalized) normalized[i] = value !== value ? null : value;
      present += weight;
      sum += value !== value ? 0 : weight * value;
    }
    // A read error with no criteria at all (errors has the row whenever errorAt is set).
    if (errorAt >= 0) return this.errors.get(row) as CellError;
    if (!found) return null;
    // The tolerance keeps exactly half (30 + 20 of 100) from failing on rounding of the relative weights.
    if (present < (total / 2) * (1 - 1e-12))
      return this.tooLittleData(offset, weights, present, total);
    return scoreOf(sum, present);
  }

  /**
   * The #N/A of a row with less than half the weight present. Its message is decided by which
   * weighted criteria are missing, so it is made once per such pattern and profile: a spill
   * over partners whose data comes from an export that left columns out meets the same few
   * patterns thousands of times, and making the text each time cost more than scoring the row.
   */
  private tooLittleData(
    offset: number,
    weights: readonly number[],
    present: number,
    total: number,
  ): CellError {
    const { width, values } = this;
    // A bit per missing weighted criterion, up to 30 criteria; beyond, -1: made per row.
    let pattern = width > 30 ? -1 : 0;
    for (let i = 0; i < width && pattern >= 0; i++)
      if (weights[i] > 0 && values[offset + i] !== values[offset + i])
        pattern |= 1 << i;
    let known = this.tooLittleDataErrors.get(weights);
    if (!known) this.tooLittleDataErrors.set(weights, (known = new Map()));
    let error = known.get(pattern);
    if (!error) {
      const percent = Math.round((100 * present) / total);
      const absent = this.model.criteria
        .filter((_, i) => weights[i] > 0 && Number.isNaN(values[offset + i]))
        .map((c) => c.name);
      error = new CellError(
        "na",
        `Only ${percent}% of the weight has data (missing: ${absent.join(", ")}); at least half is needed`,
      );
      if (pattern >= 0) known.set(pattern, error);
    }
    return error;
  }

  private fail(row: number, at: number, error: CellError): void {
    this.errorAt[row] = at;
    this.errors.set(row, error);
  }

  /** Whether every value of the row from `from` on is missing. */
  private noneFrom(offset: number, from: number): boolean {
    for (let i = from; i < this.width; i++)
      if (!Number.isNaN(this.values[offset + i])) return false;
    return true;
  }
}

/** The score of one partner (see NormalizedRows.score), or null when every value is missing. */
export function weightedScore(
  values: readonly unknown[],
  model: CriteriaModel,
  weights: readonly number[],
  missing: MissingPolicy,
  normalized?: (number | null)[],
): number | null {
  const rows = new NormalizedRows(model, 1);
  rows.read(0, values);
  return rows.score(0, weights, missing, normalized);
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
      // As Excel keeps it, like the score: the points' SUM then compares equal to the score.
      points: excelRound15(share * (value ?? 0)),
    };
  });
}
