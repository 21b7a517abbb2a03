import { CriterionMarks } from "../../../src/taskpane/state/criterionMarks";

describe("the pane's marks on criteria (locks per profile, open details)", () => {
  test("a lock belongs to one profile", () => {
    const marks = new CriterionMarks();
    marks.setLocked("", 1, true);
    expect(marks.isLocked("", 1)).toBe(true);
    expect(marks.isLocked("Influencer", 1)).toBe(false);
    expect([...marks.lockedIds("", [0, 1, 2])]).toEqual([1]);
    marks.setLocked("", 1, false);
    expect(marks.isLocked("", 1)).toBe(false);
  });

  test("follow moves each mark with its row and drops those of rows gone", () => {
    const marks = new CriterionMarks();
    marks.setLocked("", 0, true);
    marks.setLocked("Influencer", 2, true);
    marks.setOpen(0, true);
    marks.setOpen(2, true);
    // Row 0 was removed: the old row 2 is now row 1.
    marks.follow((id) => (id === 0 ? undefined : id - 1));
    expect(marks.isLocked("", 0)).toBe(false);
    expect(marks.isLocked("Influencer", 1)).toBe(true);
    expect(marks.isLocked("Influencer", 2)).toBe(false);
    expect(marks.isOpen(0)).toBe(false);
    expect(marks.isOpen(1)).toBe(true);
  });

  test("keepRowsBelow drops the marks of rows past the table's end", () => {
    const marks = new CriterionMarks();
    marks.setLocked("", 1, true);
    marks.setLocked("", 3, true);
    marks.setOpen(3, true);
    marks.keepRowsBelow(2);
    expect(marks.isLocked("", 1)).toBe(true);
    expect(marks.isLocked("", 3)).toBe(false);
    expect(marks.isOpen(3)).toBe(false);
  });
});
