/** The scorecard core: pure TypeScript, no Office, no DOM. */
export * from "./ahp";
export * from "./cell";
export * from "./certification";
export * from "./columnMatch";
export * from "./criteriaTable";
export * from "./dates";
export * from "./errors";
export * from "./model";
export * from "./normalize";
export * from "./requires";
export * from "./scale";
export * from "./table";
export * from "./score";
export * from "./tiers";
export * from "./tiersTable";
export * from "./history";
export * from "./movers";
