/**
 * The override form's check (issue 22): partner, tier, until and reason are all required; the
 * partner must be one the review knows, the tier one of the model's, the end date a real date
 * after the review's date. Each bad field gets its own message, shown beside it. Pure.
 */
import { isoDateFromSerial, partnerKey, serialFromIsoText } from "../../core";
import type { Override } from "./reviewDecisions";
import type { ReviewRoster } from "./reviewColumns";

/** What the user typed, as the form's fields give it (until as yyyy-mm-dd). */
export interface OverrideForm {
  partner: string;
  tier: string;
  until: string;
  reason: string;
}

export type OverrideErrors = Partial<Record<keyof OverrideForm, string>>;

export function checkOverride(
  form: OverrideForm,
  roster: ReviewRoster,
  tierNames: readonly string[],
  asOf: number,
): { override: Override } | { errors: OverrideErrors } {
  const errors: OverrideErrors = {};
  const [partner, tierName, untilText, reason] = [
    form.partner,
    form.tier,
    form.until,
    form.reason,
  ].map((typed) => typed.trim());
  const index = roster.partners.findIndex(
    (p) => partnerKey(p.partner) === partnerKey(partner),
  );
  const tier = tierNames.find((t) => partnerKey(t) === partnerKey(tierName));
  const until = serialFromIsoText(untilText);
  if (!partner) errors.partner = "Choose a partner.";
  else if (index < 0)
    errors.partner = `${partner} is not a partner the review knows (named once and scored in Partners).`;
  if (!tierName) errors.tier = "Choose a tier.";
  else if (!tier)
    errors.tier = `${tierName} is not a tier of the Tiers table (${tierNames.join(", ")}).`;
  if (!untilText) errors.until = "Give the date the override ends.";
  else if (until === undefined)
    errors.until = `${untilText} is not a date (yyyy-mm-dd).`;
  else if (until <= asOf)
    errors.until = `The override must end after the review's date, ${isoDateFromSerial(asOf)}.`;
  if (!reason)
    errors.reason = "Give the reason: colleagues read it beside the tier.";
  return Object.keys(errors).length > 0
    ? { errors }
    : { override: { index, tier: tier!, until: until!, reason } };
}
