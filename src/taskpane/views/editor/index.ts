/** The editor's sections (weights with criterion cards and profile controls; tiers) and what they need from the pane. */
export * from "./host";
export { numberValue, syncSlider } from "./fieldValues";
export { profileOptionTexts } from "./profileControls";
export * from "./weightsSection";
export * from "./tiersSection";
