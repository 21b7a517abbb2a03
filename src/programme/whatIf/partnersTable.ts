/**
 * How the what-if reads the Partners table: each criterion's column (by name, an older name
 * or its position: matchColumns), the name and Type columns, which rows are partners, and how
 * the columns line up with the criteria for the formulas (partnerLayout).
 */
import { headerKey, isMissing } from "../../core";
import type { TableData } from "../../workbook/store";

export interface ColumnMatch {
  /** Index of the Partners column, or -1. */
  column: number;
  /** How it was found: the criterion's name, an older name, its position, or not at all. */
  by: "name" | "old name" | "position" | "none";
}

/**
 * Finds each criterion's Partners column: by its name, else by an older name (a rename).
 * A criterion still without a column that sits between criteria whose columns all line up by
 * position (the block a PARTNERSCORE range covers) takes the column at its position there,
 * as the formulas do.
 */
export function matchColumns(
  partners: TableData,
  columns: readonly string[][],
): ColumnMatch[] {
  const keys = partners.header.map(headerKey);
  const matches = columns.map((names): ColumnMatch => {
    for (let k = 0; k < names.length; k++) {
      const at = keys.indexOf(headerKey(names[k]));
      if (at >= 0) return { column: at, by: k === 0 ? "name" : "old name" };
    }
    return { column: -1, by: "none" };
  });
  const offsets = matches.flatMap((m, i) =>
    m.column >= 0 ? [m.column - i] : [],
  );
  if (offsets.length > 0 && offsets.every((o) => o === offsets[0])) {
    const offset = offsets[0];
    const first = matches.findIndex((m) => m.column >= 0);
    const last =
      matches.length -
      1 -
      [...matches].reverse().findIndex((m) => m.column >= 0);
    matches.forEach((m, i) => {
      const at = offset + i;
      // A column named like a criterion would have matched that criterion by name, and so
      // be at another offset: a consistent block holds no such column at a gap.
      if (m.column < 0 && i > first && i < last && at < keys.length)
        matches[i] = { column: at, by: "position" };
    });
  }
  return matches;
}

/** Per criterion, the index of its Partners column, or -1. */
export function partnerColumns(
  partners: TableData,
  columns: readonly string[][],
): number[] {
  return matchColumns(partners, columns).map((m) => m.column);
}

/** The Partners column that names each partner: Partner, Name or Partner name, else the first. */
export function nameColumn(partners: TableData): number {
  const keys = partners.header.map(headerKey);
  for (const name of ["partner", "name", "partner name"])
    if (keys.includes(name)) return keys.indexOf(name);
  return 0;
}

/** What the pane calls the partner of Partners data row `r`: its name, or "row N" without one. */
export function partnerLabel(
  row: readonly unknown[],
  nameAt: number,
  r: number,
): string {
  return String(row[nameAt] ?? "").trim() || `row ${r + 1}`;
}

/** The Partners column whose Type picks each partner's profile, or -1 without one. */
export function typeColumn(partners: TableData): number {
  return partners.header.map(headerKey).indexOf("type");
}

/** Whether a Partners data row is blank: not a partner. */
export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isMissing);
}

export interface PartnerLayout {
  /** Criteria with no Partners column found. */
  missing: string[];
  /** Criteria read from a column of another name (an older name, or by position). */
  otherNames: {
    criterion: string;
    column: string;
    by: "old name" | "position";
  }[];
  /** Whether the criteria's columns appear in Partners in another order than the criteria. */
  outOfOrder: boolean;
  /** Blank cells in each criterion's Partners column (non-blank rows only). */
  blanks: { criterion: string; count: number }[];
}

/**
 * How the Partners table lines up with the draft's criteria. PRM formulas match values to
 * criteria by position, so a missing or out-of-order column breaks them even though the
 * what-if (which matches by name) can still score.
 */
export function partnerLayout(
  partners: TableData,
  names: readonly string[],
  columns: readonly string[][],
): PartnerLayout {
  const matches = matchColumns(partners, columns);
  const rows = partners.rows.filter((r) => !isBlankRow(r));
  const found = matches.map((m) => m.column).filter((c) => c >= 0);
  return {
    missing: names.filter((_, i) => matches[i].column < 0),
    otherNames: names.flatMap((criterion, i) => {
      const { column, by } = matches[i];
      return by === "old name" || by === "position"
        ? [{ criterion, column: String(partners.header[column]), by }]
        : [];
    }),
    outOfOrder: found.some((c, k) => k > 0 && c <= found[k - 1]),
    blanks: names
      .map((criterion, i) => ({
        criterion,
        count:
          matches[i].column < 0
            ? 0
            : rows.filter((r) => isMissing(r[matches[i].column])).length,
      }))
      .filter((b) => b.count > 0),
  };
}
