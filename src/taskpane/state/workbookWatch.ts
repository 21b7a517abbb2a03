/**
 * The session's subscriptions to the workbook: the scorecard tables' changes, and the Partners
 * table's changes and selection (each where the store can tell). (Re)subscriptions and stops
 * run in turn, so that two never interleave and leave one behind; once the session is
 * disposed, a subscription that arrives is stopped at once. No DOM.
 */
import type { ScorecardStore } from "../../workbook/store";

/** What the watch tells the session, and asks of it. */
export interface WatchHost {
  /** A change was heard: read the workbook again. */
  changed(): void;
  /** A Partners row was selected; `changesHeard` says whether the store reports its changes. */
  partnerSelected(
    row: number | null,
    values: unknown[] | undefined,
    changesHeard: boolean,
  ): void;
  /** The store could not subscribe: why, in words. */
  cannotWatch(reason: unknown): void;
  /** Whether the session is disposed: a subscription that arrives then is stopped at once. */
  disposed(): boolean;
}

export class WorkbookWatch {
  private stopTables: (() => unknown) | null = null;
  /** Stops following the Partners table: its selection and, where the store can tell, its changes. */
  private stopPartners: (() => Promise<void>) | null = null;
  /** The (re)subscriptions and stops in turn. */
  private queue: Promise<void> = Promise.resolve();
  /** Which tables the workbook had when last subscribed (as the session names them); null before the first watch and after a stop. */
  watchedTables: string | null = null;

  constructor(
    private readonly store: ScorecardStore,
    private readonly host: WatchHost,
  ) {}

  /** (Re)subscribes; `tables` names the tables the workbook holds now. */
  watch(tables: string): Promise<void> {
    this.watchedTables = tables;
    return this.inTurn(() => this.resubscribe());
  }

  /** Removes every subscription, after any (re)subscription under way. */
  stop(): Promise<void> {
    this.watchedTables = null; // so that a read still in flight does not subscribe again
    return this.inTurn(() => this.unsubscribe());
  }

  /** The session is disposed: stops what is subscribed now, without waiting. */
  dispose(): void {
    void Promise.resolve()
      .then(() => this.stopTables?.())
      .catch(() => undefined);
    void Promise.resolve()
      .then(() => this.stopPartners?.())
      .catch(() => undefined);
  }

  private inTurn(step: () => Promise<void>): Promise<void> {
    const done = this.queue.then(step);
    this.queue = done.catch(() => undefined);
    return done;
  }

  private async resubscribe(): Promise<void> {
    const previous = this.stopTables;
    this.stopTables = null;
    try {
      await previous?.();
    } catch {
      /* the old subscription is gone with its tables */
    }
    try {
      const stop = await this.store.watch(() => this.host.changed());
      if (this.host.disposed()) void stop();
      else this.stopTables = stop;
    } catch (e) {
      this.host.cannotWatch(e);
    }
    await this.watchPartners();
  }

  /**
   * Follows the partner selected in the workbook, and the Partners table's changes (each
   * when the store can tell), so that the partner view shows the Partners values as they
   * are now.
   */
  private async watchPartners(): Promise<void> {
    const previous = this.stopPartners;
    this.stopPartners = null;
    try {
      await previous?.();
    } catch {
      /* the old subscriptions are gone with their table */
    }
    let stopChanges: (() => unknown) | undefined;
    let stopSelection: (() => unknown) | undefined;
    try {
      stopChanges = await this.store.watchPartners?.(() => this.host.changed());
    } catch {
      /* each selection reads the workbook again instead */
    }
    try {
      stopSelection = await this.store.watchPartnerSelection?.((row, values) =>
        this.host.partnerSelected(row, values, stopChanges !== undefined),
      );
    } catch {
      /* the partner view still works from its own list */
    }
    const stop = async () => {
      await stopChanges?.();
      await stopSelection?.();
    };
    if (this.host.disposed()) void stop();
    else this.stopPartners = stop;
  }

  private async unsubscribe(): Promise<void> {
    const stops = [this.stopTables, this.stopPartners];
    this.stopTables = null;
    this.stopPartners = null;
    for (const stop of stops) {
      try {
        await stop?.();
      } catch {
        /* gone with its tables */
      }
    }
  }
}
