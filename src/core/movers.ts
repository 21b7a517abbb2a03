/**
 * Who moved between two scorings of the partner list: each partner, matched by name (trimmed,
 * any case), is up, down, same, new (only in the later list) or gone (only in the earlier
 * one), with its score change. The pane compares the last snapshot of the History table with
 * the model now, or with the what-if being edited.
 */

/** One partner's place in one scoring. */
export interface Standing {
  partner: string;
  score: number;
  tier: string;
}

export type Movement = "up" | "down" | "same" | "new" | "gone";

export interface Move {
  partner: string;
  movement: Movement;
  before: Standing | null;
  after: Standing | null;
  /** after.score - before.score; null for a new or gone partner. */
  scoreChange: number | null;
}

export type Movers = Record<Movement, Move[]>;

/** The key partners are matched by: a name's trimmed, lower-case text. */
export function partnerKey(name: string): string {
  return name.trim().toLowerCase();
}

function byKey(
  list: readonly Standing[],
  which: string,
): Map<string, Standing> {
  const map = new Map<string, Standing>();
  for (const standing of list) {
    const key = partnerKey(standing.partner);
    // Callers leave out unnamed and repeated partners first (see namedOnce): this is a bug.
    if (key === "" || map.has(key))
      throw new Error(
        `The ${which} list names the partner "${standing.partner}" more than once, or not at all`,
      );
    map.set(key, standing);
  }
  return map;
}

/**
 * Which way a partner moved. `tierOrder` lists tier names highest first (any case). When both
 * tiers are in it, their ranks decide; the same tier name is always "same"; a tier that is no
 * longer in the order (renamed or removed since) cannot be ranked, so the score decides.
 */
function movementOf(
  before: Standing,
  after: Standing,
  rank: Map<string, number>,
): Movement {
  const was = before.tier.trim().toLowerCase();
  const now = after.tier.trim().toLowerCase();
  if (was === now) return "same";
  const wasRank = rank.get(was);
  const nowRank = rank.get(now);
  const step =
    wasRank !== undefined && nowRank !== undefined
      ? wasRank - nowRank
      : after.score - before.score;
  return step > 0 ? "up" : step < 0 ? "down" : "same";
}

/**
 * Compares two scorings. Every partner of either list is in exactly one group; the groups
 * keep the later list's order, then the gone partners in the earlier list's order. Each list
 * must name each partner once (see namedOnce).
 */
export function compareStandings(
  before: readonly Standing[],
  after: readonly Standing[],
  tierOrder: readonly string[],
): Movers {
  const rank = new Map(
    tierOrder.map((name, i) => [name.trim().toLowerCase(), i] as const),
  );
  const earlier = byKey(before, "earlier");
  const later = byKey(after, "later");
  const movers: Movers = { up: [], down: [], same: [], new: [], gone: [] };
  for (const [key, now] of later) {
    const was = earlier.get(key);
    if (!was) {
      movers.new.push({
        partner: now.partner,
        movement: "new",
        before: null,
        after: now,
        scoreChange: null,
      });
      continue;
    }
    const movement = movementOf(was, now, rank);
    movers[movement].push({
      partner: now.partner,
      movement,
      before: was,
      after: now,
      scoreChange: now.score - was.score,
    });
  }
  for (const [key, was] of earlier) {
    if (later.has(key)) continue;
    movers.gone.push({
      partner: was.partner,
      movement: "gone",
      before: was,
      after: null,
      scoreChange: null,
    });
  }
  return movers;
}

/** Partners left out of a scoring because they cannot be told apart. */
export interface LeftOut {
  /** Data rows (0-based) whose partner has no name. */
  unnamed: number[];
  /** Names given to more than one row (as first written), with those rows. */
  repeated: { partner: string; rows: number[] }[];
}

/**
 * Splits a partner list into the partners named exactly once, and the rest: rows without a
 * name, and every row of a name that appears twice or more (which of them is the partner
 * cannot be guessed, so none is kept). `nameOf` gives a row's name ("" for none).
 */
export function namedOnce<T>(
  rows: readonly T[],
  nameOf: (row: T) => string,
): { kept: { row: number; item: T }[]; leftOut: LeftOut } {
  const rowsOf = new Map<string, number[]>();
  const unnamed: number[] = [];
  rows.forEach((item, row) => {
    const key = partnerKey(nameOf(item));
    if (key === "") return void unnamed.push(row);
    rowsOf.set(key, [...(rowsOf.get(key) ?? []), row]);
  });
  const kept: { row: number; item: T }[] = [];
  const repeated: LeftOut["repeated"] = [];
  for (const indexes of rowsOf.values()) {
    if (indexes.length === 1) continue;
    repeated.push({ partner: nameOf(rows[indexes[0]]).trim(), rows: indexes });
  }
  rows.forEach((item, row) => {
    const indexes = rowsOf.get(partnerKey(nameOf(item)));
    if (indexes?.length === 1) kept.push({ row, item });
  });
  return { kept, leftOut: { unnamed, repeated } };
}
