/**
 * Tells the store's own writes from everyone else's. Excel raises a table's onChanged events
 * after the batch that caused them has finished, asynchronously (OfficeDev/office-js#1122),
 * so a "saving" flag is already down when the echo of a save arrives. Instead, after a save
 * the tables are compared with what the save wrote: a change that leaves them exactly so is
 * the save's own echo; anything else was done by another hand and the pane must reload.
 */
import type { TableData } from "./store";

/**
 * A table's content as Excel gives it back, in one string: blanks as "", numbers to Excel's
 * 15 significant digits, fully blank rows at the end dropped (a table with no rows keeps one
 * blank row in Excel). Text is compared exactly: a change of case is a change.
 */
export function fingerprint(tables: readonly (TableData | null)[]): string {
  return JSON.stringify(
    tables.map((table) => {
      if (table === null) return null;
      const rows = table.rows.map((row) => row.map(comparable));
      while (
        rows.length > 0 &&
        rows[rows.length - 1].every((cell) => cell === "")
      )
        rows.pop();
      return [table.header.map(comparable), ...rows];
    }),
  );
}

function comparable(cell: unknown): unknown {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number(cell.toPrecision(15));
  return cell;
}

export class EchoFilter {
  /** Fingerprint of what the last save wrote, until the workbook is seen to differ from it. */
  private expected: string | null = null;
  /** The save in flight (or the last one): a change is judged once it has finished. */
  private saving: Promise<unknown> = Promise.resolve();

  /** @param current reads the watched tables now and returns their fingerprint. */
  constructor(private readonly current: () => Promise<string>) {}

  /** A save is writing `written` (a fingerprint); `save` settles when it is done. */
  expect(written: string, save: Promise<unknown>): void {
    this.expected = written;
    this.saving = save.then(
      () => undefined,
      () => undefined,
    );
  }

  /** Whether the tables were changed by anything but the store's own saves. */
  async isForeign(): Promise<boolean> {
    for (;;) {
      const saving = this.saving;
      await saving;
      const expected = this.expected;
      if (expected === null) return true;
      let now: string;
      try {
        now = await this.current();
      } catch {
        // Cannot tell (Excel busy, cell edit mode): say it changed, so the pane reloads
        // rather than overwrite something it has not shown.
        return true;
      }
      // A save that started while reading changes what is expected: judge again after it.
      if (this.saving !== saving) continue;
      if (now === expected) return false;
      this.expected = null;
      return true;
    }
  }
}
