/**
 * @jest-environment jsdom
 *
 * The partner card's picture, drawn into a jsdom document: one bar per perspective (or
 * criterion) per series, every value also in the table the picture is described by, the
 * palette's colours with the series told apart without colour, names set as text only, and
 * the "Per criterion" toggle redrawing in place.
 */
import {
  partnerProfile,
  type PartnerProfile,
} from "../../../src/programme/charts";
import type { Programme } from "../../../src/taskpane/state/programme";
import { builder } from "../../../src/taskpane/views/dom";
import {
  drawPicture,
  pictureValues,
  pointsText,
} from "../../../src/taskpane/views/partnerPicture";
import { partnerPicture } from "../../../src/taskpane/views/partnerPictureView";
import { pictureFileName } from "../../../src/taskpane/views/pictureExport";
import {
  PALETTES,
  contrast,
  type Theme,
} from "../../../src/taskpane/views/theme";
import { computedPartners, scenario } from "../../programme/sampleScorecard";

const partners = computedPartners();
const rowOf = (name: string) => partners.rows.findIndex((r) => r[0] === name);
const profile = (
  name: string,
  by: "perspective" | "criterion" = "perspective",
) => partnerProfile(partners, scenario, rowOf(name), by) as PartnerProfile;

/** A fresh page of the test's document. */
function page() {
  document.body.replaceChildren();
  return { doc: document, el: builder(document) };
}

/** The picture and its table of values in one document, as the pane shows them. */
function drawn(p: PartnerProfile, theme: Theme = "light") {
  const { doc, el } = page();
  const svg = drawPicture(doc, p, PALETTES[theme], {
    ids: "t",
    describedBy: "t-values",
  });
  const table = pictureValues(el, p, "t-values");
  doc.body.append(svg, table);
  return { doc, svg, table };
}

const bars = (svg: Element, series: string) => [
  ...svg.querySelectorAll(`rect[data-series="${series}"]`),
];

