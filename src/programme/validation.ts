/**
 * Checks a draft the way the functions will read it (readCriteria / readTiers on the header
 * and rows), plus the pane's own rules: tiers strictly descending by Min score in table order
 * (the functions accept any order; the pane keeps the table readable), every Requires naming
 * a criterion that exists, no profile whose weights are all zero, no blank rows. Any problem
 * disables Apply.
 */
import {
  CellError,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  catchCellError,
  cellNumber,
  checkCondition,
  formatCondition,
  isMissing,
  parseRequires,
  profileLabel,
  readCriteria,
  readTiers,
  relativeWeights,
  weightHeader,
  type CriteriaModel,
  type Problem,
  type Tier,
} from "../core";
import type { TableData } from "../workbook/store";
import {
  columnIndex as columnOfLetters,
  columnLetters,
} from "../workbook/address";
import { cellAt, columnIndex, criterionNames, textAt } from "./draft";

export interface DraftCheck {
  problems: Problem[];
  /** The criteria model when the Criteria table has no problems, else null. */
  model: CriteriaModel | null;
  /** The tiers when the whole draft has no problems, else null. */
  tiers: Tier[] | null;
}

function cells(table: TableData): unknown[][] {
  return [table.header, ...table.rows];
}

function blankRows(table: TableData, name: "Criteria" | "Tiers"): Problem[] {
  return table.rows.flatMap((row, i) =>
    row.every(isMissing)
      ? [
          {
            table: name,
            row: i,
            column: null,
            message: "the row is blank: fill it in or remove it",
          },
        ]
      : [],
  );
}

/**
 * An unreadable Scale is read as no scale, so the core also says the criterion needs one:
 * listed next to the first, that second line only repeats it.
 */
function withoutEchoes(problems: Problem[]): Problem[] {
  const unreadable = new Set(
    problems
      .filter((p) => p.column === "Scale" && p.message.startsWith("Scale part"))
      .map((p) => p.row),
  );
  return problems.filter(
    (p) =>
      !(
        p.column === "Scale" &&
        unreadable.has(p.row) &&
        p.message.startsWith("a rating criterion needs a Scale")
      ),
  );
}

/** A problem of tier row `row`, named by the tier's name when it has one. */
function tierProblem(
  tiers: TableData,
  row: number,
  column: string,
  message: string,
): Problem {
  const name = textAt(tiers, row, TIER_HEADERS.name).trim();
  return { table: "Tiers", row, column, ...(name ? { name } : {}), message };
}

/** The pane's rule: Min scores strictly descending, in table order. */
export function tierOrderProblems(tiers: TableData): Problem[] {
  const problems: Problem[] = [];
  let previous: { score: number; name: string } | null = null;
  tiers.rows.forEach((_, i) => {
    const score = cellNumber(cellAt(tiers, i, TIER_HEADERS.minScore));
    if (score === null) return;
    const name = textAt(tiers, i, TIER_HEADERS.name).trim();
    if (previous !== null && !(score < previous.score))
      problems.push(
        tierProblem(
          tiers,
          i,
          TIER_HEADERS.minScore,
          `Min score ${score} must be below the ${previous.score} of ${previous.name || "the tier above"}: list tiers from the highest Min score down`,
        ),
      );
    previous = { score, name };
  });
  return problems;
}

/** Conditions in Requires that name no criterion, or a value the criterion cannot read. */
export function requiresProblems(
  tiers: TableData,
  model: CriteriaModel,
): Problem[] {
  const problems: Problem[] = [];
  tiers.rows.forEach((_, i) => {
    const parsed = parseRequires(textAt(tiers, i, TIER_HEADERS.requires));
    if (typeof parsed === "string") return; // readTiers reports it
    for (const condition of parsed) {
      const result = catchCellError(() => checkCondition(model, condition));
      if (result instanceof CellError)
        problems.push(
          tierProblem(tiers, i, TIER_HEADERS.requires, result.message),
        );
    }
  });
  return problems;
}

/**
 * While the Criteria table has problems the model is incomplete, so only the names are
 * checked: each condition must name a criterion row of the table.
 */
export function unknownCriteriaInRequires(
  tiers: TableData,
  names: readonly string[],
): Problem[] {
  const known = new Set(names.map((n) => n.trim().toLowerCase()));
  return tiers.rows.flatMap((_, i): Problem[] => {
    const parsed = parseRequires(textAt(tiers, i, TIER_HEADERS.requires));
    if (typeof parsed === "string") return [];
    return parsed
      .filter((c) => !known.has(c.criterion.toLowerCase()))
      .map((c) =>
        tierProblem(
          tiers,
          i,
          TIER_HEADERS.requires,
          `the requirement "${formatCondition(c)}" names no criterion of the Criteria table`,
        ),
      );
  });
}

