/** The pane's state without DOM: the session over a ScorecardStore, undo, the effect on partners, and the programme, sharing and copy actions. */
export * from "./colleagueCopy";
export * from "./partnerEffect";
export * from "./programme";
export * from "./session";
export * from "./sharing";
export * from "./undo";
export * from "./workbookFindings";
