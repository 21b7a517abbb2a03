/**
 * What-if in the pane: after one step of a weight slider, the pane recomputes the tier counts
 * of every partner under the draft. Timed here exactly as TaskpaneSession.setWeight and
 * effect() do it, without the DOM: the draft edit, the draft's validation, and
 * PartnerEffect.of (whatIf.ts) with the partners under the workbook's model already scored.
 */
import { draftTables, setWeight, type Draft } from "../src/programme/draft";
import { PartnerEffect } from "../src/taskpane/state/partnerEffect";
import { validateDraft } from "../src/programme/validation";
import type { TableData } from "../src/workbook/store";
import { BLANK, type Cell } from "../src/host/customFunctionsHost";
import { cpuMs, median, medianMs, report, RUNS } from "./measure";
import { CRITERIA, partnerRows, partnerTypes } from "./partners";

const plain = (cell: Cell): unknown => (cell === BLANK ? null : cell);

function tables(partners: number) {
  const [header, ...rows] = CRITERIA;
  const criteria: TableData = { header: header as string[], rows: rows.map((row) => row.map(plain)) };
  const tiers: TableData = {
    header: ["Tier", "Min score", "Requires"],
    rows: [
      ["Platinum", 80, "Accreditation >= Gold"],
      ["Gold", 60, ""],
      ["Silver", 40, ""],
      ["Registered", 0, ""],
    ],
  };
  const types = partnerTypes(partners);
  const list: TableData = {
    header: ["Partner", "Type", ...rows.map((row) => String(row[0]))],
    rows: partnerRows(partners).map((values, i) => [`Partner ${i + 1}`, plain(types[i][0]), ...values.map(plain)]),
  };
  return { criteria, tiers, partners: list };
}

export function whatIfFigures(partners = 10_000): void {
  const { criteria, tiers, partners: list } = tables(partners);
  const base = { criteria, tiers };
  const effects = new PartnerEffect();
  effects.rebase(base);
  let draft: Draft = draftTables(base);
  let step = 0;
  let shown = 0;
  const sliderStep = () => {
    step++;
    // The first criterion's weight, one step up or down, as a slider drag gives it.
    draft = { ...draft, criteria: setWeight(draft.criteria, 0, "", 1 + (step % 2)) };
    const effect = effects.of(list, validateDraft(draft.criteria, draft.tiers), draft, base.criteria);
    if (typeof effect === "string") throw new Error(`no what-if: ${effect}`);
    shown = effect.tiers.reduce((sum, t) => sum + t.count, 0) + effect.notScored;
  };
  // A drag is many steps: the first ones also compile the code and read the partners once.
  for (let i = 0; i < 50; i++) sliderStep();
  // A step takes milliseconds: many of them make a steady median on a shared machine.
  const runs = Math.max(RUNS, 201);
  const ms = medianMs(sliderStep, runs);
  const processorMs = median(Array.from({ length: runs }, () => cpuMs(sliderStep)));
  if (shown !== partners) throw new Error(`the what-if counted ${shown} partners of ${partners}`);
  report(`what-if in the pane (tier counts of ${partners} partners after one slider step)`, ms, "ms", "budget < 4 ms");
  report("what-if in the pane: processor time of one step (no waiting for a core)", processorMs, "ms", "info");
}
