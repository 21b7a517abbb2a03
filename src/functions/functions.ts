/**
 * The PRM custom functions. The JSDoc here is what Excel shows in formula autocomplete and is
 * turned into functions.json by custom-functions-metadata-plugin. Each function only shapes
 * its arguments and calls the core; errors become Excel errors in ./excel.ts.
 * Parameters are typed `any`: Excel passes cells of any type, and the metadata generator
 * turns `any[][]` into a matrix parameter that accepts them all.
 */
import { ahpWeights } from "../core/ahp";
import { isErrorValue, showCell } from "../core/cell";
import { DEFAULT_WARN_DAYS, certStatus, readDate } from "../core/certification";
import { todaySerial } from "../core/dates";
import { invalid } from "../core/errors";
import { normalize as normalizeValue } from "../core/normalize";
import { formatCondition } from "../core/requires";
import { scoreParts, scorePartner, NormalizedRows } from "../core/score";
import { nextTier as findNextTier, tierFor } from "../core/tiers";
import {
  criteriaArgument,
  missingPolicy,
  optionalNumber,
  optionalText,
  partnerRows,
  perRow,
  weightsByProfile,
  rangeOf,
} from "./arguments";
import { callResult, cellResult, numberColumn } from "./excel";
import { tierReviewColumn } from "./tierReview";
import { tierRows } from "./tierRows";

/**
 * Scores partners 0-100: each value normalised by its criterion, weighted by the profile's weights. A range of several partner rows spills one score per row.
 * @customfunction PARTNERSCORE
 * @helpurl https://localhost:3000/help/functions.html#prmpartnerscore
 * @param {any[][]} values A partner's values, one per criterion in the Criteria table's order (e.g. C2:H2), or many partner rows (C2:H500).
 * @param {any[][]} criteria The criteria table with its header row, e.g. Criteria[#All]; or a row of weights for values already on 0-100.
 * @param {any[][]} [profile] Partner-type profile whose weights to use, e.g. "Influencer" for the Weight (Influencer) column; one cell, or one per partner row. Blank: the Weight column.
 * @param {any} [missing] What a blank value means: "skip" (default, re-weight the rest), "zero" (counts as 0 points) or "error".
 * @param {any[][]} [names] The values' header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]]: values are then matched to criteria by name, in any order; extra columns are ignored. Blank: by position.
 * @returns {any[][]} One score per partner row.
 */
export function partnerScore(
  values: any[][],
  criteria: any[][],
  profile?: any[][],
  missing?: any,
  names?: any[][],
): any[][] {
  return callResult(() => {
    const model = criteriaArgument(rangeOf(criteria));
    const policy = missingPolicy(missing);
    const rows = partnerRows(rangeOf(values), model, names);
    const profileOf = perRow(profile ?? null, rows.length, "profile");
    const weightsFor = weightsByProfile(model);
    // One pass per partner, scored with its profile's weights as its cells are read (no
    // matrix of the whole spill, nothing allocated per cell); one reused typed row for the
    // rows that need reading in full.
    const scratch = new NormalizedRows(model, 1);
    return numberColumn(rows.length, (i) =>
      scratch.scoreCells(
        0,
        rows.passingRow(i),
        weightsFor(profileOf(i)).weights,
        policy,
      ),
    );
  });
}

/**
 * Spills, per criterion: its name, the partner's normalised value (0-100), its share of the weight, and the points it adds; the points add up to PARTNERSCORE.
 * @customfunction SCOREBREAKDOWN
 * @helpurl https://localhost:3000/help/functions.html#prmscorebreakdown
 * @param {any[][]} values One partner's values, one per criterion (a row, or a column as tall as the criteria list).
 * @param {any[][]} criteria The criteria table with its header row, e.g. Criteria[#All].
 * @param {any} [profile] Partner-type profile, e.g. "Influencer". Blank: the Weight column.
 * @param {any} [missing] What a blank value means: "skip" (default), "zero" or "error".
 * @param {any[][]} [names] The values' header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]]: values are then matched to criteria by name, in any order; extra columns are ignored. Blank: by position.
 * @returns {any[][]} Criterion, normalised value, weight share, points.
 */
