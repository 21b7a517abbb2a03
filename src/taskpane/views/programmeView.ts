/**
 * The "Programme" section: presets (previewed as a draft, so the effect section above shows
 * the tier counts before Apply, and this one who moves), certification upkeep as of a day,
 * and the partner view (partnerView.ts). The section's frame is built once per render; showProgramme() fills
 * in what depends on the data, in place, so typing a date or picking a partner keeps focus.
 */
import { isoDateFromSerial, rankTiers, serialFromIsoText } from "../../core";
import {
  button,
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
  type El,
} from "./dom";
import { PRESETS, type PresetId } from "../../programme/presets";
import type { Programme } from "../state/programme";
import type { TaskpaneSession } from "../state/session";
import { showPartner } from "./partnerView";

const MOVES_SHOWN = 12;

export interface ProgrammeHost {
  doc: Document;
  el: El;
  session: TaskpaneSession;
  programme: Programme;
}

export function programmeSection(host: ProgrammeHost): HTMLElement {
  const { el, programme } = host;
  const presetSelect = el(
    "select",
    {
      id: "ps-preset",
      testid: "preset",
      onchange: () => {
        programme.presetChoice = presetSelect.value as PresetId;
        showPresetDescription(host);
      },
    },
    ...PRESETS.map((p) =>
      option(el, p.id, p.label, p.id === programme.presetChoice),
    ),
  );
  const asOf = el("input", {
    id: "ps-as-of",
    type: "date",
    testid: "as-of",
    value: isoDateFromSerial(programme.asOf),
    onchange: (e: Event) => {
      const day = serialFromIsoText((e.target as HTMLInputElement).value);
      if (day === undefined) return; // a half-typed date: keep the last one
      programme.asOf = day;
      showUpkeep(host);
    },
  });
  const ahead = (days: number) =>
    button(el, {
      class: "small",
      testid: `as-of-${days}`,
      text: `In ${days} days`,
      onclick: () => {
        programme.asOf = programme.today() + days;
        asOf.value = isoDateFromSerial(programme.asOf);
        showUpkeep(host);
      },
    });
  return headedSection(
    el,
    "ps-programme-h",
    "Programme",
    {},
    el("h3", { text: "Presets" }),
    labelledRow(el, "Programme preset", presetSelect),
    buttonRow(el, {
      id: "ps-preset-preview",
      testid: "preset-preview",
      text: "Preview in the draft",
      onclick: () => programme.previewPreset(presetSelect.value as PresetId),
    }),
    hint(el, "", { id: "ps-preset-description" }),
    el("div", { id: "ps-preset-result", testid: "preset-result" }),
    ...calibrateForm(host),
    el("h3", { text: "Certification upkeep" }),
    labelledRow(el, "As of", asOf, ahead(30), ahead(60), ahead(90)),
    hint(
      el,
      "Partners whose certification expires before this day, and the tier each would fall to under the model the workbook holds.",
    ),
    el("p", { id: "ps-upkeep-summary", testid: "upkeep-summary" }),
    el("ul", { id: "ps-lapses", testid: "lapses" }),
    el("h3", { text: "Partner" }),
    labelledRow(
      el,
      "Partner",
      el("select", {
        id: "ps-partner",
        testid: "partner-pick",
        onchange: (e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          host.session.selectPartner(value === "" ? null : Number(value));
        },
      }),
    ),
    hint(el, "Or select a partner's row in the Partners sheet."),
    el("div", {
      id: "ps-partner-card",
      testid: "partner-card",
      "aria-live": "polite",
    }),
  );
}

/** Everything that depends on the draft, the Partners or the selection. */
export function showProgramme(host: ProgrammeHost): void {
  showPresetDescription(host);
  showPresetResult(host);
  showHealth(host);
  showUpkeep(host);
  showPartner(host);
}

/**
 * The Calibrate form: a target share per tier but the lowest (which takes the rest), and a
 * button that puts the Min scores giving those shares into the draft.
 */
