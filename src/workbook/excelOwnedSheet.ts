/* global Excel */
/**
 * Writing a sheet the add-in owns (OwnedSheet: its marker in A1) with Excel.run: the copy for
 * colleagues, and the Dashboard with its charts (excelCharts.ts) through the `extra` hook.
 * One read to find the sheet, one more to check its marker, then one write sync (one per
 * slice of rows where the sheet is larger than one request may carry, payload.ts). A sheet of
 * that name without the marker is the user's and is left alone.
 */
import { rangeAddress } from "./address";
import { formulaOrWrittenCell, type WrittenCell } from "./cellWrite";
import { ownedSheetTaken } from "./ownedSheet";
import { writeSlices } from "./payload";
import type { OwnedSheet, OwnedSheetWrite } from "./store";

/**
 * More to write on the owned sheet in the same batch: `read` queues reads of an existing sheet
 * (they share the marker's sync) and returns what to queue with the last write.
 */
export interface OwnedSheetExtra {
  read(sheet: Excel.Worksheet): (sheet: Excel.Worksheet) => void;
  /** What to queue with the last write on a sheet just made (nothing to read there). */
  created(sheet: Excel.Worksheet): void;
}

/** The cells as written, each row as wide as the widest; throws, before Excel is touched, on a cell that cannot be written. */
function writtenBlock(sheet: OwnedSheet): {
  block: WrittenCell[][];
  width: number;
} {
  const cells = sheet.cells.map((row) => row.map(formulaOrWrittenCell));
  const width = Math.max(1, ...cells.map((row) => row.length));
  const block = cells.map((row) => [
    ...row,
    ...new Array<WrittenCell>(width - row.length).fill(""),
  ]);
  return { block, width };
}

export async function writeOwnedSheetIn(
  context: Excel.RequestContext,
  sheet: OwnedSheet,
  onlyIfPresent: boolean,
  extra?: OwnedSheetExtra,
): Promise<OwnedSheetWrite> {
  const { block, width } = writtenBlock(sheet);
  const { worksheets } = context.workbook;
  const existing = worksheets.getItemOrNullObject(sheet.name);
  await context.sync();
  if (existing.isNullObject && onlyIfPresent) return "absent";
  let target: Excel.Worksheet;
  let last: (sheet: Excel.Worksheet) => void;
  if (existing.isNullObject) {
    target = worksheets.add(sheet.name);
    last = (added) => extra?.created(added);
  } else {
    const first = existing.getRange("A1").load("values");
    last = extra?.read(existing) ?? (() => undefined);
    await context.sync();
    if (first.values[0]?.[0] !== sheet.marker)
      throw new Error(ownedSheetTaken(sheet.name));
    target = existing;
    target.getRange().clear();
  }
  const slices = writeSlices(block);
  let top = 0;
  for (const [i, slice] of slices.entries()) {
    if (slice.length > 0)
      target.getRange(
        rangeAddress({ row: top, column: 0 }, slice.length, width),
      ).formulas = slice;
    if (i === slices.length - 1) last(target);
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per slice: each within Excel on the web's 5 MB (payload.ts)
    await context.sync();
    top += slice.length;
  }
  return "written";
}
