/**
 * The session's what-if: the draft's effect on the Partners against the model the workbook
 * holds. It remembers the renames applied from the pane, so a Partners column still headed
 * with a criterion's earlier name is found, and keeps the partners scored under the
 * workbook's model while that model and the Partners stay the same. No DOM.
 */
import { CRITERIA_HEADERS, type CriteriaModel, type Tier } from "../../core";
import type { TableData } from "../../workbook/store";
import {
  criterionNames,
  originOf,
  textAt,
  type Draft,
  type DraftTable,
  type Tables,
} from "../../programme/draft";
import type { DraftCheck } from "../../programme/validation";
import {
  planPartnerColumns,
  type PartnerColumnPlan,
} from "../../programme/partnerColumns";
import {
  scorePartners,
  scenarioOf,
  whatIf,
  type PartnerResult,
  type Scenario,
  type Scoring,
  type WhatIf,
} from "../../programme/whatIf";

/** Why there is no what-if to show. */
export type NoEffect = "no-partners" | "problems";

export class PartnerEffect {
  /** Renames applied from this pane: new name (lower case) -> the names it had before. */
  private readonly aliases = new Map<string, string[]>();
  /** The workbook's model, as the base tables define it. */
  private baseScenario: Scenario | null = null;
  /** The partners scored under the workbook's model, kept while that model and Partners stay. */
  private scoredNow: {
    partners: TableData;
    scenario: Scenario;
    key: string;
    results: PartnerResult[];
  } | null = null;

  /** The partners last scored under the draft, for scoredByDraft. */
  private scoredDraft: {
    partners: TableData;
    check: DraftCheck;
    key: string;
    scoring: Scoring;
  } | null = null;

  /** The workbook's tables changed (a load, an Apply, an undo). */
  rebase(base: Tables): void {
    this.baseScenario = scenarioOf(base.criteria, base.tiers);
  }

  /** Remembers the renames an Apply wrote: each draft row's name in `base` against the name written. */
  recordRenames(draft: DraftTable, base: TableData, written: TableData): void {
    draft.ids.forEach((_, row) => {
      const before = loadedName(draft, base, row);
      const after = textAt(written, row, CRITERIA_HEADERS.name).trim();
      if (before && after && before.toLowerCase() !== after.toLowerCase()) {
        this.aliases.set(after.toLowerCase(), [
          before,
          ...(this.aliases.get(after.toLowerCase()) ?? []),
        ]);
      }
    });
  }

  /** Per draft criterion, the Partners headers to look for: its name, then its earlier names. */
  draftColumns(draft: DraftTable, base: TableData): string[][] {
    return criterionNames(draft).map((name, row) =>
      this.namesOf(name, loadedName(draft, base, row)),
    );
  }

  /**
   * The Partners column changes (renamed headers, new columns) that make `partners` follow
   * `criteria`, the Criteria table about to be written; `draft` and `base` name each row's
   * loaded name (an Apply). An undo passes neither: its columns are found through the renames
   * remembered, either way. Undefined without a Partners table.
   */
  columnPlan(
    criteria: TableData,
    partners: TableData | null,
    draft?: DraftTable,
    base?: TableData,
  ): PartnerColumnPlan | undefined {
    if (!partners) return undefined;
    const columns = criterionNames(criteria).map((name, row) => ({
      name,
      knownAs: [
        ...this.namesOf(
          name,
          draft && base && row < draft.ids.length
            ? loadedName(draft, base, row)
            : "",
        ).slice(1),
        ...this.laterNames(name),
      ],
    }));
    return planPartnerColumns(columns, partners.header);
  }

  /** The names a criterion was given after `name` by renames applied from this pane (for an undo). */
  private laterNames(name: string): string[] {
    return [...this.aliases.entries()]
      .filter(([, older]) =>
        older.some((n) => n.toLowerCase() === name.toLowerCase()),
      )
      .map(([newer]) => newer);
  }

  /** The draft's effect on `partners` against the workbook's model, or why there is none. */
  of(
    partners: TableData | null,
    check: DraftCheck,
    draft: Draft,
    base: TableData,
  ): WhatIf | NoEffect {
    if (!partners) return "no-partners";
    if (!check.model || !check.tiers) return "problems";
    const tierOrigin = draft.tiers.rows.map((_, i) => originOf(draft.tiers, i));
    const now = this.scoreNow(partners);
    return whatIf(
      partners,
      this.draftScenario(check.model, check.tiers, draft, base),
      now?.scenario ?? null,
      tierOrigin,
      5,
      now?.results,
    );
  }

  /** Every partner scored under the workbook's model (what the PRM functions show), or null when the functions would reject that model. */
  scoredByWorkbook(partners: TableData): Scoring | null {
    const now = this.scoreNow(partners);
    return now && { results: now.results, tiers: now.scenario.tiers };
  }

  /** Every partner scored under the draft (the what-if), or null while the draft has problems. */
  scoredByDraft(
    partners: TableData,
    check: DraftCheck,
    draft: Draft,
    base: TableData,
  ): Scoring | null {
    if (!check.model || !check.tiers) return null;
    const scenario = this.draftScenario(check.model, check.tiers, draft, base);
    // Kept while the draft's check and the Partners stay: the movers redraw on every refresh.
    const key = JSON.stringify(scenario.columns);
    const kept = this.scoredDraft;
    if (kept?.partners === partners && kept.check === check && kept.key === key)
      return kept.scoring;
    const scoring = {
      results: scorePartners(partners, scenario),
      tiers: check.tiers,
    };
    this.scoredDraft = { partners, check, key, scoring };
    return scoring;
  }

  private draftScenario(
    model: CriteriaModel,
    tiers: Tier[],
    draft: Draft,
    base: TableData,
  ): Scenario {
    return { model, tiers, columns: this.draftColumns(draft.criteria, base) };
  }

  /**
   * The workbook's scenario (with the renames applied from this pane) and the partners scored
   * under it, kept while that model and the Partners stay the same; null without a model.
   */
  private scoreNow(
    partners: TableData,
  ): { scenario: Scenario; results: PartnerResult[] } | null {
    const baseScenario = this.baseScenario;
    if (!baseScenario) return null;
    const current = {
      ...baseScenario,
      columns: baseScenario.model.criteria.map((c) => this.namesOf(c.name)),
    };
    const key = JSON.stringify(current.columns);
    if (
      this.scoredNow?.partners !== partners ||
      this.scoredNow.scenario !== baseScenario ||
      this.scoredNow.key !== key
    ) {
      this.scoredNow = {
        partners,
        scenario: baseScenario,
        key,
        results: scorePartners(partners, current),
      };
    }
    return { scenario: current, results: this.scoredNow.results };
  }

  /** A criterion's name and the names it had before renames applied from this pane. */
  private namesOf(name: string, ...more: string[]): string[] {
    const all = [name, ...more];
    for (let k = 0; k < all.length && all.length < 20; k++) {
      for (const older of this.aliases.get(all[k].toLowerCase()) ?? [])
        if (!all.some((n) => n.toLowerCase() === older.toLowerCase()))
          all.push(older);
    }
    return all.filter((n) => n !== "");
  }
}

/** The name a draft row had in `base` (the tables it was loaded from); "" for an added row. */
function loadedName(draft: DraftTable, base: TableData, row: number): string {
  const origin = originOf(draft, row);
  return origin === null
    ? ""
    : textAt(base, origin, CRITERIA_HEADERS.name).trim();
}
