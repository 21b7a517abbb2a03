/**
 * The pane's programme tools, over the session: programme presets previewed as a draft edit
 * (with who moves), certification upkeep as of a chosen day (under the workbook's model), and
 * the selected partner's card (under the draft when it is valid, as the what-if, else the
 * workbook's model). No DOM.
 */
import { todaySerial } from "../../core";
import { lapsesBefore, type Upkeep } from "../../programme/certUpkeep";
import { partnerCard } from "../../programme/partnerCard";
import { partnerProfile, type ChartBy } from "../../programme/charts";
import {
  applyPreset,
  PRESETS,
  type Preset,
  type PresetId,
} from "../../programme/presets";
import type { TaskpaneSession } from "./session";
import type { TableData } from "../../workbook/store";
import type { ProgrammeHealth } from "../../programme/calibration";
import { DEFAULT_SHARES, calibratedDraft, healthOf } from "./tierCalibration";
import { tierMoves, type TierMove } from "../../programme/tierMoves";
import { scenarioOf, type Scenario } from "../../programme/whatIf";

export interface PresetPreview {
  preset: Preset;
  changes: string[];
}

export class Programme {
  /** The day certification upkeep looks ahead to (an Excel serial day); today by default. */
  asOf: number;
  /** The preset chosen in the pane: it stays chosen when the section is drawn again. */
  presetChoice: PresetId = PRESETS[0].id;
  private _preview: PresetPreview | null = null;

  constructor(
    private readonly session: TaskpaneSession,
    /** Today as an Excel serial day (a parameter so tests can fix it). */
    readonly today: () => number = todaySerial,
  ) {
    this.asOf = today();
  }

  /** The Partners table as the session last read it. */
  private get partners(): TableData | null {
    return this.session.loaded.partners;
  }

  /** The draft's scenario when it validates, else null. */
  draftScenario(): Scenario | null {
    const { check } = this.session;
    if (!check.model || !check.tiers || check.problems.length > 0) return null;
    return {
      model: check.model,
      tiers: check.tiers,
      columns: this.session.draftColumns(),
    };
  }

  /** The workbook's model, read once per base the session holds. */
  private baseScenario(): Scenario | null {
    const { base } = this.session;
    if (this.base?.tables !== base)
      this.base = {
        tables: base,
        scenario: scenarioOf(base.criteria, base.tiers),
      };
    return this.base.scenario;
  }
  private base: { tables: object; scenario: Scenario | null } | null = null;
  private lastUpkeep: { key: unknown[]; result: Upkeep } | null = null;

  /** The draft's, or when it has problems, the workbook's. */
  private scenario(): Scenario | null {
    return this.draftScenario() ?? this.baseScenario();
  }

  /** Puts the preset into the draft (nothing is written until Apply); what it changed. */
  previewPreset(id: PresetId): PresetPreview {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) throw new RangeError(`no preset ${id}`);
    const result = applyPreset(this.session.draft, id);
    // Set before the edit: the session's listeners redraw (and read `preview`) during it.
    const preview = { preset, changes: result.changes };
    this._preview = preview;
    this.presetChoice = id;
    this.session.edit(() => result.draft, true);
    return preview;
  }

  /** The Calibrate form's target shares in percent, per tier from the top (the lowest takes the rest). */
  targetPercents: number[] = [...DEFAULT_SHARES];
  /** What the last calibration changed, while the draft still differs from the workbook. */
  private _calibration: string[] | null = null;

  /**
   * Puts the Min scores that give the target shares into the draft (nothing is written until
   * Apply), from the partners' scores under the draft (or, while it has problems, the
   * workbook's model); what it changed, or why it could not.
   */
  calibrate(): { changes: string[] } | { reason: string } {
    const partners = this.partners;
    const scenario = this.scenario();
    if (!partners)
      return { reason: "There is no Partners table to calibrate on." };
    if (!scenario)
      return { reason: "Fix the problems in the Criteria or Tiers first." };
    const result = calibratedDraft(
      this.session.draft,
      partners,
      scenario,
      this.targetPercents,
    );
    this._calibration = result.changes;
    if (result.changes.length > 0) this.session.edit(() => result.draft, true);
    return { changes: result.changes };
  }

  /** What the last calibration changed, while its draft is not applied or reverted. */
  get calibration(): string[] | null {
    if (!this.session.dirty) this._calibration = null;
    return this._calibration;
  }

  /** Share per tier against the targets, partners near a boundary, partners held back: under the draft when valid. */
  health(): ProgrammeHealth | null {
    const partners = this.partners;
    const scenario = this.scenario();
    if (!partners || !scenario) return null;
    return healthOf(partners, scenario, this.targetPercents);
  }

  /** The preset last put into the draft, while the draft still differs from the workbook. */
  get preview(): PresetPreview | null {
    if (!this.session.dirty) this._preview = null;
    return this._preview;
  }

  /** Who changes tier under the draft against the workbook's model (empty without edits). */
  moves(): TierMove[] {
    const partners = this.partners;
    const [before, after] = [this.baseScenario(), this.draftScenario()];
    if (!partners || !before || !after || !this.session.dirty) return [];
    return tierMoves(partners, before, after);
  }

  /**
   * Certifications expiring before `asOf`, or why that cannot be told. Judged under the model
   * the workbook holds (what partners will meet at the next recalculation, whatever the draft),
   * and computed again only when that model, the Partners or the day change.
   */
  upkeep(): Upkeep {
    const partners = this.partners;
    const scenario = this.baseScenario();
    if (!partners)
      return { kind: "unavailable", reason: "There is no Partners table." };
    if (!scenario)
      return {
        kind: "unavailable",
        reason:
          "The Criteria or Tiers table in the workbook has problems: fix them to see certification upkeep.",
      };
    const key = [partners, scenario, this.asOf, this.today()];
    if (this.lastUpkeep?.key.every((k, i) => k === key[i]))
      return this.lastUpkeep.result;
    const result = lapsesBefore(partners, scenario, this.asOf, this.today());
    this.lastUpkeep = { key, result };
    return result;
  }

  /** What the partner card's picture shows per bar group: perspectives, or criteria ("per criterion"). */
  pictureBy: ChartBy = "perspective";

  /** The selected partner's picture, under the scenario its card uses; null as the card is. */
  picture(): ReturnType<typeof partnerProfile> {
    const partners = this.partners;
    const row = this.session.selectedPartner;
    const draft = this.draftScenario();
    const scenario = draft ?? this.baseScenario();
    if (!partners || row === null || !scenario) return null;
    // Under the draft, the session has every partner scored already (the what-if's).
    const scored = draft ? this.session.scoring("draft")?.results : undefined;
    return partnerProfile(partners, scenario, row, this.pictureBy, scored);
  }

  /** The selected partner's card, or null when none is selected or it cannot be shown. */
  card(): ReturnType<typeof partnerCard> {
    const partners = this.partners;
    const row = this.session.selectedPartner;
    const scenario = this.scenario();
    if (!partners || row === null || !scenario) return null;
    return partnerCard(partners, scenario, row);
  }
}
