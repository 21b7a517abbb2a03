/**
 * "Set up from my list" in the Start section (issue 21 item 1): the list found on the active
 * sheet, the name and type columns, a tick per column to score with what it is scored as (a
 * range's direction, a rating's label order with up/down buttons), and the tier counts the
 * proposal gives, shown before the one write. The proposal itself is pure
 * (src/programme/setup/setUpPlan.ts); this view only keeps the user's choices.
 */
import {
  button,
  fill,
  headedSection,
  hint,
  option,
  workingButton,
  type El,
} from "./dom";
import {
  proposeChoices,
  proposeColumns,
  proposeSetUp,
  type SetUpChoices,
} from "../../programme/setup/setUpPlan";
import type { ColumnGuess } from "../../programme/setup/inferColumn";
import { SHEET } from "../../workbook/names";
import { freeSheetName } from "../../workbook/sheetNames";
import type { ListSetUp, PartnerList } from "../../workbook/store";

export interface SetUpActions {
  /** Reads the active sheet's list again. */
  find(): void;
  /** Writes the set-up; resolves to whether it got through. */
  setUp(setUp: ListSetUp): Promise<boolean>;
}

const SET_UP = "Set up scorecard";

/** What a column is scored as, in words. */
function describeGuess(guess: ColumnGuess): string {
  switch (guess.kind) {
    case "range":
      return `numbers, scored from ${guess.min.toLocaleString("en-US")} to ${guess.max.toLocaleString("en-US")} (5th to 95th percentile)`;
    case "rating":
      return "labels, lowest first:";
    case "yesno":
      return "yes/no";
    case "expiry":
      return "certification expiry dates, scored by PRM.CERTSTATUS (Active, Expiring, Expired, None)";
    case "text":
      return "text with a different value in most rows: not scored";
  }
}

