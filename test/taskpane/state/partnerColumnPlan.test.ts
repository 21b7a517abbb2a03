import { draftOf, setCell, tableOf } from "../../../src/programme/draft";
import { PartnerEffect } from "../../../src/taskpane/state/partnerEffect";
import type { TableData } from "../../../src/workbook/store";

const criteria: TableData = {
  header: ["Criterion", "Weight"],
  rows: [
    ["Revenue", 1],
    ["NPS", 1],
  ],
};
const partners: TableData = {
  header: ["Partner", "Revenue", "NPS", "Score"],
  rows: [],
};

describe("the session's Partners column plan", () => {
  test("an Apply renames the column of a renamed criterion; its undo renames it back", () => {
    const effect = new PartnerEffect();
    const draft = setCell(draftOf(criteria), 1, "Criterion", "Net promoter");
    const written = tableOf(draft);
    expect(
      effect.columnPlan(written, partners, draft, criteria)?.renames,
    ).toEqual([{ column: 2, header: "Net promoter" }]);
    effect.recordRenames(draft, criteria, written);
    const renamedPartners = {
      ...partners,
      header: ["Partner", "Revenue", "Net promoter", "Score"],
    };
    // The undo writes the old Criteria back: found through the rename remembered.
    expect(effect.columnPlan(criteria, renamedPartners)?.renames).toEqual([
      { column: 2, header: "NPS" },
    ]);
  });

  test("no Partners table: no plan", () => {
    expect(new PartnerEffect().columnPlan(criteria, null)).toBeUndefined();
  });
});
