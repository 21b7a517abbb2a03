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
  isCellError,
  rankTiers,
  profileLabel,
  weightHeader,
  type MissingPolicy,
} from "../core";
import { columnLetters } from "../workbook/address";
import { TABLE } from "../workbook/names";
import type { OwnedSheet, TableData } from "../workbook/store";
import {
  normalizedFormula,
  profileRowFormula,
  certStatusFormula,
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
import { CopyRefusal, dataCell, dataColumn, refuse } from "./placedTables";
import { readSource, type Source } from "./copySource";

export const COPY_SHEET = "Scorecard copy";
export const COPY_MARKER =
  "Scorecard copy for colleagues without the Partner Scorecard add-in";

/**
 * The tables as the store loaded them, with their addresses; the Partners table with its
 * formulas where the store can read them (`formulasOf`), to restate PRM.CERTSTATUS.
 */
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

/** Columns of the copy, left to right. */
interface CopyColumns {
  partner: number;
  type: number | null;
  score: number;
  tier: number;
  /** The row of the weights block the Type picks: wherever there is a Type column. */
  profileRow: number | null;
  firstCriterion: number;
  /** Per criterion, the column restating PRM.CERTSTATUS where its values are that, or null. */
  status: (number | null)[];
  /** The partner's Assigned tier (issue 22), as plain data read from Partners, or null. */
  assigned: number | null;
  width: number;
}

function copyColumns(
  hasType: boolean,
  criteria: number,
  restated: readonly boolean[],
  hasAssigned = false,
): CopyColumns {
  let next = 0;
  const take = () => next++;
  const partner = take();
  const type = hasType ? take() : null;
  const score = take();
  const tier = take();
  const profileRow = hasType ? take() : null;
  const firstCriterion = take();
  next = firstCriterion + criteria;
  const status = restated.map((r) => (r ? take() : null));
  const assigned = hasAssigned ? take() : null;
  return {
    partner,
    type,
    score,
    tier,
    profileRow,
    firstCriterion,
    status,
    assigned,
    width: next,
  };
}

/** A relative A1 reference within the copy sheet, or an absolute one with `fixed`. */
function own(
  row: number,
  col: number,
  fixed: "both" | "column" | "none" = "none",
): string {
  const dollar = fixed === "none" ? "" : "$";
  return `${dollar}${columnLetters(col)}${fixed === "both" ? "$" : ""}${row + 1}`;
}

/** An empty row of the copy, as wide as its columns. */
function blankRow(cols: CopyColumns): unknown[] {
  return new Array<unknown>(cols.width).fill(null);
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
  const src = readSource(source);
  const { model } = src;
  const cols = copyColumns(
    src.type >= 0,
    model.criteria.length,
    src.certStatus.map((rows) => rows.some((call) => call !== null)),
    src.assigned >= 0,
  );
  const rows: unknown[][] = [];
  for (const text of [COPY_MARKER, generatedLine(options), EXPLANATION, null]) {
    const row = blankRow(cols);
    row[0] = text;
    rows.push(row);
  }
  const block = weightsBlock(src, cols, rows.length);
  rows.push(...block.rows, blankRow(cols));

  const header = blankRow(cols);
  header[cols.partner] = "Partner";
  if (cols.type !== null) header[cols.type] = "Type";
  header[cols.score] = "Score";
  header[cols.tier] = "Tier";
  if (cols.assigned !== null) header[cols.assigned] = "Assigned tier";
  if (cols.profileRow !== null) header[cols.profileRow] = "Weights row";
  model.criteria.forEach((c, i) => {
    header[cols.firstCriterion + i] = textCell(`${c.name} (0-100)`);
    const status = cols.status[i];
    if (status !== null) header[status] = textCell(`${c.name} (CERTSTATUS)`);
  });
  rows.push(header);

  const ranked: TierCells[] = rankTiers(src.tiers).map((tier) => {
    const index = src.tiers.indexOf(tier);
    return {
      name: tier.name,
      nameCell: dataCell(src.tiersTable, index, src.tierName),
      minScore: dataCell(src.tiersTable, index, src.minScore),
      requires: tier.requires,
    };
  });
  src.partners.data.rows.forEach((_, p) =>
    rows.push(partnerRow(src, cols, block, ranked, p, rows.length, options)),
  );

  for (const cell of rows.flat()) {
    if (typeof cell === "string" && cell.startsWith("=")) refuseTooLarge(cell);
  }
  return { name: COPY_SHEET, marker: COPY_MARKER, cells: rows };
}

/** Where the weights block is: a partner's weight of criterion i is in its column i. */
interface WeightsBlock {
  rows: unknown[][];
  /** The block's column for criterion i, absolute ("$F$6:$F$8"). */
  column: (i: number) => string;
}

/** The relative weights, one row per profile (the default first), under a header row at `top`. */
function weightsBlock(
  src: Source,
  cols: CopyColumns,
  top: number,
): WeightsBlock {
  const { model, criteria } = src;
  const n = model.criteria.length;
  const header = blankRow(cols);
  header[0] = "Relative weights";
  if (cols.profileRow !== null) header[cols.profileRow] = "Weights row";
  model.criteria.forEach(
    (c, i) => (header[cols.firstCriterion + i] = textCell(c.name)),
  );
  const profiles = [DEFAULT_PROFILE, ...model.profiles];
  const rows = profiles.map((profile, p) => {
    const row = blankRow(cols);
    row[0] = textCell(weightHeader(profile));
    if (cols.profileRow !== null) row[cols.profileRow] = p + 1;
    const weights = dataColumn(criteria, src.weightOf[p], n);
    model.criteria.forEach((c, i) => {
      row[cols.firstCriterion + i] = `=${relativeWeightFormula(
        c,
        dataCell(criteria, i, src.name),
        dataCell(criteria, i, src.weightOf[p]),
        weights,
        profileLabel(profile),
      )}`;
    });
    return row;
  });
  const first = top + 1;
  const last = top + profiles.length;
  return {
    rows: [header, ...rows],
    column: (i) => {
      const col = cols.firstCriterion + i;
      return first === last
        ? own(first, col, "both")
        : `${own(first, col, "both")}:${own(last, col, "both")}`;
    },
  };
}

/** One partner's row of the copy, at sheet row `r`, from data row `p` of the Partners table. */
function partnerRow(
  src: Source,
  cols: CopyColumns,
  block: WeightsBlock,
  ranked: TierCells[],
  p: number,
  r: number,
  options: CopyOptions,
): unknown[] {
  const { model, criteria } = src;
  const row = blankRow(cols);
  // Column fixed, row relative: the formulas read as Excel users write them.
  const partnerCell = (c: number) =>
    dataCell(src.partners, p, c).replace(/\$(\d+)$/, "$1");
  // A value PRM.CERTSTATUS computes is computed again here; the others are read where they are.
  const values = src.values.map((c, i) => {
    const status = cols.status[i];
    if (status === null) return partnerCell(c);
    const call = src.certStatus[i][p];
    const cell = partnerCell(c);
    row[status] = call
      ? `=${certStatusFormula(call.expiry, call.asOf, call.warnDays)}`
      : `=IF(ISBLANK(${cell}),"",${cell})`;
    return own(r, status);
  });
  const normalized = model.criteria.map((_, i) =>
    own(r, cols.firstCriterion + i),
  );
  const profileRow =
    cols.profileRow === null ? null : own(r, cols.profileRow, "column");
  const weights = model.criteria.map((_, i) =>
    profileRow === null
      ? block.column(i)
      : `INDEX(${block.column(i)},${profileRow})`,
  );
  row[cols.partner] = `=${partnerCell(src.partner)}&""`;
  // A manager's decision, not computed: read where it is, as the name is.
  if (cols.assigned !== null)
    row[cols.assigned] = `=${partnerCell(src.assigned)}&""`;
  if (cols.type !== null && cols.profileRow !== null) {
    row[cols.type] = `=${partnerCell(src.type)}&""`;
    row[cols.profileRow] =
      `=${profileRowFormula(model, partnerCell(src.type))}`;
  }
  model.criteria.forEach((c, i) => {
    row[cols.firstCriterion + i] = `=${normalizedFormula(c, values[i], () => ({
      // A target without a Min column starts at 0, as the core reads it.
      min: src.min < 0 ? "0" : dataCell(criteria, i, src.min),
      max: dataCell(criteria, i, src.max),
    }))}`;
  });
  row[cols.score] =
    `=${scoreFormula({ profileRow, normalized, weights }, options.missing)}`;
  const tier = catchCellError(() =>
    tierFormula(model, ranked, own(r, cols.score), { values, normalized }),
  );
  if (isCellError(tier)) refuse(`The ${TABLE.tiers} table: ${tier.message}.`);
  row[cols.tier] = `=${tier}`;
  return row;
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
