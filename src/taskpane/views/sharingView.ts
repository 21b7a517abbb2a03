/**
 * The pane's Sharing section: Snapshot (with the same-day question inline), the movers since
 * the last snapshot, a small chart of tier counts over the snapshots (inline SVG built with
 * DOM calls, tier names as text), and the values-only export. Names from the workbook are
 * only ever set as text.
 */
import { isoDateFromSerial, type Move, type TierCounts } from "../../core";
import {
  buttonRow,
  byId,
  counted,
  fill,
  headedSection,
  hint,
  hintList,
  andMore,
  labelledRow,
  option,
  type Child,
  type El,
} from "./dom";
import type { SharingSession } from "../state/sharing";
import { svgElement as svg, svgText } from "./svg";

/** Distinct in light and dark themes; tiers beyond these repeat them. */
const TIER_COLOURS = [
  "#8764b8",
  "#c19c00",
  "#69797e",
  "#107c41",
  "#ca5010",
  "#0078d4",
];
/** How many partners each movers list names before "and N more". */
const LIST_LIMIT = 8;

export interface SharingHandlers {
  snapshot(confirmed: boolean): void;
  cancelSnapshot(): void;
  exportValues(): void;
  setEvaluationToday(): void;
}

/** `more`: further parts of the section (the Dashboard's, dashboardView.ts), at its end. */
export function sharingSection(
  el: El,
  on: SharingHandlers,
  ...more: Child[]
): HTMLElement {
  return headedSection(
    el,
    "ps-sharing-h",
    "Sharing and history",
    { testid: "sharing" },
    el("h3", { text: "Evaluation date" }),
    hint(
      el,
      "Certification statuses, scores and tiers are as of the Evaluation date on the Scorecard sheet: they recalculate only when data, model or that date change. Set it to today for a new review.",
      { id: "ps-evaluation-hint" },
    ),
    buttonRow(el, {
      id: "ps-evaluation-today",
      testid: "evaluation-today",
      text: "Set to today",
      "aria-describedby": "ps-evaluation-hint",
      onclick: () => on.setEvaluationToday(),
    }),
    el("h3", { text: "Snapshots" }),
    el("p", { id: "ps-history-summary", testid: "history-summary" }),
    buttonRow(el, {
      id: "ps-snapshot",
      testid: "snapshot",
      text: "Snapshot",
      "aria-describedby": "ps-history-summary",
      onclick: () => on.snapshot(false),
    }),
    el("div", {
      id: "ps-snapshot-confirm",
      role: "group",
      "aria-label": "Second snapshot today",
    }),
    el("h3", { text: "Movers since the last snapshot" }),
    el("p", { id: "ps-movers-summary", testid: "movers-summary" }),
    el("div", { id: "ps-movers", testid: "movers" }),
    el("div", { id: "ps-tier-history" }),
    el("h3", { text: "Values-only export" }),
    hint(
      el,
      "A new sheet with the partner list, scores and tiers as plain values and today's date, to send outside the company. Untick what stays internal.",
    ),
    el("fieldset", { id: "ps-export-columns", class: "export-columns" }),
    labelledRow(
      el,
      "Partners",
      el("select", {
        id: "ps-export-partner",
        testid: "export-partner",
      }),
    ),
    buttonRow(el, {
      id: "ps-export",
      testid: "export-values",
      text: "Export values",
      onclick: () => on.exportValues(),
    }),
    ...more,
  );
}

