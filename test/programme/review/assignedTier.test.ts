/**
 * Where the workbook has an Assigned tier (issue 22), the partner view and the values export
 * use it; without one, or where the cell is blank, the computed tier.
 */
import { serialFromDate } from "../../../src/core";
import {
  partnerCard,
  type PartnerCard,
} from "../../../src/programme/partnerCard";
import { assignedTierAt } from "../../../src/programme/review";
import { valuesSheet } from "../../../src/programme/valuesExport";
import { scenarioOf, scorePartners } from "../../../src/programme/whatIf";
import type { TableData } from "../../../src/workbook/store";
import { criteria, partners, tiers } from "../../taskpane/fixtures";

const scenario = scenarioOf(criteria(), tiers())!;

function withAssigned(assigned: string[]): TableData {
  const table = partners();
  return {
    header: [...table.header, "Assigned tier"],
    rows: table.rows.map((row, r) => [...row, assigned[r] ?? ""]),
  };
}

describe("assignedTierAt", () => {
  it("reads the cell, null where blank or where there is no column", () => {
    const table = withAssigned([" Gold ", ""]);
    expect(assignedTierAt(table, 0)).toBe("Gold");
    expect(assignedTierAt(table, 1)).toBeNull();
    expect(assignedTierAt(partners(), 0)).toBeNull();
  });
});

describe("the partner card", () => {
  it("carries the assigned tier beside the computed one", () => {
    const table = withAssigned(["", "Gold"]);
    const beta = partnerCard(table, scenario, 1) as PartnerCard;
    expect(beta.tier).toBe("Silver");
    expect(beta.assigned).toBe("Gold");
    expect(
      (partnerCard(table, scenario, 0) as PartnerCard).assigned,
    ).toBeNull();
  });
});

describe("the values export", () => {
  it("exports the assigned tier as the partner's tier where there is one", () => {
    const table = withAssigned(["", "Gold"]);
    const sheet = valuesSheet(
      table,
      { results: scorePartners(table, scenario), tiers: scenario.tiers },
      { excluded: new Set(), partner: null, date: serialFromDate(2027, 1, 5) },
    );
    const header = sheet.cells[2];
    const tierAt = header.lastIndexOf("Tier");
    const byName = new Map(
      sheet.cells.slice(3).map((row) => [row[0], row[tierAt]]),
    );
    expect(byName.get("Alpha")).toBe("Gold");
    // Beta computes Silver, but a manager assigned Gold.
    expect(byName.get("Beta")).toBe("Gold");
    expect(byName.get("Gamma")).toBe("Registered");
  });
});

describe("who moves under a draft", () => {
  it("moves a partner from its assigned tier, and not one whose draft tier is the assigned one", async () => {
    const { tierMoves } = await import("../../../src/programme/tierMoves");
    // Every Min score lowered by 30: Beta (computed Silver, 50 points) reaches Gold.
    const lowered = tiers();
    lowered.rows = lowered.rows.map((row) => [
      row[0],
      Math.max(0, Number(row[1]) - 30),
      row[2],
      row[3],
    ]);
    const draft = scenarioOf(criteria(), lowered)!;
    // A manager kept Beta at Gold already, and Alpha (computed Gold) at Silver.
    const table = withAssigned(["Silver", "Gold", "Registered"]);
    expect(tierMoves(table, scenario, draft)).toEqual([
      { partner: "Alpha", from: "Silver", to: "Gold", up: true },
    ]);
    // Without assigned tiers, only Beta moves.
    expect(tierMoves(partners(), scenario, draft)).toEqual([
      { partner: "Beta", from: "Silver", to: "Gold", up: true },
    ]);
  });
});
