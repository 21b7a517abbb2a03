/**
 * A pane section's write (Sharing's snapshot and export, the Review's decisions): run as busy,
 * and on failure the reason said in the session's notice rather than thrown at the view.
 */
import type { Notice } from "./session";

export interface WritingSection {
  setBusy(busy: boolean): void;
  setNotice(notice: Notice | null): void;
}

/** Runs `run` as busy; false, with `failure` and the reason in the notice, when it failed. */
export async function sectionWrite(
  section: WritingSection,
  run: () => Promise<void>,
  failure: string,
): Promise<boolean> {
  section.setBusy(true);
  try {
    await run();
    return true;
  } catch (e) {
    section.setNotice({
      kind: "error",
      text: `${failure}: ${errorMessage(e)}`,
    });
    return false;
  } finally {
    section.setBusy(false);
  }
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
