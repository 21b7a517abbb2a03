/**
 * Certification upkeep: which partners' certifications expire before a chosen day, and the
 * tier each would fall to then, so a channel manager can chase renewals ahead of time. No DOM.
 *
 * What it relies on (the sample's layout, and what the README asks of a workbook): the
 * certification criterion is a rating criterion whose Scale has an `Expired` label (as
 * PRM.CERTSTATUS writes it), and the Partners table has a column whose header contains
 * "expir" (e.g. Cert expiry) holding each partner's expiry date. On the chosen day the
 * criterion's value is what PRM.CERTSTATUS would say then; every other value stays.
 */
import {
  DEFAULT_WARN_DAYS,
  catchCellError,
  certStatus,
  headerKey,
  pointsOf,
  readDate,
} from "../core";
import type { TableData } from "../workbook/store";
import {
  partnerColumns,
  scorePartners,
  type PartnerResult,
  type Scenario,
} from "./whatIf";

export interface Lapse {
  /** Row among the Partners data rows (0-based). */
  row: number;
  partner: string;
  /** The expiry date, an Excel serial day. */
  expiry: number;
  /** Whether it has expired already (before today). */
  expired: boolean;
  tierNow: string | null;
  tierThen: string | null;
  /** Whether the tier on the chosen day is lower than now (or the partner is no longer scored). */
  falls: boolean;
}

export type Upkeep =
  | { kind: "unavailable"; reason: string }
  | { kind: "lapses"; criterion: string; lapses: Lapse[] };

/** The index of the certification criterion: a rating whose Scale knows `Expired`. */
export function certificationCriterion(scenario: Scenario): number {
  return scenario.model.criteria.findIndex(
    (c) => c.method === "rating" && pointsOf(c.scale, "Expired") !== undefined,
  );
}

/** The Partners column of expiry dates: the first whose header contains "expir". */
export function expiryColumn(partners: TableData): number {
  return partners.header.findIndex((h) => headerKey(h).includes("expir"));
}

function dateIn(cell: unknown): number | null {
  const day = catchCellError(() => readDate(cell, "expiry"));
  return typeof day === "number" ? day : null;
}

/**
 * The partners whose certification expires before `asOf` (the expiry day itself is still
 * valid, as PRM.CERTSTATUS counts it), soonest first, with their tier now and on `asOf`.
 */
export function lapsesBefore(
  partners: TableData,
  scenario: Scenario,
  asOf: number,
  today: number,
): Upkeep {
  const criterion = certificationCriterion(scenario);
  if (criterion < 0)
    return {
      kind: "unavailable",
      reason:
        "No certification criterion: add a rating criterion whose Scale has an Expired label, e.g. Active=100; Expiring=100; Expired=0; None=0, fed by PRM.CERTSTATUS.",
    };
  const name = scenario.model.criteria[criterion].name;
  const statusColumn = partnerColumns(partners, scenario.columns)[criterion];
  const expiryAt = expiryColumn(partners);
  if (statusColumn < 0 || expiryAt < 0)
    return {
      kind: "unavailable",
      reason: `The Partners table needs a ${name} column and a column of expiry dates (a header with "expiry", e.g. Cert expiry).`,
    };
  const expiries = partners.rows.map((row) => dateIn(row[expiryAt]));
  const then: TableData = {
    header: partners.header,
    rows: partners.rows.map((row, r) => {
      const expiry = expiries[r];
      if (expiry === null || expiry >= asOf) return row;
      const copy = [...row];
      copy[statusColumn] = certStatus(expiry, asOf, DEFAULT_WARN_DAYS);
      return copy;
    }),
  };
  const byRow = (results: PartnerResult[]) =>
    new Map(results.map((p) => [p.row, p]));
  const now = byRow(scorePartners(partners, scenario));
  const later = byRow(scorePartners(then, scenario));
  const tierName = (p: PartnerResult | undefined) =>
    p?.tier == null ? null : scenario.tiers[p.tier].name;
  const lapses = expiries.flatMap((expiry, r): Lapse[] => {
    const before = now.get(r);
    if (expiry === null || expiry >= asOf || before === undefined) return [];
    const after = later.get(r);
    return [
      {
        row: r,
        // scorePartners has named it already (blank rows, which it skips, are never listed).
        partner: before.partner,
        expiry,
        expired: expiry < today,
        tierNow: tierName(before),
        tierThen: tierName(after),
        falls:
          before.tier != null &&
          (after?.tier == null ||
            scenario.tiers[after.tier].minScore <
              scenario.tiers[before.tier].minScore),
      },
    ];
  });
  lapses.sort((a, b) => a.expiry - b.expiry || a.row - b.row);
  return { kind: "lapses", criterion: name, lapses };
}