function calibrateForm(host: ProgrammeHost): HTMLElement[] {
  const { el, programme, session } = host;
  const ranked = rankTiers(session.check.tiers ?? []);
  const lowest = ranked.at(-1);
  const fields = ranked.slice(0, -1).map((tier, k) => {
    const id = `ps-target-${k}`;
    return labelledRow(
      el,
      `${tier.name} %`,
      el("input", {
        id,
        type: "number",
        min: "0",
        max: "100",
        step: "1",
        testid: `target-${tier.name}`,
        value: String(programme.targetPercents[k] ?? 0),
        onchange: (e: Event) => {
          const value = Number((e.target as HTMLInputElement).value);
          programme.targetPercents[k] =
            Number.isFinite(value) && value >= 0 ? value : 0;
          showHealth(host);
        },
      }),
    );
  });
  return [
    el("h3", { text: "Calibrate the tiers" }),
    hint(
      el,
      `The share of partners each tier should hold${lowest ? `; the rest are ${lowest.name}` : ""}. Calibrate proposes each tier's Min score from the current scores, requirements respected, into the draft: Effect on partners shows it, Apply writes it.`,
    ),
    ...fields,
    buttonRow(el, {
      id: "ps-calibrate",
      testid: "calibrate",
      text: "Calibrate in the draft",
      disabled: fields.length === 0,
      onclick: () => {
        // Looked up when it says something: calibrating redraws the section.
        const say = (text: string) => {
          const box = byId(host.doc, "ps-calibration-result");
          if (box) box.textContent = text;
        };
        const total = programme.targetPercents
          .slice(0, fields.length)
          .reduce((a, b) => a + b, 0);
        if (total > 100)
          return say(
            `The targets add up to ${total}%: at most 100% can be shared out.`,
          );
        const result = programme.calibrate();
        say(
          "reason" in result
            ? result.reason
            : result.changes.length === 0
              ? "The Min scores already give these shares: nothing changed."
              : `In the draft: ${result.changes.join("; ")}.`,
        );
      },
    }),
    el("p", {
      id: "ps-calibration-result",
      testid: "calibration-result",
      "aria-live": "polite",
    }),
    el("p", { id: "ps-health", testid: "programme-health" }),
  ];
}

/** The programme health line: share per tier against the target, partners to watch. */
function showHealth({ doc, programme }: ProgrammeHost): void {
  const line = byId(doc, "ps-health");
  if (!line) return;
  const health = programme.health();
  if (!health) {
    line.textContent = "";
    return;
  }
  const percent = (x: number) => `${Math.round(100 * x)}%`;
  const tiers = health.tiers
    .map((t) => `${t.name} ${percent(t.share)} (target ${percent(t.target)})`)
    .join(", ");
  const near = health.nearBoundary.length;
  const held = health.heldBack.length;
  line.textContent = `Health: ${tiers}. ${counted(near, "partner is", "partners are")} within 2 points of a boundary; ${counted(held, "partner's score reaches", "partners' scores reach")} a tier whose requirements ${held === 1 ? "it misses" : "they miss"}.`;
}

function showPresetDescription({ doc }: ProgrammeHost): void {
  const select = byId<HTMLSelectElement>(doc, "ps-preset");
  const text = byId(doc, "ps-preset-description");
  if (!select || !text) return;
  text.textContent =
    PRESETS.find((p) => p.id === select.value)?.description ?? "";
}

function showPresetResult({ doc, el, programme }: ProgrammeHost): void {
  const box = byId(doc, "ps-preset-result");
  if (!box) return;
  const preview = programme.preview;
  const moves = programme.moves();
  const moveItems = moves.slice(0, MOVES_SHOWN).map((m) =>
    el("li", {
      testid: "preset-move",
      text: `${m.partner}: ${m.from ?? "not scored"} → ${m.to ?? "not scored"} (${m.up ? "up" : "down"})`,
    }),
  );
  fill(
    box,
    preview &&
      el("p", {
        class: "notice",
        text:
          preview.changes.length === 0
            ? `${preview.preset.label} changes nothing here: the draft already is that programme.`
            : `${preview.preset.label} is in the draft (${counted(preview.changes.length, "change", "changes")}). Effect on partners above shows the tier counts it gives; Apply writes it, Revert drops it, and Undo last apply restores the model before it.`,
      }),
    preview &&
      preview.changes.length > 0 &&
      el(
        "details",
        {},
        el("summary", { text: "What the preset changed" }),
        hintList(el, preview.changes),
      ),
    moves.length > 0 &&
      el("p", {
        text: `Who moves against the workbook now (${moves.length}):`,
      }),
    moves.length > 0 && el("ul", { testid: "preset-moves" }, ...moveItems),
    andMore(el, moves.length - MOVES_SHOWN),
  );
}

function showUpkeep({ doc, el, programme }: ProgrammeHost): void {
  const summary = byId(doc, "ps-upkeep-summary");
  const list = byId(doc, "ps-lapses");
  if (!summary || !list) return;
  const upkeep = programme.upkeep();
  if (upkeep.kind === "unavailable") {
    summary.textContent = upkeep.reason;
    fill(list);
    return;
  }
  const day = isoDateFromSerial(programme.asOf);
  const falling = upkeep.lapses.filter((l) => l.falls).length;
  summary.textContent =
    upkeep.lapses.length === 0
      ? `No ${upkeep.criterion} expires before ${day}.`
      : `${counted(upkeep.lapses.length, "certification expires", "certifications expire")} before ${day}; ${falling} of these partners would fall to a lower tier.`;
  fill(
    list,
    ...upkeep.lapses.map((l) =>
      el("li", {
        testid: "lapse",
        "data-partner": l.partner,
        "data-tier-then": l.tierThen ?? "",
        class: l.falls ? "warn" : "hint",
        text: `${l.partner}: ${l.expired ? "expired" : "expires"} ${isoDateFromSerial(l.expiry)}; ${l.tierNow ?? "not scored"} → ${l.tierThen ?? "not scored"}${l.falls ? "" : " (no change)"}`,
      }),
    ),
  );
}

/** The partner names each partner list shows, to tell whether it needs redrawing. */
