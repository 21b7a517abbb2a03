/**
 * The copy for colleagues without the add-in (../shared/DESIGN.md section 5): a sheet of the
 * partner list whose Score and Tier are built-in formulas (copyFormulas.ts) over the same
 * cells the PRM functions read. It refers to the Partners table's values and to the weights,
 * Min, Max and Min score cells of the Criteria and Tiers tables, so it follows their edits;
 * what built-in functions cannot read there (methods, parsed scales, Requires, the order of
 * the tiers) is baked in, with a check that makes the copy say so when those tables change.
 *
 * Layout: A1 the marker that tells the add-in the sheet is its own, a line saying when and
 * how it was generated, a block of relative weights (one row per profile, one column per
 * criterion), then one row per partner: name, Type, Score, Tier, the row of the weights
 * block its Type picks, and each criterion's value on 0-100.
 */
import {
  DEFAULT_PROFILE,
  catchCellError,
  headerKey,
  isCellError,
  profileInWeightHeader,
  rankTiers,
  readCriteria,
  readTiers,
  describeProblem,
  type CriteriaModel,
  type MissingPolicy,
} from "../core";
import {
  cellAddress,
  columnLetters,
  parseSheetRange,
  quoteSheetName,
  type CellRef,
} from "../workbook/address";
import { TABLE } from "../workbook/names";
import type { OwnedSheet, TableData } from "../workbook/store";
import {
  normalizedFormula,
  profileRowFormula,
  relativeWeightFormula,
  scoreFormula,
  tierFormula,
  type TierCells,
} from "./copyFormulas";
import {
  MAX_FORMULA_LENGTH,
  MAX_NESTING,
  nestingDepth,
  textCell,
} from "./excelFormula";

export const COPY_SHEET = "Scorecard copy";
export const COPY_MARKER =
  "Scorecard copy for colleagues without the Partner Scorecard add-in";

export interface CopySource {
  criteria: TableData | null;
  tiers: TableData | null;
  partners: TableData | null;
}

export interface CopyOptions {
  missing: MissingPolicy;
  generatedAt: Date;
}

export type CopyResult =
  { ok: true; sheet: OwnedSheet } | { ok: false; message: string };

/** Where a loaded table lies: its sheet and the first cell of its header row. */
interface Placed {
  data: TableData;
  sheet: string;
  topLeft: CellRef;
}

class CopyRefusal extends Error {}

function refuse(message: string): never {
  throw new CopyRefusal(message);
}

function place(name: string, data: TableData | null): Placed {
  if (data === null) refuse(`The workbook has no ${name} table.`);
  const at = data.address ? parseSheetRange(data.address) : null;
  if (at === null)
    refuse(`The ${name} table's place in the workbook is not known.`);
  return { data, ...at };
}

/** An absolute reference to a data cell of a placed table: row and column 0-based in its data. */
function dataCell(table: Placed, row: number, column: number): string {
  const cell = cellAddress({
    row: table.topLeft.row + 1 + row,
    column: table.topLeft.column + column,
  });
  return `${quoteSheetName(table.sheet)}!${cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2")}`;
}

/** The column of the data block of `table` from data row 0 to `rows` - 1. */
function dataColumn(table: Placed, column: number, rows: number): string {
  const first = dataCell(table, 0, column);
  const last = dataCell(table, rows - 1, column).split("!")[1];
  return rows === 1 ? first : `${first}:${last}`;
}

function column(header: readonly string[], key: string): number {
  return header.map(headerKey).indexOf(key);
}

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

/** Columns of the copy, left to right. */
interface CopyColumns {
  partner: number;
  type: number | null;
  score: number;
  tier: number;
  profileRow: number | null;
  firstCriterion: number;
}

function copyColumns(hasType: boolean, hasProfiles: boolean): CopyColumns {
  let next = 0;
  const take = () => next++;
  const partner = take();
  const type = hasType ? take() : null;
  const score = take();
  const tier = take();
  const profileRow = hasType && hasProfiles ? take() : null;
  return { partner, type, score, tier, profileRow, firstCriterion: take() };
}

