/**
 * The partner card's picture in the partner view: the "Per criterion" toggle, the drawing
 * with its table of values, and Copy picture / Save picture for a review deck. It is drawn
 * again with the card (the selection, the what-if draft); the toggle redraws only the
 * picture, so it keeps focus.
 */
import { button, fill, hint, inRow, type El } from "./dom";
import type { Programme } from "../state/programme";
import { errorMessage } from "../state/writingSection";
import { drawPicture, pictureTitle, pictureValues } from "./partnerPicture";
import {
  canCopyPictures,
  copyPng,
  pictureFileName,
  savePng,
  svgToPng,
} from "./pictureExport";
import { PALETTES, paneTheme } from "./theme";

export interface PictureHost {
  doc: Document;
  el: El;
  programme: Programme;
}

const IDS = "ps-picture";
const VALUES_ID = "ps-picture-values";

/** The picture's block, drawn for the selected partner (empty when it has none). */
export function partnerPicture(host: PictureHost): HTMLElement {
  const { doc, el, programme } = host;
  const figure = el("div", { testid: "partner-picture" });
  const status = hint(el, "", { role: "status", testid: "picture-status" });
  /** The picture of the partner shown, or null when none is (none chosen, or not scored). */
  const named = () => {
    const picture = programme.picture();
    return picture && !("error" in picture) ? picture : null;
  };
  const draw = () => {
    const picture = named();
    status.textContent = "";
    if (!picture) return fill(figure);
    fill(
      figure,
      drawPicture(doc, picture, PALETTES[paneTheme(doc)], {
        ids: IDS,
        describedBy: VALUES_ID,
      }),
      pictureValues(el, picture, VALUES_ID),
    );
  };
  /** The PNG of the picture now, in the light palette on white: slides are light. */
  const png = () => {
    const picture = named();
    if (!picture) return Promise.reject(new Error("no partner is shown"));
    return svgToPng(
      drawPicture(doc, picture, PALETTES.light, {
        ids: `${IDS}-copy`,
        background: true,
      }),
    );
  };
  const win = doc.defaultView;
  const copy = button(el, {
    class: "small",
    testid: "copy-picture",
    text: "Copy picture",
    hidden: !canCopyPictures(win),
    onclick: () => {
      const shown = named();
      if (!win || !shown) return;
      status.textContent = "Copying…";
      copyPng(win, png()).then(
        () =>
          (status.textContent = `Copied ${pictureTitle(shown)}: paste it into a slide.`),
        (e: unknown) =>
          (status.textContent = `The picture could not be copied here (${errorMessage(e)}): use Save picture instead.`),
      );
    },
  });
  const save = button(el, {
    class: "small",
    testid: "save-picture",
    text: "Save picture",
    onclick: () => {
      const shown = named();
      if (!shown) return;
      png().then(
        (bytes) => {
          savePng(doc, bytes, pictureFileName(shown.partner));
          status.textContent = `Saved ${pictureFileName(shown.partner)}.`;
        },
        (e: unknown) =>
          (status.textContent = `The picture could not be saved (${errorMessage(e)}).`),
      );
    },
  });
  const toggle = el("input", {
    type: "checkbox",
    id: "ps-picture-by",
    testid: "picture-by-criterion",
    checked: programme.pictureBy === "criterion",
    onchange: (e: Event) => {
      programme.pictureBy = (e.target as HTMLInputElement).checked
        ? "criterion"
        : "perspective";
      draw();
    },
  });
  draw();
  return el(
    "div",
    { class: "picture" },
    inRow(
      el,
      el("label", { for: "ps-picture-by" }, toggle, "Per criterion"),
      copy,
      save,
    ),
    figure,
    status,
  );
}
