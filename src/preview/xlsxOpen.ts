/**
 * An .xlsx file opened into the browser workbook, through ExcelJS (xlsxFile.ts): its values,
 * formulas, number formats and tables replace what the workbook held, with a report of what
 * the preview cannot keep or compute.
 */
import * as ExcelJS from "exceljs";
import {
  cellName,
  parseCellName,
  quoteSheetName,
  type CellPosition,
} from "./a1";
import { EXCEL_EPOCH_MS, MS_PER_DAY } from "../core/dates";
import { errorMessage } from "../workbook/writeFailure";
import { formulaFromFile, leftoverReferences } from "./fileFormulas";
import { type TableExtent } from "./tableReferences";
import type { CellInput, Workbook } from "./workbook";

/** What opening a file did, for the page to tell the user. */
export interface OpenReport {
  sheets: string[];
  tables: string[];
  /** What the preview could not keep or cannot compute, one sentence each; empty when all is well. */
  problems: string[];
}

/** How many examples a problem lists before it says "and N more". */
const EXAMPLES = 3;

interface OpenedCell {
  sheet: string;
  position: CellPosition;
  input: CellInput;
  format?: string;
}

/** Where this file's tables lie, and the problems found reading them. */
interface OpenedTables {
  extents: TableExtent[];
  problems: string[];
}

/**
 * Reads an .xlsx file into the workbook, replacing everything it held. Throws (changing
 * nothing) when the file cannot be read; what can be read but not kept is in the report.
 */
export async function fromXlsx(
  data: ArrayBuffer | Uint8Array,
  workbook: Workbook,
): Promise<OpenReport> {
  const file = new ExcelJS.Workbook();
  try {
    await file.xlsx.load(data as ArrayBuffer);
  } catch (error) {
    throw new Error(
      `This is not an .xlsx file the preview can read (${errorMessage(error)})`,
    );
  }
  const worksheets = file.worksheets;
  if (worksheets.length === 0) throw new Error("The file has no worksheets");
  const problems: string[] = [];
  const cells: OpenedCell[] = [];
  const merged: string[] = [];
  for (const worksheet of worksheets)
    cells.push(...readCells(worksheet, merged));
  const tables = readTables(worksheets);
  problems.push(...tables.problems);
  if (merged.length > 0)
    problems.push(listed("Merged cells are opened unmerged", merged));
  const names = file.definedNames.model.map((n) => n.name);
  if (names.length > 0)
    problems.push(listed("Defined names are not kept", names));

  const rejected: string[] = [];
  workbook.reset(worksheets.map((w) => w.name));
  workbook.batch(() => {
    for (const extent of tables.extents) {
      try {
        workbook.setTable(extent);
      } catch (error) {
        rejected.push(`${extent.name} (${errorMessage(error)})`);
      }
    }
    for (const { sheet, position, input, format } of cells) {
      workbook.write({ sheet, ...position }, input);
      if (format) workbook.setNumberFormat({ sheet, ...position }, format);
    }
  });
  if (rejected.length > 0)
    problems.push(listed("Tables the preview could not define", rejected));
  problems.push(...formulaProblems(workbook, cells));
  return {
    sheets: workbook.sheetNames,
    tables: workbook.tables.all().map((t) => t.name),
    problems,
  };
}

/** A sheet's cells as the grid takes them; the cells an array formula fills are left to its spill. */
function readCells(
  worksheet: ExcelJS.Worksheet,
  merged: string[],
): OpenedCell[] {
  const cells: OpenedCell[] = [];
  const spilled: { top: CellPosition; bottom: CellPosition }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const position = { row: Number(cell.row) - 1, col: Number(cell.col) - 1 };
      const value = cell.value as ExcelJS.CellValue & {
        shareType?: string;
        ref?: string;
      };
      if (cell.type === ExcelJS.ValueType.Merge) {
        merged.push(`${quoteSheetName(worksheet.name)}!${cell.address}`);
        return;
      }
      if (
        value &&
        typeof value === "object" &&
        value.shareType === "array" &&
        value.ref
      ) {
        const [top, bottom = top] = value.ref.split(":").map(parseCellName);
        spilled.push({ top, bottom });
      }
      const input = inputOf(cell);
      if (input === null) return;
      const format =
        cell.numFmt && cell.numFmt.toLowerCase() !== "general"
          ? cell.numFmt
          : undefined;
      cells.push({ sheet: worksheet.name, position, input, format });
    }),
  );
  const inside = ({ row, col }: CellPosition) =>
    spilled.some(
      ({ top, bottom }) =>
        row >= top.row &&
        row <= bottom.row &&
        col >= top.col &&
        col <= bottom.col &&
        !(row === top.row && col === top.col),
    );
  return cells.filter((c) => !inside(c.position));
}

