/**
 * PRM.CERTSTATUS restated for the copy: a Partners value cell's formula read as a call with
 * arguments built-in formulas can use too (cells of the Partners sheet, this row's cell of a
 * Partners column, another table's column, numbers), or null where the copy must refer to
 * the cell instead.
 */
import { DEFAULT_WARN_DAYS, headerKey } from "../core";
import { quoteSheetName } from "../workbook/address";
import { TABLE } from "../workbook/names";
import {
  closingBracket,
  parseSpecifier,
} from "../workbook/structuredReference";
import { column, dataCell, type Placed } from "./placedTables";

/** The arguments of a PRM.CERTSTATUS call, as references the copy can use. */
export interface CertStatusCall {
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
export function certStatusCall(
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
 * A whole column of a table other than Partners, `Evaluation[Evaluation date]` (the sample's
 * evaluation date): a reference built-in formulas read as well, so the copy keeps it.
 */
function otherTableColumn(reference: string): string | null {
  const match = OTHER_TABLE_COLUMN.exec(reference);
  return match && headerKey(match[1]) !== headerKey(TABLE.partners)
    ? reference
    : null;
}

/**
 * `[@Column]`, `[@[Column]]`, `Partners[@Column]` or `Partners[[#This Row],[Column]]` in the
 * formula of Partners data row `row`: that row's cell of the column; null for any other text.
 */
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
