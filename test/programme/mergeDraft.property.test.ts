/**
 * mergeDraft's promises, over random tables and random edits on both sides: nothing anyone
 * changed is lost where the other side did not change it too.
 */
import fc from "fast-check";
import {
  draftOf,
  mergeDraft,
  removeRow,
  setCell,
  tableOf,
  type DraftTable,
} from "../../src/programme/draft";
import type { TableData } from "../../src/workbook/store";

const HEADER = ["Criterion", "Method", "Weight", "Notes"];
const value = fc.oneof(
  fc.integer({ min: 0, max: 9 }),
  fc.constantFrom("a", "b", ""),
);

/** A table of 1-6 rows with unique, non-blank names. */
const table: fc.Arbitrary<TableData> = fc
  .uniqueArray(fc.constantFrom("R1", "R2", "R3", "R4", "R5", "R6"), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((names) =>
    fc
      .tuple(
        ...names.map((name) =>
          fc.tuple(value, value, value).map(([m, w, n]) => [name, m, w, n]),
        ),
      )
      .map((rows) => ({ header: HEADER, rows })),
  );

/** One edit: set a non-name cell of a row, or remove a row. */
type Edit =
  | { kind: "set"; row: number; column: number; value: unknown }
  | { kind: "remove"; row: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("set" as const),
    row: fc.nat(5),
    column: fc.integer({ min: 1, max: 3 }),
    value,
  }),
  fc.record({ kind: fc.constant("remove" as const), row: fc.nat(5) }),
);

/** The draft after the user's edits (on rows that exist). */
function edited(draft: DraftTable, edits: Edit[]): DraftTable {
  return edits.reduce((d, e) => {
    if (d.rows.length === 0) return d;
    const row = e.row % d.rows.length;
    return e.kind === "remove"
      ? removeRow(d, row)
      : setCell(d, row, HEADER[e.column], e.value);
  }, draft);
}

/**
 * The workbook after someone else's edits: cells set in place, rows removed, one row maybe
 * inserted (at `addAt`, wrapped), one column maybe inserted (at `columnAt`, wrapped: a
 * profile a colleague added), its cells numbered by row.
 */
function changed(
  base: TableData,
  edits: Edit[],
  addAt: number | null,
  columnAt: number | null = null,
): TableData {
  let rows = base.rows.map((r) => [...r]);
  for (const e of edits) {
    if (rows.length === 0) break;
    const row = e.row % rows.length;
    if (e.kind === "remove") rows = rows.filter((_, i) => i !== row);
    else rows[row][e.column] = e.value;
  }
  if (addAt !== null)
    rows.splice(addAt % (rows.length + 1), 0, ["Added", "range", 1, "theirs"]);
  if (columnAt === null) return { header: HEADER, rows };
  const at = columnAt % (HEADER.length + 1);
  const insert = <T>(row: T[], cell: T) => [...row.slice(0, at), cell, ...row.slice(at)];
  return {
    header: insert<string>(HEADER, "Weight (Theirs)"),
    rows: rows.map((row, r) => insert<unknown>(row, r)),
  };
}

describe("mergeDraft", () => {
  it("gives back the draft when the workbook did not change", () => {
    fc.assert(
      fc.property(table, fc.array(edit, { maxLength: 6 }), (base, edits) => {
        const draft = edited(draftOf(base), edits);
        expect(
          tableOf(mergeDraft(draft, base, base, "Criterion").draft),
        ).toEqual(tableOf(draft));
      }),
    );
  });

  it("gives the workbook's tables when the user changed nothing, its new rows and columns where it has them", () => {
    fc.assert(
      fc.property(
        table,
        fc.array(edit, { maxLength: 6 }),
        fc.option(fc.nat(6)),
        fc.option(fc.nat(4)),
        (base, edits, addAt, columnAt) => {
          const next = changed(base, edits, addAt, columnAt);
          expect(
            tableOf(mergeDraft(draftOf(base), base, next, "Criterion").draft),
          ).toEqual(next);
        },
      ),
    );
  });

  it("keeps every cell the user changed, and every cell only the workbook changed", () => {
    fc.assert(
      fc.property(
        table,
        fc.array(edit, { maxLength: 6 }),
        fc.array(edit, { maxLength: 6 }),
        (base, mine, theirs) => {
          const draft = edited(
            draftOf(base),
            mine.filter((e) => e.kind === "set"),
          );
          const next = changed(
            base,
            theirs.filter((e) => e.kind === "set"),
            null,
          );
          const merged = tableOf(
            mergeDraft(draft, base, next, "Criterion").draft,
          );
          base.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              const ours = draft.rows[r][c];
              const expected = ours !== cell ? ours : next.rows[r][c];
              expect([r, c, merged.rows[r][c]]).toEqual([r, c, expected]);
            }),
          );
        },
      ),
    );
  });
});
