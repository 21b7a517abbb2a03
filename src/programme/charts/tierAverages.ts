/**
 * Average points per perspective (or per criterion) of the partners in each tier: the series
 * of the partner card's picture (the partner against its tier) and of the Dashboard's
 * "average points per perspective per tier". Computed with the core that scores the
 * partners (the what-if's reading of the Partners table, the same weights, skip for missing
 * values), so an average is the mean of points the breakdown table shows. No DOM.
 */
import {
  CellError,
  catchCellError,
  excelRound15,
  rankTiers,
  relativeWeights,
  scoreParts,
  type CriteriaModel,
} from "../../core";
import type { TableData } from "../../workbook/store";
import {
  partnerColumns,
  profileForType,
  readPartnersOnce,
  scorePartners,
  type PartnerResult,
  type Scenario,
} from "../whatIf";

/** What the chart's categories are: the criteria's perspectives, or the criteria themselves. */
export type ChartBy = "perspective" | "criterion";

/** The name a criterion without a perspective is grouped under. */
export const NO_PERSPECTIVE = "(no perspective)";

export interface ChartCategories {
  names: string[];
  /** Per criterion (in the model's order), the index of its category in `names`. */
  of: number[];
}

/**
 * The categories of a chart: the perspectives in the order the criteria first name them
 * (ignoring case and surrounding spaces, as the user reads "Growth" and "growth " as one),
 * or one per criterion.
 */
export function chartCategories(
  model: CriteriaModel,
  by: ChartBy,
): ChartCategories {
  if (by === "criterion")
    return {
      names: model.criteria.map((c) => c.name),
      of: model.criteria.map((_, i) => i),
    };
  const names: string[] = [];
  const keys: string[] = [];
  const of = model.criteria.map((c) => {
    const name = c.perspective.trim() || NO_PERSPECTIVE;
    const key = name.toLowerCase();
    let at = keys.indexOf(key);
    if (at < 0) {
      at = keys.push(key) - 1;
      names.push(name);
    }
    return at;
  });
  return { names, of };
}

/** Per-criterion points summed into categories, each sum as Excel keeps it (precision.ts). */
export function pointsByCategory(
  points: readonly number[],
  categories: ChartCategories,
): number[] {
  const sums = categories.names.map(() => 0);
  points.forEach((p, i) => (sums[categories.of[i]] += p));
  return sums.map(excelRound15);
}

export interface TierAverage {
  tier: string;
  minScore: number;
  /** The partners in the tier counted (scored, and of the profile asked for). */
  partners: number;
  /** Average points per category; null when the tier holds none of those partners. */
  average: number[] | null;
}

export interface TierAverages {
  by: ChartBy;
  categories: string[];
  /** One per tier of the scenario, highest Min score first. */
  tiers: TierAverage[];
  /** Every partner counted, whatever its tier. */
  overall: { partners: number; average: number[] | null };
}

export interface TierAverageOptions {
  /** Perspectives (the default) or criteria. */
  by?: ChartBy;
  /** Count only the partners this profile scores (by their Type); all partners when left out. */
  profile?: string;
  /** The partners already scored under `scenario` (scorePartners), to save scoring them again. */
  scored?: readonly PartnerResult[];
}

/**
 * Average points per perspective of the scored partners in each tier under `scenario`
 * (a partner that cannot be scored is in no tier and counts nowhere). A partner's points are
 * its breakdown's (PRM.SCOREBREAKDOWN's): share of the weight that counted x value on 0-100,
 * so they add up to its score and the averages add up to the tier's average score.
 */
export function perspectiveAveragesByTier(
  partners: TableData,
  scenario: Scenario,
  options: TierAverageOptions = {},
): TierAverages {
  const { model, tiers } = scenario;
  const by = options.by ?? "perspective";
  const categories = chartCategories(model, by);
  const width = categories.names.length;
  const sums = tiers.map(() => new Array<number>(width).fill(0));
  const counts = tiers.map(() => 0);
  const read = readPartnersOnce(
    partners,
    model,
    partnerColumns(partners, scenario.columns),
  );
  const scored = options.scored ?? scorePartners(partners, scenario);
  const profiles = new Map<unknown, string | null>();
  const weights = new Map<string, number[] | CellError>();
  const normalized = new Array<number | null>(model.criteria.length);
  scored.forEach((result, k) => {
    if (result.tier === null) return;
    const type = read.types[k];
    if (!profiles.has(type)) profiles.set(type, profileForType(model, type));
    const profile = profiles.get(type) ?? null;
    if (profile === null) return; // an unknown type is never scored; kept out all the same
    if (options.profile !== undefined && profile !== options.profile) return;
    if (!weights.has(profile))
      weights.set(
        profile,
        catchCellError(() => relativeWeights(model, profile)),
      );
    const w = weights.get(profile);
    if (!w || w instanceof CellError) return;
    // The values the score used, with the skipped ones left out: what scorePartner reads.
    read.normalized.score(result.row, w, "skip", normalized);
    let presentWeight = 0;
    normalized.forEach((v, i) => {
      if (v !== null) presentWeight += w[i];
    });
    const parts = scoreParts(
      { score: result.score ?? 0, normalized, presentWeight },
      model,
      w,
    );
    const tierSums = sums[result.tier];
    parts.forEach((p, i) => (tierSums[categories.of[i]] += p.points));
    counts[result.tier]++;
  });
  const mean = (total: readonly number[], n: number) =>
    n === 0 ? null : total.map((x) => excelRound15(x / n));
  const everyone = new Array<number>(width).fill(0);
  sums.forEach((s) => s.forEach((x, c) => (everyone[c] += x)));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    by,
    categories: categories.names,
    tiers: rankTiers(tiers).map((tier) => {
      const t = tiers.indexOf(tier);
      return {
        tier: tier.name,
        minScore: tier.minScore,
        partners: counts[t],
        average: mean(sums[t], counts[t]),
      };
    }),
    overall: { partners: total, average: mean(everyone, total) },
  };
}