export function scoreBreakdown(
  values: any[][],
  criteria: any[][],
  profile?: any,
  missing?: any,
  names?: any[][],
): any[][] {
  return callResult(() => {
    const model = criteriaArgument(rangeOf(criteria));
    const rows = partnerRows(rangeOf(values), model, names);
    if (rows.length !== 1)
      invalid(
        `SCOREBREAKDOWN explains one partner at a time, not ${rows.length} rows`,
      );
    const { weights } = weightsByProfile(model)(profile);
    const result = scorePartner(
      rows.row(0),
      model,
      weights,
      missingPolicy(missing),
    );
    if (result === null) return model.criteria.map((c) => [c.name, "", 0, 0]);
    return scoreParts(result, model, weights).map((p) => [
      p.criterion.name,
      p.normalized ?? "",
      p.share,
      p.points,
    ]);
  });
}

/**
 * One value on the 0-100 scale of the named criterion (a range of values spills).
 * @customfunction NORMALIZE
 * @helpurl https://localhost:3000/help/functions.html#prmnormalize
 * @param {any[][]} value The raw value(s), e.g. revenue in currency or a rating label.
 * @param {any[][]} criteria The criteria table with its header row, e.g. Criteria[#All].
 * @param {any} criterion The criterion's name, as in the Criterion column.
 * @returns {any[][]} The value(s) on 0-100; blank for a missing value.
 */
export function normalize(
  value: any[][],
  criteria: any[][],
  criterion: any,
): any[][] {
  return callResult(() => {
    const model = criteriaArgument(rangeOf(criteria));
    const name =
      optionalText(criterion, "criterion") ??
      invalid("criterion must name a criterion of the table");
    const found = model.criteria.find(
      (c) => c.name.toLowerCase() === name.toLowerCase(),
    );
    if (!found)
      invalid(
        `No criterion is named "${name}"; the criteria are ${model.criteria.map((c) => c.name).join(", ")}`,
      );
    return rangeOf(value).map((row) =>
      row.map((cell) => cellResult(() => normalizeValue(found, cell) ?? "")),
    );
  });
}

/**
 * The partner's tier: the highest tier whose Min score the score reaches and, when values and criteria are given, whose Requires all hold. A column of scores spills.
 * @customfunction PARTNERTIER
 * @helpurl https://localhost:3000/help/functions.html#prmpartnertier
 * @param {any[][]} score A score from PARTNERSCORE, or a column of scores.
 * @param {any[][]} tiers The tiers table: Tiers (data rows: Tier, Min score, Requires) or Tiers[#All].
 * @param {any[][]} [values] The partner's values (one row per score), to check each tier's Requires.
 * @param {any[][]} [criteria] The criteria table with its header row, needed with values.
 * @param {any[][]} [names] The values' header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]]: values are then matched to criteria by name, in any order; extra columns are ignored. Blank: by position.
 * @returns {any[][]} The tier name for each score.
 */
export function partnerTier(
  score: any[][],
  tiers: any[][],
  values?: any[][],
  criteria?: any[][],
  names?: any[][],
): any[][] {
  return tierRows(
    [score, tiers, values, criteria, names],
    1,
    (s, partner, t) => [tierFor(t, s, partner).name],
  );
}

/**
 * What a partner needs to reach the next tier up: its name, the points still short of its Min score, and its unmet requirements. Blank for a partner in the top tier.
 * @customfunction NEXTTIER
 * @helpurl https://localhost:3000/help/functions.html#prmnexttier
 * @param {any[][]} score A score from PARTNERSCORE, or a column of scores.
 * @param {any[][]} tiers The tiers table: Tiers or Tiers[#All].
 * @param {any[][]} [values] The partner's values (one row per score), to check the next tier's Requires.
 * @param {any[][]} [criteria] The criteria table with its header row, needed with values.
 * @param {any[][]} [names] The values' header cells, e.g. Partners[[#Headers],[Revenue]:[Certification]]: values are then matched to criteria by name, in any order; extra columns are ignored. Blank: by position.
 * @returns {any[][]} Per partner: next tier, points short, unmet requirements.
 */
