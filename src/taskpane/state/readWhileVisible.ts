/**
 * The pane's workbook work runs only while the pane is shown. In a shared runtime the page
 * lives on, hidden, whenever a workbook uses the PRM functions (paneVisibility.ts); reading
 * the tables and holding Excel event handlers there costs the user for nothing: with the
 * sample's volatile PRM.CERTSTATUS, every edit anywhere would make a hidden page read the
 * Partners table again. So: the first show loads and watches; hiding removes every
 * subscription (reads nothing more); showing again catches up with one load, then watches.
 * DOM-free and Office-free; app.ts hands in the session and the signal.
 */
import type { PaneVisibility } from "../paneVisibility";

/** What of the session this drives (TaskpaneSession). */
export interface VisibleWork {
  load(): Promise<void>;
  watch(): Promise<void>;
  /** Drops every subscription; reads nothing until resume(). */
  pause(): Promise<void>;
  /** One read to catch up, then watches again. */
  resume(): Promise<void>;
}

export interface VisibleFollowing {
  /** Settles when the work for the visibility at start is done (the first load, if shown). */
  readonly ready: Promise<void>;
  /** Stops following the visibility (on dispose). */
  stop(): void;
}

/**
 * Starts `work` when `visibility` first shows the pane (and then `afterFirstLoad`), pauses it
 * when hidden, resumes it when shown again. Transitions run one after another, so a quick
 * hide-and-show never leaves a subscription behind or reads twice at once.
 */
export function readWhileVisible(
  visibility: PaneVisibility,
  work: VisibleWork,
  afterFirstLoad: () => Promise<unknown> = async () => undefined,
): VisibleFollowing {
  let started = false;
  let turns: Promise<void> = Promise.resolve();
  const turn = (visible: boolean): Promise<void> => {
    const next = turns.then(async () => {
      if (!visible) {
        if (started) await work.pause();
      } else if (started) await work.resume();
      else {
        started = true;
        await work.load();
        await work.watch();
        await afterFirstLoad();
      }
    });
    // A failed turn is the session's to report (it sets its notice); the next turn still runs.
    turns = next.catch(() => undefined);
    return next;
  };
  const ready = visibility.visible ? turn(true) : Promise.resolve();
  const unsubscribe = visibility.subscribe((visible) => void turn(visible));
  return { ready, stop: unsubscribe };
}
