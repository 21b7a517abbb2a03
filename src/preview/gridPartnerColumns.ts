/**
 * The browser workbook's side of an Apply whose Partners columns follow the criteria
 * (src/programme/partnerColumns.ts plans it): renamed headers, and new columns inserted in
 * the table's rows as Excel's TableColumnCollection.add inserts them (the columns from there
 * shifted right, references on the sheet adjusted by columnInsert.ts). GridStore runs the
 * write in the same batch as the Criteria and Tiers tables.
 */
import type { PartnerColumnChanges } from "../workbook/store";
import { formulaAfterColumnInsert } from "./columnInsert";
import { isFormula } from "./formulaText";
import type { TableExtent } from "./tableReferences";
import type { CellAddress, CellInput, Workbook } from "./workbook";

export interface PartnerColumnsWrite {
  /** The cells the write may change (the table's rows over the sheet's used width and more), for undoing a failed batch. */
  touched: TableExtent;
  /** The writes, to run inside the save's batch. */
  write(): void;
}

/** What following `plan` writes into `table`: the cells read now, written by `write` inside the batch. */
export function partnerColumnsWrite(
  workbook: Workbook,
  table: TableExtent,
  plan: PartnerColumnChanges,
): PartnerColumnsWrite {
  const count = plan.inserts.headers.length;
  const at = table.topLeft.col + plan.inserts.before;
  const width = Math.max(
    workbook.usedSize(table.sheet).cols,
    table.topLeft.col + table.width,
  );
  const cellAt = (row: number, col: number): CellAddress => ({
    sheet: table.sheet,
    row,
    col,
  });
  const touched: TableExtent = {
    ...table,
    topLeft: { row: table.topLeft.row, col: 0 },
    width: width + count,
  };
  // Read now, before the save's batch suspends the engine (nothing can be read inside it).
  const moved: { cell: CellAddress; content: CellInput; format?: string }[] =
    [];
  {
    for (let r = 0; r < table.height; r++) {
      const row = table.topLeft.row + r;
      for (let col = 0; col < width; col++) {
        const cell = cellAt(row, col);
        let content = workbook.contentOf(cell);
        if (r === 0) {
          const rename = plan.renames.find(
            (c) => table.topLeft.col + c.column === col,
          );
          if (rename) content = rename.header;
        }
        if (isFormula(content))
          content = formulaAfterColumnInsert(content, at, count);
        const target = col >= at ? col + count : col;
        moved.push({
          cell: cellAt(row, target),
          content,
          format: workbook.numberFormat(cell),
        });
      }
      plan.inserts.headers.forEach((header, i) =>
        moved.push({
          cell: cellAt(row, at + i),
          content: r === 0 ? header : null,
        }),
      );
    }
  }
  const write = (): void => {
    // Every cell was read above, so none is read after it was overwritten.
    for (const { cell, content, format } of moved) {
      workbook.write(cell, content);
      workbook.setNumberFormat(cell, format ?? null);
    }
    workbook.setTable({ ...table, width: table.width + count });
  };
  return { touched, write };
}
