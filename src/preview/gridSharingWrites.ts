/**
 * What the sharing actions write in the browser workbook, as the Excel adapter does: a sheet
 * the add-in owns (the copy for colleagues), rows appended to the History table, the
 * Evaluation date, and the values-only export.
 */
import type {
  OwnedSheet,
  OwnedSheetWrite,
  ValuesSheet,
} from "../workbook/store";
import { HISTORY_HEADER, historyRowsFor } from "../core/history";
import { freeSheetName } from "../workbook/sheetNames";
import {
  formulaOrWrittenCell,
  tableRectangle,
  writtenCell,
} from "../workbook/cellWrite";
import { ownedSheetTaken } from "../workbook/ownedSheet";
import { EVALUATION_DATE, SHEET, TABLE } from "../workbook/names";
import {
  evaluationDateFormula,
  NO_EVALUATION_TABLE,
} from "../workbook/evaluationDate";
import { numberFormatFor } from "../workbook/numberFormats";
import type { TableExtent } from "./tableReferences";
import type { GridTableIo } from "./gridTableIo";
import { valuesSheetCharts } from "./gridCharts";
import type { CellAddress, CellInput } from "./workbook";

/** As the Excel adapter: creates or rewrites a sheet whose A1 holds the marker, never another. */
export async function writeOwnedSheet(
  io: GridTableIo,
  sheet: OwnedSheet,
  onlyIfPresent: boolean,
): Promise<OwnedSheetWrite> {
  const present = io.workbook.hasSheet(sheet.name);
  if (!present && onlyIfPresent) return "absent";
  if (present) {
    const first = io.workbook.cell({ sheet: sheet.name, row: 0, col: 0 });
    if (first.value !== sheet.marker)
      throw new Error(ownedSheetTaken(sheet.name));
  }
  const cells = sheet.cells.map((row) => row.map(formulaOrWrittenCell));
  io.workbook.batch(() => {
    if (present) {
      const { rows, cols } = io.workbook.usedSize(sheet.name);
      for (let row = 0; row < rows; row++)
        for (let col = 0; col < cols; col++)
          io.workbook.write({ sheet: sheet.name, row, col }, null);
    } else io.workbook.addSheet(sheet.name);
    io.writeCells(sheet.name, { row: 0, col: 0 }, cells);
  });
  return "written";
}

/**
 * Rows go below the History table, which grows over them, as Excel's rows.add; on first
 * use the Tier history sheet (Excel reserves the sheet name History) and the History table are made. Refused, writing nothing, where the rows would
 * land on data (Excel would shift it; the preview keeps it simple and says so).
 */
export async function appendHistory(
  io: GridTableIo,
  rows: unknown[][],
): Promise<void> {
  if (rows.length === 0) return;
  const table = io.workbook.tables.get(TABLE.history);
  // The table's columns as they are (a user may have added some), or the four of a new one.
  const header = table
    ? (io.read(TABLE.history)?.header ?? [])
    : [...HISTORY_HEADER];
  // Every cell as the Excel adapter writes it: a partner named "=..." stays text.
  const [headerCells, ...cells] = tableRectangle(TABLE.history, {
    header,
    rows: historyRowsFor(header, rows),
  }) as CellInput[][];
  const created: TableExtent = {
    name: TABLE.history,
    sheet: SHEET.history,
    topLeft: { row: 0, col: 0 },
    width: header.length,
    height: 0,
  };
  const before = table ?? created;
  const added: TableExtent = {
    ...before,
    topLeft: {
      row: before.topLeft.row + before.height,
      col: before.topLeft.col,
    },
    height: table ? rows.length : rows.length + 1,
  };
  const grown = { ...before, height: before.height + added.height };
  io.refuseOccupied(added);
  io.refuseOverlap(grown, [grown]);
  io.workbook.batch(() => {
    io.workbook.addSheet(grown.sheet);
    io.workbook.setTable(grown);
    io.writeCells(
      added.sheet,
      added.topLeft,
      table ? cells : [headerCells, ...cells],
    );
    io.formatColumns(header, {
      ...grown,
      topLeft: {
        row: grown.topLeft.row + grown.height - rows.length,
        col: grown.topLeft.col,
      },
      height: rows.length,
    });
  });
}

/** As the Excel adapter: the Evaluation table's first data cell gets a DATE formula, in one batch. */
export async function setEvaluationDate(
  io: GridTableIo,
  serial: number,
): Promise<void> {
  const table = io.workbook.tables.get(TABLE.evaluation);
  if (!table || table.height < 2) throw new Error(NO_EVALUATION_TABLE);
  const at: CellAddress = {
    sheet: table.sheet,
    row: table.topLeft.row + 1,
    col: table.topLeft.col,
  };
  io.workbook.batch(() => {
    io.workbook.write(at, evaluationDateFormula(serial));
    io.workbook.setNumberFormat(
      at,
      numberFormatFor(EVALUATION_DATE) ?? "yyyy-mm-dd",
    );
  });
}

/** The values-only export: a new sheet, named freely, with the values and their number formats. */
export async function writeValuesSheet(
  io: GridTableIo,
  values: ValuesSheet,
): Promise<string> {
  // Checked before the sheet is added: a chart that cannot be drawn writes nothing.
  const charts = valuesSheetCharts(values);
  const name = freeSheetName(values.name, io.workbook.sheetNames);
  io.workbook.batch(() => {
    io.workbook.addSheet(name);
    values.cells.forEach((row, r) =>
      row.forEach((cell, col) => {
        const at = { sheet: name, row: r, col };
        io.workbook.write(at, writtenCell(cell));
        const format = values.numberFormats[r]?.[col];
        if (format && format !== "General")
          io.workbook.setNumberFormat(at, format);
      }),
    );
  });
  io.workbook.charts.replace(name, charts);
  io.workbook.activate(name);
  return name;
}
