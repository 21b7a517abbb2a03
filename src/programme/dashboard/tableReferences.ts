/**
 * Formula text over the workbook's tables for the Dashboard: structured references
 * (`Partners[Tier]`), which Excel keeps pointing at the whole column as rows are added, and
 * which the browser workbook translates the same way (src/preview/tableReferences.ts).
 * Literals are written as the copy for colleagues writes them (src/sharing/excelFormula.ts).
 */
import { headerKey } from "../../core";
import { formatSpecifier } from "../../workbook/structuredReference";
import type { TableData } from "../../workbook/store";

/** `Table[Column]` for the column of `table` whose header is `header` (any case), as its header is spelled. */
export function columnReference(
  tableName: string,
  table: TableData,
  header: string,
): string | null {
  const at = table.header.map(headerKey).indexOf(headerKey(header));
  if (at < 0) return null;
  const name = String(table.header[at]);
  return `${tableName}[${formatSpecifier({ rows: [], columns: { first: name, last: name } })}]`;
}

/** `INDEX(column,k)`: the k-th (1-based) data cell of a table's column. */
export function nthCell(column: string, k: number): string {
  return `INDEX(${column},${k})`;
}