/** The snapshot summary, the same-day question and whether the buttons work. */
export function showSnapshots(
  doc: Document,
  el: El,
  sharing: SharingSession,
  on: SharingHandlers,
): void {
  const summary = byId(doc, "ps-history-summary");
  const confirm = byId(doc, "ps-snapshot-confirm");
  if (!summary || !confirm) return;
  const { snapshots, unread, missing } = sharing.history;
  const last = sharing.lastSnapshot;
  summary.textContent =
    missing.length > 0
      ? `The History table has no ${missing.join(", ")} column, so its rows cannot be read. Snapshot still adds rows to it.`
      : last
        ? `Last snapshot ${isoDateFromSerial(last.date)}, ${last.standings.length} partners; ${counted(snapshots.length, "snapshot", "snapshots")} in the History table.${unread.length > 0 ? ` ${unread.length} History rows could not be read.` : ""}`
        : "No snapshot yet. Snapshot records today's date, each partner, its score and tier on the Tier history sheet.";
  for (const id of ["ps-snapshot", "ps-export", "ps-evaluation-today"]) {
    const button = byId<HTMLButtonElement>(doc, id);
    if (button) button.disabled = sharing.busy;
  }
  fill(
    confirm,
    sharing.confirmingSameDay &&
      el(
        "div",
        { class: "notice" },
        el("p", {
          text: `History already has a snapshot for ${last ? isoDateFromSerial(last.date) : "today"}. Take another one today? It is added after the first; nothing is replaced.`,
        }),
        buttonRow(
          el,
          {
            id: "ps-snapshot-again",
            testid: "snapshot-again",
            class: "primary",
            text: "Take another snapshot",
            disabled: sharing.busy,
            onclick: () => on.snapshot(true),
          },
          {
            testid: "snapshot-cancel",
            text: "Cancel",
            onclick: () => on.cancelSnapshot(),
          },
        ),
      ),
  );
}

/** The movers and the tier chart; they follow every edit of the what-if. */
export function showMovers(
  doc: Document,
  el: El,
  sharing: SharingSession,
): void {
  const summary = byId(doc, "ps-movers-summary");
  const lists = byId(doc, "ps-movers");
  const chart = byId(doc, "ps-tier-history");
  if (!summary || !lists || !chart) return;
  fill(chart, ...tierHistory(doc, el, sharing.tierCounts()));
  const result = sharing.movers();
  if (result === "no-snapshot" || result === "no-model") {
    summary.textContent =
      result === "no-snapshot"
        ? "Take a snapshot to see, later, who moved up or down since."
        : "Fix the problems listed to compare with the last snapshot.";
    fill(lists);
    return;
  }
  const { movers, snapshot, withEdits } = result;
  summary.textContent = `${withEdits ? "With your edits, against" : "Against"} the snapshot of ${isoDateFromSerial(snapshot.date)}: ${movers.up.length} up, ${movers.down.length} down, ${movers.same.length} same tier, ${movers.new.length} new, ${movers.gone.length} gone.`;
  fill(
    lists,
    moverList(el, "Up", "movers-up", movers.up),
    moverList(el, "Down", "movers-down", movers.down),
    moverList(el, "New", "movers-new", movers.new),
    moverList(
      el,
      "Gone (no longer listed, or not scored now)",
      "movers-gone",
      movers.gone,
    ),
  );
}