describe("the partner card's picture", () => {
  test("one bar per perspective for the partner, its tier's average and the next tier's threshold", () => {
    const p = profile("Bluefin Networks");
    const { svg } = drawn(p);
    for (const [series, values] of [
      ["partner", p.points],
      ["tier-average", p.tierAverage.values],
      ["next-tier", p.nextTier!.values],
    ] as const) {
      const drawnBars = bars(svg, series);
      expect(drawnBars.map((b) => b.getAttribute("data-category"))).toEqual([
        "Financial",
        "Growth",
        "Customer",
        "Capability",
      ]);
      expect(
        drawnBars.map((b) => Number(b.getAttribute("data-value"))),
      ).toEqual(values);
    }
  });

  test("in the top tier there is no threshold series; per criterion there is one bar per criterion", () => {
    expect(bars(drawn(profile("Alder Peak IT")).svg, "next-tier")).toHaveLength(
      0,
    );
    const perCriterion = drawn(profile("Bluefin Networks", "criterion")).svg;
    expect(bars(perCriterion, "partner")).toHaveLength(8);
    expect(bars(perCriterion, "next-tier")).toHaveLength(8);
  });

  test("bar lengths are proportional to the values, on one scale for every series", () => {
    const p = profile("Bluefin Networks");
    const all = [...drawn(p).svg.querySelectorAll("rect[data-series]")];
    const ratios = all
      .filter((b) => Number(b.getAttribute("data-value")) > 0)
      .map(
        (b) =>
          Number(b.getAttribute("width")) /
          Number(b.getAttribute("data-value")),
      );
    expect(ratios.length).toBe(12);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 9);
  });

  test("is an image with a name, and every value is also in the table it is described by", () => {
    const p = profile("Bluefin Networks");
    const { doc, svg, table } = drawn(p);
    expect(svg.getAttribute("role")).toBe("img");
    const named = doc.getElementById(svg.getAttribute("aria-labelledby")!);
    expect(named?.textContent).toBe(
      "Bluefin Networks: points per perspective against the Gold average and the Platinum threshold",
    );
    expect(svg.getAttribute("aria-describedby")!.split(" ")).toContain(
      table.id,
    );
    for (const bar of svg.querySelectorAll("rect[data-series]")) {
      const [series, category, value] = [
        "data-series",
        "data-category",
        "data-value",
      ].map((a) => bar.getAttribute(a));
      const cell = table.querySelector(
        `tr[data-category="${category}"] td[data-series="${series}"]`,
      );
      expect(cell?.getAttribute("data-value")).toBe(value);
      expect(cell?.textContent).toBe(pointsText(Number(value)));
    }
    expect(table.querySelectorAll("td")).toHaveLength(12);
    expect(
      [...table.querySelectorAll("thead th")].map((th) => th.textContent),
    ).toEqual([
      "Perspective",
      "Bluefin Networks",
      `Gold average (${p.tierAverage.partners} partners)`,
      "Platinum threshold (Min score 85)",
    ]);
  });

  test.each(["light", "dark"] as Theme[])(
    "in the %s palette: solid, hatched and dashed bars, each with enough contrast",
    (theme) => {
      const palette = PALETTES[theme];
      const { svg } = drawn(profile("Bluefin Networks"), theme);
      const [own, average, next] = ["partner", "tier-average", "next-tier"].map(
        (s) => bars(svg, s)[0],
      );
      expect(own.getAttribute("fill")).toBe(palette.accentText);
      expect(average.getAttribute("fill")).toMatch(/^url\(#t-hatch\)$/);
      expect(
        svg.querySelector("pattern#t-hatch line")?.getAttribute("stroke"),
      ).toBe(palette.textSecondary);
      expect(next.getAttribute("fill")).toBe("none");
      expect(next.getAttribute("stroke-dasharray")).toBeTruthy();
      // WCAG 1.4.11: graphics that carry meaning at 3:1 against what is next to them.
      for (const colour of [
        palette.accentText,
        palette.textSecondary,
        palette.text,
      ])
        expect(contrast(colour, palette.background)).toBeGreaterThanOrEqual(3);
    },
  );

  test("names from the workbook are set as text, never parsed as markup", () => {
    const hostile = {
      ...profile("Bluefin Networks"),
      partner: '<img src=x onerror="alert(1)">',
      categories: ["<b>Financial</b>", "Growth", "Customer", "Capability"],
    };
    const { svg, table } = drawn(hostile);
    expect(svg.querySelector("img, b")).toBeNull();
    expect(table.querySelector("img, b")).toBeNull();
    expect(svg.textContent).toContain('<img src=x onerror="alert(1)">');
  });
});

describe("the picture in the partner view", () => {
  test("the Per criterion toggle redraws the picture by criterion and back, remembering the choice", () => {
    const { doc, el } = page();
    const programme = {
      pictureBy: "perspective",
      picture(this: { pictureBy: "perspective" | "criterion" }) {
        return profile("Bluefin Networks", this.pictureBy);
      },
    } as unknown as Programme;
    const block = partnerPicture({ doc, el, programme });
    doc.body.append(block);
    const toggle = block.querySelector<HTMLInputElement>(
      '[data-testid="picture-by-criterion"]',
    )!;
    expect(bars(block, "partner")).toHaveLength(4);
    toggle.click();
    expect(programme.pictureBy).toBe("criterion");
    expect(bars(block, "partner")).toHaveLength(8);
    expect(
      block.querySelector('[data-testid="picture-values"] thead th')
        ?.textContent,
    ).toBe("Criterion");
    // Only the picture was drawn again: the toggle is the same element, so it keeps focus.
    expect(toggle.isConnected).toBe(true);
    toggle.click();
    expect(bars(block, "partner")).toHaveLength(4);
    // Without the Clipboard API (jsdom has none) only Save picture is offered.
    expect(
      block.querySelector<HTMLButtonElement>('[data-testid="copy-picture"]')!
        .hidden,
    ).toBe(true);
    expect(
      block.querySelector<HTMLButtonElement>('[data-testid="save-picture"]')!
        .hidden,
    ).toBe(false);
  });

  test("no picture for a partner that cannot be scored", () => {
    const { doc, el } = page();
    const programme = {
      pictureBy: "perspective",
      picture: () => ({ row: 0, partner: "row 1", error: "no values" }),
    } as unknown as Programme;
    const block = partnerPicture({ doc, el, programme });
    expect(block.querySelector("svg")).toBeNull();
  });
});

test("a saved picture is named after the partner, without the characters file names cannot hold", () => {
  expect(pictureFileName("Alder Peak IT")).toBe("Alder Peak IT scorecard.png");
  expect(pictureFileName('A/B: "C"\u0007')).toBe("A-B- -C-- scorecard.png");
  expect(pictureFileName("  ")).toBe("partner scorecard.png");
});