/** A relative A1 reference within the copy sheet, or an absolute one with `fixed`. */
function own(
  row: number,
  col: number,
  fixed: "row" | "both" | "column" | "none" = "none",
): string {
  const letters = columnLetters(col);
  const number = row + 1;
  switch (fixed) {
    case "both":
      return `$${letters}$${number}`;
    case "row":
      return `${letters}$${number}`;
    case "column":
      return `$${letters}${number}`;
    case "none":
      return `${letters}${number}`;
  }
}

function generatedLine(options: CopyOptions): string {
  const when = options.generatedAt.toISOString().slice(0, 16).replace("T", " ");
  return `Generated ${when} UTC from the ${TABLE.criteria}, ${TABLE.tiers} and ${TABLE.partners} tables (missing values: ${options.missing}). The Partner Scorecard pane rewrites this sheet on every Apply: edits made here are lost.`;
}

const EXPLANATION =
  "Score and Tier use only built-in Excel functions (Excel 2016 and later), so they work without the add-in and follow the partner values, weights, Min, Max and Min score in the workbook; they equal what PRM.PARTNERSCORE and PRM.PARTNERTIER return.";

/** Builds the copy from the tables the store loaded (with their addresses), or says why not. */
export function buildColleagueCopy(
  source: CopySource,
  options: CopyOptions,
): CopyResult {
  try {
    return { ok: true, sheet: build(source, options) };
  } catch (e) {
    if (e instanceof CopyRefusal) return { ok: false, message: e.message };
    throw e;
  }
}

