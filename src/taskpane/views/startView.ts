/**
 * What the pane shows before the editor: "Reading the scorecard…", the read failure with
 * "Try again", and the Start section with "Create sample scorecard" for a workbook that has
 * no scorecard yet.
 */
import { button, headedSection, hint, workingButton, type El } from "./dom";

export function loadingView(el: El): HTMLElement {
  return hint(el, "Reading the scorecard…");
}

export function failedView(
  el: El,
  failure: string,
  retry: () => void,
): HTMLElement[] {
  return [
    el("p", { text: `The scorecard could not be read: ${failure}` }),
    button(el, { text: "Try again", onclick: () => retry() }),
  ];
}

const CREATE = "Create sample scorecard";

/**
 * The Start section. `create` runs the creation and resolves to whether it got through; the
 * button says what is happening meanwhile and comes back when it did not.
 */
export function startSection(
  el: El,
  canStart: () => boolean,
  create: () => Promise<boolean>,
): HTMLElement {
  const createButton = workingButton(
    el,
    CREATE,
    "Creating the sample…",
    {
      class: "primary",
      id: "ps-create-sample",
      testid: "create-sample",
    },
    () => (canStart() ? create() : null),
  );
  return headedSection(
    el,
    "ps-start-h",
    "Start",
    {},
    el("p", { text: "This workbook has no scorecard yet." }),
    createButton,
    hint(
      el,
      "Adds a Scorecard sheet (criteria in four perspectives, Reseller and Influencer weights, four tiers) and a Partners sheet of sample partners scored by PRM formulas.",
    ),
  );
}
