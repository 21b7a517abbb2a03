/** The Calibrate form's proposal over the sample: Min scores in the draft give the target shares, requirements respected. */
import { tierFor } from "../../../src/core";
import { draftTables } from "../../../src/programme/draft";
import {
  calibratedDraft,
  calibrationPartners,
  healthOf,
} from "../../../src/taskpane/state/tierCalibration";
import {
  partnerColumns,
  scenarioOf,
  scorePartners,
  type Scenario,
} from "../../../src/programme/whatIf";
import {
  computedPartners,
  criteria,
  tiers,
} from "../../programme/sampleScorecard";

const partners = computedPartners();

test("calibrating to 25/25/50 writes Min scores into the draft whose tiers, placed as the functions place them, keep to the shares", () => {
  const scenario = scenarioOf(criteria, tiers) as Scenario;
  const draft = draftTables({ criteria, tiers });
  const { draft: calibrated, changes } = calibratedDraft(
    draft,
    partners,
    scenario,
    [25, 25, 50],
  );
  expect(changes.length).toBeGreaterThan(0);
  const after = scenarioOf(calibrated.criteria, calibrated.tiers) as Scenario;
  // Placed by the core's tierFor, requirements and all: what PRM.PARTNERTIER shows.
  const columns = partnerColumns(partners, after.columns);
  const placed = scorePartners(partners, after).map((r) =>
    r.score === null
      ? null
      : tierFor(after.tiers, r.score, {
          model: after.model,
          values: columns.map((c) => partners.rows[r.row][c]),
        }).name,
  );
  const count = (name: string) => placed.filter((t) => t === name).length;
  const scored = placed.filter((t) => t !== null).length;
  expect(count("Platinum")).toBeLessThanOrEqual(Math.floor(scored / 4) + 1);
  expect(count("Platinum")).toBeGreaterThan(0);
  expect(count("Gold")).toBeLessThanOrEqual(Math.floor(scored / 4) + 1);
  expect(count("Silver")).toBeLessThanOrEqual(Math.floor(scored / 2) + 1);
  // The health line agrees with that placement.
  const health = healthOf(partners, after, [25, 25, 50]);
  expect(health.tiers.map((t) => t.count)).toEqual(
    ["Platinum", "Gold", "Silver", "Registered"].map(count),
  );
  expect(health.tiers.map((t) => t.target)).toEqual([0.25, 0.25, 0.5, 0]);
});

test("partners who miss a tier's requirements are marked so for calibration", () => {
  const scenario = scenarioOf(criteria, tiers) as Scenario;
  const { ranked, list } = calibrationPartners(partners, scenario);
  expect(ranked.map((t) => t.name)).toEqual([
    "Platinum",
    "Gold",
    "Silver",
    "Registered",
  ]);
  // The sample holds back a partner whose certification lapsed: it misses Gold's requirements.
  expect(list.some((p) => p.meets[1] === false)).toBe(true);
  expect(list.every((p) => p.meets[3])).toBe(true);
});
