/** The shapes of the browser workbook's charts: what the picture says must be what the cells hold. */
import fc from "fast-check";
import type { PlottedChart } from "./chartData";
import { layoutChart, valueScale, type ChartMark } from "./chartGeometry";

const SIZE = { width: 480, height: 300 };

function chartOf(
  categories: string[],
  series: Record<string, number[]>,
): PlottedChart {
  return {
    categoryTitle: "",
    categories,
    series: Object.entries(series).map(([name, values]) => ({
      name,
      values,
      texts: values.map(String),
    })),
  };
}

const bars = (marks: ChartMark[]) =>
  marks.filter(
    (m): m is Extract<ChartMark, { kind: "bar" }> => m.kind === "bar",
  );

const TIERS = chartOf(["Platinum", "Gold", "Silver", "Registered"], {
  Now: [2, 5, 9, 4],
  "Last snapshot": [1, 6, 7, 6],
});

describe("clustered columns", () => {
  const layout = layoutChart(
    "ColumnClustered",
    "Partners per tier",
    TIERS,
    SIZE,
  );
  const drawn = bars(layout.marks);

  it("draws one bar per category per series", () => {
    expect(drawn).toHaveLength(8);
    const pairs = drawn.map((b) => `${b.series}/${b.category}`).sort();
    expect(pairs).toEqual([
      "0/0",
      "0/1",
      "0/2",
      "0/3",
      "1/0",
      "1/1",
      "1/2",
      "1/3",
    ]);
  });

  it("makes each bar's height proportional to its value, from one baseline", () => {
    const perUnit = drawn.map((b) => b.height / b.value);
    for (const ratio of perUnit) expect(ratio).toBeCloseTo(perUnit[0], 6);
    const baselines = drawn.map((b) => b.y + b.height);
    for (const base of baselines) expect(base).toBeCloseTo(baselines[0], 6);
  });

  it("puts a category's bars side by side, in series order, left to right by category", () => {
    const at = (series: number, category: number) =>
      drawn.find((b) => b.series === series && b.category === category)!;
    expect(at(1, 0).x).toBeCloseTo(at(0, 0).x + at(0, 0).width, 6);
    expect(at(0, 1).x).toBeGreaterThan(at(1, 0).x);
    for (const b of drawn) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(SIZE.width);
      expect(b.y).toBeGreaterThanOrEqual(0);
    }
  });

  it("labels every category and names every series in the legend, the title above", () => {
    const texts = layout.labels.map((l) => l.text);
    for (const category of TIERS.categories) expect(texts).toContain(category);
    expect(layout.legend.map((l) => l.text)).toEqual(["Now", "Last snapshot"]);
    expect(layout.title).toMatchObject({
      text: "Partners per tier",
      anchor: "middle",
    });
    expect(layout.title.y).toBeLessThan(Math.min(...drawn.map((b) => b.y)));
  });

  it("holds for any counts: height per unit the same for every bar (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.integer({ min: 1, max: 500 }), {
            minLength: 3,
            maxLength: 3,
          }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (rows) => {
          const data = chartOf(
            ["a", "b", "c"],
            Object.fromEntries(rows.map((values, i) => [`s${i}`, values])),
          );
          const marks = bars(
            layoutChart("ColumnClustered", "t", data, SIZE).marks,
          );
          expect(marks).toHaveLength(rows.length * 3);
          const ratio = marks[0].height / marks[0].value;
          for (const b of marks)
            expect(b.height / b.value).toBeCloseTo(ratio, 6);
        },
      ),
    );
  });

  it("draws a negative value below the baseline", () => {
    const data = chartOf(["a", "b"], { s: [4, -2] });
    const [up, down] = bars(
      layoutChart("ColumnClustered", "t", data, SIZE).marks,
    );
    expect(down.y).toBeCloseTo(up.y + up.height, 6);
    expect(down.height / 2).toBeCloseTo(up.height / 4, 6);
  });
});

describe("stacked columns", () => {
  const drawn = bars(
    layoutChart("ColumnStacked", "Points per perspective", TIERS, SIZE).marks,
  );

  it("piles a category's values one on another, each as tall as its value", () => {
    const perUnit = drawn[0].height / drawn[0].value;
    for (const category of [0, 1, 2, 3]) {
      const [first, second] = [0, 1].map((series) =>
        drawn.find((b) => b.series === series && b.category === category)!,
      );
      expect(second.y + second.height).toBeCloseTo(first.y, 6);
      expect(second.x).toBeCloseTo(first.x, 6);
      expect(first.height + second.height).toBeCloseTo(
        (TIERS.series[0].values[category] + TIERS.series[1].values[category]) *
          perUnit,
        6,
      );
    }
  });
});

