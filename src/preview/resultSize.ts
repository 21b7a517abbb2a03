/**
 * How many cells a custom function's result covers, known before it runs. HyperFormula
 * reserves a spilled result's area when it parses the formula (Excel sizes it after the call),
 * so the size comes from the shapes of the arguments, per the contract in DESIGN.md section 3.
 * A rule may over-reserve (the rest stays empty) but must never under-reserve: the plugin turns
 * a result larger than its reservation into an error instead of cutting it.
 */
import type { FunctionMetadata } from "../host";

export interface Shape {
  height: number;
  width: number;
}

/** Argument shapes in order; undefined for an argument left out. */
export type ArgumentShapes = readonly (Shape | undefined)[];

const ONE_CELL: Shape = { height: 1, width: 1 };

/** A single row or column of n cells counts as n; anything else is an error of one cell. */
function lineLength(shape: Shape): number {
  return shape.height === 1 || shape.width === 1
    ? shape.height * shape.width
    : 1;
}

/** Result size by function name (without namespace), from the first argument's shape. */
const RULES: Record<string, (first: Shape) => Shape> = {
  // One score per partner row; a column of one partner's values over-reserves (rest empty).
  PARTNERSCORE: (values) => ({ height: values.height, width: 1 }),
  PARTNERTIER: (score) => ({ height: lineLength(score), width: 1 }),
  NEXTTIER: (score) => ({ height: lineLength(score), width: 3 }),
  // One partner's values as a row or a column: one line per criterion, four columns.
  SCOREBREAKDOWN: (values) => ({
    height:
      values.height === 1
        ? values.width
        : values.width === 1
          ? values.height
          : 1,
    width: 4,
  }),
  NORMALIZE: (value) => ({ ...value }),
  CERTSTATUS: (expiry) => ({ ...expiry }),
  // The weights of a square matrix, then its consistency ratio.
  AHPWEIGHTS: (pairwise) => ({ height: pairwise.height + 1, width: 1 }),
};

export function resultSize(
  metadata: FunctionMetadata,
  args: ArgumentShapes,
): Shape {
  if (metadata.result?.dimensionality !== "matrix") return ONE_CELL;
  const first = args[0] ?? ONE_CELL;
  const rule = RULES[metadata.name.toUpperCase()];
  // A function this table does not know yet: assume a result shaped like its first argument.
  const size = rule ? rule(first) : { ...first };
  return { height: Math.max(1, size.height), width: Math.max(1, size.width) };
}
