/** Pure programme operations the pane offers (what-if, presets, draft edits and checks, certification upkeep, standings, tier moves, values export). No Office, no DOM. */
export * from "./certUpkeep";
export * from "./draft";
export * from "./partnerCard";
export * from "./presets";
export * from "./standings";
export * from "./tierMoves";
export * from "./validation";
export * from "./valuesExport";
export * from "./whatIf";
export * from "./partnerColumns";
export * from "./charts";
export * from "./dashboard";
