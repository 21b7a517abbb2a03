/**
 * The ScorecardStore port over the browser workbook's grid: what the real task pane uses
 * when it runs inside the preview page. It behaves like the Excel adapter where the pane can
 * tell: tables are read as Excel's range.values reads them (blank as ""), written with the
 * same cell rules (src/workbook/cellWrite.ts) in one batch, and only edits typed into the
 * Criteria or Tiers tables are reported to watchers, never the store's own writes.
 */
import type {
  ChartedSheet,
  ChartStore,
  ListSetUp,
  ListSetUpStore,
  PartnerCellFix,
  PartnerFixStore,
  LoadOptions,
  OwnedSheet,
  PartnerList,
  OwnedSheetWrite,
  ScorecardStore,
  SharingStore,
  SheetTable,
  TableData,
  ValuesSheet,
  WorkbookScorecard,
  PartnerColumnChanges,
  ReviewColumns,
  ReviewStore,
  ReviewWrite,
} from "../workbook/store";
import {
  hasFormulas,
  tableRectangle,
  writtenCell,
} from "../workbook/cellWrite";
import { TABLE } from "../workbook/names";
import { changedSinceCheck } from "../workbook/store";
import { cellName, parseCellName, quoteSheetName } from "./a1";
import type { TableExtent } from "./tableReferences";
import { partnerColumnsWrite } from "./gridPartnerColumns";
import { gridAddReviewColumns, gridWriteReview } from "./gridReview";
import { evaluationDateOf } from "../workbook/reviewLayout";
import { GridTableIo } from "./gridTableIo";
import { writeChartedSheet } from "./gridCharts";
import { readList, setUpFromList, undoSetUp } from "./gridListSetUp";
import {
  watchModel,
  watchPartners,
  watchPartnerSelection,
  type SelectionSource,
} from "./gridWatch";
import {
  appendHistory,
  setEvaluationDate,
  writeOwnedSheet,
  writeValuesSheet,
} from "./gridSharingWrites";
import type { CellInput, Workbook } from "./workbook";

export type { SelectionSource } from "./gridWatch";

/**
 * The store's parts: reading and writing tables (gridTableIo.ts), set-up from a list
 * (gridListSetUp.ts), what it reports (gridWatch.ts), the sharing writes
 * (gridSharingWrites.ts), the Partners columns an Apply renames or adds
 * (gridPartnerColumns.ts).
 */
