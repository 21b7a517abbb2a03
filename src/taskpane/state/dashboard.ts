/**
 * The pane's "Write dashboard" action, without DOM: reads the workbook (the tables and the
 * History table), builds the Dashboard (src/programme/dashboard: live counts, the averages per
 * perspective as values) and has the store write it with its native charts. Once the
 * workbook has a Dashboard, every Apply rewrites it, so its values never trail the model; a
 * sheet named Dashboard that the add-in did not make is never touched.
 */
import { readHistory } from "../../core";
import { dashboardSheet, DASHBOARD_SHEET } from "../../programme/dashboard";
import { scenarioOf } from "../../programme/whatIf";
import {
  isChartStore,
  isSharingStore,
  type ChartStore,
  type ScorecardStore,
} from "../../workbook/store";
import { ownedSheetTaken } from "../../workbook/ownedSheet";
import { errorText } from "../../workbook/writeFailure";
import { SheetKeptAfterApplies } from "./afterApply";
import type { Notice } from "./session";

/** How many of the latest snapshots the Dashboard counts, as the pane's own tier chart. */
export const DASHBOARD_SNAPSHOTS = 12;

const WRITTEN = `Wrote the sheet "${DASHBOARD_SHEET}": partners per tier now and at each snapshot, the score distribution with the tier thresholds, and the average points per perspective per tier, as Excel charts. Counts are live formulas; the averages are rewritten on every Apply. To put a chart in a review deck: select it, Copy, then Paste as picture.`;

const NO_MODEL =
  "The workbook has no Criteria, Tiers and Partners tables, or the model they hold has problems: fix them and apply first.";

export class DashboardWriter extends SheetKeptAfterApplies {
  protected readonly rewrittenText = `The sheet "${DASHBOARD_SHEET}" was rewritten too.`;
  /** What the last "Write dashboard" came to, shown beside its button until the next. */
  message: Notice | null = null;

  constructor(
    private readonly store: ScorecardStore,
    private readonly now: () => Date = () => new Date(),
  ) {
    super();
  }

  /** Whether this store can draw charts at all (both real stores can). */
  get available(): boolean {
    return isChartStore(this.store);
  }

  /** "Write dashboard": writes it, creating the sheet if need be; what to tell the user. */
  async write(): Promise<Notice> {
    this.message = (await this.run(false)) ?? { kind: "info", text: WRITTEN };
    return this.message;
  }

  /** Null when written (or absent with onlyIfPresent), else the notice saying what went wrong. */
  protected async run(onlyIfPresent: boolean): Promise<Notice | null> {
    const store = this.store;
    if (!isChartStore(store))
      return {
        kind: "error",
        text: "This workbook view cannot draw charts, so there is no Dashboard here.",
      };
    const failed = (reason: string): Notice => ({
      kind: "error",
      text: `${onlyIfPresent ? `The sheet "${DASHBOARD_SHEET}" could not be rewritten and shows the scorecard as it was` : "Could not write the Dashboard"}: ${reason}`,
    });
    try {
      const sheet = await this.build(store);
      if (typeof sheet === "string")
        // After an Apply, a Dashboard nobody made is no reason to complain.
        return onlyIfPresent && this.present !== true ? null : failed(sheet);
      this.present =
        (await store.writeChartedSheet(sheet, onlyIfPresent)) === "written";
      return null;
    } catch (e) {
      // "Dashboard" is a common name for a sheet of one's own: an Apply says nothing of one
      // the add-in did not make (the button says why it is left alone).
      if (
        onlyIfPresent &&
        this.present !== true &&
        e instanceof Error &&
        e.message === ownedSheetTaken(DASHBOARD_SHEET)
      ) {
        this.present = false;
        return null;
      }
      return failed(errorText(e));
    }
  }

  /** The Dashboard from the workbook as it is now, or why it cannot be made. */
  private async build(store: ScorecardStore & ChartStore) {
    const { criteria, tiers, partners } = await store.load();
    const scenario = criteria && tiers && scenarioOf(criteria, tiers);
    if (!scenario || !tiers || !partners) return NO_MODEL;
    const history = isSharingStore(store) ? await store.loadHistory() : null;
    const snapshots = history
      ? readHistory(history.header, history.rows).snapshots
      : [];
    const built = dashboardSheet({
      tiers,
      partners,
      scenario,
      snapshots: snapshots.slice(-DASHBOARD_SNAPSHOTS).map((s) => s.date),
      generatedAt: this.now(),
    });
    return built.ok ? built.sheet : built.message;
  }
}
