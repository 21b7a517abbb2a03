/**
 * What a chart plots from its source range. Microsoft, "Excel.ChartSeriesBy" and
 * "ChartCollection.add(type, sourceData, seriesBy)": with Columns each column after the first
 * is a series named by its first cell, the first column the categories; Rows transposes that.
 */
import { plotted, sourceRange, type ChartCell } from "./chartData";

/** A sheet of cells by A1-style rows, read as the grid shows them. */
function reader(rows: unknown[][]) {
  return ({ row, col }: { row: number; col: number }): ChartCell => {
    const v = rows[row]?.[col] ?? null;
    return {
      value: typeof v === "number" ? v : null,
      text: v === null ? "" : String(v),
    };
  };
}

const TIERS = [
  ["", "Now", "Last"],
  ["Gold", 4, 3],
  ["Silver", 7, 8],
  ["Registered", 2, 2],
];

describe("plotted", () => {
  it("by Columns: the first column names the categories, each further column is a series named by its first cell", () => {
    expect(
      plotted(
        { name: "t", source: "A1:C4", seriesBy: "Columns" },
        reader(TIERS),
      ),
    ).toEqual({
      categoryTitle: "",
      categories: ["Gold", "Silver", "Registered"],
      series: [
        { name: "Now", values: [4, 7, 2], texts: ["4", "7", "2"] },
        { name: "Last", values: [3, 8, 2], texts: ["3", "8", "2"] },
      ],
    });
  });

  it("by Rows: the same range transposed, the first row names the categories", () => {
    const data = plotted(
      { name: "t", source: "$A$1:$C$4", seriesBy: "Rows" },
      reader(TIERS),
    );
    expect(data.categories).toEqual(["Now", "Last"]);
    expect(data.series.map((s) => [s.name, ...s.values])).toEqual([
      ["Gold", 4, 3],
      ["Silver", 7, 8],
      ["Registered", 2, 2],
    ]);
  });

  it("plots a cell that holds no number as 0 and keeps its text for the text alternative", () => {
    const rows = [
      ["", "Now"],
      ["Gold", "#N/A"],
      ["Silver", "n/a"],
      ["Bronze", null],
    ];
    const [series] = plotted(
      { name: "t", source: "A1:B4", seriesBy: "Columns" },
      reader(rows),
    ).series;
    expect(series.values).toEqual([0, 0, 0]);
    expect(series.texts).toEqual(["#N/A", "n/a", ""]);
  });

  it("reads the range wherever it starts on the sheet", () => {
    const rows = [
      [],
      [],
      [null, "Perspective", "Points"],
      [null, "Financial", 30],
      [null, "Growth", 12],
    ];
    expect(
      plotted(
        { name: "t", source: "B3:C5", seriesBy: "Columns" },
        reader(rows),
      ),
    ).toEqual({
      categoryTitle: "Perspective",
      categories: ["Financial", "Growth"],
      series: [{ name: "Points", values: [30, 12], texts: ["30", "12"] }],
    });
  });
});

describe("sourceRange", () => {
  it("reads A1 ranges in either corner order, and one cell", () => {
    expect(sourceRange({ name: "t", source: "D7:A3" })).toEqual({
      top: 2,
      left: 0,
      bottom: 6,
      right: 3,
    });
    expect(sourceRange({ name: "t", source: "B2" })).toEqual({
      top: 1,
      left: 1,
      bottom: 1,
      right: 1,
    });
  });

  it("refuses another sheet's range or what is no range, naming the chart", () => {
    expect(() =>
      sourceRange({ name: "PRM tiers", source: "Partners!A1:B3" }),
    ).toThrow(
      /"PRM tiers" reads "Partners!A1:B3": a chart's source must be a range of its own sheet/,
    );
    expect(() => sourceRange({ name: "PRM tiers", source: "Tiers" })).toThrow(
      /"PRM tiers" names "Tiers", which is not a cell/,
    );
  });
});