export function nextTier(
  score: any[][],
  tiers: any[][],
  values?: any[][],
  criteria?: any[][],
  names?: any[][],
): any[][] {
  return tierRows(
    [score, tiers, values, criteria, names],
    3,
    (s, partner, t) => {
      const next = findNextTier(t, s, partner);
      return next === null
        ? ["", 0, ""]
        : [
            next.tier.name,
            next.short,
            next.unmet.map(formatCondition).join("; "),
          ];
    },
  );
}

/**
 * A certification's status: Active, Expiring (within warndays), Expired, or None when there is no expiry date. A range of dates spills.
 * @customfunction CERTSTATUS
 * @helpurl https://localhost:3000/help/functions.html#prmcertstatus
 * @param {any[][]} expiry The expiry date(s).
 * @param {any} [asof] The day to judge on, e.g. an evaluation date cell. Blank: today when the cell calculates; write TODAY() to follow the calendar.
 * @param {any} [warndays] How many days before expiry a certification counts as Expiring. Blank: 60.
 * @returns {any[][]} Active, Expiring, Expired or None for each date.
 */
export function certificationStatus(
  expiry: any[][],
  asof?: any,
  warndays?: any,
): any[][] {
  return callResult(() => {
    // An error where the day should be is not today: only a blank asof means today.
    if (isErrorValue(asof))
      invalid(`asof must be a date, not ${showCell(asof)}`);
    const day = readDate(asof, "asof") ?? todaySerial();
    const warn = optionalNumber(warndays, "warndays", DEFAULT_WARN_DAYS);
    if (warn < 0) invalid(`warndays must not be negative, not ${warn}`);
    return rangeOf(expiry).map((row) =>
      row.map((cell) =>
        cellResult(() => certStatus(readDate(cell, "expiry"), day, warn)),
      ),
    );
  });
}

/**
 * A partner's tier review status: Keep, Assign Gold, Promote to Gold, Demote to Silver (due now), Demote to Silver on <date> (grace running), Override until <date>. A column of partners spills.
 * @customfunction TIERREVIEW
 * @helpurl https://localhost:3000/help/functions.html#prmtierreview
 * @param {any[][]} tier The tier the formula gives now, e.g. [@Tier]; or a column of them.
 * @param {any[][]} assigned The tier a manager approved, e.g. [@[Assigned tier]]; blank: not assigned yet. One per tier row.
 * @param {any[][]} tiers The tiers table: Tiers[#All] (its Grace days column gives each tier's grace before a demotion).
 * @param {any[][]} [overrideuntil] The end date of an override, e.g. [@[Override until]]: before it nothing is proposed. One cell or one per row.
 * @param {any} [asof] The day to review on, e.g. Evaluation[Evaluation date]. Blank: today when the cell calculates.
 * @param {any[][]} [history] The tier history with its header row, History[#All]: how long a partner has stood below its assigned tier. Blank: the grace starts on asof.
 * @param {any[][]} [partner] The partners' names, e.g. [@Partner], to find them in the history. One per row.
 * @param {any[][]} [since] When the assigned tier was approved, e.g. [@Since]: standing below it before then does not count. One cell or one per row.
 * @returns {any[][]} The review status of each partner row.
 */
export function tierReview(
  tier: any[][],
  assigned: any[][],
  tiers: any[][],
  overrideuntil?: any[][],
  asof?: any,
  history?: any[][],
  partner?: any[][],
  since?: any[][],
): any[][] {
  return callResult(() =>
    tierReviewColumn(
      tier,
      assigned,
      tiers,
      overrideuntil,
      asof,
      history,
      partner,
      since,
    ),
  );
}

/**
 * Criteria weights from a square pairwise-comparison matrix (AHP): spills the weights (summing to 1), then the consistency ratio (revisit judgements above 0.1).
 * @customfunction AHPWEIGHTS
 * @helpurl https://localhost:3000/help/functions.html#prmahpweights
 * @param {any[][]} pairwise Square matrix: row i, column j says how much more important criterion i is than j (1-9, or 1/3 for less). Blank cells take the reciprocal of their mirror.
 * @returns {any[][]} The weights, one per row, then the consistency ratio.
 */
export function ahp(pairwise: any[][]): any[][] {
  return callResult(() => {
    const { weights, consistencyRatio } = ahpWeights(rangeOf(pairwise));
    return [...weights.map((w) => [w]), [consistencyRatio]];
  });
}
