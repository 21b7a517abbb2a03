/** The series of the add-in's pictures: the partner card's chart and the Dashboard's per-tier averages. No Office, no DOM. */
export * from "./partnerProfile";
export * from "./tierAverages";
