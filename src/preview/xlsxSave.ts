/**
 * The browser workbook saved as a real .xlsx, through ExcelJS (xlsxFile.ts): every sheet's
 * values and formulas as typed (with the computed results cached, as Excel saves them), number
 * formats, and the tables as Excel tables.
 */
import * as ExcelJS from "exceljs";
import { cellName } from "./a1";
import { formulaToFile } from "./fileFormulas";
import { isFormula } from "./formulaText";
import { freeHeaderName } from "./tableHeaders";
import { type TableExtent } from "./tableReferences";
import type { CellAddress, CellState, Workbook } from "./workbook";

/** Excel's error values; the engine's own (#CYCLE!, #SPILL!, #ERROR!, #LIC!) are saved as #VALUE!. */
const EXCEL_ERRORS = new Set([
  "#N/A",
  "#REF!",
  "#NAME?",
  "#DIV/0!",
  "#NULL!",
  "#VALUE!",
  "#NUM!",
]);

/** What the grid shows as a date or a percentage without a format of its own gets one in the file. */
const IMPLIED_FORMATS: Record<string, string> = {
  NUMBER_DATE: "yyyy-mm-dd",
  NUMBER_PERCENT: "0%",
};

/** The look of the preview's tables (blue header, banded rows). */
const TABLE_STYLE = {
  theme: "TableStyleMedium2",
  showRowStripes: true,
} as const;

/** The workbook as the bytes of an .xlsx file. */
export async function toXlsx(workbook: Workbook): Promise<Uint8Array> {
  const file = new ExcelJS.Workbook();
  file.creator = "Partner Scorecard browser workbook";
  for (const sheet of workbook.sheetNames) {
    const worksheet = file.addWorksheet(sheet);
    const { rows, cols } = workbook.usedSize(sheet);
    for (let row = 0; row < rows; row++) {
      for (let col = 0; col < cols; col++) {
        const address = { sheet, row, col };
        const state = workbook.cell(address);
        const value = savedValue(workbook, address, state);
        if (value === null) continue;
        const target = worksheet.getCell(row + 1, col + 1);
        target.value = value;
        const format =
          workbook.numberFormat(address) ??
          (state.numberType && IMPLIED_FORMATS[state.numberType]);
        if (format) target.numFmt = format;
      }
    }
  }
  for (const table of workbook.tables.all())
    addTable(file.getWorksheet(table.sheet)!, table);
  return new Uint8Array(await file.xlsx.writeBuffer());
}

/**
 * A cell as ExcelJS writes it. A formula whose result spills is saved as an array formula over
 * the cells it fills (Excel then shows every value; ExcelJS cannot write dynamic-array
 * formulas), and the spilled cells hold their values.
 */
function savedValue(
  workbook: Workbook,
  address: CellAddress,
  state: CellState,
): ExcelJS.CellValue {
  const result = resultOf(state.value);
  if (!isFormula(state.input)) {
    if (result === null) return null;
    // A typed error (#N/A) is the error; text is kept as typed.
    return typeof state.value === "object" && state.value !== null
      ? result
      : (state.value as ExcelJS.CellValue);
  }
  const formula = formulaToFile(state.input);
  const spill = workbook.spillSize(address);
  if (!spill || (spill.height === 1 && spill.width === 1))
    return { formula, result: result ?? undefined } as ExcelJS.CellFormulaValue;
  const last = {
    row: address.row + spill.height - 1,
    col: address.col + spill.width - 1,
  };
  return {
    formula,
    result: result ?? undefined,
    shareType: "array",
    ref: `${cellName(address)}:${cellName(last)}`,
  } as ExcelJS.CellValue;
}

function resultOf(
  value: CellState["value"],
): number | string | boolean | ExcelJS.CellErrorValue | null {
  if (value === null || typeof value !== "object") return value;
  const error = EXCEL_ERRORS.has(value.error) ? value.error : "#VALUE!";
  return { error: error as ExcelJS.CellErrorValue["error"] };
}

/** An Excel table over cells already written: ExcelJS rewrites them from `rows`, so they are read back. */
function addTable(worksheet: ExcelJS.Worksheet, table: TableExtent): void {
  const cell = (r: number, c: number) =>
    worksheet.getCell(table.topLeft.row + r + 1, table.topLeft.col + c + 1);
  const columns = uniqueHeaders(
    Array.from({ length: table.width }, (_, c) => cell(0, c).text),
  );
  const rows: ExcelJS.CellValue[][] = [];
  // Excel needs a data row under the header; an empty one is added to a header-only table.
  for (let r = 1; r < Math.max(table.height, 2); r++)
    rows.push(columns.map((_, c) => cell(r, c).value));
  worksheet.addTable({
    name: table.name,
    ref: cellName(table.topLeft),
    headerRow: true,
    style: TABLE_STYLE,
    columns: columns.map((name) => ({ name, filterButton: true })),
    rows,
  });
}

/** Excel's table columns need distinct, non-empty names: Column1, Column2 ... fill the gaps. */
function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    const name = freeHeaderName(header.trim() || `Column${i + 1}`, seen);
    seen.add(name.toLowerCase());
    return name;
  });
}