function build(source: CopySource, options: CopyOptions): OwnedSheet {
  const criteria = place(TABLE.criteria, source.criteria);
  const tiers = place(TABLE.tiers, source.tiers);
  const partners = place(TABLE.partners, source.partners);
  const modelReading = readCriteria([
    criteria.data.header,
    ...criteria.data.rows,
  ]);
  const tiersReading = readTiers([tiers.data.header, ...tiers.data.rows]);
  const problem = [...modelReading.problems, ...tiersReading.problems][0];
  if (problem) refuse(`Fix the scorecard first: ${describeProblem(problem)}.`);
  const model = modelReading.model;
  const n = model.criteria.length;
  if (n === 0) refuse("The Criteria table has no criteria.");
  if (tiersReading.tiers.length === 0) refuse("The Tiers table has no tiers.");

  // Where the PRM functions' inputs are.
  const criteriaHeader = criteria.data.header;
  const nameColumn = column(criteriaHeader, "criterion");
  const minColumn = column(criteriaHeader, "min");
  const maxColumn = column(criteriaHeader, "max");
  const weightColumnOf = weightColumns(criteriaHeader, model);
  const tierHeader = tiers.data.header;
  const tierNameColumn = column(tierHeader, "tier");
  const minScoreColumn = column(tierHeader, "min score");
  const partnerHeader = partners.data.header;
  const valueColumns = model.criteria.map((c) => {
    const at = column(partnerHeader, headerKey(c.name));
    if (at < 0)
      refuse(
        `The ${TABLE.partners} table has no column named ${c.name}: name each criterion's column as in the ${TABLE.criteria} table.`,
      );
    return at;
  });
  const typeColumn = column(partnerHeader, "type");
  const partnerColumn = Math.max(0, column(partnerHeader, "partner"));
  const hasProfiles = model.profiles.length > 0;
  const cols = copyColumns(typeColumn >= 0, hasProfiles);
  const criterionColumn = (i: number) => cols.firstCriterion + i;
  const width = cols.firstCriterion + n;

  const rows: unknown[][] = [];
  const blankRow = () => new Array<unknown>(width).fill(null);
  const line = (text: string) => {
    const row = blankRow();
    row[0] = text;
    rows.push(row);
  };
  line(COPY_MARKER);
  line(generatedLine(options));
  line(EXPLANATION);
  rows.push(blankRow());

  // The relative weights, one row per profile: what each partner row's weights come from.
  const weightsHeader = blankRow();
  weightsHeader[0] = "Relative weights";
  if (cols.profileRow !== null) weightsHeader[cols.profileRow] = "Weights row";
  model.criteria.forEach(
    (c, i) => (weightsHeader[criterionColumn(i)] = textCell(c.name)),
  );
  rows.push(weightsHeader);
  const blockTop = rows.length;
  const profiles = [DEFAULT_PROFILE, ...model.profiles];
  profiles.forEach((profile, p) => {
    const row = blankRow();
    const label =
      profile === DEFAULT_PROFILE ? "Weight" : `Weight (${profile})`;
    row[0] = textCell(label);
    if (cols.profileRow !== null) row[cols.profileRow] = p + 1;
    const weights = dataColumn(criteria, weightColumnOf[p], n);
    model.criteria.forEach((c, i) => {
      row[criterionColumn(i)] = `=${relativeWeightFormula(
        c,
        dataCell(criteria, i, nameColumn),
        dataCell(criteria, i, weightColumnOf[p]),
        weights,
        profile === DEFAULT_PROFILE
          ? "the default profile (Weight)"
          : `profile ${profile}`,
      )}`;
    });
    rows.push(row);
  });
  const blockBottom = rows.length - 1;
  rows.push(blankRow());

  const header = blankRow();
  header[cols.partner] = "Partner";
  if (cols.type !== null) header[cols.type] = "Type";
  header[cols.score] = "Score";
  header[cols.tier] = "Tier";
  if (cols.profileRow !== null) header[cols.profileRow] = "Weights row";
  model.criteria.forEach(
    (c, i) => (header[criterionColumn(i)] = textCell(`${c.name} (0-100)`)),
  );
  rows.push(header);

  const ranked: TierCells[] = rankTiers(tiersReading.tiers).map((tier) => {
    const index = tiersReading.tiers.indexOf(tier);
    return {
      name: tier.name,
      nameCell: dataCell(tiers, index, tierNameColumn),
      minScore: dataCell(tiers, index, minScoreColumn),
      requires: tier.requires,
    };
  });

  partners.data.rows.forEach((_, p) => {
    const r = rows.length;
    const row = blankRow();
    const partnerCell = (c: number) =>
      dataCell(partners, p, c).replace(/\$(\d+)$/, "$1");
    const values = valueColumns.map((c) => partnerCell(c));
    const normalized = model.criteria.map((_, i) => own(r, criterionColumn(i)));
    const profileRow =
      cols.profileRow === null ? "1" : own(r, cols.profileRow, "column");
    const weights = model.criteria.map((_, i) => {
      const block = `${own(blockTop, criterionColumn(i), "both")}:${own(blockBottom, criterionColumn(i), "both")}`;
      return hasProfiles && cols.profileRow !== null
        ? `INDEX(${block},${profileRow})`
        : own(blockTop, criterionColumn(i), "both");
    });
    row[cols.partner] = `=${partnerCell(partnerColumn)}&""`;
    if (cols.type !== null) row[cols.type] = `=${partnerCell(typeColumn)}&""`;
    if (cols.profileRow !== null)
      row[cols.profileRow] =
        `=${profileRowFormula(model, partnerCell(typeColumn))}`;
    model.criteria.forEach((c, i) => {
      row[criterionColumn(i)] = `=${normalizedFormula(c, values[i], () => ({
        // A target without a Min column starts at 0, as the core reads it.
        min: minColumn < 0 ? "0" : dataCell(criteria, i, minColumn),
        max: dataCell(criteria, i, maxColumn),
      }))}`;
    });
    row[cols.score] =
      `=${scoreFormula({ profileRow, normalized, weights }, options.missing)}`;
    const tier = catchCellError(() =>
      tierFormula(model, ranked, own(r, cols.score), { values, normalized }),
    );
    if (isCellError(tier)) refuse(`The ${TABLE.tiers} table: ${tier.message}.`);
    row[cols.tier] = `=${tier}`;
    rows.push(row);
  });

  for (const cell of rows.flat()) {
    if (typeof cell === "string" && cell.startsWith("=")) refuseTooLarge(cell);
  }
  return { name: COPY_SHEET, marker: COPY_MARKER, cells: rows };
}

/** Excel refuses a formula longer than 8,192 characters or nested more than 64 deep. */
function refuseTooLarge(formula: string): void {
  const depth = nestingDepth(formula);
  const excess =
    formula.length > MAX_FORMULA_LENGTH
      ? `${formula.length} characters long, more than Excel's ${MAX_FORMULA_LENGTH}`
      : depth > MAX_NESTING
        ? `${depth} functions deep, more than Excel's ${MAX_NESTING}`
        : null;
  if (excess)
    refuse(
      `A formula of the copy would be ${excess}: the scorecard has too many criteria, rating labels or tiers for a copy without the add-in.`,
    );
}
