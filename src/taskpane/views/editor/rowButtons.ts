/** The Move up, Move down and Remove buttons under a criterion's fields and a tier's card. */
import { button, inRow, type El } from "../dom";

export type Step = -1 | 1;

/**
 * The row of buttons: the move buttons' ids are `${prefix}up-${id}` and `${prefix}down-${id}`;
 * `move` gets the step and the ids to focus after it (the same button, then the other one, as
 * a row moved to the end has no button in that direction). `named` ends each button's label.
 */
export function rowButtons(
  el: El,
  prefix: string,
  id: number,
  named: string,
  canMove: (step: Step) => boolean,
  move: (step: Step, ...focusIds: string[]) => void,
  remove: () => void,
): HTMLDivElement {
  const moveButton = (step: Step, label: string) => {
    const [here, there] = step < 0 ? ["up", "down"] : ["down", "up"];
    return button(el, {
      class: "small",
      id: `${prefix}${here}-${id}`,
      text: label,
      disabled: !canMove(step),
      "aria-label": `${label}: ${named}`,
      onclick: () =>
        move(step, `${prefix}${here}-${id}`, `${prefix}${there}-${id}`),
    });
  };
  return inRow(
    el,
    moveButton(-1, "Move up"),
    moveButton(1, "Move down"),
    button(el, {
      class: "small",
      text: "Remove",
      "aria-label": `Remove ${named}`,
      onclick: remove,
    }),
  );
}
