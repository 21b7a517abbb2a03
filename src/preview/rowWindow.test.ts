import { windowChange, windowFor, type RowWindow } from "./rowWindow";

const rows = (w: RowWindow) =>
  Array.from({ length: Math.max(0, w.end - w.start) }, (_, i) => w.start + i);

describe("the rows the grid keeps in the page", () => {
  const viewport = { scrollTop: 0, height: 230, rowHeight: 23 };

  it("are those in view and a margin on either side, within the sheet", () => {
    // 10 rows in view (+1 for a row cut at the bottom), a margin of 5.
    expect(windowFor(viewport, 1000, 5)).toEqual({ start: 0, end: 16 });
    expect(windowFor({ ...viewport, scrollTop: 23 * 100 }, 1000, 5)).toEqual({
      start: 95,
      end: 116,
    });
    expect(windowFor({ ...viewport, scrollTop: 23 * 995 }, 1000, 5)).toEqual({
      start: 990,
      end: 1000,
    });
    expect(windowFor(viewport, 3, 5)).toEqual({ start: 0, end: 3 });
  });

  it("take a part row scrolled into view as its row", () => {
    expect(
      windowFor({ ...viewport, scrollTop: 23 * 100 + 22 }, 1000, 0),
    ).toEqual({ start: 100, end: 111 });
  });

  it("change by removing the rows that leave and adding those that come, above and below the kept ones", () => {
    const change = windowChange({ start: 10, end: 20 }, { start: 15, end: 25 });
    expect(change.removed).toEqual([10, 11, 12, 13, 14]);
    expect(rows(change.above)).toEqual([]);
    expect(rows(change.below)).toEqual([20, 21, 22, 23, 24]);
    const up = windowChange({ start: 10, end: 20 }, { start: 5, end: 15 });
    expect(up.removed).toEqual([15, 16, 17, 18, 19]);
    expect(rows(up.above)).toEqual([5, 6, 7, 8, 9]);
    expect(rows(up.below)).toEqual([]);
  });

  it("on a jump with nothing in common, replace every row", () => {
    const change = windowChange({ start: 0, end: 4 }, { start: 100, end: 103 });
    expect(change.removed).toEqual([0, 1, 2, 3]);
    expect([...rows(change.above), ...rows(change.below)]).toEqual([
      100, 101, 102,
    ]);
  });

  it("grow at both ends when the sheet gets taller in view", () => {
    const change = windowChange({ start: 10, end: 20 }, { start: 8, end: 30 });
    expect(change.removed).toEqual([]);
    expect(rows(change.above)).toEqual([8, 9]);
    expect(rows(change.below)).toEqual([
      20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
    ]);
  });
});
