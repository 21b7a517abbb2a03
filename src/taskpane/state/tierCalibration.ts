/**
 * The Calibrate form's link between the pane and src/programme/calibration: the partners of
 * the Partners table as calibration reads them (each score under a scenario, and whether it
 * meets each tier's Requires), and the proposal written into the draft's Tiers. No DOM.
 */
import {
  TIER_HEADERS,
  rankTiers,
  unmetRequirements,
  catchCellError,
  type Tier,
} from "../../core";
import {
  calibrate,
  programmeHealth,
  type CalibrationPartner,
  type ProgrammeHealth,
  type TierTarget,
} from "../../programme/calibration";
import type { TableData } from "../../workbook/store";
import { setCell, textAt, type Draft } from "../../programme/draft";
import {
  partnerColumns,
  scorePartners,
  type Scenario,
} from "../../programme/whatIf";

/** The default target shares of the tiers from the top down (the lowest takes the rest). */
export const DEFAULT_SHARES = [10, 20, 40];

/** Every scored partner with its score and, per ranked tier, whether it meets the Requires. */
export function calibrationPartners(
  partners: TableData,
  scenario: Scenario,
): { ranked: readonly Tier[]; list: CalibrationPartner[] } {
  const ranked = rankTiers(scenario.tiers);
  const columns = partnerColumns(partners, scenario.columns);
  const list = scorePartners(partners, scenario).flatMap((r) => {
    if (r.score === null) return [];
    const values = columns.map((c) => (c < 0 ? null : partners.rows[r.row][c]));
    const meets = ranked.map((tier) => {
      const unmet = catchCellError(() =>
        unmetRequirements(tier, { model: scenario.model, values }),
      );
      return Array.isArray(unmet) && unmet.length === 0;
    });
    return [{ name: r.partner, score: r.score, meets }];
  });
  return { ranked, list };
}

/** The targets from percentages per ranked tier (the lowest tier's is ignored). */
export function targetsOf(
  ranked: readonly Tier[],
  percents: readonly number[],
): TierTarget[] {
  return ranked.map((t, k) => ({
    name: t.name,
    share: (percents[k] ?? 0) / 100,
  }));
}

/** The draft with each tier's Min score set to the calibration's proposal; what changed, in words. */
export function calibratedDraft(
  draft: Draft,
  partners: TableData,
  scenario: Scenario,
  percents: readonly number[],
): { draft: Draft; changes: string[] } {
  const { ranked, list } = calibrationPartners(partners, scenario);
  const mins = calibrate(
    list,
    targetsOf(ranked, percents),
    ranked.at(-1)?.minScore ?? 0,
  );
  let tiers = draft.tiers;
  const changes: string[] = [];
  ranked.forEach((tier, k) => {
    const row = tiers.rows.findIndex(
      (_, r) =>
        textAt(tiers, r, TIER_HEADERS.name).trim().toLowerCase() ===
        tier.name.toLowerCase(),
    );
    if (row < 0 || tier.minScore === mins[k]) return;
    tiers = setCell(tiers, row, TIER_HEADERS.minScore, mins[k]);
    changes.push(`${tier.name}: Min score ${tier.minScore} → ${mins[k]}`);
  });
  return { draft: { ...draft, tiers }, changes };
}

/** The programme's health under a scenario against the target percentages. */
export function healthOf(
  partners: TableData,
  scenario: Scenario,
  percents: readonly number[],
): ProgrammeHealth {
  const { ranked, list } = calibrationPartners(partners, scenario);
  return programmeHealth(
    list,
    targetsOf(ranked, percents),
    ranked.map((t) => t.minScore),
  );
}
