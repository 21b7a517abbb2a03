/**
 * The grid's undo and redo: what the user typed, pasted or cleared, each action with what its
 * cells held before, so Ctrl+Z puts that back and Ctrl+Y writes the action again. As in Excel,
 * only the user's own edits are kept: a write by the add-in (Apply, the sample, a copy for
 * colleagues) ends the history, since undoing a cell under it could leave the scorecard half
 * applied.
 */
import type { TableGrowth } from "./tableGrowth";
import type { CellAddress, CellInput } from "./workbook";

/** One cell of an action: what it held before and what the action wrote. */
export interface CellEdit {
  cell: CellAddress;
  before: CellInput;
  after: CellInput;
  /** The cell's number format before and after, where the action set it (a paste from the grid); undefined: General. */
  format?: { before: string | undefined; after: string | undefined };
}

/**
 * One action: its cells, and the tables it resized, before and after (an entry under a table
 * extends it, as in Excel, in a step of its own; Ctrl+- in a table deletes rows of it).
 */
export interface EditAction {
  cells: CellEdit[];
  tables: TableGrowth[];
}

/** Excel keeps the last 100 actions. */
export const UNDO_LIMIT = 100;

export class EditHistory {
  private readonly done: EditAction[] = [];
  private readonly undone: EditAction[] = [];

  constructor(private readonly limit = UNDO_LIMIT) {}

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  /** A new action: it can be undone, and what was undone before it can no longer be redone. */
  record(action: EditAction): void {
    // Nothing to take back: Delete on an empty cell, or typing what the cell already holds.
    if (
      action.tables.length === 0 &&
      action.cells.every(
        (edit) =>
          edit.before === edit.after &&
          edit.format?.before === edit.format?.after,
      )
    )
      return;
    this.done.push({
      cells: action.cells.map((edit) => ({ ...edit, cell: { ...edit.cell } })),
      tables: [...action.tables],
    });
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The last action, to write back its `before`s; it moves to what can be redone. */
  takeUndo(): EditAction | undefined {
    const action = this.done.pop();
    if (action) this.undone.push(action);
    return action;
  }

  /** The last action undone, to write its `after`s again; it can be undone again. */
  takeRedo(): EditAction | undefined {
    const action = this.undone.pop();
    if (action) this.done.push(action);
    return action;
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
  }
}
