/**
 * The data check for uniform data (issue 21 item 4): the method behind the add-in asks for
 * accurate, consistent and uniform data drawn from many systems. Per scored column of the
 * Partners table (found by the criterion's name), it lists labels that differ from the
 * scale's spelling only by case or spaces, labels not on the scale, numbers stored as text,
 * values far outside Min-Max (a unit mix-up), and duplicate partner names, each with its
 * cell, and the fix where the fix is unambiguous. Pure: the pane shows the findings and
 * writes the fixes in one batch.
 */
import {
  headerKey,
  isMissing,
  readCell,
  readYesNo,
  showCell,
  type CriteriaModel,
  type Criterion,
} from "../core";
import type { TableData } from "../workbook/store";
import { numberIn } from "./setup/inferColumn";

export type DataFindingKind =
  | "spelling"
  | "off-scale"
  | "number-as-text"
  | "out-of-range"
  | "duplicate-name";

export interface DataFinding {
  kind: DataFindingKind;
  /** The criterion whose column it is in; null for a duplicate name. */
  criterion: string | null;
  /** Partners data row (0-based) and column. */
  row: number;
  column: number;
  message: string;
  /** The value that fixes the cell, where the fix is unambiguous. */
  fix?: string | number;
}

/**
 * A value further than this many spans (Max - Min) outside Min-Max, or this many times
 * smaller or larger than the column's median, is a unit mix-up more likely than a partner.
 */
export const FAR_SPANS = 1;
export const FAR_FACTOR = 100;

/** Spaces as users type them away: trimmed, runs of spaces as one. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

function median(numbers: readonly number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A rating cell: the scale's own spelling, another spelling of a label, or no label. */
function checkRating(
  criterion: Criterion,
  cell: unknown,
): Omit<DataFinding, "row" | "column" | "criterion"> | null {
  if (typeof cell === "string") {
    const exact = criterion.scale.find((step) => step.label === cell);
    if (exact) return null;
    const step = criterion.scale.find(
      (s) => headerKey(s.label) === headerKey(tidy(cell)),
    );
    if (step)
      return {
        kind: "spelling",
        message: `${showCell(cell)} is spelled "${step.label}" on the scale of ${criterion.name}`,
        fix: step.label,
      };
  }
  const labels = criterion.scale.map((s) => s.label).join(", ");
  return {
    kind: "off-scale",
    message: `${showCell(cell)} is not on the scale of ${criterion.name} (${labels})`,
  };
}

/** A yes/no cell: Yes/No in any spelling the functions read, trimmed; anything else is off the scale. */
function checkYesNo(
  criterion: Criterion,
  cell: unknown,
): Omit<DataFinding, "row" | "column" | "criterion"> | null {
  const yes = readYesNo(cell);
  if (yes === undefined)
    return {
      kind: "off-scale",
      message: `${showCell(cell)} is not yes or no, as ${criterion.name} needs`,
    };
  if (typeof cell === "string" && cell !== cell.trim())
    return {
      kind: "spelling",
      message: `${showCell(cell)} has spaces around it`,
      fix: cell.trim(),
    };
  return null;
}

/** Findings of a number column: numbers as text, and values far from the rest and from Min-Max. */
function checkNumbers(
  criterion: Criterion,
  cells: readonly unknown[],
  column: number,
): DataFinding[] {
  const findings: DataFinding[] = [];
  const numbers = cells.flatMap((cell) => {
    const reading = readCell(cell);
    return reading.kind === "number" ? [reading.value] : [];
  });
  const typical = numbers.length > 0 ? median(numbers) : null;
  const { min, max } = criterion;
  const span = min !== null && max !== null ? Math.abs(max - min) : null;
  cells.forEach((cell, row) => {
    if (isMissing(cell)) return;
    const at = { criterion: criterion.name, row, column };
    const reading = readCell(cell);
    if (reading.kind === "text") {
      const number = numberIn(cell);
      findings.push(
        number === null
          ? {
              ...at,
              kind: "off-scale",
              message: `${showCell(cell)} is not a number, as ${criterion.name} needs`,
            }
          : {
              ...at,
              kind: "number-as-text",
              message: `${showCell(cell)} is a number stored as text`,
              fix: number,
            },
      );
      return;
    }
    if (reading.kind !== "number") return;
    const value = reading.value;
    const outside =
      span !== null && span > 0 && min !== null && max !== null
        ? value > Math.max(min, max) + FAR_SPANS * span ||
          value < Math.min(min, max) - FAR_SPANS * span
        : false;
    const apart =
      typical !== null &&
      typical > 0 &&
      value > 0 &&
      (value / typical >= FAR_FACTOR || typical / value >= FAR_FACTOR);
    if (outside || apart)
      findings.push({
        ...at,
        kind: "out-of-range",
        message: `${value} is far ${outside ? `outside ${criterion.name}'s Min-Max (${min} to ${max})` : `from the other values of ${criterion.name} (typically ${typical})`}: a different unit?`,
      });
  });
  return findings;
}

/**
 * The findings for `partners` under `model`, column by column in criteria order, then the
 * duplicate names. `nameColumn` is the Partners column naming the partners.
 */
export function checkData(
  partners: TableData,
  model: CriteriaModel,
  nameColumn: number,
): DataFinding[] {
  const keys = partners.header.map(headerKey);
  const findings: DataFinding[] = [];
  for (const criterion of model.criteria) {
    const column = keys.indexOf(headerKey(criterion.name));
    if (column < 0) continue;
    const cells = partners.rows.map((row) => row[column]);
    if (criterion.method === "range" || criterion.method === "target") {
      findings.push(...checkNumbers(criterion, cells, column));
      continue;
    }
    cells.forEach((cell, row) => {
      if (isMissing(cell)) return;
      const finding =
        criterion.method === "rating"
          ? checkRating(criterion, cell)
          : checkYesNo(criterion, cell);
      if (finding)
        findings.push({ ...finding, criterion: criterion.name, row, column });
    });
  }
  const seen = new Map<string, number>();
  partners.rows.forEach((row, r) => {
    const cell = row[nameColumn];
    if (isMissing(cell)) return;
    const key = headerKey(tidy(String(cell)));
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, r);
    findings.push({
      kind: "duplicate-name",
      criterion: null,
      row: r,
      column: nameColumn,
      message: `${showCell(cell)} also names the partner of row ${first + 1}`,
    });
  });
  return findings;
}
