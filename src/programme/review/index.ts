/** The pane's tier review (issue 22): the review columns, decisions and the override form. Pure. */
export * from "./reviewColumns";
export * from "./reviewDecisions";
export * from "./overrideForm";
export * from "./assignedStandings";
