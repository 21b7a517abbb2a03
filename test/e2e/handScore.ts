/**
 * A partner's score worked out by hand from the sample's tables, for the end-to-end test to
 * compare the grid against: deliberately written apart from src/core (a few lines, the rules of
 * DESIGN.md section 2 for the methods the sample uses), so that a defect in the core or in the
 * path from the pane to the grid cannot agree with itself.
 */
type Row = readonly unknown[];

function column(header: readonly string[], name: string): number {
  const index = header.indexOf(name);
  if (index < 0) throw new Error(`the sample's Criteria table has no column ${name}`);
  return index;
}

/** 0-100 for one value: range/target linear between Min and Max, rating looked up in Scale. */
function points(criterion: Row, header: readonly string[], value: unknown): number {
  const method = criterion[column(header, "Method")];
  if (method === "rating") {
    const scale = String(criterion[column(header, "Scale")]).split(";").map((pair) => pair.split("=").map((s) => s.trim()));
    const entry = scale.find(([label]) => label.toLowerCase() === String(value).toLowerCase());
    if (!entry) throw new Error(`${String(value)} is not on the scale ${String(criterion[column(header, "Scale")])}`);
    return Number(entry[1]);
  }
  if (method !== "range" && method !== "target") throw new Error(`the hand calculation does not know the method ${String(method)}`);
  const min = Number(criterion[column(header, "Min")]);
  const max = Number(criterion[column(header, "Max")]);
  const share = Math.min(1, Math.max(0, (Number(value) - min) / (max - min)));
  return 100 * (criterion[column(header, "Better")] === "lower" ? 1 - share : share);
}

/** The weighted average of a partner with every value present, under `weightColumn`. */
export function handScore(criteria: { header: readonly string[]; rows: readonly Row[] }, values: Row, weightColumn: string): number {
  const w = column(criteria.header, weightColumn);
  let weighted = 0;
  let total = 0;
  criteria.rows.forEach((criterion, i) => {
    const weight = Number(criterion[w]);
    weighted += weight * points(criterion, criteria.header, values[i]);
    total += weight;
  });
  return weighted / total;
}
