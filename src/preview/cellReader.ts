/**
 * What a cell of the browser workbook holds and shows, read from its engine: its state for the
 * grid and the formula bar (the value, the input as written, whether it is spilled), whether it
 * is filled, what the store reads and writes back, and how far a formula's result spills.
 * Reads only: the workbook (workbook.ts) writes.
 */
import { type HyperFormula, type SimpleCellAddress } from "hyperformula";
import type { CellPosition } from "./a1";
import type { TableFormulas } from "./tableFormulas";
import type { CellAddress, CellInput, CellState } from "./workbook";

export class CellReader {
  constructor(
    private readonly engine: HyperFormula,
    /** The formulas as written, in step with the tables. */
    private readonly formulas: TableFormulas,
    /** The engine's address of a cell (its sheet by id); throws for a sheet it does not have. */
    private readonly address: (cell: CellAddress) => SimpleCellAddress,
  ) {}

  cell(cell: CellAddress): CellState {
    const address = this.address(cell);
    const raw = this.engine.getCellValue(address);
    const value: CellState["value"] =
      raw === null || raw === undefined
        ? null
        : typeof raw === "object"
          ? {
              error: raw.value,
              message:
                raw.message ||
                // The errors a structured reference turns into carry no message of the engine's.
                (raw.value === "#REF!" || raw.value === "#VALUE!"
                  ? (this.formulas.translation(cell)?.problems.join("; ") ?? "")
                  : ""),
            }
          : raw;
    const spilled = this.engine.getCellType(address) === "ARRAY";
    // A spilled cell holds no input of its own: typing there would block the spill (#SPILL!).
    const state: CellState = {
      value,
      input: spilled ? "" : this.inputOf(cell, address),
      spilled,
    };
    if (typeof raw === "number")
      state.numberType = this.engine.getCellValueDetailedType(address);
    return state;
  }

  /**
   * Whether the cell shows anything: a value, a formula (whatever it gives, "" included) or
   * part of a spilled result. What Ctrl+arrow and Ctrl+A look at, cell after cell, so it
   * asks the engine for the value only.
   */
  isFilled(cell: CellAddress): boolean {
    return this.engine.getCellValue(this.address(cell)) != null;
  }

  private inputOf(cell: CellAddress, address: SimpleCellAddress): string {
    const formula = this.formulas.written(cell);
    if (formula !== undefined) return formula;
    const serialized = this.engine.getCellSerialized(address);
    return serialized === null || serialized === undefined
      ? ""
      : String(serialized);
  }

  /**
   * The formula cell whose spilled result covers `cell`, for the formula bar (Excel shows the
   * anchor's formula, greyed). HyperFormula does not expose an array's extent, so each anchor
   * up and to the left is measured by walking its top row and left column of spilled cells.
   */
  spillAnchorOf(cell: CellAddress): CellPosition | undefined {
    if (this.typeOf(cell) !== "ARRAY") return undefined;
    for (let row = cell.row; row >= 0; row--) {
      for (let col = cell.col; col >= 0; col--) {
        const size = this.spillSize({ sheet: cell.sheet, row, col });
        if (!size) continue;
        if (cell.row < row + size.height && cell.col < col + size.width)
          return { row, col };
      }
    }
    return undefined;
  }

  /**
   * How far the result of the formula in `cell` spills, anchor included, measured along its
   * top row and left column; undefined when `cell` holds no array formula.
   */
  spillSize(cell: CellAddress): { height: number; width: number } | undefined {
    if (this.typeOf(cell) !== "ARRAYFORMULA") return undefined;
    const at = (row: number, col: number) => ({ sheet: cell.sheet, row, col });
    let height = 1;
    while (this.typeOf(at(cell.row + height, cell.col)) === "ARRAY") height++;
    let width = 1;
    while (this.typeOf(at(cell.row, cell.col + width)) === "ARRAY") width++;
    return { height, width };
  }

  private typeOf(cell: CellAddress): string {
    return this.engine.getCellType(this.address(cell));
  }

  /** What was written into a cell, typed (a formula as written), so it can be written back. */
  contentOf(cell: CellAddress): CellInput {
    const formula = this.formulas.written(cell);
    if (formula !== undefined) return formula;
    // A cell of a spilled result holds nothing of its own: its value is the anchor's to write.
    if (this.typeOf(cell) === "ARRAY") return null;
    const raw = this.engine.getCellSerialized(this.address(cell));
    return typeof raw === "number" ||
      typeof raw === "string" ||
      typeof raw === "boolean"
      ? raw
      : null;
  }

  /** A cell's computed value for the store: what Excel's range.values reports. */
  valueForStore(cell: CellAddress): number | string | boolean {
    const { value } = this.cell(cell);
    if (value === null) return "";
    if (typeof value === "object") return value.error;
    return value;
  }
}
