/**
 * The partner card's picture: horizontal grouped bars, one group per perspective (or
 * criterion), one bar per series: the partner, its tier's average, the next tier's threshold.
 *
 * Bars rather than a radar: at the pane's ~320 px a radar of four perspectives is a small
 * quadrilateral whose differences are angles and areas, hard to compare and to label; bars on
 * one common scale are read by length, every value fits as a label at its bar's end, and the
 * same drawing takes eight criteria as well as four perspectives (a radar of eight spokes of
 * unequal weight misleads). Series are told apart without colour: solid, hatched, dashed
 * outline, and named in the legend drawn into the picture, so a copy pasted into a slide
 * explains itself. Colours are the palette's (theme.ts), passed in, so the copy can be drawn
 * in the light palette whatever the pane's theme.
 */
import type { PartnerProfile } from "../../programme/charts";
import { counted, type El } from "./dom";
import type { Palette } from "./theme";
import { svgElement, svgText } from "./svg";

export type SeriesKey = "partner" | "tier-average" | "next-tier";

export interface PictureSeries {
  key: SeriesKey;
  label: string;
  values: number[];
}

/** The series the picture draws, in the order of the bars in each group. */
export function pictureSeries(p: PartnerProfile): PictureSeries[] {
  const peers = p.tierAverage.partners;
  return [
    { key: "partner", label: p.partner, values: p.points },
    {
      key: "tier-average",
      label: `${p.tier} average (${counted(peers, "partner", "partners")})`,
      values: p.tierAverage.values,
    },
    ...(p.nextTier
      ? [
          {
            key: "next-tier" as const,
            label: `${p.nextTier.tier} threshold (Min score ${p.nextTier.minScore})`,
            values: p.nextTier.values,
          },
        ]
      : []),
  ];
}

/** A point value as the picture and its table show it. */
export function pointsText(value: number): string {
  return value.toFixed(1);
}

/** "perspective" or "criterion", as the picture's words say it. */
function categoryWord(p: PartnerProfile): string {
  return p.by === "criterion" ? "criterion" : "perspective";
}

/** The picture's accessible name: who, against what. */
export function pictureTitle(p: PartnerProfile): string {
  return `${p.partner}: points per ${categoryWord(p)} against the ${p.tier} average${p.nextTier ? ` and the ${p.nextTier.tier} threshold` : ""}`;
}

const WIDTH = 320;
const PAD = 8;
const BAR = 10;
const GAP = 3;
const LINE = 14;
/** Room right of the longest bar for its value. */
const VALUE_ROOM = 40;
const FONT = `"Segoe UI", -apple-system, Roboto, "Helvetica Neue", sans-serif`;

/** How each series' bar looks: fill and stroke, so the three differ in shape, not only colour. */
function barStyle(
  key: SeriesKey,
  palette: Palette,
  hatch: string,
): Record<string, string | number> {
  switch (key) {
    case "partner":
      return { fill: palette.accentText };
    case "tier-average":
      return {
        fill: `url(#${hatch})`,
        stroke: palette.textSecondary,
        "stroke-width": 1,
      };
    case "next-tier":
      return {
        fill: "none",
        stroke: palette.text,
        "stroke-width": 1.5,
        "stroke-dasharray": "3 2",
      };
  }
}

/**
 * Draws the picture. `ids` prefixes the ids inside (the hatch pattern, title, desc), so the
 * pane's picture and a copy made from it never share one; `background` fills the picture
 * (a copy for a slide), else it is transparent on the pane.
 */
