/**
 * Calibrating the tiers (issue 21 item 3): given the share of partners each tier should hold,
 * propose each tier's Min score from the partners' current scores, their requirements
 * respected, and say how the programme stands against those shares. Pure: no Office, no DOM.
 */

/** One scored partner: its score, and per ranked tier (highest first) whether it meets that tier's Requires. */
export interface CalibrationPartner {
  name: string;
  score: number;
  meets: readonly boolean[];
}

/** A tier from the highest down: its name and the share of partners it should hold (0-1). */
export interface TierTarget {
  name: string;
  /** The lowest tier takes the rest: its share is ignored and its Min score kept. */
  share: number;
}

/**
 * Min scores are proposed to one decimal, as a manager would type them; a partner whose score
 * rounds down to a tier's Min score is tied with it (see `tiedWith`).
 */
export const CALIBRATION_STEP = 0.1;

/** The Min score a partner with this score would set: its score rounded down to the step. */
export function thresholdFor(score: number): number {
  const steps = Math.floor(score / CALIBRATION_STEP + 1e-9);
  const min = Math.round(steps) / 10;
  return min > score ? Math.round(steps - 1) / 10 : min;
}

/** Whether a partner is tied with a Min score: its score sets that very Min score. */
export function tiedWith(score: number, minScore: number): boolean {
  return thresholdFor(score) === minScore;
}

/** How many partners a tier may hold: its share of the scored partners, rounded down. */
export function quotaOf(share: number, partners: number): number {
  return Math.floor(share * partners + 1e-9);
}

/** Each partner's tier index under the Min scores (ranked, highest first), its requirements respected; -1 for none. */
export function placePartners(
  partners: readonly CalibrationPartner[],
  minScores: readonly number[],
): number[] {
  return partners.map((p) =>
    minScores.findIndex((min, k) => p.score >= min && p.meets[k] !== false),
  );
}

/**
 * The Min score of each tier (highest first) that puts at most its share of the partners in
 * it, or, where partners score alike at the boundary, those ties too: from the top down, each
 * tier takes the lowest Min score that keeps it within its quota among the partners the tiers
 * above left and whose requirements it meets. A partner who misses a tier's requirements
 * falls to the next, as the functions place it. Min scores fall strictly from tier to tier;
 * the lowest tier keeps `lowestMin` (everyone else lands there).
 */
export function calibrate(
  partners: readonly CalibrationPartner[],
  targets: readonly TierTarget[],
  lowestMin: number,
): number[] {
  const n = partners.length;
  const lowest = targets.length - 1;
  const placed = new Array<boolean>(n).fill(false);
  const mins: number[] = [];
  let ceiling = Infinity; // each Min score below the one above
  for (let k = 0; k < lowest; k++) {
    // Room for one step per tier between this one and the lowest, and up to 100 above.
    const floor = round1(lowestMin + CALIBRATION_STEP * (lowest - k));
    const roof = round1(
      Math.min(ceiling - CALIBRATION_STEP, 100 - CALIBRATION_STEP * k),
    );
    const quota = quotaOf(targets[k].share, n);
    const eligible = partners
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !placed[i] && p.meets[k] !== false)
      .sort((a, b) => b.p.score - a.p.score);
    // Candidates from the highest score down; the count at a candidate is every eligible
    // partner scoring at or above it.
    let chosen: number | null = null;
    for (const { p } of eligible) {
      const min = thresholdFor(p.score);
      if (min > roof) continue;
      if (min < floor) break;
      const count = eligible.filter((e) => e.p.score >= min).length;
      if (count > quota) {
        // Over the quota: the first candidate is still taken when even it is over (partners
        // tied at the top), any later one is not.
        if (chosen === null && quota > 0) chosen = min;
        break;
      }
      chosen = min;
    }
    // No partner for this tier (a share of 0, or none eligible): just above the partners
    // left, so the tier stays empty, within the room the other tiers need.
    const top = eligible.find(({ p }) => thresholdFor(p.score) <= roof);
    const empty = top ? thresholdFor(top.p.score) + CALIBRATION_STEP : floor;
    const min = round1(chosen ?? Math.min(roof, Math.max(floor, empty)));
    mins.push(min);
    ceiling = min;
    for (const { p, i } of eligible) if (p.score >= min) placed[i] = true;
  }
  mins.push(Math.min(lowestMin, ceiling));
  return mins;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** How the programme stands: per tier its share against the target, and the partners to watch. */
export interface ProgrammeHealth {
  tiers: { name: string; count: number; share: number; target: number }[];
  /** Partners within `margin` points of a tier's Min score (a small weight change moves them). */
  nearBoundary: string[];
  /** Partners whose score reaches a higher tier than theirs, whose requirements they miss. */
  heldBack: string[];
}

export const BOUNDARY_MARGIN = 2;

export function programmeHealth(
  partners: readonly CalibrationPartner[],
  targets: readonly TierTarget[],
  minScores: readonly number[],
): ProgrammeHealth {
  const tierOf = placePartners(partners, minScores);
  const n = partners.length;
  const lowest = targets.length - 1;
  const shareLeft =
    1 - targets.slice(0, lowest).reduce((sum, t) => sum + t.share, 0);
  return {
    tiers: targets.map((t, k) => {
      const count = tierOf.filter((x) => x === k).length;
      return {
        name: t.name,
        count,
        share: n === 0 ? 0 : count / n,
        target: k === lowest ? Math.max(0, shareLeft) : t.share,
      };
    }),
    nearBoundary: partners
      .filter((p) =>
        minScores
          .slice(0, lowest)
          .some((min) => Math.abs(p.score - min) <= BOUNDARY_MARGIN),
      )
      .map((p) => p.name),
    heldBack: partners
      .filter((p, i) =>
        minScores.some(
          (min, k) =>
            (tierOf[i] < 0 || k < tierOf[i]) &&
            p.score >= min &&
            p.meets[k] === false,
        ),
      )
      .map((p) => p.name),
  };
}
