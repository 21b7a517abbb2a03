/**
 * The pane's screen-reader announcer: a visually hidden polite live region. A queued text is
 * spoken after a quiet moment (so a moving slider does not flood the reader with every
 * value); an urgent one at once.
 */
import type { El } from "./dom";

export interface Announcer {
  readonly element: HTMLElement;
  /** Announces `text` once nothing else was queued for `delay` ms (unless it is already shown). */
  queue(text: string): void;
  /** Announces `text` now, dropping what was queued. */
  now(text: string): void;
  /** Drops what was queued; nothing is announced after this. */
  dispose(): void;
}

export function createAnnouncer(el: El, delay: number): Announcer {
  const element = el("div", {
    class: "sr-only",
    "aria-live": "polite",
    id: "ps-announce",
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  return {
    element,
    queue(text) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!disposed && element.textContent !== text)
          element.textContent = text;
      }, delay);
    },
    now(text) {
      clearTimeout(timer);
      element.textContent = text;
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
