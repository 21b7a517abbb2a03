/** Tables as a store gives them: header + rows, with a column the pane does not know (Notes). */
import type { TableData } from "../../src/workbook/store";

export function criteria(): TableData {
  return {
    header: [
      "Criterion",
      "Perspective",
      "Method",
      "Better",
      "Min",
      "Max",
      "Scale",
      "Weight",
      "Weight (Influencer)",
      "Notes",
    ],
    rows: [
      ["Revenue", "Financial", "range", "higher", 0, 1000, "", 40, 0, "from the ERP"],
      ["Growth", "Financial", "target", "higher", 0, 20, "", 20, 10, ""],
      [
        "Accreditation",
        "Capability",
        "rating",
        "",
        "",
        "",
        "Low=0; Medium=50; High=100",
        20,
        50,
        "keep",
      ],
      ["Support load", "Customer", "range", "lower", 0, 50, "", 20, 40, ""],
    ],
  };
}

export function tiers(): TableData {
  return {
    header: ["Tier", "Min score", "Requires", "Colour"],
    rows: [
      ["Gold", 70, "Accreditation >= Medium", "gold"],
      ["Silver", 40, "", "grey"],
      ["Registered", 0, "", ""],
    ],
  };
}

/** Partners with values under the criteria's names, not in their order, plus a Type. */
export function partners(): TableData {
  return {
    header: ["Partner", "Type", "Growth", "Revenue", "Accreditation", "Support load", "Score"],
    rows: [
      ["Alpha", "", 20, 1000, "High", 0, "=formula"],
      ["Beta", "", 10, 500, "Medium", 25, ""],
      ["Gamma", "influencer", 0, 0, "Low", 50, ""],
      ["Delta", "", null, null, null, 10, ""],
      ["", "", null, null, null, null, ""],
    ],
  };
}
