/**
 * Values between HyperFormula and the custom-functions host. Arguments go the way Excel hands
 * them to a custom function (ranges as rows of cells, a blank as BLANK, an error cell as an
 * ExcelError); results come back the way Excel shows them (an ExcelError as a cell error with
 * its message, which HyperFormula carries in CellError.message).
 */
import {
  CellError,
  EmptyValue,
  ErrorType,
  SimpleRangeValue,
} from "hyperformula";
import type { Shape } from "./resultSize";
import {
  BLANK,
  ErrorCode,
  ExcelError,
  type CallResult,
  type Cell,
  type ErrorValue,
  type Shown,
} from "../host";

/** Excel's error values and the HyperFormula error types that show them. */
const HF_TYPE_OF_EXCEL_CODE: Record<ErrorValue, ErrorType> = {
  [ErrorCode.invalidValue]: ErrorType.VALUE,
  [ErrorCode.notAvailable]: ErrorType.NA,
  [ErrorCode.divisionByZero]: ErrorType.DIV_BY_ZERO,
  [ErrorCode.invalidNumber]: ErrorType.NUM,
  // HyperFormula has no #NULL!; it shows as #ERROR! with the message kept.
  [ErrorCode.nullReference]: ErrorType.ERROR,
  [ErrorCode.invalidName]: ErrorType.NAME,
  [ErrorCode.invalidReference]: ErrorType.REF,
};

/** The other way round; HyperFormula's #ERROR! stands for no single Excel error. */
const EXCEL_CODE_OF_HF_TYPE: Partial<Record<ErrorType, ErrorValue>> =
  Object.fromEntries(
    (Object.entries(HF_TYPE_OF_EXCEL_CODE) as [ErrorValue, ErrorType][])
      .filter(([, type]) => type !== ErrorType.ERROR)
      .map(([code, type]) => [type, code]),
  );

/**
 * An error cell as a custom function receives it. HyperFormula's own kinds (#CYCLE!, #SPILL!,
 * #ERROR!, #LIC!) have no CustomFunctions.ErrorCode; they arrive as #VALUE! naming the original.
 */
export function excelErrorOf(error: CellError): ExcelError {
  const code = EXCEL_CODE_OF_HF_TYPE[error.type];
  if (code) return new ExcelError(code, error.message || undefined);
  return new ExcelError(
    ErrorCode.invalidValue,
    `#${error.type}!${error.message ? ` ${error.message}` : ""}`,
  );
}

export function cellErrorOf(error: ExcelError): CellError {
  return new CellError(HF_TYPE_OF_EXCEL_CODE[error.code], error.message);
}

/** A number HyperFormula may wrap with its format (a date, a percentage): the raw value. */
function rawNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (
    typeof value === "object" &&
    value !== null &&
    "val" in value &&
    typeof (value as { val: unknown }).val === "number"
  ) {
    return (value as { val: number }).val;
  }
  return undefined;
}

/**
 * One evaluated HyperFormula cell as Excel passes it; a blank as `blank` (BLANK, which the
 * host passes as its Excel build does, or the value it passes).
 */
export function cellOf(value: unknown, blank: Cell = BLANK): Cell {
  if (value === EmptyValue || value === null || value === undefined)
    return blank;
  if (value instanceof CellError) return excelErrorOf(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  const number = rawNumber(value);
  if (number !== undefined) return number;
  throw new Error(
    `HyperFormula passed a cell value of an unexpected kind: ${String(value)}`,
  );
}

function hfCellOf(shown: Shown): CellError | number | string | boolean {
  return shown instanceof ExcelError ? cellErrorOf(shown) : shown;
}

/**
 * A host result as HyperFormula stores it: a scalar for a one-cell formula, else a
 * SimpleRangeValue padded with empty cells to the area HyperFormula reserved. The padding
 * keeps a single error of a spilling function in the anchor cell only, as in Excel (a lone
 * CellError would fill the whole reserved area).
 */
export function resultOf(
  result: CallResult,
  reserved: Shape,
): CellError | number | string | boolean | SimpleRangeValue {
  const rows = Array.isArray(result) ? result : [[result]];
  if (reserved.height === 1 && reserved.width === 1)
    return hfCellOf(rows[0][0]);
  // A spill that fills the reserved area with values (most: a score per partner) is handed
  // over as it is, not copied: 100,000 rows fewer to make and collect per recalculation.
  // HyperFormula keeps the rows and may pad or change them; they are the function's own,
  // fresh on every call, as Excel's runtime receives them (test/functions/spill.property.test.ts).
  if (fillsWithValues(rows, reserved))
    return SimpleRangeValue.onlyValues(rows as (number | string | boolean)[][]);
  const padded: (
    CellError | number | string | boolean | typeof EmptyValue
  )[][] = [];
  for (let r = 0; r < reserved.height; r++) {
    const row = rows[r] ?? [];
    const cells: (CellError | number | string | boolean | typeof EmptyValue)[] =
      [];
    for (let c = 0; c < reserved.width; c++)
      cells.push(c < row.length ? hfCellOf(row[c]) : EmptyValue);
    padded.push(cells);
  }
  return SimpleRangeValue.onlyValues(padded);
}

/** Whether `rows` has the reserved shape and holds no error value (HyperFormula's cells as they are). */
function fillsWithValues(rows: Shown[][], reserved: Shape): boolean {
  if (rows.length !== reserved.height) return false;
  for (const row of rows) {
    if (row.length !== reserved.width) return false;
    for (const cell of row) if (cell instanceof ExcelError) return false;
  }
  return true;
}
