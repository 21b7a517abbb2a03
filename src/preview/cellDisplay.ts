/**
 * What a cell shows, as Excel would show it: numbers in General format unless the cell has
 * one of the formats the scorecard uses (yyyy-mm-dd, 0.0, #,##0), dates typed as dates as
 * dates, TRUE/FALSE in capitals, errors by their code with the message as a tooltip.
 */
import { isoDateFromSerial } from "../core/dates";
import type { CellState } from "./workbook";

export type CellKind = "empty" | "number" | "text" | "boolean" | "error";

export interface CellDisplay {
  text: string;
  kind: CellKind;
  /** Shown on hover: an error's message. */
  title?: string;
}

/** The core's reading of a date serial, under the name the preview's modules use. */
export const serialToIsoDate = isoDateFromSerial;

/** Excel's General format, roughly: up to 10 significant digits, exponent for extremes. */
export function generalNumber(value: number): string {
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  if (magnitude >= 1e11 || magnitude < 1e-9)
    return value.toExponential(5).replace(/\.?0*e/, "E");
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(10)));
}

/** A number in one of the format codes the sample uses; General for any other code. */
export function formatNumber(
  value: number,
  format: string | undefined,
): string {
  if (format === undefined || format.toLowerCase() === "general")
    return generalNumber(value);
  if (format.toLowerCase() === "yyyy-mm-dd") return serialToIsoDate(value);
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const decimals = fixed[2]?.length ?? 0;
    return value.toLocaleString("en-US", {
      useGrouping: fixed[1] !== undefined,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
  }
  return generalNumber(value);
}

export function displayOf(cell: CellState, format?: string): CellDisplay {
  const { value } = cell;
  if (value === null) return { text: "", kind: "empty" };
  if (typeof value === "object")
    return {
      text: value.error,
      kind: "error",
      title: value.message ? `${value.error} ${value.message}` : value.error,
    };
  if (typeof value === "boolean")
    return { text: value ? "TRUE" : "FALSE", kind: "boolean" };
  if (typeof value === "string") return { text: value, kind: "text" };
  if (format === undefined && cell.numberType === "NUMBER_DATE")
    return { text: serialToIsoDate(value), kind: "number" };
  if (format === undefined && cell.numberType === "NUMBER_PERCENT")
    return { text: `${generalNumber(value * 100)}%`, kind: "number" };
  return { text: formatNumber(value, format), kind: "number" };
}
