/**
 * What the cell(s) of a formula show for the value a custom function returned, checked as
 * Excel's runtime reads it after the call: a number, text, a boolean or an error in a cell; a
 * non-empty rectangle of them for a matrix result. A defect of the function (NaN, null in a
 * cell, a ragged array) is a HostError naming it.
 */
import { HostError, type FunctionMetadata } from "./functionsMetadata";
import { ExcelError, type CallResult, type Shown } from "./excelValues";

/** The result of `name`, returned as `value`, as its cell(s) show it. */
export function shapeResult(
  name: string,
  meta: FunctionMetadata,
  value: unknown,
): CallResult {
  if (meta.result?.dimensionality !== "matrix") return shown(name, value);
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !Array.isArray(value[0]) ||
    value[0].length === 0
  ) {
    throw new HostError(
      `${name} declares a matrix result but returned ${JSON.stringify(value)}`,
    );
  }
  // One tight pass, checked in place (the result is the bundle's own fresh array, as Excel
  // receives it): the common cells (finite numbers, text, booleans) are decided inline, and
  // only anything else goes to shown(), which accepts an error object or names the defect.
  const rows = value as unknown[][];
  const width = rows[0].length;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== width) {
      throw new HostError(
        `${name} declares a matrix result but returned ${JSON.stringify(value)}`,
      );
    }
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      const type = typeof cell;
      if (
        type === "string" ||
        type === "boolean" ||
        (type === "number" && Number.isFinite(cell))
      )
        continue;
      shown(name, cell);
    }
  }
  return rows as Shown[][];
}

/** One returned cell as it shows, or a HostError naming what Excel cannot show. */
function shown(name: string, value: unknown): Shown {
  if (value instanceof ExcelError) return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new HostError(`${name} returned ${value}`);
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  // Excel shows null inside a returned array as 0 (office-js issue 1503): never intended.
  throw new HostError(
    `${name} returned ${value === null ? "null" : typeof value} in a cell`,
  );
}
