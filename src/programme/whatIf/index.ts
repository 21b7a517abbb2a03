/**
 * The live effect of a draft: every partner of the Partners table scored and tiered with the
 * core, once under the model the workbook holds now and once under the draft, then counted
 * per tier and compared. Partners that cannot be scored (missing data, an unknown rating...)
 * are counted as "not scored" with the core's message, never dropped.
 *
 * Values are taken from the Partners columns named like the criteria (a renamed criterion is
 * still found under its old name, or by its position, see matchColumns); a `Type` column
 * picks each partner's profile as PRM.PARTNERSCORE's profile argument does: a blank type means
 * the default profile and an unknown one is not scored (the function's #VALUE!), with the
 * same message. The missing-data policy is the functions' default, skip.
 */
export * from "./partnersTable";
export * from "./partnerProfiles";
export * from "./scorePartners";
export * from "./draftEffect";
