/**
 * The user's edits in the browser workbook's grid, as Excel makes them: typing and pasting
 * (a header renamed where its table has the name, a table grown by an entry right below or
 * beside it), Ctrl+- and Ctrl++ in a table, and their undo and redo (editHistory.ts). Each is
 * written as the user's (a header renames its column's references) and announced as a
 * userEdit, and a table it resizes as a userTableResize.
 */
import { EditHistory, type CellEdit, type EditAction } from "./editHistory";
import { cellKey, type TableFormulas } from "./tableFormulas";
import {
  deletedTableRows,
  insertedTableRows,
  type TableRowsChange,
} from "./tableRows";
import {
  calculatedFills,
  newColumnHeaders,
  tableGrowth,
  type TableGrowth,
} from "./tableGrowth";
import { distinctHeaders } from "./tableHeaders";
import { contains, type TableExtent } from "./tableReferences";
import type {
  CellAddress,
  CellInput,
  Workbook,
  WorkbookEvent,
} from "./workbook";

/** What the edits reach of the workbook beyond its public face. */
export interface UserEditsHost {
  readonly formulas: TableFormulas;
  /** Number format codes by cell key. */
  readonly formats: Map<string, string>;
  readonly history: EditHistory;
  /** Defines or moves a table without ending the history. */
  defineTable(extent: TableExtent): void;
  /** Writes one cell through the formulas' bookkeeping; `typed`: as the user. */
  put(cell: CellAddress, input: CellInput, typed: boolean): void;
  emit(event: WorkbookEvent): void;
}

export class UserEdits {
  constructor(
    private readonly workbook: Workbook,
    private readonly host: UserEditsHost,
  ) {}

  /** What a cell holds, as text ("" for an empty cell). */
  private readonly textOf = (cell: CellAddress): string =>
    String(this.workbook.contentOf(cell) ?? "");

  /** What the user types into a cell in the grid: written, then announced as a userEdit. */
  enter(cell: CellAddress, text: string): void {
    this.enterAll([{ cell, text }]);
  }

  /**
   * What the user pastes into the grid: cells written in one batch, recalculated once, kept
   * for undo, then each announced as a userEdit (after the batch, when the workbook can be
   * read again).
   */
  enterAll(
    typed: { cell: CellAddress; text: string; format?: string | null }[],
  ): void {
    // A header typed over a name its table already has is renamed, as Excel does.
    const cells = distinctHeaders(
      this.workbook.tables.all(),
      typed,
      this.textOf,
    );
    // Entries in the rows right below a table, or the columns right after it, extend it, its
    // calculated columns filled in and new columns named (tableGrowth.ts), as Excel's tables
    // do.
    const written = new Set(cells.map(({ cell }) => cellKey(cell)));
    const tables = tableGrowth(
      this.workbook.tables.all(),
      cells.filter(({ text }) => text !== "").map(({ cell }) => cell),
    );
    const isWritten = (cell: CellAddress) => written.has(cellKey(cell));
    const entries = [
      ...cells,
      ...tables.flatMap((growth) => [
        ...calculatedFills(
          growth,
          (cell) => this.host.formulas.written(cell),
          isWritten,
        ),
        ...newColumnHeaders(growth, this.textOf, isWritten),
      ]),
    ];
    const before = entries.map(({ cell }) => this.workbook.contentOf(cell));
    for (const growth of tables) {
      this.host.defineTable(growth.after);
      this.extendFormats(growth);
    }
    // A paste from the grid brings the copied cells' number formats (null: General),
    // set before the cells are written: the grid draws them as the write announces them.
    for (const { cell, format } of cells) {
      if (format === null) this.host.formats.delete(cellKey(cell));
      else if (format !== undefined)
        this.host.formats.set(cellKey(cell), format);
    }
    this.writeAsUser(entries.map(({ cell, text }) => ({ cell, input: text })));
    const edits = this.editsOf(entries, before);
    // Two steps, as Excel records them: the entry, then the tables' growth, so that the first
    // Ctrl+Z takes back only the growth (the entry stays, outside the table).
    this.host.history.record({
      cells: edits.slice(0, cells.length),
      tables: [],
    });
    if (tables.length > 0)
      this.host.history.record({ cells: edits.slice(cells.length), tables });
    this.showTableRows(tables);
    this.announceUserEdits(entries.map(({ cell }) => cell));
  }

  /**
   * Ctrl+- in a table: deletes `count` of its data rows from sheet row `first`, the rows below
   * moving up (tableRows.ts), as one step of the user's that Ctrl+Z takes back. Throws, writing
   * nothing, for rows outside the table's data.
   */
  deleteTableRows(name: string, first: number, count: number): void {
    const table = this.tableNamed(name);
    this.changeTableRows(
      table,
      deletedTableRows(table, first, count, (cell) =>
        this.workbook.contentOf(cell),
      ),
    );
  }

