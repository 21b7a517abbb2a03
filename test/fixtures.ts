/** Tables as Excel passes them: Criteria[#All] and Tiers[#All] of a small scorecard. */
export const CRITERIA = [
  ["Criterion", "Perspective", "Method", "Better", "Min", "Max", "Scale", "Weight", "Weight (Influencer)"],
  ["Revenue", "Financial", "range", "higher", 0, 1000000, null, 30, 0],
  ["Growth", "Financial", "target", "higher", null, 20, null, 20, 10],
  ["Accreditation", "Capability", "rating", null, null, null, "Low=0; Medium=50; High=100", 20, 30],
  ["Support load", "Customer", "range", "lower", 0, 50, null, 10, 10],
  ["Deal registrations", "Growth", "target", "higher", 0, 40, null, 10, 40],
  ["Strategic fit", "Growth", "yesno", null, null, null, null, 10, 10],
];

export const TIERS = [
  ["Tier", "Min score", "Requires"],
  ["Gold", 70, "Accreditation >= Medium"],
  ["Platinum", 85, "Accreditation >= High; Deal registrations >= 20"],
  ["Registered", 0, null],
  ["Silver", 50, null],
];

/** A partner row: Revenue, Growth, Accreditation, Support load, Deal registrations, Strategic fit. */
export const STRONG = [900000, 18, "High", 5, 30, "Yes"];
export const WEAK = [100000, 2, "Low", 45, 2, "No"];
