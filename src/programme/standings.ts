/**
 * The partner list as the History table and the movers see it: each partner's name as
 * written in the Partners table (never the pane's "row 7" stand-in), score and tier name.
 * Partners without a name or with a name used twice cannot be followed over time, and
 * partners the model cannot score have no score to record: each is listed, none guessed.
 */
import {
  cellText,
  namedOnce,
  rankTiers,
  type LeftOut,
  type Standing,
} from "../core";
import type { TableData } from "../workbook/store";
import { nameColumn, type Scoring } from "./whatIf";

export interface Standings {
  /** Every partner named once, scored or not, in the Partners table's order. */
  named: string[];
  /** Partners named once and scored, in the Partners table's order. */
  standings: Standing[];
  /** Rows are Partners data rows (0-based). */
  leftOut: LeftOut;
  /** Partners named once that the model does not score, with the reason. */
  unscored: { partner: string; message: string }[];
  /** Tier names of the model, highest first. */
  tierOrder: string[];
}

/** The name a Partners row gives its partner, "" for none. */
export function partnerName(partners: TableData, row: number): string {
  return cellText(partners.rows[row]?.[nameColumn(partners)]) ?? "";
}

export function standingsOf(partners: TableData, scoring: Scoring): Standings {
  const { kept, leftOut } = namedOnce(scoring.results, (result) =>
    partnerName(partners, result.row),
  );
  const rowOf = (index: number) => scoring.results[index].row;
  const standings: Standing[] = [];
  const unscored: Standings["unscored"] = [];
  for (const { item } of kept) {
    const partner = partnerName(partners, item.row);
    if (item.tier === null || item.score === null)
      unscored.push({ partner, message: item.error ?? "not scored" });
    else
      standings.push({
        partner,
        score: item.score,
        tier: scoring.tiers[item.tier].name,
      });
  }
  return {
    named: kept.map(({ item }) => partnerName(partners, item.row)),
    standings,
    leftOut: {
      unnamed: leftOut.unnamed.map(rowOf),
      repeated: leftOut.repeated.map((r) => ({
        partner: r.partner,
        rows: r.rows.map(rowOf),
      })),
    },
    unscored,
    tierOrder: rankTiers(scoring.tiers).map((t) => t.name),
  };
}
