/**
 * The "Data check" section (issue 21 item 4): the findings of src/programme/dataCheck.ts for
 * the Partners table under the workbook's criteria, each with its cell, and one button that
 * writes every unambiguous fix (trimmed spacing, the scale's spelling, a number stored as
 * text) in one batch. Hidden when the data is uniform.
 */
import { readCriteria } from "../../core";
import { checkData, type DataFinding } from "../../programme/dataCheck";
import {
  cellAddress,
  offsetCell,
  parseSheetRange,
  quoteSheetName,
} from "../../workbook/address";
import type { PartnerCellFix, TableData } from "../../workbook/store";
import {
  button,
  byId,
  counted,
  fill,
  headedSection,
  hint,
  type El,
} from "./dom";
import type { TaskpaneSession } from "../state/session";
import { nameColumn } from "../../programme/whatIf";

/** How many findings are listed; the count says how many more there are. */
const LISTED = 20;

export function dataCheckSection(el: El): HTMLElement {
  return headedSection(
    el,
    "ps-data-check-h",
    "Data check",
    { id: "ps-data-check-section", hidden: true },
    hint(
      el,
      "Scores are only as good as the data: the same label spelled one way, numbers as numbers, one unit per column, one row per partner.",
    ),
    el("div", { id: "ps-data-check", testid: "data-check" }),
  );
}

/** The cell of a Partners data row and column, e.g. "Sheet1!E5", or "row 4" without an address. */
function cellOf(partners: TableData, row: number, column: number): string {
  const place = partners.address ? parseSheetRange(partners.address) : null;
  if (!place) return `row ${row + 1}, ${partners.header[column]}`;
  return `${quoteSheetName(place.sheet)}!${cellAddress(offsetCell(place.topLeft, row + 1, column))}`;
}

/** The findings for what the session loaded (the workbook's criteria, not the draft's). */
export function dataFindings(session: TaskpaneSession): DataFinding[] {
  const partners = session.loaded.partners;
  if (!partners) return [];
  const { model } = readCriteria([
    session.base.criteria.header,
    ...session.base.criteria.rows,
  ]);
  return checkData(partners, model, nameColumn(partners));
}

/** Fills the section; `fix` writes the fixes in one batch. */
export function showDataCheck(
  doc: Document,
  el: El,
  session: TaskpaneSession,
  fix: ((fixes: PartnerCellFix[]) => void) | null,
): void {
  const section = byId(doc, "ps-data-check-section");
  const body = byId(doc, "ps-data-check");
  const partners = session.loaded.partners;
  if (!section || !body) return;
  const findings = dataFindings(session);
  section.hidden = findings.length === 0 || !partners;
  if (section.hidden || !partners) return fill(body);
  const fixes = findings.flatMap((f): PartnerCellFix[] =>
    f.fix === undefined
      ? []
      : [
          {
            row: f.row,
            column: f.column,
            was: partners.rows[f.row][f.column],
            value: f.fix,
          },
        ],
  );
  fill(
    body,
    el(
      "ul",
      { class: "problems" },
      ...findings
        .slice(0, LISTED)
        .map((f) =>
          el(
            "li",
            { "data-kind": f.kind },
            `${cellOf(partners, f.row, f.column)}: ${f.message}${f.fix !== undefined ? ` (fix: ${JSON.stringify(f.fix)})` : ""}.`,
          ),
        ),
    ),
    findings.length > LISTED &&
      hint(el, `${findings.length - LISTED} more not listed.`),
    fix &&
      fixes.length > 0 &&
      button(el, {
        id: "ps-data-fix",
        testid: "data-fix",
        text: `Fix ${counted(fixes.length, "cell", "cells")}`,
        onclick: () => fix(fixes),
      }),
    fixes.length < findings.length &&
      hint(
        el,
        "The others need a person's judgement: correct them in the Partners table.",
      ),
  );
}
