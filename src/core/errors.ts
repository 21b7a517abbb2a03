/**
 * Cell results that are errors. As in HyperFormula, programming mistakes throw ordinary
 * exceptions, while an error that belongs in a cell (bad input, missing data) is a CellError.
 * Core code may `throw` a CellError deep inside a computation; the public entry points turn
 * it into a value with `catchCellError`, so one bad partner row never spoils its neighbours.
 */

/** The Excel errors the core produces: the only two that carry a message in Excel. */
export type ErrorKind = "value" | "na";

export class CellError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
}

export function isCellError(x: unknown): x is CellError {
  return x instanceof CellError;
}

/** #VALUE!: a value of the wrong kind (text for a number, an unknown label, a bad table). */
export function invalid(message: string): never {
  throw new CellError("value", message);
}

/** #N/A: the data needed is not available (missing values). */
export function notAvailable(message: string): never {
  throw new CellError("na", message);
}

/** Runs `compute`, turning a thrown CellError into a returned one; anything else propagates. */
export function catchCellError<T>(compute: () => T): T | CellError {
  try {
    return compute();
  } catch (e) {
    if (e instanceof CellError) return e;
    throw e;
  }
}