  /**
   * Ctrl++ in a table: inserts `count` rows above its data row `first`, the rows from there
   * moving down and the new ones taking the calculated columns' formulas (tableRows.ts), as one
   * step of the user's. Throws, writing nothing, outside the table's data rows or where the
   * rows below the table hold data.
   */
  insertTableRows(name: string, first: number, count: number): void {
    const table = this.tableNamed(name);
    this.changeTableRows(
      table,
      insertedTableRows(
        table,
        first,
        count,
        (cell) => this.workbook.contentOf(cell),
        (cell) => this.host.formulas.written(cell),
      ),
    );
  }

  private tableNamed(name: string): TableExtent {
    const table = this.workbook.tables.get(name);
    if (!table) throw new Error(`There is no table named ${name}`);
    return table;
  }

  /** Writes a table's rows deleted or inserted, its new extent with them, as one undo step. */
  private changeTableRows(table: TableExtent, change: TableRowsChange): void {
    if ("error" in change) throw new Error(change.error);
    const before = change.cells.map(({ cell }) =>
      this.workbook.contentOf(cell),
    );
    const tables = [{ before: table, after: change.after }];
    // The new extent first, as an entry's growth and a redo take it: defining a table
    // translates again whatever refers to it, so the cells may be written either side of it.
    this.host.defineTable(change.after);
    this.writeAsUser(change.cells);
    this.host.history.record({
      cells: this.editsOf(change.cells, before),
      tables,
    });
    this.showTableRows(tables);
    this.announceUserEdits(change.cells.map(({ cell }) => cell));
  }

  /**
   * The undo record of cells just written, from what each held `before`: what each holds now,
   * typed as contentOf reads it ("5" typed is the number 5).
   */
  private editsOf(
    cells: readonly { cell: CellAddress }[],
    before: readonly CellInput[],
  ): CellEdit[] {
    return cells.map(({ cell }, i) => ({
      cell,
      before: before[i],
      after: this.workbook.contentOf(cell),
    }));
  }

  /** Ctrl+Z: the cells of the user's last edit get back what they held; the cells it wrote, or none. */
  undo(): CellAddress[] {
    return this.rewrite(this.host.history.takeUndo(), "before");
  }

  /** Ctrl+Y: the last edit undone is written again; the cells it wrote, or none. */
  redo(): CellAddress[] {
    return this.rewrite(this.host.history.takeRedo(), "after");
  }

  private rewrite(
    action: EditAction | undefined,
    side: "before" | "after",
  ): CellAddress[] {
    if (!action) return [];
    // A table the action resized takes its new extent before the action's cells are written
    // again, and its old one once they are written back.
    if (side === "after")
      for (const growth of action.tables) this.host.defineTable(growth.after);
    this.writeAsUser(
      action.cells.map((edit) => ({ cell: edit.cell, input: edit[side] })),
    );
    if (side === "before")
      for (const growth of action.tables) this.host.defineTable(growth.before);
    this.showTableRows(action.tables);
    const cells = action.cells.map((edit) => ({ ...edit.cell }));
    this.announceUserEdits(cells);
    return cells;
  }

  /**
   * A grown table's new rows take each column's number format from its last row, as Excel's
   * tables carry their formatting down (a Score shown to one decimal stays so). Left in place
   * when the growth is undone: a format on an empty cell shows nothing.
   */
  private extendFormats({ before, after }: TableGrowth): void {
    const last = before.topLeft.row + before.height - 1;
    for (
      let col = after.topLeft.col;
      col < after.topLeft.col + after.width;
      col++
    ) {
      const format = this.host.formats.get(
        cellKey({ sheet: before.sheet, row: last, col }),
      );
      if (format === undefined) continue;
      for (let row = last + 1; row < after.topLeft.row + after.height; row++)
        this.host.formats.set(
          cellKey({ sheet: after.sheet, row, col }),
          format,
        );
    }
  }

  /**
   * After a user's edit resized tables (or its undo did): the cells that joined or left are
   * shown again (their table banding with them), and each table's change is announced, so
   * that the pane reads the table again.
   */
  private showTableRows(tables: readonly TableGrowth[]): void {
    for (const { after } of tables)
      this.host.emit({ kind: "userTableResize", table: after.name });
    // The cells in one extent and not the other: what joined, or what left.
    const cells = tables.flatMap(({ before, after }) => {
      const [larger, smaller] =
        after.height * after.width >= before.height * before.width
          ? [after, before]
          : [before, after];
      return Array.from({ length: larger.height * larger.width }, (_, i) => ({
        sheet: larger.sheet,
        row: larger.topLeft.row + Math.floor(i / larger.width),
        col: larger.topLeft.col + (i % larger.width),
      })).filter((cell) => !contains(smaller, cell));
    });
    if (cells.length > 0) this.host.emit({ kind: "values", cells });
  }

  /** Cells written as typed in the grid (a header renames its column's references), in one batch. */
  private writeAsUser(cells: { cell: CellAddress; input: CellInput }[]): void {
    this.workbook.batch(() => {
      for (const { cell, input } of cells) this.host.put(cell, input, true);
    });
  }

  private announceUserEdits(cells: CellAddress[]): void {
    for (const cell of cells) this.host.emit({ kind: "userEdit", cell });
  }
}
