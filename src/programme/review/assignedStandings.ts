/**
 * The movers as a manager sees them (issue 22): where the Partners table holds an Assigned
 * tier, that is the partner's tier, not the computed one. At a snapshot's date a partner's
 * tier was its Assigned tier if that was approved on or before the date (Since); else the tier
 * of its last decision row in History up to that date (an undo's row holds the tier it went
 * back to); else, with no decision to go by, the tier the snapshot computed. Pure.
 */
import {
  partnerKey,
  type Decision,
  type Snapshot,
  type Standing,
} from "../../core";
import type { TableData } from "../../workbook/store";
import { partnerName } from "../standings";
import {
  assignedTierAt,
  cellDate,
  reviewColumnsAt,
  SINCE,
} from "./reviewColumns";

/** Each named partner's Assigned tier and Since, by partner key; none without the column. */
function assignedByPartner(partners: TableData) {
  const since = reviewColumnsAt(partners)[SINCE];
  const byPartner = new Map<string, { tier: string; since: number | null }>();
  partners.rows.forEach((cells, row) => {
    const tier = assignedTierAt(partners, row);
    if (tier !== null)
      byPartner.set(partnerKey(partnerName(partners, row)), {
        tier,
        since: cellDate(cells[since]),
      });
  });
  return byPartner;
}

/** `standings` (now) with each partner's Assigned tier where it has one. */
export function assignedNow(
  partners: TableData,
  standings: readonly Standing[],
): Standing[] {
  const assigned = assignedByPartner(partners);
  return standings.map((s) => ({
    ...s,
    tier: assigned.get(partnerKey(s.partner))?.tier ?? s.tier,
  }));
}

/** The snapshot's standings with each partner's assigned tier on the snapshot's date. */
export function assignedAt(
  partners: TableData,
  snapshot: Snapshot,
  decisions: readonly Decision[],
): Standing[] {
  const assigned = assignedByPartner(partners);
  return snapshot.standings.map((s) => {
    const key = partnerKey(s.partner);
    const now = assigned.get(key);
    if (now && now.since !== null && now.since <= snapshot.date)
      return { ...s, tier: now.tier };
    const decided = decisions.filter(
      (d) => d.date <= snapshot.date && partnerKey(d.partner) === key,
    );
    return { ...s, tier: decided[decided.length - 1]?.tier ?? s.tier };
  });
}