export class GridStore
  implements
    ScorecardStore,
    SharingStore,
    ListSetUpStore,
    PartnerFixStore,
    ReviewStore,
    ChartStore
{
  private readonly io: GridTableIo;

  constructor(
    workbook: Workbook,
    private readonly selection?: SelectionSource,
  ) {
    this.io = new GridTableIo(workbook);
  }

  async load(options: LoadOptions = {}): Promise<WorkbookScorecard> {
    const read = (name: string) =>
      this.io.read(name, options.formulasOf?.includes(name));
    return {
      criteria: read(TABLE.criteria),
      tiers: read(TABLE.tiers),
      partners: read(TABLE.partners),
    };
  }

  async save(
    criteria: TableData,
    tiers: TableData,
    partnerColumns?: PartnerColumnChanges,
  ): Promise<void> {
    const writes = [
      {
        table: this.io.existing(TABLE.criteria),
        cells: tableRectangle(TABLE.criteria, criteria) as CellInput[][],
      },
      {
        table: this.io.existing(TABLE.tiers),
        cells: tableRectangle(TABLE.tiers, tiers) as CellInput[][],
      },
    ];
    const resized = writes.map(({ table, cells }) => ({
      ...table,
      height: cells.length,
      width: cells[0].length,
    }));
    // Checked before anything is written: a save either happens whole or not at all.
    for (const extent of resized) this.io.refuseOverlap(extent, resized);
    writes.forEach(({ table }, i) => this.io.refuseCovering(table, resized[i]));
    const partners =
      partnerColumns &&
      (partnerColumns.renames.length > 0 ||
        partnerColumns.inserts.headers.length > 0)
        ? partnerColumnsWrite(
            this.io.workbook,
            this.io.existing(TABLE.partners),
            partnerColumns,
          )
        : null;
    // And should a write fail half-way regardless, what it touched is put back.
    const restore = this.io.keep([
      ...writes.map((w) => w.table),
      ...resized,
      ...(partners ? [partners.touched] : []),
    ]);
    try {
      this.io.workbook.batch(() => {
        writes.forEach(({ table, cells }, i) => {
          this.io.clearOutside(table, resized[i]);
          this.io.writeCells(table.sheet, table.topLeft, cells);
          this.io.workbook.setTable(resized[i]);
        });
        partners?.write();
      });
    } catch (e) {
      restore();
      throw e;
    }
  }

  async createSample(tables: SheetTable[]): Promise<void> {
    const extents = tables.map((t): TableExtent => ({
      name: t.name,
      sheet: t.sheet,
      topLeft: parseCellName(t.topLeft),
      width: t.header.length,
      height: t.rows.length + 1,
    }));
    // Refused before anything is written, as the Excel adapter does: the sample never overwrites.
    for (const extent of extents)
      if (this.io.workbook.tables.get(extent.name))
        throw new Error(
          `The workbook already has a table named ${extent.name}; nothing was changed.`,
        );
    for (const extent of extents) this.io.refuseOverlap(extent, extents);
    for (const extent of extents) this.io.refuseOccupied(extent);
    this.io.workbook.batch(() => {
      for (const table of tables) this.io.workbook.addSheet(table.sheet);
      // Tables first: the Partners formulas refer to Criteria and Tiers by name.
      for (const extent of extents) this.io.workbook.setTable(extent);
      // Formulas are written as formulas; every other cell as the Excel adapter writes it.
      tables.forEach((table, i) =>
        this.io.writeTable(table.header, table.rows, extents[i]),
      );
    });
    // Like the Excel adapter: show the sheet of the last table with formulas (the partner
    // list, where the first scores appear).
    const shown =
      [...tables].reverse().find(hasFormulas) ?? tables[tables.length - 1];
    if (shown) this.io.workbook.activate(shown.sheet);
  }

  /** As the Excel adapter: refuses when a cell changed since the check, else writes all in one batch. */
  async fixPartnerCells(fixes: readonly PartnerCellFix[]): Promise<void> {
    const { sheet, topLeft } = this.io.existing(TABLE.partners);
    const cells = fixes.map((fix) => ({
      sheet,
      row: topLeft.row + 1 + fix.row,
      col: topLeft.col + fix.column,
    }));
    cells.forEach((cell, i) => {
      if (this.io.workbook.valueForStore(cell) !== fixes[i].was)
        throw new Error(
          changedSinceCheck(`${quoteSheetName(sheet)}!${cellName(cell)}`),
        );
    });
    this.io.workbook.batch(() =>
      cells.forEach((cell, i) =>
        this.io.workbook.write(cell, writtenCell(fixes[i].value) as CellInput),
      ),
    );
  }

  /** As the Excel adapter: the active sheet's first table, else its block of used cells. */
  readList(): Promise<PartnerList | null> {
    return readList(this.io, this.selection);
  }

  setUpFromList(setUp: ListSetUp): Promise<void> {
    return setUpFromList(this.io, setUp);
  }

  undoSetUp(setUp: ListSetUp): Promise<void> {
    return undoSetUp(this.io, setUp);
  }

  async watch(listener: () => void): Promise<() => void> {
    return watchModel(this.io.workbook, listener);
  }

  async watchPartners(listener: () => void): Promise<() => void> {
    return watchPartners(this.io.workbook, listener);
  }

  async watchPartnerSelection(
    listener: (row: number | null, values?: unknown[]) => void,
  ): Promise<() => void> {
    return watchPartnerSelection(this.io.workbook, this.selection, listener);
  }

  // ---- the Review section (gridReview.ts) ----
  async readEvaluationDate(): Promise<number | null> {
    return evaluationDateOf(await this.io.read(TABLE.evaluation));
  }
  async addReviewColumns(columns: ReviewColumns): Promise<void> {
    gridAddReviewColumns(this.io.workbook, columns);
  }
  async writeReview(write: ReviewWrite): Promise<void> {
    gridWriteReview(this.io.workbook, write);
  }

  // ---- sharing: the copy for colleagues, History and the values-only export ----

  writeOwnedSheet(
    sheet: OwnedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return writeOwnedSheet(this.io, sheet, onlyIfPresent);
  }

  async loadHistory(): Promise<TableData | null> {
    return this.io.read(TABLE.history);
  }

  appendHistory(rows: unknown[][]): Promise<void> {
    return appendHistory(this.io, rows);
  }

  setEvaluationDate(serial: number): Promise<void> {
    return setEvaluationDate(this.io, serial);
  }

  writeValuesSheet(values: ValuesSheet): Promise<string> {
    return writeValuesSheet(this.io, values);
  }

  /** As the Excel adapter: the owned sheet written, then its charts replaced (gridCharts.ts). */
  writeChartedSheet(
    sheet: ChartedSheet,
    onlyIfPresent: boolean,
  ): Promise<OwnedSheetWrite> {
    return writeChartedSheet(
      this.io.workbook,
      (owned, only) => this.writeOwnedSheet(owned, only),
      sheet,
      onlyIfPresent,
    );
  }
}
