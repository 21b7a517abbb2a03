/**
 * The task pane: edits the Criteria and Tiers tables through a ScorecardStore and shows the
 * effect on the Partners before anything is written. It never touches Office itself; the
 * entry (taskpane.ts) hands it the store, so the browser workbook and the tests can too.
 *
 * Edits from elsewhere (what this pane chose): when the store reports a change, the pane
 * reloads. With no unapplied edits it simply shows the new tables and says so. With
 * unapplied edits it keeps the draft, does not write, lists what changed in the workbook and
 * blocks Apply until the user chooses either "Reload (discard my edits)" or "Keep my edits"
 * (which makes the changed workbook the draft's new base, so Apply then overwrites the
 * changes the user has just been shown, and Undo restores them). An Apply never overwrites
 * a change the pane has not shown. Undo of an apply likewise checks the workbook still holds
 * what that Apply wrote, and asks before overwriting anything newer.
 */
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  weightHeader,
  type Problem,
} from "../core";
import { sampleTables as defaultSampleTables } from "../workbook/sample";
import type {
  ScorecardStore,
  SheetTable,
  TableData,
  WorkbookScorecard,
} from "../workbook/store";
import { builder, fill } from "./dom";
import {
  EMPTY_TIERS,
  copyTable,
  criterionNames,
  describeChanges,
  draftTables,
  originOf,
  profilesOf,
  rebaseDraft,
  rowOfId,
  sameTable,
  sameTables,
  setCell,
  setWeight,
  spreadTo100,
  tablesOf,
  textAt,
  weightShares,
  type Draft,
  type DraftTable,
  type Tables,
} from "./draft";
import { chartItems, effectNotes, summaryText } from "./effectView";
import {
  syncSlider,
  tiersSection,
  weightsSection,
  type EditorHost,
} from "./editorView";
import { injectStyles } from "./styles";
import {
  planUndo,
  popApply,
  pushApply,
  UNDO_LIMIT,
  type AppliedChange,
} from "./undo";
import {
  cellAddress,
  describeAt,
  problemPlace,
  problemsOfRow,
  validateDraft,
  type DraftCheck,
} from "./validation";
import {
  scorePartners,
  type PartnerResult,
  partnerLayout,
  scenarioOf,
  whatIf,
  type Scenario,
  type WhatIf,
} from "./whatIf";

export interface TaskpaneOptions {
  /** The tables "Create sample scorecard" creates; default: the sample of src/workbook/sample. */
  sampleTables?: () => SheetTable[];
  /** How many applies "Undo last apply" remembers (default 10). */
  undoLimit?: number;
  /** Milliseconds of quiet before the what-if summary is announced to screen readers (default 700). */
  announceDelay?: number;
}

export interface TaskpaneHandle {
  /** Re-reads the workbook, exactly as when the store reports a change. */
  reload(): Promise<void>;
  /** Stops watching the workbook and empties the root. */
  dispose(): void;
  /** Whether the pane holds edits not yet applied. */
  readonly dirty: boolean;
}

type Phase = "loading" | "empty" | "editor" | "failed";

interface Stale {
  loaded: WorkbookScorecard;
  tables: Tables;
  changes: string[];
}

export interface Notice {
  text: string;
  kind: "info" | "error";
  details?: string[];
  actions?: {
    label: string;
    testid: string;
    run: () => void;
    primary?: boolean;
  }[];
}

