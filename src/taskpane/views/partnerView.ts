/**
 * The Programme section's partner view: the partner chosen from the list (or selected in the
 * Partners table), its score, its tier (the assigned one where a manager assigned one), what
 * each criterion contributes, the next tier and what it still needs, and its picture.
 */
import { cellText } from "../../core";
import type { PartnerCard } from "../../programme/partnerCard";
import { nameColumn } from "../../programme/whatIf";
import { byId, fill, option, type El } from "./dom";
import { partnerPicture } from "./partnerPictureView";
import type { ProgrammeHost } from "./programmeView";

const optionNames = new WeakMap<HTMLSelectElement, string[]>();

export function showPartner(host: ProgrammeHost): void {
  const { doc, el, session, programme } = host;
  const select = byId<HTMLSelectElement>(doc, "ps-partner");
  const box = byId(doc, "ps-partner-card");
  if (!select || !box) return;
  const partners = session.loaded.partners;
  const nameAt = partners ? nameColumn(partners) : 0;
  const selected = session.selectedPartner;
  const names = (partners?.rows ?? []).map(
    (row, r) => cellText(row[nameAt]) ?? `row ${r + 1}`,
  );
  // Rebuilt only when the names change: a list of thousands of partners is redrawn on every
  // edit in the workbook otherwise, for nothing.
  const listed = optionNames.get(select);
  if (
    !listed ||
    listed.length !== names.length ||
    listed.some((name, i) => name !== names[i])
  ) {
    fill(
      select,
      option(el, "", "Choose a partner", false),
      ...names.map((name, r) => option(el, String(r), name, false)),
    );
    optionNames.set(select, names);
  }
  select.value = selected === null ? "" : String(selected);
  const card = programme.card();
  if (card === null) {
    fill(box);
    return;
  }
  if ("error" in card) {
    fill(
      box,
      el("p", {
        class: "warn",
        text: `${card.partner} is not scored: ${card.error}`,
      }),
    );
    return;
  }
  const [head, ...breakdown] = cardView(el, card);
  fill(box, head, partnerPicture(host), ...breakdown);
}

function cardView(el: El, card: PartnerCard): HTMLElement[] {
  const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
  // Numbers as the grid shows them (1,850,000), so the card reads like the Partners sheet.
  const shown = (value: unknown) =>
    typeof value === "number"
      ? value.toLocaleString()
      : (cellText(value) ?? "missing");
  return [
    el(
      "p",
      { class: "card-head" },
      el("span", { class: "name", text: card.partner }),
      el("span", {
        testid: "partner-score",
        "data-value": card.score,
        text: `Score ${card.score.toFixed(1)}`,
      }),
      el("span", { testid: "partner-tier", text: cardTierText(card) }),
    ),
    el(
      "table",
      { class: "breakdown" },
      el("caption", {
        class: "sr-only",
        text: `${card.partner}: points per criterion`,
      }),
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          ...["Criterion", "Value", "Points", "Weight share"].map((h) =>
            el("th", { scope: "col", text: h }),
          ),
        ),
      ),
      el(
        "tbody",
        {},
        ...card.parts.map((p) =>
          el(
            "tr",
            { "data-criterion": p.criterion },
            el("th", { scope: "row", text: p.criterion }),
            el("td", { text: shown(p.value) }),
            el("td", {
              "data-value": p.points,
              text: p.normalized === null ? "–" : p.points.toFixed(1),
            }),
            el("td", { text: percent(p.share) }),
          ),
        ),
      ),
    ),
    el("p", {
      testid: "partner-next",
      text:
        card.next === null
          ? `${card.partner} is in the top tier.`
          : `Next tier ${card.next.tier}: ${card.next.short > 0 ? `${card.next.short.toFixed(1)} points short` : "the score is enough"}${card.next.unmet.length > 0 ? `; needs ${card.next.unmet.join("; ")}` : ""}.`,
    }),
  ];
}

/** The partner's tier: the assigned one where a manager assigned one, with the computed one when they differ. */
function cardTierText(card: { tier: string; assigned: string | null }): string {
  if (card.assigned === null) return `Tier ${card.tier}`;
  return card.assigned.toLowerCase() === card.tier.toLowerCase()
    ? `Tier ${card.assigned} (assigned)`
    : `Tier ${card.assigned} (assigned; computed ${card.tier})`;
}
