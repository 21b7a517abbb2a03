/**
 * The starter scorecard a new user creates with one button: a Criteria and a Tiers table on
 * the Scorecard sheet, and 30 invented partners with the PRM formulas already in place, so
 * the first scores and tiers are on screen at once. The data is chosen to show every tier,
 * every certification status and a few missing values (blank and "n/a").
 */
import { cellAddress, offsetCell, parseCell, type CellRef } from "./address";
import { EVALUATION_DATE, SHEET, TABLE } from "./names";
import type { SheetTable } from "./store";
import { todaySerial } from "../core";

const CRITERIA_HEADER = [
  "Criterion",
  "Perspective",
  "Method",
  "Better",
  "Min",
  "Max",
  "Scale",
  "Weight",
  "Weight (Reseller)",
  "Weight (Influencer)",
];

const ACCREDITATION_SCALE = "None=0; Silver=40; Gold=75; Platinum=100";
const FIT_SCALE = "Low=0; Medium=50; High=100";
/** A certification about to expire still counts in full; a lapsed one, or none, counts nothing. */
export const CERTIFICATION_SCALE =
  "Active=100; Expiring=100; Expired=0; None=0";

// Each profile's weights add up to 100, so a weight reads as a percentage. Influencers do not
// resell: they are judged on the demand they create, so revenue criteria weigh 0 for them.
const CRITERIA_ROWS: unknown[][] = [
  ["Revenue", "Financial", "range", "higher", 0, 2_000_000, null, 20, 25, 0],
  ["Revenue growth %", "Growth", "target", "higher", 0, 25, null, 15, 15, 0],
  [
    "Deal registrations",
    "Customer",
    "target",
    "higher",
    0,
    40,
    null,
    15,
    10,
    30,
  ],
  ["Support tickets", "Customer", "range", "lower", 0, 60, null, 10, 10, 5],
  [
    "Accreditation",
    "Capability",
    "rating",
    null,
    null,
    null,
    ACCREDITATION_SCALE,
    15,
    15,
    25,
  ],
  [
    "Certified staff",
    "Capability",
    "target",
    "higher",
    0,
    10,
    null,
    10,
    15,
    10,
  ],
  ["Strategic fit", "Growth", "rating", null, null, null, FIT_SCALE, 10, 5, 25],
  // Fed by PRM.CERTSTATUS in the Partners table: a certification about to expire still counts
  // in full (the partner is warned, not yet demoted); a lapsed one, or none, counts nothing.
  [
    "Certification",
    "Capability",
    "rating",
    null,
    null,
    null,
    CERTIFICATION_SCALE,
    5,
    5,
    5,
  ],
];

const TIERS_HEADER = ["Tier", "Min score", "Requires"];
const TIERS_ROWS: unknown[][] = [
  [
    "Platinum",
    85,
    "Accreditation >= Gold; Certified staff >= 5; Certification >= Expiring",
  ],
  [
    "Gold",
    70,
    "Accreditation >= Silver; Certified staff >= 2; Certification >= Expiring",
  ],
  ["Silver", 50, null],
  ["Registered", 0, null],
];

type PartnerType = "Reseller" | "Influencer";
// Named once: thirty rows repeat them, and a string literal is not shared in the bundle.
const RESELLER: PartnerType = "Reseller";
const INFLUENCER: PartnerType = "Influencer";
// The labels of ACCREDITATION_SCALE and FIT_SCALE, named once for the same reason.
const NONE = "None";
const SILVER = "Silver";
const GOLD = "Gold";
const PLATINUM = "Platinum";
const LOW = "Low";
const MEDIUM = "Medium";
const HIGH = "High";
/** Revenue, Revenue growth %, Deal registrations, Support tickets, Accreditation, Certified staff, Strategic fit (Certification is a formula). */
type Values = [unknown, unknown, unknown, unknown, unknown, unknown, unknown];
/** Name, type, the values in criteria order, days from "today" to the certification's expiry (null: none). */
type Partner = [string, PartnerType, Values, number | null];