/** A file's cell as the grid's input: a formula as typed, a date as its serial number, rich text as its text. */
function inputOf(cell: ExcelJS.Cell): CellInput {
  if (cell.type === ExcelJS.ValueType.Formula)
    return formulaFromFile(cell.formula);
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (value instanceof Date)
    return (value.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
  if (typeof value === "object") {
    if ("error" in value) return value.error;
    // Rich text and hyperlinks: the text the cell shows.
    return cell.text;
  }
  return value;
}

function readTables(worksheets: ExcelJS.Worksheet[]): OpenedTables {
  const extents: TableExtent[] = [];
  const problems: string[] = [];
  for (const worksheet of worksheets) {
    for (const table of worksheet.getTables() as unknown as {
      model: {
        name: string;
        tableRef?: string;
        ref?: string;
        headerRow?: boolean;
        totalsRow?: boolean;
      };
    }[]) {
      const {
        name,
        tableRef,
        ref,
        headerRow = true,
        totalsRow = false,
      } = table.model;
      const [top, bottom = top] = (tableRef ?? ref ?? "")
        .split(":")
        .map(parseCellName);
      if (!headerRow)
        problems.push(
          `Table ${name} has no header row, which the preview needs; it is opened as plain cells.`,
        );
      if (!headerRow) continue;
      if (totalsRow)
        problems.push(
          `Table ${name}'s totals row is opened as plain cells below the table.`,
        );
      extents.push({
        name,
        sheet: worksheet.name,
        topLeft: top,
        width: bottom.col - top.col + 1,
        height: bottom.row - top.row + 1 - (totalsRow ? 1 : 0),
      });
    }
  }
  return { extents, problems };
}

/**
 * Formulas the preview cannot compute (references it does not translate, what the engine
 * rejects), and structured references that name nothing in their table, which show an error.
 */
function formulaProblems(workbook: Workbook, cells: OpenedCell[]): string[] {
  const references: string[] = [];
  const unresolved: string[] = [];
  const failing: string[] = [];
  for (const { sheet, position, input } of cells) {
    if (typeof input !== "string" || !input.startsWith("=")) continue;
    const where = `${quoteSheetName(sheet)}!${cellName(position)}`;
    const translation = workbook.translation({ sheet, ...position });
    const leftover = leftoverReferences(translation?.formula ?? input);
    if (leftover.length > 0) {
      references.push(`${where} ${leftover.join(", ")}`);
      continue;
    }
    if (translation && translation.problems.length > 0) {
      unresolved.push(`${where} ${translation.problems.join(", ")}`);
      continue;
    }
    const { value } = workbook.cell({ sheet, ...position });
    if (
      typeof value === "object" &&
      value !== null &&
      (value.error === "#NAME?" ||
        (value.error === "#ERROR!" && /pars/i.test(value.message)))
    )
      failing.push(
        `${where} ${input}${value.message ? ` (${value.message})` : ""}`,
      );
  }
  const problems: string[] = [];
  if (references.length > 0)
    problems.push(
      listed(
        "References the preview cannot compute (other workbooks, tables the file does not define, or a structured reference it cannot read)",
        references,
      ),
    );
  if (unresolved.length > 0)
    problems.push(
      listed(
        "Structured references that name nothing in their table",
        unresolved,
      ),
    );
  if (failing.length > 0)
    problems.push(listed("Formulas the preview cannot compute", failing));
  return problems;
}

/** "What: a; b; c and 4 more." */
function listed(what: string, items: string[]): string {
  const shown = items.slice(0, EXAMPLES).join("; ");
  const more =
    items.length > EXAMPLES ? ` and ${items.length - EXAMPLES} more` : "";
  return `${what}: ${shown}${more}.`;
}
