/**
 * What one spreadsheet cell holds, as the core sees it. Excel passes a blank cell as `null`
 * (web, current desktop) or `0` (older desktop builds), a formula's "" as "", and error
 * values as error objects; users on older builds mark missing data with n/a, na or "-".
 * In a range of values a 0 is always a value: the older builds' blank-as-0 cannot be told
 * apart from a real 0. The model tables read a 0 where 0 cannot mean anything as a blank
 * (table.ts, modelCell).
 * With allowCustomDataForDataTypeAny in functions.json, Excel passes a data-type value (an
 * entity, a formatted number) as an object with `type`, `basicType` and `basicValue`
 * (Microsoft: "Use data types with custom functions in Excel"; "Use data types in Excel
 * add-ins", JSON schema): it reads as its basicValue, as Excel's own calculations read it,
 * and as missing when that is an error (an entity's usually is: #VALUE!).
 */
import { excelRound15 } from "./precision";

export type CellReading =
  | { kind: "missing" }
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "invalid" };

const MISSING_MARKERS = new Set(["", "n/a", "na", "-"]);
/**
 * Text longer than this is never a missing marker, even padded with spaces: such a cell is
 * not lower-cased to find out (a 32,000-character cell would be copied once per look).
 */
const MARKER_TEXT_LIMIT = 64;

function isMarker(text: string): boolean {
  // Text longer than any marker, starting and ending in a visible ASCII character (so not
  // padded), is a value: decided without the new strings that trim and lower-case make.
  const last = text.length - 1;
  if (
    last > 2 &&
    isVisibleAscii(text.charCodeAt(0)) &&
    isVisibleAscii(text.charCodeAt(last))
  )
    return false;
  return (
    text.length <= MARKER_TEXT_LIMIT &&
    MISSING_MARKERS.has(text.trim().toLowerCase())
  );
}

function isVisibleAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}
const MISSING: CellReading = { kind: "missing" };

/**
 * The plain value of a data-type value (its basicValue), or undefined for any other object:
 * an error value, or a data type whose basic value is an error.
 */
function basicValueOf(cell: object): number | string | boolean | undefined {
  const { type, basicType, basicValue } = cell as {
    type?: unknown;
    basicType?: unknown;
    basicValue?: unknown;
  };
  if (typeof type !== "string" || type === "Error" || basicType === "Error")
    return undefined;
  return typeof basicValue === "number" ||
    typeof basicValue === "string" ||
    typeof basicValue === "boolean"
    ? basicValue
    : undefined;
}

/** A cell with a data-type value replaced by its basic value; any other cell as it is. */
export function plainCell(cell: unknown): unknown {
  if (typeof cell !== "object" || cell === null) return cell;
  return basicValueOf(cell) ?? cell;
}

export function readCell(cell: unknown): CellReading {
  switch (typeof cell) {
    case "undefined":
      return MISSING;
    case "number":
      return Number.isFinite(cell)
        ? { kind: "number", value: cell }
        : { kind: "invalid" };
    case "string": {
      return isMarker(cell) ? MISSING : { kind: "text", value: cell.trim() };
    }
    case "boolean":
      return { kind: "boolean", value: cell };
    case "object": {
      // null is a blank cell; a data-type value reads as its basic value; any other object
      // is an Excel error value in the cell.
      const basic = cell === null ? undefined : basicValueOf(cell);
      return basic === undefined ? MISSING : readCell(basic);
    }
    default:
      return { kind: "invalid" };
  }
}

/** Whether a cell holds an error value (an error object, or a data type standing for one). */
export function isErrorValue(cell: unknown): boolean {
  return (
    typeof cell === "object" &&
    cell !== null &&
    basicValueOf(cell) === undefined
  );
}

export function isMissing(cell: unknown): boolean {
  // Decided without building a CellReading: this runs for every value of every partner.
  if (typeof cell === "number" || typeof cell === "boolean") return false;
  if (typeof cell === "string") return isMarker(cell);
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "object") return false;
  const basic = basicValueOf(cell);
  return basic === undefined || isMissing(basic);
}

/** How much of a long text a message quotes: enough to recognise the cell, not a 32,000-character copy. */
const SHOWN_TEXT = 60;

/** The cell as a user would recognise it in a message: text quoted, TRUE/FALSE in capitals. */
export function showCell(cell: unknown): string {
  if (cell === null || cell === undefined) return "a blank cell";
  if (typeof cell === "string")
    return cell.length > SHOWN_TEXT
      ? `"${cell.slice(0, SHOWN_TEXT)}…" (${cell.length} characters)`
      : `"${cell}"`;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? String(cell)
      : `${cell} (not a finite number)`;
  if (typeof cell === "object") {
    const basic = basicValueOf(cell);
    if (basic !== undefined) return showCell(basic);
    // A CustomFunctions.Error has a code; a data type standing for an error, a basicValue.
    const { code, basicValue } = cell as {
      code?: unknown;
      basicValue?: unknown;
    };
    if (typeof code === "string") return `the error ${code}`;
    return typeof basicValue === "string"
      ? `the error ${basicValue}`
      : "an error value";
  }
  return `a value of type ${typeof cell}`;
}

/** A cell read as a number, or null when it is missing or not a number. */
export function cellNumber(cell: unknown): number | null {
  const reading = readCell(cell);
  return reading.kind === "number" ? reading.value : null;
}

/**
 * A cell read as trimmed text, or null when missing or not text-like. A number reads as the
 * text Excel makes of it (`=A1&""`): a tier named 1 or a criterion named 2025 is typed as a
 * number, and Excel passes it as one, but it is the same name as the text "1" or "2025".
 * Every name, label and header the core reads goes through here.
 */
export function cellText(cell: unknown): string | null {
  const reading = readCell(cell);
  if (reading.kind === "text") return reading.value;
  if (reading.kind === "number") return numberText(reading.value);
  return null;
}

/**
 * A number as Excel turns it into text: its 15 significant digits (Excel keeps no more).
 * Names are whole numbers or short decimals (1, 2025, 1.5), written alike by both; a number
 * that needs an exponent (1E+21) or has more than 15 digits before the point may be written
 * differently by Excel, and is no name anyone types.
 */
export function numberText(value: number): string {
  return String(excelRound15(value)).toUpperCase();
}