const PARTNERS: Partner[] = [
  ["Alder Peak IT", RESELLER, [1_850_000, 18, 34, 6, PLATINUM, 9, HIGH], 240],
  ["Bluefin Networks", RESELLER, [1_420_000, 22, 28, 12, GOLD, 6, HIGH], 35],
  [
    "Cobalt Ridge Solutions",
    RESELLER,
    [1_260_000, 12, 26, 25, SILVER, 3, MEDIUM],
    -20,
  ],
  ["Driftwood Data", RESELLER, [310_000, 4, 6, 44, NONE, 1, LOW], null],
  [
    "Ember Lane Consulting",
    INFLUENCER,
    ["n/a", "n/a", 36, 8, GOLD, 4, HIGH],
    150,
  ],
  ["Fjord Digital", RESELLER, [1_180_000, 12, 22, 18, GOLD, 4, MEDIUM], 410],
  [
    "Granite Bay Systems",
    RESELLER,
    [2_350_000, 24, 38, 10, SILVER, 9, HIGH],
    12,
  ],
  ["Harbor Light Tech", RESELLER, [640_000, 21, 24, 15, SILVER, 3, HIGH], 95],
  ["Ironbark Cloud", RESELLER, [1_720_000, 25, 38, 9, PLATINUM, 11, HIGH], 300],
  [
    "Juniper Row Partners",
    INFLUENCER,
    [null, null, 14, 20, SILVER, 1, MEDIUM],
    -75,
  ],
  ["Kestrel Integrations", RESELLER, [420_000, -3, 5, 51, SILVER, 1, LOW], 48],
  [
    "Larkspur Analytics",
    INFLUENCER,
    [null, null, 42, 4, PLATINUM, 6, HIGH],
    510,
  ],
  ["Meridian Forge", RESELLER, [1_050_000, 14, 22, 27, SILVER, 5, MEDIUM], 200],
  ["Nimbus Quarry", RESELLER, [150_000, 2, 3, 58, NONE, 0, LOW], -140],
  ["Oakhollow Software", RESELLER, [880_000, 31, 24, 14, GOLD, 3, HIGH], 28],
  [
    "Pinecrest Networks",
    RESELLER,
    [1_560_000, 17, 30, 10, GOLD, 5, MEDIUM],
    365,
  ],
  ["Quillon Security", INFLUENCER, ["n/a", null, 27, 10, GOLD, 3, MEDIUM], 60],
  ["Redwater IT Services", RESELLER, [530_000, 7, 9, 35, SILVER, 2, LOW], null],
  ["Saltmarsh Advisory", INFLUENCER, [null, null, 8, 30, NONE, 0, LOW], -10],
  ["Tidewell Group", RESELLER, [1_990_000, 20, 31, 11, PLATINUM, 8, HIGH], 5],
  [
    "Umberfield Labs",
    RESELLER,
    [720_000, "n/a", 13, 24, SILVER, 2, MEDIUM],
    130,
  ],
  [
    "Vantor Solutions",
    RESELLER,
    [1_310_000, 10, 20, null, GOLD, 4, MEDIUM],
    75,
  ],
  ["Willowmere Consulting", INFLUENCER, [null, null, 33, 6, GOLD, 5, HIGH], 22],
  ["Yarrow Point Tech", RESELLER, [260_000, 11, 7, 40, NONE, 1, MEDIUM], 180],
  [
    "Zephyr Lane Media",
    INFLUENCER,
    [null, null, 19, 15, SILVER, 2, HIGH],
    null,
  ],
  [
    "Amberline Distribution",
    RESELLER,
    [1_640_000, 5, 21, 33, GOLD, 6, LOW],
    -45,
  ],
  [
    "Brightmoor Advisory",
    INFLUENCER,
    [null, null, 24, 12, GOLD, 3, MEDIUM],
    270,
  ],
  ["Copperleaf Systems", RESELLER, [980_000, 16, 18, 20, GOLD, 2, MEDIUM], 41],
  ["Dunmore & Hale", RESELLER, [450_000, 9, 10, 29, SILVER, 1, MEDIUM], 455],
  ["Estuary Cloud", RESELLER, [1_240_000, 19, 34, 8, GOLD, 7, HIGH], -2],
];

const PARTNERS_AT = "A1";
const CRITERIA_AT = "A1";
/** To the right of Criteria with two spare columns, so Criteria can gain profiles without meeting it. */
const TIERS_AT = "M1";
/** To the right of Tiers (Tier, Min score, Requires) with two spare columns. */
const EVALUATION_AT = "R1";

