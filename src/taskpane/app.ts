/**
 * The task pane: edits the Criteria and Tiers tables through a ScorecardStore and shows the
 * effect on the Partners before anything is written. It never touches Office itself; the
 * entry (taskpane.ts) hands it the store, so the browser workbook and the tests can too.
 *
 * This file puts the pane together: the session (session.ts: what is loaded, the draft and
 * every action, including how edits from elsewhere are handled) and the views that draw it
 * (notice, start, problems, effect, editor, programme, actions), redrawing what each session change
 * touches. Timing lives here: in-place refreshes wait for the next frame, a slow what-if
 * trails a moving slider, and the summary is announced after a quiet moment.
 */
import {
  isPartnerFixStore,
  isReviewStore,
  isSharingStore,
  type PartnerCellFix,
  type SheetTable,
  type ScorecardStore,
} from "../workbook/store";
import { actionsGroup, showActions } from "./views/actionsView";
import { ColleagueCopy } from "./state/colleagueCopy";
import { colleagueCopySection } from "./views/colleagueCopyView";
import { DashboardWriter } from "./state/dashboard";
import { dashboardBlock } from "./views/dashboardView";
import { createAnnouncer } from "./views/announcer";
import { builder, byId, counted, fill, focusById, hint } from "./views/dom";
import { errorMessage } from "./state/writingSection";
import { refreshTiers, refreshWeights } from "./views/editorRefresh";
import { tiersSection, weightsSection } from "./views/editor";
import { editorHost } from "./editorHost";
import { effectSection, showEffect } from "./views/effectView";
import { noticeRegion, showNotice, showStale } from "./views/noticeView";
import {
  problemsSection,
  showProblems,
  type ProblemsHost,
} from "./views/problemsView";
import { Programme } from "./state/programme";
import { readWhileVisible } from "./state/readWhileVisible";
import { ALWAYS_VISIBLE, type PaneVisibility } from "./paneVisibility";
import { programmeSection, showProgramme } from "./views/programmeView";
import {
  TaskpaneSession,
  type SessionChange,
  type Working,
} from "./state/session";
import { failedView, loadingView, startSection } from "./views/startView";
import { setUpSection } from "./views/setUpView";
import { dataCheckSection, showDataCheck } from "./views/dataCheckView";
import { todaySerial } from "../core";
import { injectStyles } from "./views/styles";
import { SharingSession } from "./state/sharing";
import {
  sharingSection,
  showExport,
  showMovers,
  showSnapshots,
  type SharingHandlers,
} from "./views/sharingView";
import { ReviewSession } from "./state/review";
import {
  reviewSection,
  showReview,
  type ReviewHandlers,
} from "./views/reviewView";

export interface TaskpaneOptions {
  /** The tables "Create sample scorecard" creates; default: the sample of src/workbook/sample. */
  sampleTables?: () => SheetTable[];
  /** How many applies "Undo last apply" remembers (default 10). */
  undoLimit?: number;
  /** Milliseconds of quiet before the what-if summary is announced to screen readers (default 700). */
  announceDelay?: number;
  /**
   * Whether the pane is on screen (paneVisibility.ts): the workbook is read and watched only
   * while it is. By default always (the browser workbook shows its pane all the time).
   */
  visibility?: PaneVisibility;
}

export interface TaskpaneHandle {
  /** Re-reads the workbook, exactly as when the store reports a change. */
  reload(): Promise<void>;
  /** Stops watching the workbook and empties the root. */
  dispose(): void;
  /** Whether the pane holds edits not yet applied. */
  readonly dirty: boolean;
}

const STALE_ANNOUNCEMENT =
  "The scorecard was changed in the workbook while you have unapplied edits. Apply is paused until you choose to reload or keep your edits.";

