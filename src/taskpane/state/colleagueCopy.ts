/**
 * The pane's "Copy for colleagues" action, without DOM: reads the workbook, builds the copy
 * whose built-in formulas work without the add-in (src/sharing) and has the store write it.
 * After every Apply it rewrites the copy if the workbook has one, so it never trails the
 * model; a sheet of that name that the add-in did not make is never touched.
 */
import type { MissingPolicy } from "../../core";
import { buildColleagueCopy, COPY_SHEET } from "../../sharing";
import { TABLE } from "../../workbook/names";
import type { ScorecardStore } from "../../workbook/store";
import { errorText } from "../../workbook/writeFailure";
import { SheetKeptAfterApplies } from "./afterApply";
import type { Notice } from "./session";

const NOT_WRITTEN = "Could not write the copy for colleagues";
const WRITTEN = `Wrote the sheet "${COPY_SHEET}": each partner's score and tier as formulas with built-in Excel functions, for colleagues without the add-in. It is rewritten on every Apply.`;

export class ColleagueCopy extends SheetKeptAfterApplies {
  /** The missing-data policy the copy's scores use: the PRM formulas' `missing` argument. */
  missing: MissingPolicy = "skip";
  protected readonly rewrittenText = `The sheet "${COPY_SHEET}" for colleagues without the add-in was rewritten too.`;

  constructor(
    private readonly store: ScorecardStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** Whether this store can write the copy at all. */
  get available(): boolean {
    return typeof this.store.writeOwnedSheet === "function";
  }

  /** "Copy for colleagues": writes the copy, creating the sheet if need be. */
  write(): Promise<Notice> {
    return this.run(false).then(
      (notice) => notice ?? { kind: "info", text: WRITTEN },
    );
  }

  /** Null when written (or absent with onlyIfPresent), else the notice saying what went wrong. */
  protected async run(onlyIfPresent: boolean): Promise<Notice | null> {
    const writeSheet = this.store.writeOwnedSheet?.bind(this.store);
    if (!writeSheet)
      return {
        kind: "error",
        text: "This workbook view cannot write sheets, so there is no copy for colleagues here.",
      };
    try {
      // With the Partners formulas, in the same round trips: where partner values are
      // PRM.CERTSTATUS formulas, the copy computes them itself.
      const loaded = await this.store.load({ formulasOf: [TABLE.partners] });
      const built = buildColleagueCopy(loaded, {
        missing: this.missing,
        generatedAt: this.now(),
      });
      if (!built.ok) {
        // After an Apply, a copy nobody made is no reason to complain.
        if (onlyIfPresent && this.present !== true) return null;
        return {
          kind: "error",
          text: `${onlyIfPresent ? `The sheet "${COPY_SHEET}" could not be rewritten and shows the scorecard as it was` : NOT_WRITTEN}: ${built.message}`,
        };
      }
      this.present =
        (await writeSheet(built.sheet, onlyIfPresent)) === "written";
      return null;
    } catch (e) {
      return {
        kind: "error",
        text: `${NOT_WRITTEN}: ${errorText(e)}`,
      };
    }
  }
}