export function drawPicture(
  doc: Document,
  p: PartnerProfile,
  palette: Palette,
  options: { ids: string; background?: boolean; describedBy?: string },
): SVGSVGElement {
  const { ids } = options;
  const series = pictureSeries(p);
  const hatch = `${ids}-hatch`;
  const largest = Math.max(1e-9, ...series.flatMap((s) => s.values));
  const scale = (WIDTH - 2 * PAD - VALUE_ROOM) / largest;
  const text = (
    content: string,
    x: number,
    y: number,
    more: Record<string, string | number> = {},
  ) =>
    svgText(doc, "text", content, {
      x,
      y,
      "font-size": 11,
      fill: palette.text,
      ...more,
    });

  const parts: Node[] = [];
  let y = 16;
  parts.push(text(p.partner, PAD, y, { "font-size": 13, "font-weight": 600 }));
  y += LINE;
  parts.push(
    text(
      `Score ${pointsText(p.score)} · ${p.tier} · points per ${categoryWord(p)}`,
      PAD,
      y,
      { fill: palette.textSecondary },
    ),
  );
  y += 6;
  for (const s of series) {
    y += LINE;
    parts.push(
      svgElement(doc, "rect", {
        x: PAD,
        y: y - 9,
        width: 16,
        height: BAR,
        ...barStyle(s.key, palette, hatch),
      }),
      text(s.label, PAD + 22, y),
    );
  }
  y += 10;
  p.categories.forEach((category, c) => {
    y += LINE;
    parts.push(text(category, PAD, y, { "font-weight": 600 }));
    y += 4;
    series.forEach((s) => {
      const value = s.values[c];
      const width = Math.max(0, value * scale);
      parts.push(
        svgElement(doc, "rect", {
          x: PAD,
          y,
          width,
          height: BAR,
          "data-series": s.key,
          "data-category": category,
          "data-value": value,
          ...barStyle(s.key, palette, hatch),
        }),
        text(pointsText(value), PAD + width + 4, y + BAR - 1, {
          "font-size": 10,
        }),
      );
      y += BAR + GAP;
    });
    y += 4;
  });
  const height = y + PAD;

  const title = svgText(doc, "title", pictureTitle(p), { id: `${ids}-title` });
  const desc = svgText(
    doc,
    "desc",
    `Horizontal bars per ${categoryWord(p)}: solid for ${p.partner}, hatched for the ${p.tier} average${p.nextTier ? `, dashed outline for the ${p.nextTier.tier} threshold` : ""}. Every value is also in the table of the picture's values.`,
    { id: `${ids}-desc` },
  );
  const defs = svgElement(
    doc,
    "defs",
    {},
    svgElement(
      doc,
      "pattern",
      {
        id: hatch,
        width: 4,
        height: 4,
        patternUnits: "userSpaceOnUse",
        patternTransform: "rotate(45)",
      },
      svgElement(doc, "rect", {
        width: 4,
        height: 4,
        fill: palette.background,
      }),
      svgElement(doc, "line", {
        x1: 0,
        y1: 0,
        x2: 0,
        y2: 4,
        stroke: palette.textSecondary,
        "stroke-width": 2,
      }),
    ),
  );
  return svgElement(
    doc,
    "svg",
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: "100%",
      role: "img",
      "aria-labelledby": `${ids}-title`,
      "aria-describedby": [`${ids}-desc`, options.describedBy ?? ""]
        .join(" ")
        .trim(),
      "font-family": FONT,
      "data-by": p.by,
    },
    title,
    desc,
    defs,
    ...(options.background
      ? [
          svgElement(doc, "rect", {
            width: WIDTH,
            height,
            fill: palette.background,
          }),
        ]
      : []),
    ...parts,
  );
}

/** Every value of the picture as a table (visually hidden: the bars carry the same numbers). */
export function pictureValues(
  el: El,
  p: PartnerProfile,
  id: string,
): HTMLElement {
  const series = pictureSeries(p);
  return el(
    "table",
    { id, class: "sr-only", testid: "picture-values" },
    el("caption", { text: pictureTitle(p) }),
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        el("th", {
          scope: "col",
          text: p.by === "criterion" ? "Criterion" : "Perspective",
        }),
        ...series.map((s) => el("th", { scope: "col", text: s.label })),
      ),
    ),
    el(
      "tbody",
      {},
      ...p.categories.map((category, c) =>
        el(
          "tr",
          { "data-category": category },
          el("th", { scope: "row", text: category }),
          ...series.map((s) =>
            el("td", {
              "data-series": s.key,
              "data-value": s.values[c],
              text: pointsText(s.values[c]),
            }),
          ),
        ),
      ),
    ),
  );
}
