/**
 * The scorecard proposed for the user's own partner list (issue 21, "Set up from my list"):
 * from the list and the user's choices (name column, optional type column, the columns to
 * score and how), the Criteria and Tiers tables, the columns added to the list (a
 * PRM.CERTSTATUS column per expiry date, Score, Tier, Next tier) and the tier counts they
 * would give, computed by the rules the formulas use (whatIf.ts). Pure: the store writes the
 * result in one batch.
 */
import {
  CRITERIA_HEADERS,
  TIER_HEADERS,
  certStatus,
  DEFAULT_WARN_DAYS,
  headerKey,
  isMissing,
  readCriteria,
  readDate,
  describeProblem,
  weightHeader,
} from "../../core";
import { TABLE } from "../../workbook/names";
import { formatSpecifier } from "../../workbook/structuredReference";
import type {
  ListSetUp,
  PartnerList,
  SheetTable,
  TableData,
} from "../../workbook/store";
import { scenarioOf, scorePartners, whatIf, type TierCount } from "../whatIf";
import { proposeTierMins, SET_UP_TIERS } from "./tierProposal";
import { criterionRow } from "./criterionRows";
import type { SetUpChoices } from "./setUpChoices";

export * from "./setUpChoices";
export { perspectiveFor } from "./criterionRows";

/** Where the Criteria and Tiers tables go on the new sheet, as in the sample. */
const CRITERIA_AT = "A1";
const TIERS_AT = "M1";

/** `wanted`, or `wanted (2)`, `wanted (3)`... : the first not among `taken` (case ignored); taken grows. */
function freeHeader(wanted: string, taken: Set<string>): string {
  let name = wanted;
  for (let n = 2; taken.has(headerKey(name)); n++) name = `${wanted} (${n})`;
  taken.add(headerKey(name));
  return name;
}

/** `[@column]`: the cell of `column` in the formula's own row. */
function thisRowCell(column: string): string {
  return `[${formatSpecifier({ rows: ["thisRow"], columns: { first: column, last: column } })}]`;
}

/** The PRM formulas of the added columns, matching values to criteria by name (DESIGN.md section 3). */
export function partnerFormulas(
  values: { first: string; last: string },
  type: string | null,
  score: string,
): { score: string; tier: string; next: string } {
  const thisRow = `${TABLE.partners}[${formatSpecifier({ rows: ["thisRow"], columns: values })}]`;
  const headers = `${TABLE.partners}[${formatSpecifier({ rows: ["headers"], columns: values })}]`;
  const criteria = `${TABLE.criteria}[#All]`;
  const tiers = `${TABLE.tiers}[#All]`;
  const profile = type === null ? "" : thisRowCell(type);
  const scoreCell = thisRowCell(score);
  return {
    score: `=PRM.PARTNERSCORE(${thisRow},${criteria},${profile},,${headers})`,
    tier: `=PRM.PARTNERTIER(${scoreCell},${tiers},${thisRow},${criteria},${headers})`,
    // NEXTTIER gives three cells per partner; a table cell cannot spill, so the tier's name only.
    next: `=INDEX(PRM.NEXTTIER(${scoreCell},${tiers},${thisRow},${criteria},${headers}),1,1)`,
  };
}

export interface SetUpProposal {
  /** What the store writes, or null when the choices cannot be set up (see `problems`). */
  setUp: ListSetUp | null;
  problems: string[];
  /** Partners per tier, highest first, by the rules the formulas use. */
  counts: TierCount[];
  notScored: number;
  /** Why the first few partners not scored are not. */
  unscored: { partner: string; message: string }[];
}

/** Why the list cannot be made a table as it is, if it cannot. */
function headerProblems(list: PartnerList): string[] {
  const problems: string[] = [];
  list.header.forEach((header, i) => {
    if (header.trim() === "")
      problems.push(
        `Column ${i + 1} of the list has no header: name it in the header row, then choose Look again.`,
      );
  });
  const keys = list.header.map(headerKey);
  keys.forEach((key, i) => {
    if (key !== "" && keys.indexOf(key) < i)
      problems.push(
        `Two columns are headed "${list.header[i]}": give each column its own header, then choose Look again.`,
      );
  });
  if (list.rows.length === 0)
    problems.push("The list has a header row but no partners below it.");
  return problems;
}

/**
 * The scorecard for `list` under `choices`: criteria with equal weights (and the same weights
 * for every type's profile), four tiers calibrated to its scores (tierProposal.ts), and the columns to
 * add. `sheet` is the free sheet name for the Criteria and Tiers tables; `asOf` the day
 * certification statuses are counted from (today).
 */
