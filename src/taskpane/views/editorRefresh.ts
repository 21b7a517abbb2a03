/**
 * Updates the editor's sections in place after an edit that does not rebuild them: each
 * criterion's share, weight field, slider and problems, the weights' total, and each tier's
 * problems. The field being typed into is left alone, so focus and typing are never disturbed.
 */
import { CRITERIA_HEADERS, TIER_HEADERS, weightHeader } from "../../core";
import { profilesOf, textAt, weightShares } from "../../programme/draft";
import { byId } from "./dom";
import { profileOptionTexts, syncSlider } from "./editor";
import { showRowProblems, type ProblemsHost } from "./problemsView";
import { problemsOfRow } from "../../programme/validation";

export function refreshWeights(h: ProblemsHost): void {
  const { doc, session } = h;
  const { draft, profile } = session;
  const shares = weightShares(draft.criteria, profile);
  let total = 0;
  draft.criteria.ids.forEach((id, row) => {
    const { weight, share } = shares[row];
    if (Number.isFinite(weight) && weight > 0) total += weight;
    const shareEl = byId(doc, `ps-share-${id}`);
    if (shareEl)
      shareEl.textContent = Number.isFinite(share)
        ? `${(100 * share).toFixed(1)}%`
        : "–";
    const number = byId<HTMLInputElement>(doc, `ps-w-${id}`);
    const slider = byId<HTMLInputElement>(doc, `ps-wr-${id}`);
    const problems = problemsOfRow(session.problems, "Criteria", row);
    if (number) {
      if (number !== doc.activeElement)
        number.value = textAt(draft.criteria, row, weightHeader(profile));
      number.setAttribute(
        "aria-invalid",
        String(
          problems.some((p) => p.column !== null && /^weight/i.test(p.column)),
        ),
      );
    }
    if (slider && slider !== doc.activeElement)
      syncSlider(slider, Number.isFinite(weight) ? weight : 0);
    showRowProblems(h, `ps-cp-${id}`, id, problems, [
      ["name", CRITERIA_HEADERS.name],
      ["min", CRITERIA_HEADERS.min],
      ["max", CRITERIA_HEADERS.max],
      ["scale", CRITERIA_HEADERS.scale],
      ["method", CRITERIA_HEADERS.method],
      ["better", CRITERIA_HEADERS.better],
    ]);
  });
  const totalEl = byId(doc, "ps-total");
  if (totalEl) totalEl.textContent = `Total ${Math.round(total * 100) / 100}`;
  refreshProfileCounts(h);
}

/** The profile choices' partner counts, as the Partners list is now (it may have shrunk). */
function refreshProfileCounts({ doc, session }: ProblemsHost): void {
  const select = byId<HTMLSelectElement>(doc, "ps-profile");
  if (!select) return;
  const texts = profileOptionTexts(
    session.loaded.partners,
    profilesOf(session.draft.criteria),
  );
  for (const option of Array.from(select.options)) {
    const text = texts.get(option.value);
    if (text !== undefined && option.text !== text) option.text = text;
  }
}

export function refreshTiers(h: ProblemsHost): void {
  const { session } = h;
  session.draft.tiers.ids.forEach((id, row) => {
    const problems = problemsOfRow(session.problems, "Tiers", row);
    showRowProblems(h, `ps-tp-${id}`, id, problems, [
      ["tn", TIER_HEADERS.name],
      ["tm", TIER_HEADERS.minScore],
      ["tr", TIER_HEADERS.requires],
    ]);
  });
}