describe("clustered bars", () => {
  const drawn = bars(layoutChart("BarClustered", "t", TIERS, SIZE).marks);

  it("makes each bar's length proportional to its value, the first category at the bottom (as Excel)", () => {
    const perUnit = drawn[0].width / drawn[0].value;
    for (const b of drawn) expect(b.width / b.value).toBeCloseTo(perUnit, 6);
    const first = drawn.find((b) => b.series === 0 && b.category === 0)!;
    const last = drawn.find((b) => b.series === 0 && b.category === 3)!;
    expect(first.y).toBeGreaterThan(last.y);
  });
});

describe("lines and radar", () => {
  it("a line has a point per category, higher for a larger value", () => {
    const [now] = layoutChart("Line", "t", TIERS, SIZE).marks;
    if (now.kind !== "line") throw new Error("a line chart draws lines");
    expect(now.points).toHaveLength(4);
    expect(now.closed).toBe(false);
    // Now: 2, 5, 9, 4.
    expect(now.points[2].y).toBeLessThan(now.points[1].y);
    expect(now.points[1].y).toBeLessThan(now.points[0].y);
    expect(now.points[1].x).toBeGreaterThan(now.points[0].x);
  });

  it("a radar closes each series around the centre, each point as far out as its value", () => {
    const data = chartOf(["Financial", "Customer", "Capability", "Growth"], {
      Partner: [20, 10, 40, 30],
    });
    const layout = layoutChart("Radar", "t", data, SIZE);
    const [partner] = layout.marks;
    if (partner.kind !== "line") throw new Error("a radar draws lines");
    expect(partner.closed).toBe(true);
    const centre = layout.gridLines[0].from;
    const distances = partner.points.map((p) =>
      Math.hypot(p.x - centre.x, p.y - centre.y),
    );
    for (let i = 0; i < 4; i++)
      expect(distances[i] / data.series[0].values[i]).toBeCloseTo(
        distances[0] / 20,
        6,
      );
    // The first category straight up from the centre, the next clockwise.
    expect(partner.points[0].x).toBeCloseTo(centre.x, 6);
    expect(partner.points[0].y).toBeLessThan(centre.y);
    expect(partner.points[1].x).toBeGreaterThan(centre.x);
    expect(layout.gridLines).toHaveLength(4);
    expect(layout.rings.length).toBeGreaterThan(0);
  });
});

describe("valueScale", () => {
  it("runs from 0 to a round step at or above the largest value", () => {
    expect(valueScale([2, 9, 4])).toEqual({
      min: 0,
      max: 10,
      ticks: [0, 2, 4, 6, 8, 10],
    });
    expect(valueScale([0.3])).toMatchObject({ min: 0, max: 0.3 });
    expect(valueScale([])).toMatchObject({ min: 0, max: 1 });
    expect(valueScale([-3, 7])).toMatchObject({ min: -4, max: 8 });
  });

  it("always covers the values, in at most a dozen ticks (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
          maxLength: 20,
        }),
        (values) => {
          const scale = valueScale(values);
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(scale.min - 1e-9);
            expect(v).toBeLessThanOrEqual(scale.max + 1e-9);
          }
          expect(scale.ticks.length).toBeLessThanOrEqual(12);
          expect(scale.max).toBeGreaterThan(scale.min);
        },
      ),
    );
  });
});

describe("category labels", () => {
  it("are cut with an ellipsis where they would run into each other, never wider than their band", () => {
    const long = chartOf(
      Array.from(
        { length: 10 },
        (_, i) => `${i * 10}-${i * 10 + 10} | Registered from ${i * 10}`,
      ),
      { Partners: Array.from({ length: 10 }, (_, i) => i + 1) },
    );
    const layout = layoutChart("ColumnClustered", "t", long, SIZE);
    const labels = layout.labels.filter(
      (l) => l.anchor === "middle" && l.text !== "t",
    );
    expect(labels).toHaveLength(10);
    const band = (SIZE.width - 16 - 40) / 10;
    for (const label of labels) {
      expect(label.text.endsWith("…")).toBe(true);
      expect(label.text.length * 6.2).toBeLessThanOrEqual(band);
    }
    // Short ones stay whole.
    expect(
      layoutChart("ColumnClustered", "t", TIERS, SIZE).labels.map(
        (l) => l.text,
      ),
    ).toContain("Registered");
  });
});
