/**
 * What set-up from a list proposes the user choose (issue 21, "Set up from my list"): a guess
 * per column of the list (inferColumn.ts), the name column, the optional Type column and the
 * columns ticked to score. The user may change any of it before the scorecard is made.
 */
import { headerKey } from "../../core";
import type { PartnerList } from "../../workbook/store";
import { guessColumn, type ColumnGuess } from "./inferColumn";

/** A column the user ticked to score, and how (the guess, or the user's change of it). */
export interface ScoredColumn {
  column: number;
  guess: ColumnGuess;
}

export interface SetUpChoices {
  nameColumn: number;
  /** The column whose text picks a weight profile per partner, or null. */
  typeColumn: number | null;
  scored: ScoredColumn[];
}

/** What a column's cells look like to the set-up: its guess, and whether it is ticked by default. */
export interface ColumnProposal {
  column: number;
  header: string;
  guess: ColumnGuess;
}

/** The guess for every column of the list. */
export function proposeColumns(list: PartnerList): ColumnProposal[] {
  return list.header.map((header, column) => ({
    column,
    header,
    guess: guessColumn(
      header,
      list.rows.map((row) => row[column]),
    ),
  }));
}

/**
 * The proposed choices: the name column is the one headed Partner, Name or Partner name,
 * else the first text column with a different value in every row; the type column is one
 * headed Type, Segment, Category or Profile holding a few labels; every other column that
 * can be scored is ticked.
 */
export function proposeChoices(list: PartnerList): SetUpChoices {
  const columns = proposeColumns(list);
  const keys = list.header.map(headerKey);
  const named = ["partner", "name", "partner name"]
    .map((k) => keys.indexOf(k))
    .find((i) => i >= 0);
  const unique = columns.find(
    (c) =>
      c.guess.kind === "text" &&
      new Set(list.rows.map((r) => headerKey(r[c.column]))).size ===
        list.rows.length,
  );
  const nameColumn = named ?? unique?.column ?? 0;
  const typed = columns.find(
    (c) =>
      c.column !== nameColumn &&
      /^(partner )?(type|segment|category|profile)$/.test(keys[c.column]) &&
      c.guess.kind === "rating",
  );
  const typeColumn = typed?.column ?? null;
  return {
    nameColumn,
    typeColumn,
    scored: columns
      .filter(
        (c) =>
          c.column !== nameColumn &&
          c.column !== typeColumn &&
          c.guess.kind !== "text",
      )
      .map(({ column, guess }) => ({ column, guess })),
  };
}