export function proposeSetUp(
  list: PartnerList,
  choices: SetUpChoices,
  sheet: string,
  asOf: number,
): SetUpProposal {
  const none = (problems: string[]): SetUpProposal => ({
    setUp: null,
    problems,
    counts: [],
    notScored: 0,
    unscored: [],
  });
  const listProblems = headerProblems(list);
  if (listProblems.length > 0) return none(listProblems);
  const scored = choices.scored.filter((s) => s.guess.kind !== "text");
  if (scored.length === 0) return none(["Tick at least one column to score."]);

  const taken = new Set(list.header.map(headerKey));
  const types =
    choices.typeColumn === null
      ? []
      : [
          ...new Map(
            list.rows.flatMap((row) => {
              const cell = row[choices.typeColumn as number];
              return isMissing(cell)
                ? []
                : [[headerKey(cell), String(cell).trim()] as const];
            }),
          ).values(),
        ];
  const weight = Math.round(1000 / scored.length) / 10;
  const weights = [weight, ...types.map(() => weight)];

  // An expiry column is scored through a status column beside the list.
  const statusColumns: { name: string; expiry: string }[] = [];
  const criteriaRows = scored.map(({ column, guess }) => {
    const header = list.header[column];
    if (guess.kind !== "expiry")
      return criterionRow(header, header, guess, weights);
    const name = freeHeader(
      statusColumns.length === 0 ? "Certification" : `${header} status`,
      taken,
    );
    statusColumns.push({ name, expiry: header });
    return criterionRow(name, header, guess, weights);
  });
  const criteria: TableData = {
    header: [
      CRITERIA_HEADERS.name,
      CRITERIA_HEADERS.perspective,
      CRITERIA_HEADERS.method,
      CRITERIA_HEADERS.better,
      CRITERIA_HEADERS.min,
      CRITERIA_HEADERS.max,
      CRITERIA_HEADERS.scale,
      weightHeader(""),
      ...types.map((t) => weightHeader(t)),
    ],
    rows: criteriaRows,
  };
  const reading = readCriteria([criteria.header, ...criteria.rows]);
  if (reading.problems.length > 0)
    return none(reading.problems.map(describeProblem));

  const scoreName = freeHeader("Score", taken);
  const tierName = freeHeader("Tier", taken);
  const nextName = freeHeader("Next tier", taken);
  const scoredHeaders = scored
    .filter((s) => s.guess.kind !== "expiry")
    .map((s) => list.header[s.column]);
  const spanOf = [...scoredHeaders, ...statusColumns.map((s) => s.expiry)];
  const positions = spanOf.map((h) => list.header.indexOf(h));
  const first = list.header[Math.min(...positions)];
  const last =
    statusColumns.length > 0
      ? statusColumns[statusColumns.length - 1].name
      : list.header[Math.max(...positions)];
  const type =
    choices.typeColumn === null ? null : list.header[choices.typeColumn];
  const formulas = partnerFormulas({ first, last }, type, scoreName);

  // The list as the formulas will see it: the statuses PRM.CERTSTATUS will give beside it.
  const statuses = list.rows.map((row) =>
    statusColumns.map(({ expiry }) => {
      const cell = row[list.header.indexOf(expiry)];
      try {
        return certStatus(readDate(cell, expiry), asOf, DEFAULT_WARN_DAYS);
      } catch {
        return cell; // not a date: the criterion reports it as PRM.CERTSTATUS's #VALUE! would
      }
    }),
  );
  const partners: TableData = {
    header: [...list.header, ...statusColumns.map((s) => s.name)].map((h, i) =>
      // What-if reads the name and type columns by these headers.
      i === choices.nameColumn
        ? "Partner"
        : i === choices.typeColumn
          ? "Type"
          : headerKey(h) === "type" || headerKey(h) === "partner"
            ? `${h} (list)`
            : h,
    ),
    rows: list.rows.map((row, r) => [...row, ...statuses[r]]),
  };
  const provisional = scenarioOf(criteria, {
    header: [TIER_HEADERS.name, TIER_HEADERS.minScore],
    rows: [["All", 0]],
  });
  if (provisional === null)
    return none(["The criteria could not be read back."]);
  const scores = scorePartners(partners, provisional).flatMap((p) =>
    p.score === null ? [] : [p.score],
  );
  const mins = proposeTierMins(scores);
  const tiers: TableData = {
    header: [TIER_HEADERS.name, TIER_HEADERS.minScore, TIER_HEADERS.requires],
    rows: SET_UP_TIERS.map((tier, i) => [tier.name, mins[i], null]),
  };
  const scenario = scenarioOf(criteria, tiers);
  if (scenario === null) return none(["The tiers could not be read back."]);
  const effect = whatIf(partners, scenario, null, []);

  const tables: SheetTable[] = [
    { sheet, name: TABLE.criteria, topLeft: CRITERIA_AT, ...criteria },
    { sheet, name: TABLE.tiers, topLeft: TIERS_AT, ...tiers },
  ];
  const added = {
    header: [
      ...statusColumns.map((s) => s.name),
      scoreName,
      tierName,
      nextName,
    ],
    rows: list.rows.map(() => [
      ...statusColumns.map((s) => `=PRM.CERTSTATUS(${thisRowCell(s.expiry)})`),
      formulas.score,
      formulas.tier,
      formulas.next,
    ]),
  };
  return {
    setUp: {
      list: {
        sheet: list.sheet,
        topLeft: list.topLeft,
        table: list.table,
        width: list.header.length,
        height: list.rows.length + 1,
      },
      tables,
      added,
    },
    problems: [],
    counts: effect.tiers,
    notScored: effect.notScored,
    unscored: effect.unscored.map(({ partner, message }) => ({
      partner,
      message,
    })),
  };
}
