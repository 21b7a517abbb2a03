/**
 * What the copy is made from: the scorecard the Criteria and Tiers tables hold, read and
 * checked as the PRM functions read them, and where in the workbook each input is.
 */
import {
  DEFAULT_PROFILE,
  describeProblem,
  headerKey,
  profileInWeightHeader,
  readCriteria,
  readTiers,
  type CriteriaModel,
  type Tier,
} from "../core";
import { TABLE } from "../workbook/names";
import { certStatusCall, type CertStatusCall } from "./certStatusCall";
import { column, place, refuse, type Placed } from "./placedTables";
import type { CopySource } from "./copySheet";

/** The Criteria table's weight column of each profile, the default (Weight) first. */
function weightColumns(
  header: readonly string[],
  model: CriteriaModel,
): number[] {
  const keys = header.map(headerKey);
  return [DEFAULT_PROFILE, ...model.profiles].map((profile) =>
    profile === DEFAULT_PROFILE
      ? keys.indexOf("weight")
      : header.findIndex(
          (h) =>
            profileInWeightHeader(h)?.toLowerCase() === profile.toLowerCase(),
        ),
  );
}

/** What the copy is made from: the model, and where the PRM functions' inputs are. */
export interface Source {
  model: CriteriaModel;
  tiers: Tier[];
  criteria: Placed;
  tiersTable: Placed;
  partners: Placed;
  /** Columns of the Criteria table (in its data) and of the Partners table. */
  name: number;
  min: number;
  max: number;
  weightOf: number[];
  tierName: number;
  minScore: number;
  values: number[];
  type: number;
  partner: number;
  /** The Partners table's Assigned tier column (issue 22), or -1. */
  assigned: number;
  /** Per criterion, per partner row: the PRM.CERTSTATUS call its value cell holds, if any. */
  certStatus: (CertStatusCall | null)[][];
}

export function readSource(source: CopySource): Source {
  const criteria = place(TABLE.criteria, source.criteria);
  const tiersTable = place(TABLE.tiers, source.tiers);
  const partners = place(TABLE.partners, source.partners);
  const modelReading = readCriteria([
    criteria.data.header,
    ...criteria.data.rows,
  ]);
  const tiersReading = readTiers([
    tiersTable.data.header,
    ...tiersTable.data.rows,
  ]);
  const problem = [...modelReading.problems, ...tiersReading.problems][0];
  if (problem) refuse(`Fix the scorecard first: ${describeProblem(problem)}.`);
  const { model } = modelReading;
  if (model.criteria.length === 0)
    refuse("The Criteria table has no criteria.");
  if (tiersReading.tiers.length === 0) refuse("The Tiers table has no tiers.");
  const { header } = criteria.data;
  const partnerHeader = partners.data.header;
  return {
    model,
    tiers: tiersReading.tiers,
    criteria,
    tiersTable,
    partners,
    name: column(header, "criterion"),
    min: column(header, "min"),
    max: column(header, "max"),
    weightOf: weightColumns(header, model),
    tierName: column(tiersTable.data.header, "tier"),
    minScore: column(tiersTable.data.header, "min score"),
    values: model.criteria.map((c) => {
      const at = column(partnerHeader, headerKey(c.name));
      if (at < 0)
        refuse(
          `The ${TABLE.partners} table has no column named ${c.name}: name each criterion's column as in the ${TABLE.criteria} table.`,
        );
      return at;
    }),
    type: column(partnerHeader, "type"),
    partner: Math.max(0, column(partnerHeader, "partner")),
    assigned: column(partnerHeader, "assigned tier"),
    certStatus: model.criteria.map((c) => {
      const at = column(partnerHeader, headerKey(c.name));
      return partners.data.rows.map((_, p) =>
        certStatusCall(partners.data.formulas?.[p]?.[at], partners, p),
      );
    }),
  };
}
