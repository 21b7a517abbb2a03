// office-addin-lint's own configuration (eslint-plugin-office-addins, recommended), plus
// the one change this TypeScript project needs.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    files: ["**/*.ts"],
    rules: {
      // Off for TypeScript: the compiler already reports undefined names, and this rule knows
      // neither DOM types (HTMLElement) nor ambient globals (Office, Excel, CustomFunctions).
      "no-undef": "off",
    },
  },
];