export async function mountTaskpane(
  root: HTMLElement,
  store: ScorecardStore,
  options: TaskpaneOptions = {},
): Promise<TaskpaneHandle> {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const el = builder(doc);
  const sampleTables = options.sampleTables ?? defaultSampleTables;
  const undoLimit = options.undoLimit ?? UNDO_LIMIT;
  const announceDelay = options.announceDelay ?? 700;
  injectStyles(doc);

  // ---- state ----
  let phase: Phase = "loading";
  let failure = "";
  let loaded: WorkbookScorecard = {
    criteria: null,
    tiers: null,
    partners: null,
  };
  let base: Tables = { criteria: { header: [], rows: [] }, tiers: EMPTY_TIERS };
  let draft: Draft = draftTables(base);
  let check: DraftCheck = validateDraft(base.criteria, base.tiers);
  let baseScenario: Scenario | null = null;
  let profile = DEFAULT_PROFILE;
  let locks = new Set<string>(); // `${profile}\u0000${criterion id}`
  let open = new Set<number>(); // criterion ids whose details are open
  let addingProfile = false;
  let stale: Stale | null = null;
  let undo: AppliedChange[] = [];
  /** Renames applied from this pane: new name (lower case) -> the names it had before. */
  const aliases = new Map<string, string[]>();
  let busy = false;
  let pendingReload = false;
  let notice: Notice | null = null;
  let disposed = false;
  let stopWatching: (() => unknown) | null = null;
  let refreshQueued = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let effectTimer: ReturnType<typeof setTimeout> | undefined;
  /** Milliseconds the last what-if took. */
  let effectCost = 0;
  /** The partners scored under the workbook's model, kept while that model and Partners stay. */
  let scoredNow: {
    partners: TableData;
    scenario: Scenario;
    key: string;
    results: PartnerResult[];
  } | null = null;

  // ---- persistent frame: live regions must exist before their text changes ----
  const frame = el("div", { className: "ps" });
  const noticeRegion = el("div", {
    className: "notice",
    role: "status",
    "aria-live": "polite",
    id: "ps-notice",
    "data-testid": "notice",
  });
  const staleBlock = el("div", { id: "ps-stale" });
  const main = el("div", { id: "ps-main" });
  const actions = el("div", {
    className: "actions",
    role: "group",
    "aria-label": "Apply changes",
  });
  const announcer = el("div", {
    className: "sr-only",
    "aria-live": "polite",
    id: "ps-announce",
  });
  frame.append(
    el(
      "header",
      {},
      el("h1", { text: "Partner Scorecard" }),
      el("p", {
        className: "muted",
        text: "Criteria, weights and tiers of the Scorecard sheet. Nothing is written until you apply.",
      }),
    ),
    noticeRegion,
    staleBlock,
    main,
    actions,
    announcer,
  );
  fill(root, frame);

  // ---- derived ----
  const isDirty = () =>
    phase === "editor" && !sameTables(tablesOf(draft), base);
  const lockKey = (id: number) => `${profile}\u0000${id}`;
  const lockedIds = () =>
    new Set(draft.criteria.ids.filter((id) => locks.has(lockKey(id))));

  function recheck(): void {
    check = validateDraft(draft.criteria, draft.tiers);
  }

  /** Where a problem is: the cell address when the row is where the workbook has it, else words. */
  function address(p: Problem): string | null {
    const table: DraftTable =
      p.table === "Criteria" ? draft.criteria : draft.tiers;
    const baseTable = p.table === "Criteria" ? base.criteria : base.tiers;
    const where = p.table === "Criteria" ? loaded.criteria : loaded.tiers;
    if (!where?.address || !sameHeader(table, baseTable)) return null;
    if (p.row >= 0 && originOf(table, p.row) !== p.row) return null;
    return cellAddress(where.address, table, p);
  }

  function sameHeader(a: TableData, b: TableData): boolean {
    return sameTable(
      { header: a.header, rows: [] },
      { header: b.header, rows: [] },
    );
  }

  // ---- loading ----
  function adopt(data: WorkbookScorecard): void {
    loaded = data;
    stale = null;
    if (data.criteria === null) {
      phase = "empty";
      return;
    }
    base = {
      criteria: copyTable(data.criteria),
      tiers: copyTable(data.tiers ?? EMPTY_TIERS),
    };
    baseScenario = scenarioOf(base.criteria, base.tiers);
    draft = draftTables(base);
    // Locks and open details are the pane's own; they stay with the row positions they had.
    locks = new Set(
      [...locks].filter(
        (k) => Number(k.split("\u0000")[1]) < base.criteria.rows.length,
      ),
    );
    open = new Set([...open].filter((id) => id < base.criteria.rows.length));
    const profiles = profilesOf(base.criteria);
    if (
      profile !== DEFAULT_PROFILE &&
      !profiles.some((p) => p.toLowerCase() === profile.toLowerCase())
    )
      profile = DEFAULT_PROFILE;
    phase = "editor";
    recheck();
  }

  async function firstLoad(): Promise<void> {
    phase = "loading";
    render();
    try {
      adopt(await store.load());
    } catch (e) {
      phase = "failed";
      failure = message(e);
    }
    render();
  }

  /** The workbook changed (or reload() was called): see the choice described at the top. */
  async function workbookChanged(): Promise<void> {
    if (disposed) return;
    if (busy) {
      pendingReload = true;
      return;
    }
    busy = true;
    let data: WorkbookScorecard;
    try {
      data = await store.load();
    } catch (e) {
      setNotice({
        kind: "error",
        text: `The workbook changed but could not be read again: ${message(e)}`,
      });
      return;
    } finally {
      busy = false;
    }
    if (disposed) return;
    const partnersChanged = !sameTable(data.partners, loaded.partners);
    if (phase !== "editor") {
      adopt(data);
      render();
      if ((phase as Phase) === "editor")
        setNotice({
          kind: "info",
          text: "The scorecard was changed in the workbook; the pane reloaded.",
        });
      return;
    }
    const tables =
      data.criteria === null
        ? null
        : { criteria: data.criteria, tiers: data.tiers ?? EMPTY_TIERS };
    if (tables !== null && sameTables(tables, base)) {
      // Our own write coming back, only the Partners changed, or a change was undone in the
      // workbook: the editor's base is what the workbook holds.
      loaded = { ...loaded, partners: data.partners };
      if (stale) {
        stale = null;
        renderStale();
        renderActions();
      }
      if (partnersChanged) scheduleRefresh();
      return;
    }
    if (!isDirty()) {
      adopt(data);
      render();
      setNotice({
        kind: "info",
        text: "The scorecard was changed in the workbook; the pane reloaded.",
      });
      return;
    }
    const changes =
      tables === null
        ? ["The Criteria table is no longer in the workbook."]
        : [
            ...describeChanges("Criteria", base.criteria, tables.criteria),
            ...describeChanges("Tiers", base.tiers, tables.tiers),
          ];
    stale = { loaded: data, tables: tables ?? base, changes };
    loaded = { ...loaded, partners: data.partners };
    setNotice(null);
    renderStale();
    renderActions();
    announce(
      "The scorecard was changed in the workbook while you have unapplied edits. Apply is paused until you choose to reload or keep your edits.",
    );
  }

  function discardDraftForWorkbook(): void {
    if (!stale) return;
    const data = stale.loaded;
    adopt(data);
    render();
    setNotice({
      kind: "info",
      text: "The scorecard was changed in the workbook; the pane reloaded and your unapplied edits were discarded.",
    });
    focus("ps-apply") || focus("ps-weights-h");
  }

  function keepDraftOverWorkbook(): void {
    if (!stale || stale.loaded.criteria === null) return;
    const next: Tables = stale.tables;
    const c = rebaseDraft(
      draft.criteria,
      base.criteria,
      next.criteria,
      CRITERIA_HEADERS.name,
    );
    const t = rebaseDraft(
      draft.tiers,
      base.tiers,
      next.tiers,
      TIER_HEADERS.name,
    );
    locks = new Set(
      [...locks].map((k) => {
        const [p, id] = k.split("\u0000");
        return `${p}\u0000${c.idMap.get(Number(id)) ?? id}`;
      }),
    );
    open = new Set([...open].map((id) => c.idMap.get(id) ?? id));
    loaded = stale.loaded;
    base = { criteria: copyTable(next.criteria), tiers: copyTable(next.tiers) };
    baseScenario = scenarioOf(base.criteria, base.tiers);
    draft = { criteria: c.draft, tiers: t.draft };
    stale = null;
    recheck();
    render();
    setNotice({
      kind: "info",
      text: "Kept your edits. Apply now writes them over the workbook changes listed before; Undo last apply would restore those.",
    });
    focus("ps-apply") || focus("ps-weights-h");
  }

  // ---- writing ----
  async function apply(): Promise<void> {
    if (!canApply()) return;
    const tables = tablesOf(draft);
    busy = true;
    renderActions("Applying…");
    try {
      // The change events of a workbook can lag: read the tables once more so that an Apply
      // never overwrites a change the pane has not shown.
      const now = await store.load();
      const current =
        now.criteria === null
          ? null
          : { criteria: now.criteria, tiers: now.tiers ?? EMPTY_TIERS };
      if (current === null || !sameTables(current, base)) {
        busy = false;
        pendingReload = false;
        await workbookChanged();
        return;
      }
      await store.save(tables.criteria, tables.tiers);
    } catch (e) {
      busy = false;
      renderActions();
      setNotice({
        kind: "error",
        text: `Could not apply: ${message(e)}. Your edits are still here.`,
      });
      return;
    }
    busy = false;
    undo = pushApply(undo, { before: base, after: tables }, undoLimit);
    rebaseAfterWrite(tables, true);
    render();
    setNotice({
      kind: "info",
      text: "Applied: the Criteria and Tiers tables are updated and Excel recalculates the scores.",
    });
    await afterWrite();
  }

  /** After a write, the written tables are the base; ids/locks/open details follow their rows. */
  function rebaseAfterWrite(tables: Tables, applied: boolean): void {
    // An Apply writes the draft row for row, so its renames are known; an undo's are not.
    if (applied)
      draft.criteria.ids.forEach((_, row) => {
        const origin = originOf(draft.criteria, row);
        const before =
          origin === null
            ? ""
            : textAt(base.criteria, origin, CRITERIA_HEADERS.name).trim();
        const after = textAt(
          tables.criteria,
          row,
          CRITERIA_HEADERS.name,
        ).trim();
        if (before && after && before.toLowerCase() !== after.toLowerCase()) {
          aliases.set(after.toLowerCase(), [
            before,
            ...(aliases.get(after.toLowerCase()) ?? []),
          ]);
        }
      });
    const idMapOf = (d: DraftTable) =>
      new Map(d.ids.map((id, row) => [id, row] as const));
    const cMap = idMapOf(draft.criteria);
    const written = draftTables(tables);
    locks = new Set(
      [...locks].flatMap((k) => {
        const [p, id] = k.split("\u0000");
        const row = cMap.get(Number(id));
        return row === undefined ? [] : [`${p}\u0000${row}`];
      }),
    );
    open = new Set(
      [...open].flatMap((id) => (cMap.has(id) ? [cMap.get(id)!] : [])),
    );
    base = {
      criteria: copyTable(tables.criteria),
      tiers: copyTable(tables.tiers),
    };
    baseScenario = scenarioOf(base.criteria, base.tiers);
    loaded = { ...loaded, criteria: base.criteria, tiers: base.tiers };
    draft = written;
    recheck();
  }

  async function afterWrite(): Promise<void> {
    if (pendingReload) {
      pendingReload = false;
      await workbookChanged();
    }
  }

  async function undoLastApply(force = false): Promise<void> {
    if (busy || undo.length === 0 || isDirty()) return;
    busy = true;
    renderActions("Undoing…");
    try {
      const data = await store.load();
      const current: Tables =
        data.criteria === null
          ? { criteria: { header: [], rows: [] }, tiers: EMPTY_TIERS }
          : { criteria: data.criteria, tiers: data.tiers ?? EMPTY_TIERS };
      const plan = planUndo(undo, current);
      if (plan.kind === "nothing") return;
      if (plan.kind === "changed-since" && !force) {
        const last = undo[undo.length - 1];
        busy = false;
        setNotice({
          kind: "error",
          text: "The tables changed in the workbook after that apply, so undoing it would overwrite these changes:",
          details: [
            ...describeChanges(
              "Criteria",
              last.after.criteria,
              current.criteria,
            ),
            ...describeChanges("Tiers", last.after.tiers, current.tiers),
          ],
          actions: [
            {
              label: "Undo anyway (overwrite them)",
              testid: "undo-anyway",
              run: () => void undoLastApply(true),
            },
            {
              label: "Cancel",
              testid: "undo-cancel",
              run: () => setNotice(null),
            },
          ],
        });
        return;
      }
      await store.save(plan.tables.criteria, plan.tables.tiers);
      undo = popApply(undo);
      loaded = { ...data };
      rebaseAfterWrite(plan.tables, false);
      busy = false;
      render();
      setNotice({
        kind: "info",
        text: `Undid the last apply: the tables are back as they were before it.${undo.length ? ` ${undo.length} more can be undone.` : ""}`,
      });
    } catch (e) {
      setNotice({ kind: "error", text: `Could not undo: ${message(e)}` });
    } finally {
      busy = false;
      renderActions();
    }
    await afterWrite();
  }

  function revert(): void {
    if (stale) return discardDraftForWorkbook();
    draft = draftTables(base);
    recheck();
    render();
    setNotice({ kind: "info", text: "Reverted to what the workbook holds." });
    focus("ps-apply") || focus("ps-weights-h");
  }

  async function createSample(button: HTMLButtonElement): Promise<void> {
    if (busy) return;
    busy = true;
    button.disabled = true;
    button.textContent = "Creating the sample…";
    try {
      await store.createSample(sampleTables());
      await watch();
      const data = await store.load();
      adopt(data);
      busy = false;
      render();
      setNotice(
        phase === "editor"
          ? {
              kind: "info",
              text: "Created the Scorecard and Partners sheets. Edit the weights below and apply.",
            }
          : {
              kind: "error",
              text: "The sample was created, but no Criteria table could be read back.",
            },
      );
      focus("ps-profile");
    } catch (e) {
      busy = false;
      button.disabled = false;
      button.textContent = "Create sample scorecard";
      setNotice({
        kind: "error",
        text: `Could not create the sample: ${message(e)}`,
      });
    }
    pendingReload = false;
  }

  function canApply(): boolean {
    return (
      phase === "editor" &&
      !busy &&
      stale === null &&
      isDirty() &&
      check.problems.length === 0
    );
  }

  // ---- editing ----
  /** Applies an edit; a structural one re-renders and focuses the first of `focusIds` that can take focus. */
  function edit(
    change: (d: Draft) => Draft,
    structural: boolean,
    ...focusIds: string[]
  ): void {
    draft = change(draft);
    recheck();
    if (structural) {
      render();
      focusIds.some((id) => focus(id));
    } else scheduleRefresh();
  }

  function editCriteria(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void {
    edit(
      (d) => ({ ...d, criteria: change(d.criteria) }),
      structural,
      ...focusIds,
    );
  }

  function editTiers(
    change: (t: DraftTable) => DraftTable,
    structural: boolean,
    ...focusIds: string[]
  ): void {
    edit((d) => ({ ...d, tiers: change(d.tiers) }), structural, ...focusIds);
  }

  /** A cell value from a text field: numbers as numbers, blank as blank, other text kept (and reported). */
  function setWeightFromInput(
    id: number,
    raw: string,
    source: "range" | "number",
    input: HTMLInputElement,
  ): void {
    if (raw === "" && input.validity.badInput) return; // a half-typed number: wait for the rest
    const row = rowOfId(draft.criteria, id);
    if (row < 0) return;
    const value = raw === "" ? "" : Number(raw);
    editCriteria(
      (t) =>
        value === ""
          ? setCell(t, row, weightHeader(profile), "")
          : setWeight(t, row, profile, value as number),
      false,
    );
    const other = doc.getElementById(
      source === "range" ? `ps-w-${id}` : `ps-wr-${id}`,
    ) as HTMLInputElement | null;
    if (other) {
      if (source === "number")
        syncSlider(other, value === "" ? 0 : (value as number));
      else other.value = raw;
    }
  }

  function spread(): void {
    const result = spreadTo100(draft.criteria, profile, lockedIds());
    if (!result.ok) return setNotice({ kind: "error", text: result.message });
    draft = { ...draft, criteria: result.draft };
    recheck();
    render();
    setNotice({
      kind: "info",
      text: "Spread: the weights of this profile now add up to 100.",
    });
  }

  /** What the editor sections read and call (editorView.ts); state is read when events fire. */
  const host: EditorHost = {
    el,
    get draft() {
      return draft;
    },
    get profile() {
      return profile;
    },
    set profile(next: string) {
      profile = next;
    },
    get addingProfile() {
      return addingProfile;
    },
    set addingProfile(next: boolean) {
      addingProfile = next;
    },
    get partners() {
      return loaded.partners;
    },
    isLocked: (id) => locks.has(lockKey(id)),
    setLocked: (id, on) =>
      void (on ? locks.add(lockKey(id)) : locks.delete(lockKey(id))),
    isOpen: (id) => open.has(id),
    setOpen: (id, on) => void (on ? open.add(id) : open.delete(id)),
    edit: (change, structural, ...focusIds) =>
      edit(change, structural, ...focusIds),
    editCriteria: (change, structural, ...focusIds) =>
      editCriteria(change, structural, ...focusIds),
    editTiers: (change, structural, ...focusIds) =>
      editTiers(change, structural, ...focusIds),
    setWeightFromInput: (id, raw, source, input) =>
      setWeightFromInput(id, raw, source, input),
    spread: () => spread(),
    notify: (notice) => setNotice(notice),
    render: () => render(),
    focus: (id) => focus(id),
  };

  // ---- rendering ----
  function render(): void {
    if (disposed) return;
    const active = doc.activeElement as HTMLInputElement | null;
    const activeId = active && root.contains(active) ? active.id : "";
    const selection =
      active && typeof active.selectionStart === "number"
        ? [active.selectionStart, active.selectionEnd]
        : null;
    switch (phase) {
      case "loading":
        fill(
          main,
          el("p", { className: "muted", text: "Reading the scorecard…" }),
        );
        break;
      case "failed":
        fill(
          main,
          el("p", { text: `The scorecard could not be read: ${failure}` }),
          el("button", {
            type: "button",
            text: "Try again",
            onclick: () => void firstLoad(),
          }),
        );
        break;
      case "empty":
        fill(main, renderStart());
        break;
      case "editor":
        fill(
          main,
          renderProblems(),
          renderEffect(),
          weightsSection(host),
          tiersSection(host),
        );
        break;
    }
    renderStale();
    renderActions();
    refresh();
    if (activeId) {
      const again = doc.getElementById(activeId) as HTMLInputElement | null;
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

  function renderStart(): HTMLElement {
    const button = el("button", {
      type: "button",
      className: "primary",
      id: "ps-create-sample",
      "data-testid": "create-sample",
      text: "Create sample scorecard",
    });
    button.addEventListener("click", () => void createSample(button));
    return el(
      "section",
      { "aria-labelledby": "ps-start-h" },
      el("h2", { id: "ps-start-h", text: "Start" }),
      el("p", { text: "This workbook has no scorecard yet." }),
      button,
      el("p", {
        className: "hint",
        text: "Adds a Scorecard sheet with criteria across the four perspectives, Reseller and Influencer weight profiles and four tiers, and a Partners sheet with sample partners whose scores and tiers are PRM formulas.",
      }),
    );
  }

  function renderProblems(): HTMLElement {
    return el(
      "section",
      { "aria-labelledby": "ps-problems-h", id: "ps-problems-section" },
      el("h2", { id: "ps-problems-h", text: "Problems" }),
      el("ul", {
        className: "problems",
        id: "ps-problems",
        "data-testid": "problems",
      }),
    );
  }

  function refreshProblems(): void {
    const section = doc.getElementById("ps-problems-section");
    const list = doc.getElementById("ps-problems");
    if (!section || !list) return;
    section.hidden = check.problems.length === 0;
    fill(
      list,
      ...check.problems.map((p) => {
        const target = fieldFor(p);
        return el(
          "li",
          { "data-table": p.table, "data-row": p.row },
          describeAt(p, address(p)),
          target ? " " : null,
          target
            ? el("button", {
                type: "button",
                className: "link",
                text: "Go to",
                "aria-label": `Go to ${problemPlace(p)}`,
                onclick: () => goTo(p),
              })
            : null,
        );
      }),
    );
  }

  /** The input a problem is about, by id, when the pane shows one. */
  function fieldFor(p: Problem): string | null {
    if (p.row < 0) return null;
    if (p.table === "Criteria") {
      const id = draft.criteria.ids[p.row];
      if (id === undefined) return null;
      const byColumn: Record<string, string> = {
        [CRITERIA_HEADERS.name]: "name",
        [CRITERIA_HEADERS.perspective]: "persp",
        [CRITERIA_HEADERS.method]: "method",
        [CRITERIA_HEADERS.better]: "better",
        [CRITERIA_HEADERS.min]: "min",
        [CRITERIA_HEADERS.max]: "max",
        [CRITERIA_HEADERS.scale]: "scale",
      };
      const part = p.column ? byColumn[p.column] : undefined;
      if (p.column && /^weight/i.test(p.column)) return `ps-w-${id}`;
      return `ps-${part ?? "name"}-${id}`;
    }
    const id = draft.tiers.ids[p.row];
    if (id === undefined) return null;
    const part =
      p.column === TIER_HEADERS.minScore
        ? "tm"
        : p.column === TIER_HEADERS.requires
          ? "tr"
          : "tn";
    return `ps-${part}-${id}`;
  }

  function goTo(p: Problem): void {
    const target = fieldFor(p);
    if (!target) return;
    if (p.table === "Criteria") {
      const id = draft.criteria.ids[p.row];
      if (p.column && /^weight/i.test(p.column)) {
        const wanted = p.column
          .replace(/^weight\s*\(?/i, "")
          .replace(/\)$/, "")
          .trim();
        const match = profilesOf(draft.criteria).find(
          (x) => x.toLowerCase() === wanted.toLowerCase(),
        );
        profile = match ?? DEFAULT_PROFILE;
      } else if (!open.has(id)) open.add(id);
      render();
    }
    focus(target) || focus(`ps-name-${draft.criteria.ids[p.row]}`);
  }

  function renderEffect(): HTMLElement {
    return el(
      "section",
      { "aria-labelledby": "ps-effect-h" },
      el("h2", { id: "ps-effect-h", text: "Effect on partners" }),
      el("p", { id: "ps-effect-summary", "data-testid": "effect-summary" }),
      el("ul", {
        className: "chart",
        id: "ps-tier-counts",
        "data-testid": "tier-counts",
        "aria-label": "Partners per tier",
      }),
      el("div", { id: "ps-effect-notes" }),
    );
  }

  /** A criterion's name and the names it had before renames applied from this pane. */
  function namesOf(name: string, ...more: string[]): string[] {
    const all = [name, ...more];
    for (let k = 0; k < all.length && all.length < 20; k++) {
      for (const older of aliases.get(all[k].toLowerCase()) ?? [])
        if (!all.some((n) => n.toLowerCase() === older.toLowerCase()))
          all.push(older);
    }
    return all.filter((n) => n !== "");
  }

  /** Per draft criterion, the Partners headers to look for: its name, then its earlier names. */
  function draftColumns(): string[][] {
    return criterionNames(draft.criteria).map((name, i) => {
      const origin = originOf(draft.criteria, i);
      const old =
        origin === null
          ? ""
          : textAt(base.criteria, origin, CRITERIA_HEADERS.name).trim();
      return namesOf(name, old);
    });
  }

  function currentWhatIf(): WhatIf | string {
    const partners = loaded.partners;
    if (!partners)
      return "No Partners table was found: add a table named Partners, with a column named like each criterion, to see the effect.";
    if (!check.model || !check.tiers)
      return "Fix the problems listed to see the effect on partners.";
    const tierOrigin = draft.tiers.rows.map((_, i) => originOf(draft.tiers, i));
    const current = baseScenario
      ? {
          ...baseScenario,
          columns: baseScenario.model.criteria.map((c) => namesOf(c.name)),
        }
      : null;
    if (current && baseScenario) {
      const key = JSON.stringify(current.columns);
      if (
        scoredNow?.partners !== partners ||
        scoredNow.scenario !== baseScenario ||
        scoredNow.key !== key
      ) {
        scoredNow = {
          partners,
          scenario: baseScenario,
          key,
          results: scorePartners(partners, current),
        };
      }
    }
    return whatIf(
      partners,
      { model: check.model, tiers: check.tiers, columns: draftColumns() },
      current,
      tierOrigin,
      5,
      current ? scoredNow?.results : undefined,
    );
  }

  function refreshEffect(): void {
    const summary = doc.getElementById("ps-effect-summary");
    const chart = doc.getElementById("ps-tier-counts");
    const notes = doc.getElementById("ps-effect-notes");
    if (!summary || !chart || !notes) return;
    const result = currentWhatIf();
    if (typeof result === "string") {
      summary.textContent = result;
      fill(chart);
      fill(notes);
      chart.hidden = true;
      return queueAnnouncement(result);
    }
    chart.hidden = false;
    fill(chart, ...chartItems(el, result));
    const text = summaryText(result, isDirty());
    summary.textContent = text;
    queueAnnouncement(text);
    fill(
      notes,
      ...effectNotes(
        el,
        result,
        partnerLayout(
          loaded.partners!,
          criterionNames(draft.criteria),
          draftColumns(),
        ),
      ),
    );
  }

  function queueAnnouncement(text: string): void {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (!disposed && announcer.textContent !== text)
        announcer.textContent = text;
    }, announceDelay);
  }

  function announce(text: string): void {
    clearTimeout(announceTimer);
    announcer.textContent = text;
  }

  function refreshWeights(): void {
    const shares = weightShares(draft.criteria, profile);
    let total = 0;
    draft.criteria.ids.forEach((id, row) => {
      const { weight, share } = shares[row];
      if (Number.isFinite(weight) && weight > 0) total += weight;
      const shareEl = doc.getElementById(`ps-share-${id}`);
      if (shareEl)
        shareEl.textContent = Number.isFinite(share)
          ? `${(100 * share).toFixed(1)}%`
          : "–";
      const number = doc.getElementById(
        `ps-w-${id}`,
      ) as HTMLInputElement | null;
      const slider = doc.getElementById(
        `ps-wr-${id}`,
      ) as HTMLInputElement | null;
      const problems = problemsOfRow(check.problems, "Criteria", row);
      if (number) {
        if (number !== doc.activeElement)
          number.value = textAt(draft.criteria, row, weightHeader(profile));
        number.setAttribute(
          "aria-invalid",
          String(
            problems.some(
              (p) => p.column !== null && /^weight/i.test(p.column),
            ),
          ),
        );
      }
      if (slider && slider !== doc.activeElement)
        syncSlider(slider, Number.isFinite(weight) ? weight : 0);
      showRowProblems(`ps-cp-${id}`, id, problems, [
        ["name", CRITERIA_HEADERS.name],
        ["min", CRITERIA_HEADERS.min],
        ["max", CRITERIA_HEADERS.max],
        ["scale", CRITERIA_HEADERS.scale],
        ["method", CRITERIA_HEADERS.method],
        ["better", CRITERIA_HEADERS.better],
      ]);
    });
    const totalEl = doc.getElementById("ps-total");
    if (totalEl) totalEl.textContent = `Total ${Math.round(total * 100) / 100}`;
  }

  /**
   * Lists a row's problems beside it and marks each field whose column is at fault, so a
   * screen reader announces the field as invalid.
   */
  function showRowProblems(
    listId: string,
    rowId: string | number,
    problems: readonly Problem[],
    fields: readonly (readonly [part: string, column: string])[],
  ): void {
    const list = doc.getElementById(listId);
    if (list)
      fill(
        list,
        ...problems.map((p) => el("li", { text: describeAt(p, address(p)) })),
      );
    for (const [part, column] of fields) {
      doc
        .getElementById(`ps-${part}-${rowId}`)
        ?.setAttribute(
          "aria-invalid",
          String(problems.some((p) => p.column === column)),
        );
    }
  }

  function refreshTiers(): void {
    draft.tiers.ids.forEach((id, row) => {
      const problems = problemsOfRow(check.problems, "Tiers", row);
      showRowProblems(`ps-tp-${id}`, id, problems, [
        ["tn", TIER_HEADERS.name],
        ["tm", TIER_HEADERS.minScore],
        ["tr", TIER_HEADERS.requires],
      ]);
    });
  }

  function renderActions(working?: string): void {
    if (phase !== "editor") {
      actions.hidden = true;
      return;
    }
    actions.hidden = false;
    const dirty = isDirty();
    const status = working
      ? working
      : stale
        ? "Apply is paused: the workbook changed while you were editing. Choose above to reload or keep your edits."
        : check.problems.length > 0
          ? `Apply is off until the ${check.problems.length === 1 ? "problem is" : `${check.problems.length} problems are`} fixed.`
          : dirty
            ? "You have edits that are not applied yet."
            : "No unapplied edits.";
    const undoReason =
      undo.length > 0 && dirty && !stale && !working
        ? " Undo last apply works once your edits are applied or reverted."
        : "";
    fill(
      actions,
      el("button", {
        type: "button",
        className: "primary",
        id: "ps-apply",
        "data-testid": "apply",
        text: "Apply",
        disabled: !canApply(),
        "aria-describedby": "ps-action-status",
        onclick: () => void apply(),
      }),
      el("button", {
        type: "button",
        id: "ps-revert",
        "data-testid": "revert",
        text: stale ? "Revert (reload)" : "Revert",
        disabled: busy || (!dirty && !stale),
        onclick: revert,
      }),
      el("button", {
        type: "button",
        id: "ps-undo",
        "data-testid": "undo-apply",
        text: "Undo last apply",
        disabled: busy || undo.length === 0 || dirty,
        "aria-describedby": "ps-action-status",
        onclick: () => void undoLastApply(),
      }),
      el("p", {
        className: "status",
        id: "ps-action-status",
        "data-testid": "action-status",
        text: `${status}${undoReason}`,
      }),
    );
  }

  function renderStale(): void {
    if (!stale) return fill(staleBlock);
    const shown = stale.changes.slice(0, 12);
    fill(
      staleBlock,
      el(
        "div",
        {
          className: "notice error",
          role: "group",
          "aria-labelledby": "ps-stale-h",
          "data-testid": "stale",
        },
        el("p", {
          id: "ps-stale-h",
          text: "The scorecard was changed in the workbook while you have unapplied edits. Your edits are kept and nothing was written. The workbook now has:",
        }),
        el(
          "ul",
          {},
          ...shown.map((c) => el("li", { className: "hint", text: c })),
        ),
        stale.changes.length > shown.length
          ? el("p", {
              className: "hint",
              text: `and ${stale.changes.length - shown.length} more changes.`,
            })
          : null,
        el(
          "div",
          { className: "row" },
          el("button", {
            type: "button",
            className: "primary",
            "data-testid": "stale-reload",
            text: "Reload (discard my edits)",
            onclick: discardDraftForWorkbook,
          }),
          el("button", {
            type: "button",
            "data-testid": "stale-keep",
            text: "Keep my edits",
            "aria-describedby": "ps-stale-keep-hint",
            onclick: keepDraftOverWorkbook,
          }),
        ),
        el("p", {
          className: "hint",
          id: "ps-stale-keep-hint",
          text: "Keep my edits: Apply will then write your draft over these workbook changes.",
        }),
      ),
    );
  }

  function setNotice(next: Notice | null): void {
    notice = next;
    if (!notice) return fill(noticeRegion);
    noticeRegion.classList.toggle("error", notice.kind === "error");
    fill(
      noticeRegion,
      el("p", { text: notice.text }),
      notice.details?.length
        ? el(
            "ul",
            {},
            ...notice.details
              .slice(0, 12)
              .map((d) => el("li", { className: "hint", text: d })),
          )
        : null,
      notice.actions?.length
        ? el(
            "div",
            { className: "row" },
            ...notice.actions.map((a) =>
              el("button", {
                type: "button",
                className: a.primary ? "primary small" : "small",
                "data-testid": a.testid,
                text: a.label,
                onclick: a.run,
              }),
            ),
          )
        : null,
      el("button", {
        type: "button",
        className: "link",
        text: "Dismiss",
        "aria-label": "Dismiss this message",
        onclick: () => setNotice(null),
      }),
    );
  }

  /**
   * Updates what an edit changes without rebuilding the editor (so focus and typing are never
   * disturbed). While a slider moves over a large Partners table, the what-if (which scores
   * every partner) trails the input by a moment instead of slowing every frame.
   */
  function refresh(fromInput = false): void {
    refreshQueued = false;
    if (disposed || phase !== "editor") return;
    refreshProblems();
    refreshWeights();
    refreshTiers();
    clearTimeout(effectTimer);
    if (fromInput && effectCost > 40)
      effectTimer = setTimeout(timedEffect, 150);
    else timedEffect();
    renderActions();
  }

  function timedEffect(): void {
    if (disposed || phase !== "editor") return;
    const started = Date.now();
    refreshEffect();
    effectCost = Date.now() - started;
  }

  function scheduleRefresh(): void {
    if (refreshQueued) return;
    refreshQueued = true;
    if (win && typeof win.requestAnimationFrame === "function")
      win.requestAnimationFrame(() => refresh(true));
    else setTimeout(() => refresh(true), 0);
  }

  function focus(id: string): boolean {
    const target = doc.getElementById(id);
    if (!target) return false;
    if (target.tagName === "H2" || target.tagName === "H3")
      target.setAttribute("tabindex", "-1");
    target.focus();
    return doc.activeElement === target;
  }

  /** (Re)subscribes to changes: a store watches the tables that exist, so again after createSample. */
  async function watch(): Promise<void> {
    const previous = stopWatching;
    stopWatching = null;
    try {
      await previous?.();
    } catch {
      /* the old subscription is gone with its tables */
    }
    try {
      const stop = await store.watch(() => void workbookChanged());
      if (disposed) void stop();
      else stopWatching = stop;
    } catch (e) {
      setNotice({
        kind: "error",
        text: `The pane cannot watch the workbook for changes (${message(e)}); it still reads the tables again before each apply.`,
      });
    }
  }

  // ---- start ----
  await firstLoad();
  await watch();

  return {
    reload: () => workbookChanged(),
    dispose: () => {
      disposed = true;
      clearTimeout(announceTimer);
      clearTimeout(effectTimer);
      void Promise.resolve()
        .then(() => stopWatching?.())
        .catch(() => undefined);
      fill(root);
    },
    get dirty() {
      return isDirty();
    },
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
