/** The three-way merge that keeps the user's edits when the workbook changed under the draft. */
import { headerKey } from "../../core";
import type { TableData } from "../../workbook/store";
import { sameCell } from "./compare";
import { columnIndex, originOf, textAt, width, type DraftTable } from "./table";

/**
 * Where an item the workbook has at `index` goes in a merged list: right after the nearest
 * item before it in the workbook that the list holds (`positionOf` gives an index's place in
 * the list, or -1), else first.
 */
function placeAfterNearest(
  index: number,
  positionOf: (index: number) => number,
): number {
  for (let before = index - 1; before >= 0; before--) {
    const position = positionOf(before);
    if (position >= 0) return position + 1;
  }
  return 0;
}

/**
 * Keeps the user's edits on top of a newer version of the table the draft was loaded from
 * (the workbook changed under the draft and the user chose "Keep my edits"): a three-way
 * merge of `previous` (what the draft was loaded from), the draft and `next`, rows paired by
 * name and columns by header.
 * - A cell the user left as loaded takes the workbook's new value; a cell the user changed
 *   keeps the user's, also where the workbook changed it too (the user was shown that).
 * - A row the workbook added joins the draft where the workbook has it (after the row above
 *   it there), a column likewise (after the column left of it there). A row or column the
 *   user left as loaded follows the workbook when it was removed (or renamed) there.
 * - Rows the user added or changed stay; rows the user removed stay removed.
 * So Apply writes the user's edits and overwrites nothing else anyone changed. Returns the
 * draft and how the ids of the rows kept map to their new ids.
 */
export function mergeDraft(
  draft: DraftTable,
  previous: TableData,
  next: TableData,
  nameColumn: string,
): { draft: DraftTable; idMap: Map<number, number> } {
  const nameOf = (table: TableData, row: number) =>
    textAt(table, row, nameColumn).trim().toLowerCase();
  const nextNames = next.rows.map((_, j) => nameOf(next, j));
  const previousNames = new Set(
    previous.rows.map((_, o) => nameOf(previous, o)),
  );
  const columnIn = (table: TableData, header: unknown) =>
    headerKey(header) === "" ? -1 : columnIndex(table, String(header));
  const columns = Array.from({ length: width(draft) }, (_, c) => ({
    previous: columnIn(previous, draft.header[c]),
    next: columnIn(next, draft.header[c]),
  }));
  const cellOf = (r: number, c: number): unknown => draft.rows[r][c] ?? "";
  /**
   * Whether the user left cell (r, c) as it was loaded: a cell of a row the user added never
   * was; one of a column the user added was blank.
   */
  const asLoaded = (r: number, c: number): boolean => {
    const origin = originOf(draft, r);
    if (origin === null) return false;
    const column = columns[c].previous;
    const loaded = column < 0 ? "" : previous.rows[origin]?.[column];
    return sameCell(cellOf(r, c), loaded);
  };
  // A column the workbook removed goes, unless the user wrote into it.
  const kept = columns.flatMap((column, c) =>
    column.previous >= 0 &&
    column.next < 0 &&
    draft.rows.every((_, r) =>
      originOf(draft, r) === null ? sameCell(cellOf(r, c), "") : asLoaded(r, c),
    )
      ? []
      : [c],
  );
  // The merged columns: the draft's kept ones in the draft's order, and the ones the
  // workbook added (a profile a colleague made) where the workbook has them, after the
  // nearest column to their left there that the merge has.
  const slots: ({ draft: number } | { next: number })[] = kept.map((c) => ({
    draft: c,
  }));
  const nextIndexOf = (slot: { draft: number } | { next: number }) =>
    "next" in slot ? slot.next : columns[slot.draft].next;
  next.header.forEach((header, k) => {
    if (
      columnIn(previous, header) >= 0 ||
      columnIn(draft, header) >= 0 ||
      headerKey(header) === ""
    )
      return;
    const at = placeAfterNearest(k, (l) =>
      slots.findIndex((slot) => nextIndexOf(slot) === l),
    );
    slots.splice(at, 0, { next: k });
  });
  const fromNext = (j: number, k: number): unknown => next.rows[j]?.[k] ?? "";
  /** A merged row: each kept column's cell from `ours`, each added one's from the workbook's row `j` (none: blank). */
  const rowOf = (ours: (c: number) => unknown, j: number | null) =>
    slots.map((slot) =>
      "next" in slot
        ? j === null
          ? ""
          : fromNext(j, slot.next)
        : ours(slot.draft),
    );
  const header = slots.map((slot) =>
    "next" in slot ? next.header[slot.next] : (draft.header[slot.draft] ?? ""),
  );
  const taken = new Set<number>();
  const idMap = new Map<number, number>();
  const rows: unknown[][] = [];
  const ids: number[] = [];
  let nextId = next.rows.length;
  draft.rows.forEach((_, r) => {
    const origin = originOf(draft, r);
    const name = origin === null ? "" : nameOf(previous, origin);
    const j =
      name === ""
        ? -1
        : nextNames.findIndex((n, k) => n === name && !taken.has(k));
    if (j < 0) {
      // Gone from the workbook (or never in it): a row the user left as it was goes with it.
      if (origin !== null && columns.every((_, c) => asLoaded(r, c))) return;
      idMap.set(draft.ids[r], nextId);
      ids.push(nextId++);
      rows.push(rowOf((c) => cellOf(r, c), null));
      return;
    }
    taken.add(j);
    idMap.set(draft.ids[r], j);
    ids.push(j);
    rows.push(
      rowOf(
        (c) =>
          columns[c].next >= 0 && asLoaded(r, c)
            ? fromNext(j, columns[c].next)
            : cellOf(r, c),
        j,
      ),
    );
  });
  next.rows.forEach((_, j) => {
    if (taken.has(j)) return;
    // A loaded row the draft no longer has: the user removed it.
    if (nextNames[j] !== "" && previousNames.has(nextNames[j])) return;
    // Where the workbook has it: after the nearest row above it there that the draft has.
    const at = placeAfterNearest(j, (k) => ids.indexOf(k));
    ids.splice(at, 0, j);
    rows.splice(
      at,
      0,
      rowOf(
        (c) => (columns[c].next >= 0 ? fromNext(j, columns[c].next) : ""),
        j,
      ),
    );
  });
  return {
    draft: { header, rows, ids, baseCount: next.rows.length, nextId },
    idMap,
  };
}
