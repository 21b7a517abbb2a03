/**
 * Cell results that are errors. As in HyperFormula, programming mistakes throw ordinary
 * exceptions, while an error that belongs in a cell (bad input, missing data) is a CellError.
 * Core code may `throw` a CellError deep inside a computation; the public entry points turn
 * it into a value with `catchCellError`, so one bad partner row never spoils its neighbours.
 */

/** The Excel errors the core produces: the only two that carry a message in Excel. */
export type ErrorKind = "value" | "na";

/**
 * Longest message an error carries. A message names a criterion and quotes a cell, and either
 * may hold 32,000 characters: one such message per row of a spill would keep (and send to
 * Excel) megabytes for a tooltip nobody reads.
 */
export const MAX_MESSAGE = 255;

export class CellError {
  readonly message: string;
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    // Prefixing then slicing makes V8 copy the short text: a plain slice of a long message
    // would be a view that keeps the whole long text alive.
    this.message =
      message.length > MAX_MESSAGE
        ? (" " + message.slice(0, MAX_MESSAGE - 1) + "…").slice(1)
        : message;
  }
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

/** `outcome`, or its CellError thrown: the throwing form of a reader that returns its error. */
export function valueOrThrow<T>(outcome: T | CellError): T {
  if (outcome instanceof CellError) throw outcome;
  return outcome;
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
