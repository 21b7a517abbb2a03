/**
 * The grid's keyboard, as Excel's ("Keyboard shortcuts in Excel", support.microsoft.com):
 * arrows move, Ctrl+arrows to the edge of the data (dataRegion.ts), Page Up and Down a
 * screen, Ctrl+Home and Ctrl+End to A1 and the last cell in use, typing replaces the cell
 * ("enter" mode, where arrows commit), F2 or a double click edits it ("edit" mode, where
 * arrows move the caret), Enter commits and moves down, Tab right, Escape cancels; Enter and
 * Tab move without editing too, inside the selected range when there is one.
 * Shift with an arrow extends the range; Ctrl+A the data around the cell; Ctrl+Space and
 * Shift+Space whole columns or rows. Delete clears the range, Ctrl+Enter fills it, Ctrl+D and
 * Ctrl+R fill it from its first row or column; Ctrl+- and Ctrl++ in a table delete or insert
 * table rows. Ctrl+Z and Ctrl+Y undo and redo the user's edits (editHistory.ts).
 * Each key is mapped to one of the grid's operations (gridView.ts).
 */
import type { CellPosition } from "./a1";
import type { GridView } from "./gridView";

export type EditMode = "enter" | "edit";
export type Step = "down" | "up" | "right" | "left";
export type Move = Step | "none";

export const MOVES: Record<Move, CellPosition> = {
  down: { row: 1, col: 0 },
  up: { row: -1, col: 0 },
  right: { row: 0, col: 1 },
  left: { row: 0, col: -1 },
  none: { row: 0, col: 0 },
};

const ARROWS: Record<string, Step> = {
  ArrowDown: "down",
  ArrowUp: "up",
  ArrowRight: "right",
  ArrowLeft: "left",
};

/** A key pressed on the grid itself (no cell being edited). */
export function onGridKey(grid: GridView, e: KeyboardEvent): void {
  const arrow = ARROWS[e.key];
  const key = e.key.toLowerCase();
  const ctrl = e.ctrlKey || e.metaKey;
  if (arrow) {
    e.preventDefault();
    grid.arrowKey(arrow, ctrl, e.shiftKey);
  } else if (ctrl && (key === "z" || key === "y")) {
    e.preventDefault();
    grid.undoOrRedo(key === "y" || e.shiftKey ? "redo" : "undo");
  } else if (ctrl && (key === "d" || key === "r")) {
    // Ctrl+D, Ctrl+R: fill down or right from the range's first row or column.
    e.preventDefault();
    grid.fillFromFirst(key === "d" ? "down" : "right");
  } else if (ctrl && (e.key === "-" || e.key === "+")) {
    // Ctrl+- (Ctrl++) in a table: as many rows as the selection spans are deleted (inserted
    // above it), as Excel's Delete > Table Rows (Insert > Table Rows Above). Elsewhere
    // nothing: Excel asks what to shift, and the preview has no dialog.
    e.preventDefault();
    grid.changeTableRows(e.key === "-" ? "delete" : "insert");
  } else if (ctrl && key === "a") {
    e.preventDefault();
    grid.selectAll();
  } else if (e.key === " " && (ctrl || e.shiftKey)) {
    // Ctrl+Space: the selected columns, whole; Shift+Space: the selected rows.
    e.preventDefault();
    const range = grid.selectedRange;
    if (ctrl) grid.selectLines("columns", range.left, range.right, false, true);
    else grid.selectLines("rows", range.top, range.bottom, false, true);
  } else if (e.key === "F2") {
    e.preventDefault();
    grid.startEditing("edit");
  } else if (e.key === "Enter" && !ctrl) {
    e.preventDefault();
    grid.advance(e.shiftKey ? "up" : "down");
  } else if (e.key === "Tab") {
    e.preventDefault();
    grid.advance(e.shiftKey ? "left" : "right");
  } else if (e.key === "Delete") {
    e.preventDefault();
    grid.clearSelection();
  } else if (e.key === "Backspace") {
    // Excel clears the active cell and starts editing it.
    e.preventDefault();
    grid.startEditing("enter");
  } else if (e.key === "Home") {
    // Home: the row's first cell; Ctrl+Home: A1; Shift extends the range there.
    e.preventDefault();
    grid.goFrom(e.shiftKey, (from) => ({ row: ctrl ? 0 : from.row, col: 0 }));
  } else if (e.key === "PageDown" || e.key === "PageUp") {
    // A screen of rows down or up, the view following (Shift: the range's far corner).
    e.preventDefault();
    grid.page(e.key === "PageDown" ? 1 : -1, e.shiftKey);
  } else if (e.key === "End" && ctrl) {
    // Ctrl+End: the last cell in use (the last used row's, the last used column's).
    e.preventDefault();
    grid.selectLastUsed(e.shiftKey);
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    grid.startEditing("enter", e.key);
  }
}

/** A key pressed in the in-cell editor. */
export function onEditorKey(grid: GridView, e: KeyboardEvent): void {
  const mode = grid.editMode;
  if (!mode) return;
  const arrow = ARROWS[e.key];
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    grid.fillSelection();
  } else if (e.key === "Enter") {
    e.preventDefault();
    grid.commitEdit("none", true, e.shiftKey ? "up" : "down");
  } else if (e.key === "Tab") {
    e.preventDefault();
    grid.commitEdit("none", true, e.shiftKey ? "left" : "right");
  } else if (e.key === "Escape") {
    e.preventDefault();
    grid.cancelEdit();
  } else if (arrow && mode === "enter") {
    e.preventDefault();
    grid.commitEdit(arrow);
  }
}
