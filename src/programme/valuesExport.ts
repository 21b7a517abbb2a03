/**
 * The values-only export: the partner list as plain values (no formulas, no link to the
 * Scorecard tables), each partner's score and tier from the model the workbook holds, and
 * the date, for sending outside the company. The user leaves out columns (internal notes,
 * raw criteria values) and may export one partner only: a partner's own scorecard. Pure:
 * the store writes the sheet it describes.
 */
import { headerKey, isMissing, isoDateFromSerial, partnerKey } from "../core";
import { numberFormatFor } from "../workbook/numberFormats";
import type { TableData, ValuesSheet } from "../workbook/store";
import { partnerName } from "./standings";
import { assignedTierAt } from "./review/reviewColumns";
import { nameColumn, type Scoring } from "./whatIf";

/** The Partners columns that hold formula results the export replaces with the model's. */
const RESULT_COLUMNS = new Set(["score", "tier"]);
export const NOT_SCORED = "not scored";

export interface ExportColumn {
  /** The Partners column's header. */
  name: string;
  /** Its index in the Partners table. */
  index: number;
  /** The partner's name: always exported. */
  required: boolean;
}

/** The Partners columns a user can tick; Score and Tier always come from the model. */
export function exportColumns(partners: TableData): ExportColumn[] {
  const names = nameColumn(partners);
  return partners.header.flatMap((name, index) =>
    RESULT_COLUMNS.has(headerKey(name))
      ? []
      : [{ name, index, required: index === names }],
  );
}

export interface ExportChoice {
  /** Header keys (see headerKey) of the columns the user unticked. */
  excluded: ReadonlySet<string>;
  /** Export only the partner of this name (any case); null for every partner. */
  partner: string | null;
  /** The date the export says it was made, as a serial. */
  date: number;
}

const TITLE = "Partner scores as of";

export function valuesSheet(
  partners: TableData,
  scoring: Scoring,
  choice: ExportChoice,
): ValuesSheet {
  const columns = exportColumns(partners).filter(
    (c) => c.required || !choice.excluded.has(headerKey(c.name)),
  );
  const byRow = new Map(scoring.results.map((r) => [r.row, r]));
  const wanted = choice.partner === null ? null : partnerKey(choice.partner);
  const rows = partners.rows.flatMap((row, r) => {
    if (row.every(isMissing)) return [];
    if (wanted !== null && partnerKey(partnerName(partners, r)) !== wanted)
      return [];
    const result = byRow.get(r);
    const scored = result?.score != null && result.tier !== null;
    return [
      [
        ...columns.map((c) => row[c.index] ?? ""),
        scored ? result.score : "",
        // The tier a manager assigned is the partner's tier where the workbook has one.
        assignedTierAt(partners, r) ??
          (scored ? scoring.tiers[result.tier!].name : NOT_SCORED),
      ],
    ];
  });
  const header = [...columns.map((c) => c.name), "Score", "Tier"];
  const width = header.length;
  const pad = (cells: unknown[]) => [
    ...cells,
    ...Array<string>(width - cells.length).fill(""),
  ];
  const title =
    choice.partner === null ? TITLE : `${choice.partner.trim()}: scores as of`;
  const cells = [pad([title, choice.date]), pad([]), header, ...rows];
  const formats = header.map((h) => numberFormatFor(h) ?? "General");
  const numberFormats = cells.map((_, r) =>
    r === 0
      ? header.map((_, c) => (c === 1 ? "yyyy-mm-dd" : "General"))
      : r < 3
        ? header.map(() => "General")
        : formats,
  );
  const day = isoDateFromSerial(choice.date);
  return {
    name:
      choice.partner === null
        ? `Scores ${day}`
        : `${choice.partner.trim()} ${day}`,
    cells,
    numberFormats,
  };
}