function signed(change: number): string {
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? "+" : rounded < 0 ? "−" : "±"}${Math.abs(rounded).toFixed(1)}`;
}

function moveText(m: Move): string {
  if (m.before && m.after)
    return `${m.partner}: ${m.before.tier} → ${m.after.tier} (${signed(m.scoreChange ?? 0)})`;
  if (m.after)
    return `${m.partner}: ${m.after.tier} (${m.after.score.toFixed(1)})`;
  return `${m.partner}: was ${m.before?.tier ?? ""} (${m.before?.score.toFixed(1) ?? ""})`;
}

function moverList(
  el: El,
  title: string,
  testid: string,
  moves: Move[],
): Child {
  if (moves.length === 0) return null;
  const shown = moves.slice(0, LIST_LIMIT);
  return el(
    "div",
    { testid: testid },
    el("p", { class: "name", text: `${title} (${moves.length})` }),
    hintList(el, shown.map(moveText)),
    andMore(el, moves.length - shown.length),
  );
}

/**
 * Stacked columns, one per snapshot (oldest left), the lowest tier at the bottom; each part
 * says its tier, count and date in a tooltip, and the legend names the tiers as HTML text.
 */
export function tierHistory(
  doc: Document,
  el: El,
  counts: TierCounts,
): Child[] {
  const { tiers, points } = counts;
  if (points.length === 0) return [];
  const width = 300;
  const height = 120;
  const base = height - 16;
  const step = width / points.length;
  const column = Math.min(36, step * 0.7);
  const largest = Math.max(
    1,
    ...points.map((p) => p.counts.reduce((a, b) => a + b, 0)),
  );
  const colour = (t: number) => TIER_COLOURS[t % TIER_COLOURS.length];
  const columns = points.map((point, i) => {
    const x = i * step + (step - column) / 2;
    const day = isoDateFromSerial(point.date);
    let top = base;
    const parts: Node[] = [];
    for (let t = tiers.length - 1; t >= 0; t--) {
      const n = point.counts[t];
      if (n === 0) continue;
      const h = ((base - 4) * n) / largest;
      top -= h;
      parts.push(
        svg(
          doc,
          "rect",
          {
            x,
            y: top,
            width: column,
            height: h,
            fill: colour(t),
            "data-tier": tiers[t],
            "data-count": n,
          },
          svgText(doc, "title", `${tiers[t]}: ${n} on ${day}`),
        ),
      );
    }
    // The month and day under the column; the year is in each part's tooltip.
    parts.push(
      svgText(doc, "text", day.slice(5), {
        x: x + column / 2,
        y: height - 3,
        "text-anchor": "middle",
        "font-size": 10,
        fill: "currentColor",
      }),
    );
    return svg(doc, "g", { "data-date": day }, ...parts);
  });
  // The title's text is the chart's accessible name: the latest counts, as text.
  const latest = points[points.length - 1];
  const label = svgText(
    doc,
    "title",
    `Partners per tier at the last ${counted(points.length, "snapshot", "snapshots")}; on ${isoDateFromSerial(latest.date)}: ${tiers.map((t, i) => `${t} ${latest.counts[i]}`).join(", ")}`,
  );
  const chart = svg(
    doc,
    "svg",
    {
      viewBox: `0 0 ${width} ${height}`,
      width: "100%",
      role: "img",
      "data-testid": "tier-history",
      class: "tier-history",
    },
    label,
    ...columns,
  );
  const legend = el(
    "ul",
    { class: "legend", "aria-hidden": "true" },
    ...tiers.map((name, t) => {
      const swatch = el("span", { class: "swatch" });
      swatch.style.background = colour(t);
      return el("li", {}, swatch, name);
    }),
  );
  return [chart, legend];
}

/** The export's column ticks and partner choice, drawn from the Partners table. */
export function showExport(
  doc: Document,
  el: El,
  sharing: SharingSession,
): void {
  const columns = byId(doc, "ps-export-columns");
  const partner = byId<HTMLSelectElement>(doc, "ps-export-partner");
  if (!columns || !partner) return;
  fill(
    columns,
    el("legend", { text: "Columns to include (Score and Tier always are)" }),
    ...sharing.exportColumns().map((c, i) =>
      el(
        "label",
        {},
        el("input", {
          type: "checkbox",
          id: `ps-export-col-${i}`,
          testid: `export-column-${c.name}`,
          checked: c.included,
          disabled: c.required,
          onchange: (event) =>
            sharing.setColumnIncluded(
              c.name,
              (event.target as HTMLInputElement).checked,
            ),
        }),
        c.required ? `${c.name} (names the partner)` : c.name,
      ),
    ),
  );
  const chosen = sharing.exportPartner;
  fill(
    partner,
    option(el, "", "All partners", false),
    ...sharing
      .exportPartners()
      .map((name) => option(el, name, name, name === chosen)),
  );
  partner.onchange = () => {
    sharing.exportPartner = partner.value === "" ? null : partner.value;
  };
}
