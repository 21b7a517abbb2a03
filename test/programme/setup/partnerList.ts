/**
 * A partner list as a new user pastes it (issue 21): 12 partners, a name, a type, revenue in
 * units, support tickets (lower is better), a tier label, yes/no, and a certification expiry
 * date as Excel serial days. The e2e test pastes the same rows.
 */
import type { PartnerList } from "../../../src/workbook/store";

/** The day the expiry dates are counted from: 2026-06-01. */
export const AS_OF = 46174;

export const LIST_HEADER = [
  "Partner",
  "Type",
  "Revenue",
  "Support tickets",
  "Accreditation",
  "Managed services",
  "Cert expiry",
];

export const LIST_ROWS: unknown[][] = [
  ["Alder Peak IT", "Reseller", 1850000, 6, "Platinum", "Yes", AS_OF + 240],
  ["Bluefin Networks", "Reseller", 1420000, 12, "Gold", "Yes", AS_OF + 35],
  ["Cobalt Ridge", "Reseller", 1260000, 25, "Silver", "No", AS_OF - 20],
  ["Driftwood Data", "Reseller", 310000, 44, "None", "No", ""],
  ["Ember Lane", "Influencer", 90000, 8, "Gold", "Yes", AS_OF + 150],
  ["Fjord Digital", "Reseller", 1180000, 18, "Gold", "No", AS_OF + 410],
  ["Granite Bay", "Reseller", 2350000, 10, "Silver", "Yes", AS_OF + 12],
  ["Harbor Light", "Reseller", 640000, 15, "Silver", "No", AS_OF + 95],
  ["Ironbark Cloud", "Reseller", 1720000, 9, "Platinum", "Yes", AS_OF + 300],
  ["Juniper Row", "Influencer", 120000, 20, "Silver", "No", AS_OF - 75],
  ["Kestrel", "Reseller", 420000, 51, "Silver", "No", AS_OF + 48],
  ["Larkspur", "Influencer", 200000, 4, "Platinum", "Yes", AS_OF + 510],
];

export function partnerList(overrides: Partial<PartnerList> = {}): PartnerList {
  return {
    sheet: "Sheet1",
    topLeft: "A1",
    header: [...LIST_HEADER],
    rows: LIST_ROWS.map((row) => [...row]),
    table: null,
    sheetNames: ["Sheet1"],
    ...overrides,
  };
}
