/**
 * The values export of one partner carries its chart (issue 24) where the store draws charts:
 * the partner's points per perspective against its tier's average and the next tier
 * (src/programme/valuesExportChart.ts), from the model the workbook holds.
 */
import {
  partnerPointsOf,
  withPartnerChart,
} from "../../programme/valuesExportChart";
import { scenarioOf } from "../../programme/whatIf";
import {
  isChartStore,
  type ScorecardStore,
  type SharingStore,
  type ValuesSheet,
  type WorkbookScorecard,
} from "../../workbook/store";

/**
 * `sheet`, the export of `partner` (null: of every partner), with that partner's chart; as it
 * is for every partner, a store that draws no charts, or a partner the model cannot score.
 */
export function withExportChart(
  sheet: ValuesSheet,
  partner: string | null,
  store: SharingStore,
  loaded: WorkbookScorecard,
): ValuesSheet {
  const { criteria, tiers, partners } = loaded;
  if (
    partner === null ||
    !isChartStore(store as SharingStore & ScorecardStore) ||
    !criteria ||
    !tiers ||
    !partners
  )
    return sheet;
  const scenario = scenarioOf(criteria, tiers);
  const points = scenario && partnerPointsOf(partners, scenario, partner);
  return points ? withPartnerChart(sheet, points) : sheet;
}