/** The Start section's part for a workbook whose active sheet holds a list. */
export function setUpSection(
  el: El,
  list: PartnerList | null,
  asOf: number,
  on: SetUpActions,
): HTMLElement {
  const section = headedSection(el, "ps-setup-h", "Set up from my list", {
    testid: "set-up",
  });
  const find = button(el, {
    id: "ps-find-list",
    testid: "find-list",
    text: list ? "Look again" : "Look for my list",
    onclick: () => on.find(),
  });
  if (list === null) {
    section.append(
      el("p", {
        text: "Paste or type your partners on a sheet, one per row under a header row, select that sheet, then:",
      }),
      find,
    );
    return section;
  }
  const guesses = proposeColumns(list).map((c) => c.guess);
  const choices: SetUpChoices = proposeChoices(list);
  const sheet = freeSheetName(SHEET.scorecard, list.sheetNames);
  const body = el("div");
  section.append(
    el("p", {
      text: `Found ${list.rows.length} partners in ${list.table ? `the table ${list.table}` : `the range from ${list.sheet}!${list.topLeft}`}.`,
    }),
    find,
    body,
  );

  const columnSelect = (
    id: string,
    label: string,
    selected: number | null,
    optional: boolean,
    change: (column: number | null) => void,
  ) =>
    el(
      "label",
      { class: "field" },
      label,
      el(
        "select",
        {
          id,
          testid: id,
          onchange: (e) => {
            const value = (e.target as HTMLSelectElement).value;
            change(value === "" ? null : Number(value));
          },
        },
        optional && option(el, "", "(none)", selected === null),
        ...list.header.map((header, i) =>
          option(el, String(i), header, selected === i),
        ),
      ),
    );

  const scoredAt = (column: number) =>
    choices.scored.find((s) => s.column === column);

  function setScored(column: number, on: boolean): void {
    choices.scored = choices.scored.filter((s) => s.column !== column);
    if (on)
      choices.scored = [
        ...choices.scored,
        { column, guess: guesses[column] },
      ].sort((a, b) => a.column - b.column);
  }

  function columnRow(column: number): HTMLElement {
    const guess = scoredAt(column)?.guess ?? guesses[column];
    const id = `ps-setup-col-${column}`;
    const details: HTMLElement[] = [];
    /** The user's own reading of the column: kept, the ticked column scored by it, drawn. */
    const reguess = (next: ColumnGuess) => {
      guesses[column] = next;
      if (scoredAt(column)) setScored(column, true);
      draw();
    };
    if (guess.kind === "range")
      details.push(
        el(
          "select",
          {
            "aria-label": `${list!.header[column]}: better when`,
            testid: `setup-better-${column}`,
            onchange: (e) => {
              const better = (e.target as HTMLSelectElement).value as
                "higher" | "lower";
              reguess({ ...guess, better });
            },
          },
          option(el, "higher", "higher is better", guess.better === "higher"),
          option(el, "lower", "lower is better", guess.better === "lower"),
        ),
      );
    if (guess.kind === "rating")
      details.push(
        el(
          "ol",
          {},
          ...guess.labels.map((label, i) => {
            /** The button that swaps this label with the one `by` away (-1: up). */
            const move = (by: number, arrow: string, way: string) =>
              button(el, {
                text: arrow,
                "aria-label": `Move ${label} ${way}`,
                disabled: guess.labels[i + by] === undefined,
                onclick: () => {
                  const labels = [...guess.labels];
                  [labels[i], labels[i + by]] = [labels[i + by], labels[i]];
                  reguess({ kind: "rating", labels });
                },
              });
            return el(
              "li",
              {},
              label,
              move(-1, "↑", "up"),
              move(1, "↓", "down"),
            );
          }),
        ),
      );
    return el(
      "li",
      {},
      el(
        "label",
        {},
        el("input", {
          type: "checkbox",
          id,
          testid: `setup-col-${column}`,
          checked: scoredAt(column) !== undefined,
          disabled: guess.kind === "text",
          onchange: (e) => {
            setScored(column, (e.target as HTMLInputElement).checked);
            draw();
          },
        }),
        ` ${list!.header[column]}: ${describeGuess(guess)}`,
      ),
      ...details,
    );
  }

  function draw(): void {
    const proposal = proposeSetUp(list!, choices, sheet, asOf);
    const setUpButton = workingButton(
      el,
      SET_UP,
      "Setting up…",
      {
        class: "primary",
        id: "ps-set-up",
        testid: "set-up-scorecard",
        disabled: proposal.setUp === null,
      },
      () => (proposal.setUp ? on.setUp(proposal.setUp) : null),
    );
    const others = list!.header
      .map((_, i) => i)
      .filter((i) => i !== choices.nameColumn && i !== choices.typeColumn);
    fill(
      body,
      columnSelect(
        "ps-setup-name",
        "Partner names: ",
        choices.nameColumn,
        false,
        (c) => {
          choices.nameColumn = c ?? 0;
          if (choices.typeColumn === c) choices.typeColumn = null;
          setScored(choices.nameColumn, false);
          draw();
        },
      ),
      columnSelect(
        "ps-setup-type",
        "Partner type (a weight profile per type): ",
        choices.typeColumn,
        true,
        (c) => {
          choices.typeColumn = c === choices.nameColumn ? null : c;
          if (c !== null) setScored(c, false);
          draw();
        },
      ),
      hint(el, "Tick the columns to score:"),
      el("ul", {}, ...others.map(columnRow)),
      hint(
        el,
        `Each ticked column becomes a criterion of equal weight, grouped into perspectives; four tiers are set so that about 10% of your partners are Platinum, 20% Gold and 40% Silver. The Criteria and Tiers tables go on a new sheet, ${sheet}; the list becomes the Partners table, with Score, Tier and Next tier columns. You can change all of it afterwards.`,
      ),
      ...proposal.problems.map((text) =>
        el("p", { class: "error", role: "alert", text }),
      ),
      proposal.setUp &&
        el("p", {
          testid: "setup-counts",
          text: `It would give: ${proposal.counts.map((c) => `${c.name} ${c.count}`).join(", ")}${proposal.notScored > 0 ? `; ${proposal.notScored} not scored` : ""}.`,
        }),
      ...proposal.unscored.map((u) => hint(el, `${u.partner}: ${u.message}`)),
      setUpButton,
    );
  }
  draw();
  return section;
}
