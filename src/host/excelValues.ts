/**
 * The values Excel passes to custom functions and shows from them: error values
 * (CustomFunctions.Error), blank cells, arguments written empty, data-type values, and a
 * call's result.
 */

/** Excel's error values, keyed as CustomFunctions.ErrorCode names them. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;
export type ErrorValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The runtime's CustomFunctions.Error: an error value in a cell, with an optional message. */
export class ExcelError {
  constructor(
    readonly code: ErrorValue,
    readonly message?: string,
  ) {}
  toString(): string {
    return this.message ? `${this.code} ${this.message}` : this.code;
  }
}

/** A blank cell in an argument; the host passes it the way the chosen Excel build does. */
export class BlankCell {
  toString(): string {
    return "(blank)";
  }
}
export const BLANK = new BlankCell();

/**
 * A data-type value in a cell, in the JSON schema Excel's data types share (Microsoft: "Use
 * data types in Excel add-ins", JSON schema): `type` (Entity, FormattedNumber, Double,
 * String, WebImage...), `basicType` and `basicValue`, the plain value calculations fall back
 * on (an entity's is usually the error #VALUE!), and properties of its own.
 */
export interface DataTypeValue {
  type: string;
  basicType?: string;
  basicValue: number | string | boolean;
  [property: string]: unknown;
}

/** An argument written empty, as the first of `=PRM.CERTSTATUS(,A1)`: not left out. */
export class EmptyArgument {
  toString(): string {
    return "(empty argument)";
  }
}
export const EMPTY = new EmptyArgument();

export type Cell =
  number | string | boolean | null | BlankCell | ExcelError | DataTypeValue;
/**
 * An argument: one cell, a range as rows of cells, EMPTY for an argument written empty, or
 * undefined for an argument left out.
 */
export type Argument = Cell | Cell[][] | EmptyArgument | undefined;
/** What a cell shows: a value or an error. */
export type Shown = number | string | boolean | ExcelError;
export type CallResult = Shown | Shown[][];

/** Whether a cell holds a data-type value (and not one of the host's own markers). */
export function isDataTypeValue(cell: unknown): cell is DataTypeValue {
  return (
    typeof cell === "object" &&
    cell !== null &&
    typeof (cell as { type?: unknown }).type === "string" &&
    "basicValue" in cell
  );
}

/** What a data-type value falls back on: its basicValue, or the error it stands for. */
export function basicValueOf(value: DataTypeValue): Cell {
  if (value.basicType === "Error" || value.type === "Error") {
    const code = Object.values(ErrorCode).find((c) => c === value.basicValue);
    return new ExcelError(code ?? ErrorCode.invalidValue);
  }
  return value.basicValue;
}