function zeroProfiles(model: CriteriaModel): Problem[] {
  if (model.criteria.length === 0) return [];
  return [DEFAULT_PROFILE, ...model.profiles].flatMap((profile): Problem[] => {
    const result = catchCellError(() => relativeWeights(model, profile));
    return result instanceof CellError
      ? [
          {
            table: "Criteria",
            row: -1,
            column: weightHeader(profile),
            message: `every weight of ${profileLabel(profile)} is zero, so no partner of it can be scored`,
          },
        ]
      : [];
  });
}

export function validateDraft(
  criteria: TableData,
  tiers: TableData,
): DraftCheck {
  const problems: Problem[] = [];
  const criteriaReading = readCriteria(cells(criteria));
  problems.push(
    ...withoutEchoes(criteriaReading.problems),
    ...blankRows(criteria, "Criteria"),
  );
  if (criteria.rows.length === 0)
    problems.push({
      table: "Criteria",
      row: -1,
      column: null,
      message: "there are no criteria: add one",
    });
  const criteriaOk = problems.length === 0;
  if (criteriaOk) problems.push(...zeroProfiles(criteriaReading.model));

  let tiersRead: Tier[] = [];
  if (
    columnIndex(tiers, TIER_HEADERS.minScore) < 0 ||
    columnIndex(tiers, TIER_HEADERS.name) < 0
  ) {
    // Without a Min score header, readTiers would take the header for a data row.
    for (const column of [TIER_HEADERS.name, TIER_HEADERS.minScore]) {
      if (columnIndex(tiers, column) < 0)
        problems.push({
          table: "Tiers",
          row: -1,
          column,
          message: `the tiers table has no ${column} column`,
        });
    }
  } else {
    const tiersReading = readTiers(cells(tiers));
    tiersRead = tiersReading.tiers;
    problems.push(
      ...tiersReading.problems,
      ...blankRows(tiers, "Tiers"),
      ...tierOrderProblems(tiers),
    );
    problems.push(
      ...(criteriaOk
        ? requiresProblems(tiers, criteriaReading.model)
        : unknownCriteriaInRequires(tiers, criterionNames(criteria))),
    );
  }
  // Listed table by table, row by row (the header's problems first), as a user reads them.
  const order = (p: Problem) => (p.table === "Criteria" ? 0 : 1);
  problems.sort((a, b) => order(a) - order(b) || a.row - b.row);
  return {
    problems,
    model: criteriaOk ? criteriaReading.model : null,
    tiers: problems.length === 0 ? tiersRead : null,
  };
}

/** Problems of one row of one table (for listing next to that row). */
export function problemsOfRow(
  problems: readonly Problem[],
  table: Problem["table"],
  row: number,
): Problem[] {
  return problems.filter((p) => p.table === table && p.row === row);
}

// ---- where a problem is ----

/**
 * The cell a problem is in, e.g. "Scorecard!E3", from the table's address as Excel gives it
 * ("Scorecard!A1:I7", header row first), or null when the address cannot be read.
 */
export function cellAddress(
  tableAddress: string,
  table: TableData,
  problem: Problem,
): string | null {
  const m = /^(.*)!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(
    tableAddress.trim(),
  );
  if (!m) return null;
  const sheet = m[1];
  // 0-based, as the workbook's address helpers count columns.
  const firstColumn = columnOfLetters(m[2]);
  const headerRow = Number(m[3]);
  const row = headerRow + 1 + problem.row; // row -1 is the header
  if (problem.column === null) {
    const lastColumn = firstColumn + Math.max(1, table.header.length) - 1;
    return `${sheet}!${columnLetters(firstColumn)}${row}:${columnLetters(lastColumn)}${row}`;
  }
  const c = columnIndex(table, problem.column);
  if (c < 0)
    return problem.row < 0
      ? `${sheet}!${columnLetters(firstColumn)}${headerRow}`
      : null;
  return `${sheet}!${columnLetters(firstColumn + c)}${row}`;
}

/** Where a problem is, in words, for when no cell address is known: "Criteria row 3, column Min". */
export function problemPlace(problem: Problem): string {
  const column = problem.column ? `column ${problem.column}` : "";
  if (problem.row < 0)
    return column
      ? `${problem.table} table, ${column}`
      : `${problem.table} table`;
  return `${problem.table} row ${problem.row + 1}${problem.name ? ` (${problem.name})` : ""}${column ? `, ${column}` : ""}`;
}

/** Place and message in one line; with the cell address first when one is known. */
export function describeAt(problem: Problem, address: string | null): string {
  return `${address ? `${address} · ` : ""}${problemPlace(problem)}: ${problem.message}`;
}
