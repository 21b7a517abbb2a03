/**
 * The "Copy for colleagues" section of the editor: its button writes a sheet whose scores and
 * tiers use only built-in Excel functions (colleagueCopy.ts), with the choice of what a blank
 * value means, as the PRM formulas' `missing` argument.
 */
import { MISSING_POLICIES, type MissingPolicy } from "../../core";
import { COPY_SHEET } from "../../sharing";
import type { ColleagueCopy } from "../state/colleagueCopy";
import { option, titledSection, workingButton, type El } from "./dom";
import type { Notice } from "../state/session";

const MEANING: Record<MissingPolicy, string> = {
  skip: "skipped (the rest re-weighted)",
  zero: "counted as 0 points",
  error: "an error",
};

const LABEL = "Copy for colleagues";

export function colleagueCopySection(
  el: El,
  copy: ColleagueCopy,
  notify: (notice: Notice) => void,
): HTMLElement | null {
  if (!copy.available) return null;
  const policy = el(
    "select",
    {
      id: "ps-copy-missing",
      testid: "copy-missing",
      onchange: (event) =>
        (copy.missing = (event.target as HTMLSelectElement)
          .value as MissingPolicy),
    },
    ...MISSING_POLICIES.map((p) =>
      option(el, p, MEANING[p], p === copy.missing),
    ),
  );
  const write = workingButton(
    el,
    LABEL,
    "Writing the copy…",
    { id: "ps-copy", testid: "copy-for-colleagues" },
    () => copy.write().then(notify),
  );
  return titledSection(
    el,
    "ps-copy-h",
    LABEL,
    `Colleagues without the add-in see #NAME? where PRM formulas are. "${LABEL}" writes the sheet ${COPY_SHEET}: every partner's score and tier with built-in Excel functions (Excel 2016 and later), over the same tables, rewritten on every Apply.`,
    el("label", { for: "ps-copy-missing" }, "A blank value is "),
    policy,
    write,
  );
}
