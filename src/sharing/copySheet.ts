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
  DEFAULT_WARN_DAYS,
  catchCellError,
  headerKey,
  isCellError,
  profileInWeightHeader,
  rankTiers,
  readCriteria,
  readTiers,
  describeProblem,
  profileLabel,
  weightHeader,
  type CriteriaModel,
  type Tier,
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
import {
  closingBracket,
  parseSpecifier,
} from "../workbook/structuredReference";
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

/** "$C$5": a data cell of a placed table, row and column 0-based in its data. */
function absoluteCell(table: Placed, row: number, column: number): string {
  const cell = cellAddress({
    row: table.topLeft.row + 1 + row,
    column: table.topLeft.column + column,
  });
  return cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** "Scorecard!$C$5": the same with its sheet, for a formula on another sheet. */
function dataCell(table: Placed, row: number, column: number): string {
  return `${quoteSheetName(table.sheet)}!${absoluteCell(table, row, column)}`;
}

/** The column of the data block of `table` from data row 0 to `rows` - 1. */
function dataColumn(table: Placed, column: number, rows: number): string {
  const first = dataCell(table, 0, column);
  return rows === 1
    ? first
    : `${first}:${absoluteCell(table, rows - 1, column)}`;
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
  const letters = columnLetters(col);
  const number = row + 1;
  switch (fixed) {
    case "both":
      return `$${letters}$${number}`;
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

/** What the copy is made from: the model, and where the PRM functions' inputs are. */
interface Source {
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
  /** The Partners table's Assigned tier column, or -1. */
  assigned: number;
  /** Per criterion, per partner row: the PRM.CERTSTATUS call its value cell holds, if any. */
  certStatus: (CertStatusCall | null)[][];
}

function readSource(source: CopySource): Source {
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

/** The arguments of a PRM.CERTSTATUS call, as references the copy can use. */
interface CertStatusCall {
  expiry: string;
  asOf: string;
  warnDays: string;
}

const CERTSTATUS_CALL = /^=\s*PRM\.CERTSTATUS\(([^()"]*)\)\s*$/i;
const CELL_REFERENCE = /^\$?[A-Z]{1,3}\$?[1-9][0-9]*$/i;
const NUMBER = /^[0-9]+(\.[0-9]+)?$/;
/** `Table[Column]`: a table name, then one plain column name in brackets. */
const OTHER_TABLE_COLUMN = /^([A-Za-z_\\][\w.]*)\[([^[\]#@]+)\]$/;

/**
 * A value cell's formula read as PRM.CERTSTATUS(expiry, [asof], [warndays]) with arguments
 * that are cells of the Partners sheet, this row's cell of a Partners column (`[@[Cert
 * expiry]]`, as Excel writes a formula typed in a table), or numbers; null for anything else
 * (the copy then refers to the cell, which needs the add-in to compute).
 */
function certStatusCall(
  formula: unknown,
  partners: Placed,
  row: number,
): CertStatusCall | null {
  const match =
    typeof formula === "string" ? CERTSTATUS_CALL.exec(formula) : null;
  if (!match) return null;
  const args = splitArguments(match[1]).map((a) => a.trim());
  if (args.length > 3) return null;
  const [expiry, asOf = "", warnDays = ""] = args;
  const read = (arg: string, fallback: string | null) =>
    arg === ""
      ? fallback
      : CELL_REFERENCE.test(arg)
        ? `${quoteSheetName(partners.sheet)}!${arg.toUpperCase()}`
        : NUMBER.test(arg)
          ? arg
          : (thisRowCell(arg, partners, row) ?? otherTableColumn(arg));
  const call = {
    expiry: read(expiry, null),
    asOf: read(asOf, "TODAY()"),
    warnDays: read(warnDays, String(DEFAULT_WARN_DAYS)),
  };
  return call.expiry !== null && call.asOf !== null && call.warnDays !== null
    ? (call as CertStatusCall)
    : null;
}

/** A call's arguments, split at the commas outside brackets (`Partners[[#This Row],[Expiry]]` is one). */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "[") {
      const close = closingBracket(text, i);
      if (close < 0) break;
      i = close;
    } else if (text[i] === ",") {
      args.push(text.slice(start, i));
      start = i + 1;
    }
  }
  args.push(text.slice(start));
  return args;
}

/**
 * `[@Column]`, `[@[Column]]`, `Partners[@Column]` or `Partners[[#This Row],[Column]]` in the
 * formula of Partners data row `row`: that row's cell of the column; null for any other text.
 */
/**
 * A whole column of a table other than Partners, `Evaluation[Evaluation date]` (the sample's
 * evaluation date): a reference built-in formulas read as well, so the copy keeps it.
 */
function otherTableColumn(reference: string): string | null {
  const match = OTHER_TABLE_COLUMN.exec(reference);
  return match && headerKey(match[1]) !== headerKey(TABLE.partners)
    ? reference
    : null;
}

function thisRowCell(
  reference: string,
  partners: Placed,
  row: number,
): string | null {
  const open = reference.indexOf("[");
  const table = reference.slice(0, open);
  if (
    open < 0 ||
    (table !== "" && headerKey(table) !== headerKey(TABLE.partners))
  )
    return null;
  if (closingBracket(reference, open) !== reference.length - 1) return null;
  const specifier = parseSpecifier(reference.slice(open + 1, -1));
  if (
    !specifier?.columns ||
    specifier.rows.join() !== "thisRow" ||
    headerKey(specifier.columns.first) !== headerKey(specifier.columns.last)
  )
    return null;
  const at = column(partners.data.header, headerKey(specifier.columns.first));
  return at < 0 ? null : dataCell(partners, row, at);
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
  const blankRow = () => new Array<unknown>(cols.width).fill(null);
  for (const text of [COPY_MARKER, generatedLine(options), EXPLANATION, null]) {
    const row = blankRow();
    row[0] = text;
    rows.push(row);
  }
  const block = weightsBlock(src, cols, rows.length);
  rows.push(...block.rows, blankRow());

  const header = blankRow();
  header[cols.partner] = "Partner";
  if (cols.type !== null) header[cols.type] = "Type";
  header[cols.score] = "Score";
  header[cols.tier] = "Tier";
  if (cols.profileRow !== null) header[cols.profileRow] = "Weights row";
  if (cols.assigned !== null) header[cols.assigned] = "Assigned tier";
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
  const header = new Array<unknown>(cols.width).fill(null);
  header[0] = "Relative weights";
  if (cols.profileRow !== null) header[cols.profileRow] = "Weights row";
  model.criteria.forEach(
    (c, i) => (header[cols.firstCriterion + i] = textCell(c.name)),
  );
  const profiles = [DEFAULT_PROFILE, ...model.profiles];
  const rows = profiles.map((profile, p) => {
    const row = new Array<unknown>(cols.width).fill(null);
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
  const row = new Array<unknown>(cols.width).fill(null);
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
