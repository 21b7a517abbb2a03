/**
 * Table column names as Excel keeps them: distinct within a table, ignoring case. A header
 * typed or pasted over a name the table already has is renamed the way Excel renames it,
 * with the first free number from 2 appended ("Revenue" beside a Revenue column: "Revenue2").
 */
import type { CellAddress } from "./workbook";
import type { TableExtent } from "./tableReferences";

/** `base`, or `base` with the first number from 2 that makes it a name `taken` lacks (any case). */
export function freeHeaderName(
  base: string,
  taken: ReadonlySet<string>,
): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}

/**
 * The entries with each text written into a table's header row made distinct from the
 * table's other headers (those not written, then those written before it, left to right).
 * A blank header is left as it is. `headerAt` gives what a header cell holds now.
 */
export function distinctHeaders<T extends { cell: CellAddress; text: string }>(
  tables: readonly TableExtent[],
  entries: readonly T[],
  headerAt: (cell: CellAddress) => string,
): T[] {
  const renamed = new Map<T, string>();
  for (const table of tables) {
    const inHeader = (cell: CellAddress) =>
      cell.sheet.toLowerCase() === table.sheet.toLowerCase() &&
      cell.row === table.topLeft.row &&
      cell.col >= table.topLeft.col &&
      cell.col < table.topLeft.col + table.width;
    const written = entries
      .filter((entry) => inHeader(entry.cell))
      .sort((a, b) => a.cell.col - b.cell.col);
    if (written.length === 0) continue;
    const writtenCols = new Set(written.map((entry) => entry.cell.col));
    const taken = new Set<string>();
    for (
      let col = table.topLeft.col;
      col < table.topLeft.col + table.width;
      col++
    )
      if (!writtenCols.has(col))
        taken.add(
          headerAt({ sheet: table.sheet, row: table.topLeft.row, col })
            .trim()
            .toLowerCase(),
        );
    for (const entry of written) {
      const text = entry.text.trim();
      if (text === "") continue;
      const name = freeHeaderName(text, taken);
      taken.add(name.toLowerCase());
      if (name !== text) renamed.set(entry, name);
    }
  }
  return entries.map((entry) => {
    const name = renamed.get(entry);
    return name === undefined ? entry : { ...entry, text: name };
  });
}
