/**
 * Where the copy finds the tables the store loaded (their sheet and first cell, from their
 * address) and how it refers to their cells from another sheet; a table it cannot place, or
 * a scorecard it cannot copy, is a CopyRefusal that the copy reports as its message.
 */
import { headerKey } from "../core";
import {
  cellAddress,
  parseSheetRange,
  quoteSheetName,
  type CellRef,
} from "../workbook/address";
import type { TableData } from "../workbook/store";

/** Where a loaded table lies: its sheet and the first cell of its header row. */
export interface Placed {
  data: TableData;
  sheet: string;
  topLeft: CellRef;
}

export class CopyRefusal extends Error {}

export function refuse(message: string): never {
  throw new CopyRefusal(message);
}

export function place(name: string, data: TableData | null): Placed {
  if (data === null) refuse(`The workbook has no ${name} table.`);
  const at = data.address ? parseSheetRange(data.address) : null;
  if (at === null)
    refuse(`The ${name} table's place in the workbook is not known.`);
  return { data, ...at };
}

/** "$C$5": a data cell of a placed table, row and column 0-based in its data. */
export function absoluteCell(
  table: Placed,
  row: number,
  column: number,
): string {
  const cell = cellAddress({
    row: table.topLeft.row + 1 + row,
    column: table.topLeft.column + column,
  });
  return cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** "Scorecard!$C$5": the same with its sheet, for a formula on another sheet. */
export function dataCell(table: Placed, row: number, column: number): string {
  return `${quoteSheetName(table.sheet)}!${absoluteCell(table, row, column)}`;
}

/** The column of the data block of `table` from data row 0 to `rows` - 1. */
export function dataColumn(
  table: Placed,
  column: number,
  rows: number,
): string {
  const first = dataCell(table, 0, column);
  return rows === 1
    ? first
    : `${first}:${absoluteCell(table, rows - 1, column)}`;
}

export function column(header: readonly string[], key: string): number {
  return header.map(headerKey).indexOf(key);
}
