/* global Excel */
/**
 * Creating a table in one Excel batch, as the sample and the set-up from a list do: its cells,
 * the table over them, its columns' number formats and widths. Queued only; the caller syncs.
 */
import { tableAddress } from "./address";
import { formulaOrWrittenCell, writtenCell } from "./cellWrite";
import { numberFormatFor } from "./numberFormats";
import type { SheetTable } from "./store";

/** Creates a table; `cell` says how a row's cell is written (the sample's "=..." as formulas). */
export function queueSampleTable(
  sheet: Excel.Worksheet,
  spec: SheetTable,
  cell: (value: unknown) => unknown = formulaOrWrittenCell,
): Excel.Table {
  const address = tableAddress(spec);
  const range = sheet.getRange(address);
  range.formulas = [
    spec.header.map(writtenCell),
    ...spec.rows.map((row) => row.map(cell)),
  ];
  const table = sheet.tables.add(address, true);
  table.name = spec.name;
  spec.header.forEach((header, column) => {
    const format = numberFormatFor(header);
    if (format === null || spec.rows.length === 0) return;
    const body = range
      .getCell(1, column)
      .getResizedRange(spec.rows.length - 1, 0);
    body.numberFormat = spec.rows.map(() => [format]);
  });
  range.format.autofitColumns();
  return table;
}