export async function mountTaskpane(
  root: HTMLElement,
  store: ScorecardStore,
  options: TaskpaneOptions = {},
): Promise<TaskpaneHandle> {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const el = builder(doc);
  const session = new TaskpaneSession(store, {
    sampleTables: options.sampleTables,
    undoLimit: options.undoLimit,
  });
  injectStyles(doc);
  // Snapshots, movers and the values-only export, where the store can keep History.
  const sharing = isSharingStore(store)
    ? new SharingSession(session, store)
    : null;
  // The tier review (issue 22), where the store can write the review columns and History.
  const review = isReviewStore(store)
    ? new ReviewSession(session, store)
    : null;
  const colleagueCopy = new ColleagueCopy(store);
  colleagueCopy.followApplies(session);
  const dashboard = new DashboardWriter(store);
  dashboard.followApplies(session);

  let refreshQueued = false;
  let effectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last what-if took. */
  let effectCost = 0;

  // ---- persistent frame: live regions must exist before their text changes ----
  const notice = noticeRegion(el);
  const staleBlock = el("div", { id: "ps-stale" });
  const main = el("div", { id: "ps-main" });
  const actions = actionsGroup(el);
  const announcer = createAnnouncer(el, options.announceDelay ?? 700);
  fill(
    root,
    el(
      "div",
      { class: "ps" },
      el(
        "header",
        {},
        el("h1", { text: "Partner Scorecard" }),
        hint(
          el,
          "Criteria, weights and tiers of the Scorecard sheet. Nothing is written until you apply.",
        ),
      ),
      notice,
      staleBlock,
      main,
      actions,
      announcer.element,
    ),
  );

  /** Whether the editor is on screen (the sections that follow changes are drawn). */
  const editing = () => !session.disposed && session.phase === "editor";
  const focus = (id: string) => focusById(doc, id);
  const focusEditor = () => focus("ps-apply") || focus("ps-weights-h");
  /** After the sample or a set-up from a list (`done`: it got through), the editor's first field. */
  const focusProfileIf = (done: boolean) => {
    if (done) focus("ps-profile");
    return done;
  };
  const views: ProblemsHost = { doc, el, session, render, focus };
  const programmeHost = { doc, el, session, programme: new Programme(session) };

  const host = editorHost(doc, el, session, render, focus);

  const onActions = {
    apply: () => void session.apply(),
    revert: () => void (session.revert() && focusEditor()),
    undo: () => void session.undoLastApply(),
  };

  const onSharing: SharingHandlers = {
    snapshot: (confirmed) =>
      void sharing?.snapshot(confirmed).then(() => {
        if (sharing?.confirmingSameDay) focus("ps-snapshot-again");
      }),
    cancelSnapshot: () => {
      sharing?.cancelSnapshot();
      focus("ps-snapshot");
    },
    exportValues: () => void sharing?.exportValues(),
    setEvaluationToday: () => void sharing?.setEvaluationToday(),
  };
  const onReview: ReviewHandlers = {
    open: () => void review?.open(),
    addColumns: () => void review?.addColumns(),
    tick: (partner, ticked) => review?.setTicked(partner, ticked),
    approve: (which) => void review?.approve(which),
    undo: () => void review?.undoLast(),
    override: (form) => void review?.setOverride(form),
  };
  review?.subscribe(() => {
    if (!editing()) return;
    showReview(doc, el, review, onReview);
  });
  sharing?.subscribe((change) => {
    if (!editing()) return;
    if (change === "export") return; // the ticks and the choice show it already
    showSnapshots(doc, el, sharing, onSharing);
    if (change === "history") showMovers(doc, el, sharing);
  });

  // ---- drawing what changed ----
  session.subscribe((change: SessionChange) => {
    if (session.disposed) return;
    switch (change.kind) {
      case "state":
        return render();
      case "values":
        return scheduleRefresh();
      case "stale":
        renderStale();
        renderActions();
        if (session.stale) announcer.now(STALE_ANNOUNCEMENT);
        return;
      case "busy":
        return renderActions(change.working);
      case "notice":
        return showNotice(el, notice, session.notice, () =>
          session.setNotice(null),
        );
      case "partner":
        return showProgramme(programmeHost);
    }
  });

  function render(): void {
    if (session.disposed) return;
    const active = doc.activeElement as HTMLInputElement | null;
    const activeId = active && root.contains(active) ? active.id : "";
    const selection =
      active && typeof active.selectionStart === "number"
        ? [active.selectionStart, active.selectionEnd]
        : null;
    switch (session.phase) {
      case "loading":
        fill(main, loadingView(el));
        break;
      case "failed":
        fill(main, ...failedView(el, session.failure, () => session.load()));
        break;
      case "empty":
        fill(
          main,
          startSection(
            el,
            () => !session.busy,
            () => session.createSample().then(focusProfileIf),
          ),
          setUpSection(el, session.list, todaySerial(), {
            find: () => void session.findList(),
            setUp: (setUp) => session.setUpFromList(setUp).then(focusProfileIf),
          }),
        );
        break;
      case "editor":
        fill(
          main,
          problemsSection(el),
          effectSection(el),
          dataCheckSection(el),
          weightsSection(host),
          tiersSection(host),
          programmeSection(programmeHost),
          sharing &&
            sharingSection(el, onSharing, dashboardBlock(el, dashboard)),
          review && reviewSection(el, onReview),
          colleagueCopySection(el, colleagueCopy, (next) =>
            session.setNotice(next),
          ),
        );
        if (sharing) showExport(doc, el, sharing);
        break;
    }
    renderStale();
    renderActions();
    refresh();
    if (activeId) {
      const again = byId<HTMLInputElement>(doc, activeId);
      if (again && again !== doc.activeElement) {
        again.focus();
        if (
          selection &&
          typeof again.setSelectionRange === "function" &&
          again.type === "text"
        ) {
          try {
            again.setSelectionRange(selection[0], selection[1]);
          } catch {
            /* not a text field */
          }
        }
      }
    }
  }

  function renderStale(): void {
    showStale(el, staleBlock, session.stale, {
      reload: () => void (session.discardDraft() && focusEditor()),
      keep: () => void (session.keepDraft() && focusEditor()),
    });
  }

  function renderActions(working: Working | null = null): void {
    showActions(el, actions, session, onActions, working);
  }

  /**
   * Updates what an edit changes without rebuilding the editor (so focus and typing are never
   * disturbed). While a slider moves over a large Partners table, the what-if (which scores
   * every partner) trails the input by a moment instead of slowing every frame.
   */
  function refresh(fromInput = false): void {
    refreshQueued = false;
    if (!editing()) return;
    showProblems(views);
    refreshWeights(views);
    refreshTiers(views);
    clearTimeout(effectTimer);
    if (fromInput && effectCost > 40)
      effectTimer = setTimeout(timedEffect, 150);
    else timedEffect();
    renderActions();
  }

  function timedEffect(): void {
    if (!editing()) return;
    const started = Date.now();
    showEffect(doc, el, session, announcer.queue);
    showDataCheck(doc, el, session, fixData);
    showProgramme(programmeHost);
    if (sharing) {
      showSnapshots(doc, el, sharing, onSharing);
      showMovers(doc, el, sharing);
    }
    if (review) showReview(doc, el, review, onReview);
    effectCost = Date.now() - started;
  }

  /** The data check's fixes, in one write; the workbook is read again after. */
  const fixData = isPartnerFixStore(store)
    ? (fixes: PartnerCellFix[]) =>
        void store.fixPartnerCells(fixes).then(
          () => {
            session.say(
              "info",
              `Fixed ${counted(fixes.length, "cell", "cells")} in the Partners table.`,
            );
            return session.reload();
          },
          (e: unknown) =>
            session.say("error", `Could not fix the cells: ${errorMessage(e)}`),
        )
    : null;

  function scheduleRefresh(): void {
    if (refreshQueued) return;
    refreshQueued = true;
    if (win && typeof win.requestAnimationFrame === "function")
      win.requestAnimationFrame(() => refresh(true));
    else setTimeout(() => refresh(true), 0);
  }

  // ---- start: when shown; a hidden shared runtime reads nothing ----
  const following = readWhileVisible(
    options.visibility ?? ALWAYS_VISIBLE,
    session,
    async () => sharing?.loadHistory(),
  );
  await following.ready;

  return {
    reload: () => session.reload(),
    dispose: () => {
      following.stop();
      session.dispose();
      announcer.dispose();
      clearTimeout(effectTimer);
      fill(root);
    },
    get dirty() {
      return session.dirty;
    },
  };
}