/**
 * The formulas of one partner row, from the Partners table's layout: the criteria's values
 * (the last of them, Certification, is PRM.CERTSTATUS of the expiry date), Cert expiry, Score,
 * Tier. The Certification cell is inside the values PARTNERSCORE and PARTNERTIER read, so a
 * lapsed certification lowers the score and fails the tiers that require it.
 * Values are matched to criteria by name (the last argument, the same columns' header cells):
 * the span runs from the first criterion's column to Cert expiry, the last column before the
 * formulas (which it must not contain: a circular reference), so a column inserted for a new
 * criterion lands inside it, and Cert expiry, not a criterion, is ignored. A1 references, not
 * structured ones: the formulas are written before the Partners table exists.
 */
function partnerFormulas(
  row: number,
  first: CellRef,
  criteriaCount: number,
): { certification: string; score: string; tier: string } {
  const at = (column: number) => cellAddress(offsetCell(first, row, column));
  const header = (column: number) =>
    cellAddress(offsetCell(first, 0, column)).replace(/(\d+)$/, "$$$1");
  const expiryColumn = 2 + criteriaCount;
  const values = `${at(2)}:${at(expiryColumn)}`;
  const names = `${header(2)}:${header(expiryColumn)}`;
  const type = at(1);
  const expiry = at(expiryColumn);
  const score = at(expiryColumn + 1);
  const criteria = `${TABLE.criteria}[#All]`;
  return {
    // As of the Evaluation table's date, not today: a blank asof is today, which Excel can only
    // keep current by recalculating at every edit, and with it every score and tier.
    certification: `=PRM.CERTSTATUS(${expiry},${TABLE.evaluation}[${EVALUATION_DATE}])`,
    score: `=PRM.PARTNERSCORE(${values},${criteria},${type},,${names})`,
    tier: `=PRM.PARTNERTIER(${score},${TABLE.tiers}[#All],${values},${criteria},${names})`,
  };
}

function partnersTable(asOf: number): SheetTable {
  const criteriaNames = CRITERIA_ROWS.map((row) => row[0] as string);
  const first = parseCell(PARTNERS_AT);
  const rows = PARTNERS.map(([name, type, values, expiresIn], i) => {
    const formulas = partnerFormulas(i + 1, first, criteriaNames.length);
    return [
      name,
      type,
      ...values,
      formulas.certification,
      expiresIn === null ? null : asOf + expiresIn,
      formulas.score,
      formulas.tier,
    ];
  });
  return {
    sheet: SHEET.partners,
    name: TABLE.partners,
    topLeft: PARTNERS_AT,
    header: [
      "Partner",
      "Type",
      ...criteriaNames,
      "Cert expiry",
      "Score",
      "Tier",
    ],
    rows,
  };
}

/**
 * The sample's tables: Criteria, Tiers, Partners, Evaluation; the formulas of Partners refer
 * to the other three by name. Certification expiry dates are spread around `asOf`
 * (an Excel serial day, today by default), which is also the evaluation date, so the sample
 * shows Active, Expiring and Expired whenever it is created.
 */
export function sampleTables(asOf: number = todaySerial()): SheetTable[] {
  return [
    {
      sheet: SHEET.scorecard,
      name: TABLE.criteria,
      topLeft: CRITERIA_AT,
      header: CRITERIA_HEADER,
      rows: CRITERIA_ROWS,
    },
    {
      sheet: SHEET.scorecard,
      name: TABLE.tiers,
      topLeft: TIERS_AT,
      header: TIERS_HEADER,
      rows: TIERS_ROWS,
    },
    partnersTable(asOf),
    // Last, so the first three keep their places; the stores define every table before
    // writing a formula (the Excel adapter: tables with formulas last).
    {
      sheet: SHEET.scorecard,
      name: TABLE.evaluation,
      topLeft: EVALUATION_AT,
      header: [EVALUATION_DATE],
      rows: [[asOf]],
    },
  ].map((table) => ({
    ...table,
    header: [...table.header],
    rows: table.rows.map((row) => [...row]),
  }));
}
