import {
  pushApply,
  lastApply,
  planUndo,
  popApply,
  type AppliedChange,
} from "../../../src/taskpane/state/undo";
import { criteria, tiers } from "../fixtures";

const tables = (weight: number) => {
  const c = criteria();
  c.rows[0][7] = weight;
  return { criteria: c, tiers: tiers() };
};
const change = (from: number, to: number): AppliedChange => ({
  before: tables(from),
  after: tables(to),
});

describe("undo of applies", () => {
  test("keeps the last ten applies, newest on top", () => {
    let stack: AppliedChange[] = [];
    for (let i = 0; i < 12; i++) stack = pushApply(stack, change(i, i + 1));
    expect(stack).toHaveLength(10);
    expect(lastApply(stack)?.after.criteria.rows[0][7]).toBe(12);
    expect(stack[0].before.criteria.rows[0][7]).toBe(2);
    expect(popApply(stack)).toHaveLength(9);
    expect(pushApply([], change(0, 1), 1)).toHaveLength(1);
  });

  test("restores the tables from before the last apply when the workbook still holds what it wrote", () => {
    const stack = [change(40, 50), change(50, 60)];
    expect(planUndo(stack, tables(60))).toEqual({ kind: "restore", tables: tables(50) });
  });

  test("says so when the workbook changed since (undo would overwrite that change)", () => {
    expect(planUndo([change(40, 50)], tables(55))).toEqual({
      kind: "changed-since",
      tables: tables(40),
    });
    expect(planUndo([], tables(55))).toEqual({ kind: "nothing" });
  });
});
