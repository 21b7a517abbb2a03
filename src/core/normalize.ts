/** One raw value of a criterion on the common 0-100 scale. */
import { isMissing, plainCell, readCell, showCell } from "./cell";
import { CellError, valueOrThrow } from "./errors";
import type { Criterion } from "./model";
import { pointsOf } from "./scale";
import { scoreOf } from "./precision";
import type { MissingPolicy } from "./score";

const YES = new Set(["true", "yes", "y", "1"]);
const NO = new Set(["false", "no", "n", "0"]);

/** Reads a yes/no cell: TRUE/Yes/Y/1 and FALSE/No/N/0 (any case); undefined otherwise. */
export function readYesNo(given: unknown): boolean | undefined {
  const cell = plainCell(given);
  if (typeof cell === "boolean") return cell;
  if (typeof cell !== "number" && typeof cell !== "string") return undefined;
  // The longest yes/no word is 5 letters: longer text is not lower-cased to find out.
  if (typeof cell === "string" && cell.length > 64) return undefined;
  const key = String(cell).trim().toLowerCase();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

/**
 * Where `value` lies from `low` (0) to `high` (100), clamped. Multiplying before dividing
 * keeps round inputs exact (55 of 0-100 is 55, not 55.00000000000001); the halved form is
 * only for spans so wide that the plain one overflows.
 */
function percentOfSpan(value: number, low: number, high: number): number {
  if (value <= low) return 0;
  if (value >= high) return 100;
  const plain = (100 * (value - low)) / (high - low);
  return Number.isFinite(plain)
    ? plain
    : 100 * ((value / 2 - low / 2) / (high / 2 - low / 2));
}

/*
 * The readers below return the #VALUE! of a cell they cannot read rather than throw it: a
 * spill over data with a stray "TBD" in one partner in ten meets it thousands of times, and
 * a thrown error costs about ten times a returned one (bench/README.md, "Sixteenth pass").
 */

/** The number a range/target criterion needs from `cell`, or a #VALUE! naming both. */
export function numberOrError(
  criterion: Criterion,
  cell: unknown,
): number | CellError {
  if (typeof cell === "number" && Number.isFinite(cell)) return cell;
  const reading = readCell(cell);
  if (reading.kind === "number") return reading.value;
  return needs(criterion, "a number", cell);
}

/** The points of a rating cell on the criterion's Scale, or a #VALUE! listing the labels. */
export function ratingPointsOrError(
  criterion: Criterion,
  cell: unknown,
): number | CellError {
  const reading = readCell(cell);
  const label =
    reading.kind === "text" || reading.kind === "number"
      ? String(reading.value)
      : undefined;
  const points =
    label === undefined ? undefined : pointsOf(criterion.scale, label);
  if (points !== undefined) return points;
  const labels = criterion.scale.map((s) => s.label).join(", ");
  return new CellError(
    "value",
    `${criterion.name}: ${showCell(cell)} is not on its scale (${labels})`,
  );
}

/** The yes/no points (100 or 0) a yesno criterion needs from `cell`, or a #VALUE! naming both. */
export function yesNoOrError(
  criterion: Criterion,
  cell: unknown,
): number | CellError {
  const yes = readYesNo(cell);
  if (yes !== undefined) return yes ? 100 : 0;
  return needs(criterion, "Yes or No", cell);
}

/** The #VALUE! of a cell that is not what its criterion needs, naming both. */
function needs(criterion: Criterion, what: string, cell: unknown): CellError {
  return new CellError(
    "value",
    `${criterion.name} needs ${what}, not ${showCell(cell)}`,
  );
}

/** What `normalize` gives, with the #VALUE! it would throw returned instead. */
export function normalizeOutcome(
  criterion: Criterion,
  cell: unknown,
): number | null | CellError {
  if (isMissing(cell)) return null;
  switch (criterion.method) {
    case "range":
    case "target": {
      const value = numberOrError(criterion, cell);
      if (value instanceof CellError) return value;
      const percent = percentOfSpan(
        value,
        criterion.min ?? 0,
        criterion.max ?? 0,
      );
      return criterion.better === "lower" ? 100 - percent : percent;
    }
    case "rating":
      return ratingPointsOrError(criterion, cell);
    case "yesno":
      return yesNoOrError(criterion, cell);
  }
}

/**
 * The value on 0-100, or null when the cell is missing (blank, "", n/a, na, -, an error).
 * Throws a #VALUE! for a cell of the wrong kind (text for a number, a label not on the Scale).
 */
export function normalize(criterion: Criterion, cell: unknown): number | null {
  return valueOrThrow(normalizeOutcome(criterion, cell));
}

/**
 * Text cells a rating or yes/no criterion reads directly, spelled as users type them, to
 * their points. Looking a cell up here costs no trimming or lower-casing (no new string per
 * cell); any other spelling takes the full normalize, which gives the same points or error.
 */
function exactSpellings(entries: [string, number][]): Map<string, number> {
  const spellings = new Map<string, number>();
  for (const [text, points] of entries) {
    // A label that reads as missing (n/a, -) stays missing: normalize decides those.
    if (isMissing(text)) continue;
    const key = text.trim().toLowerCase();
    const capitalised = key.charAt(0).toUpperCase() + key.slice(1);
    for (const spelling of [text, key, key.toUpperCase(), capitalised]) {
      // Only spellings that normalize reads as the same key (not so for every letter: "ß").
      if (spelling.trim().toLowerCase() === key)
        spellings.set(spelling, points);
    }
  }
  return spellings;
}

const YES_NO_SPELLINGS = exactSpellings([
  ...[...YES].map((t): [string, number] => [t, 100]),
  ...[...NO].map((t): [string, number] => [t, 0]),
]);

/**
 * The same text as the engine's own copy of it, the one property names and literals use
 * (V8 "internalises" them): the Scale's labels are cut out of its text, and two such copies
 * are compared letter by letter, while the cells Excel passes are parsed from JSON, which
 * gives texts of up to 10 letters the engine's copy. The usual texts are then matched by
 * one pointer comparison (measured: about 10% of a 100,000-row spill). Any text is still
 * equal to what it was: only the comparison gets quicker.
 */
function internalised(text: string): string {
  return Object.keys({ [text]: 0 })[0];
}

/** usualValue's answer for a cell only `read` decides: never a value (values are finite). */
const UNUSUAL = Infinity;

/** Slots per criterion for its usual texts: a power of two, so a slot is a few bits of one. */
const SLOTS = 32;

/**
 * Criterion `i`'s slot for `text`, from its length and first letter (which tell the usual
 * labels apart: None, Silver, Gold, Platinum; Low, Medium, High; Yes, No): two loads, no
 * branch on the text, no hash.
 */
function usualSlot(i: number, text: string): number {
  return i * SLOTS + ((text.length * 7 + text.charCodeAt(0)) & (SLOTS - 1));
}

const RANGE = 0;
const RATING = 1;
const YES_NO = 2;

/**
 * Reads the cells of a criteria list as normalize does, prepared once per list: what a
 * spilling call runs for every cell. The common cells (a finite number, a blank, a label or
 * Yes/No as users spell them, a boolean) are read from typed arrays and maps keyed by the
 * exact text, without allocating; any other cell takes normalize itself, so the result
 * (points, null or error) is always the same.
 * Criteria are values: nothing changes a model after reading it (the pane builds a new one
 * per edit), so what is prepared from them stays true.
 */
export class CriteriaReader {
  private readonly kinds: Uint8Array;
  private readonly lows: Float64Array;
  private readonly highs: Float64Array;
  /**
   * High - low, where the branch-free clamp of `usualValue` is exact (a finite span above
   * zero, whose plain form cannot overflow at its ends); NaN elsewhere, so that every
   * number of such a criterion takes normalize.
   */
  private readonly spans: Float64Array;
  private readonly lowerIsBetter: Uint8Array;
  private readonly spellings: (Map<string, number> | undefined)[];
  /**
   * The few texts most cells hold (a rating's labels as the Scale writes them, Yes and No),
   * found without comparing a cell with each in turn: partners' labels come in no order, so
   * a chain of comparisons mispredicts about one branch a cell (measured: a third of the
   * cost of a rating cell). A cell's slot (usualSlot) holds the index of the one usual text
   * that can be there, in `usualTexts` and `usualPoints`, and one comparison confirms it;
   * short strings Excel passes are internalised, so that comparison is a pointer's. -1: no
   * usual text there, the cell goes to `spellings`.
   */
  private readonly usualSlots: Int32Array;
  private readonly usualTexts: string[] = [];
  private readonly usualPoints: number[] = [];

  constructor(private readonly criteria: readonly Criterion[]) {
    const count = criteria.length;
    this.kinds = new Uint8Array(count);
    this.lows = new Float64Array(count);
    this.highs = new Float64Array(count);
    this.spans = new Float64Array(count);
    this.lowerIsBetter = new Uint8Array(count);
    this.usualSlots = new Int32Array(count * SLOTS).fill(-1);
    this.spellings = criteria.map((c, i) => {
      this.lows[i] = c.min ?? 0;
      this.highs[i] = c.max ?? 0;
      const span = this.highs[i] - this.lows[i];
      this.spans[i] = span > 0 && Number.isFinite(100 * span) ? span : NaN;
      this.lowerIsBetter[i] = c.better === "lower" ? 1 : 0;
      this.kinds[i] =
        c.method === "rating" ? RATING : c.method === "yesno" ? YES_NO : RANGE;
      const spellings =
        c.method === "rating"
          ? exactSpellings(c.scale.map((s) => [s.label, s.points]))
          : c.method === "yesno"
            ? YES_NO_SPELLINGS
            : undefined;
      const usual =
        c.method === "rating" ? c.scale.map((s) => s.label) : ["Yes", "No"];
      // Only texts the map holds, with the map's points: the slots never decide otherwise.
      if (spellings)
        for (const text of usual) this.addUsual(i, text, spellings);
      return spellings;
    });
  }

  /** Gives `text` a slot of criterion `i`, unless another usual text has it (first come). */
  private addUsual(
    i: number,
    text: string,
    spellings: Map<string, number>,
  ): void {
    const points = spellings.get(text);
    const slot = usualSlot(i, text);
    if (points === undefined || this.usualSlots[slot] !== -1) return;
    this.usualSlots[slot] = this.usualTexts.length;
    this.usualTexts.push(internalised(text));
    this.usualPoints.push(points);
  }

  /** Criterion `i`'s value of `cell` on 0-100, null when missing; throws as normalize does. */
  read(i: number, cell: unknown): number | null {
    const value = this.usualValue(i, cell);
    if (value === UNUSUAL) return normalize(this.criteria[i], cell);
    return value !== value ? null : value;
  }

  /**
   * Criterion `i`'s value of a common cell, read right here with the typed arrays and maps:
   * a number of a range/target criterion, a blank (NaN: missing), a boolean of a yes/no
   * criterion, a label or Yes/No as spelled in the map (the usual texts first, compared
   * before any lookup). UNUSUAL for any other cell, which only `read` decides.
   * Small enough to be inlined into the row loops below, which run once per cell of a spill.
   */
  private usualValue(i: number, cell: unknown): number {
    const kind = this.kinds[i];
    if (typeof cell === "number") {
      if (kind !== RANGE) return UNUSUAL;
      const low = this.lows[i];
      const high = this.highs[i];
      // percentOfSpan's plain form, clamped without a branch on the value: partners' values
      // fall below, inside and above the span in no order, so the two comparisons as branches
      // mispredicted (measured: about a tenth of a spill). Each comparison is a 0 or a 1, so
      // inside the span this is `within + 0`, above it `within * 0 + 100`, below it `0`:
      // the same doubles as percentOfSpan's. A value whose plain form is not finite (not a
      // finite number, or so far out that it overflows) takes normalize.
      const within = (100 * (cell - low)) / this.spans[i];
      if (within - within !== 0) return UNUSUAL;
      const atTop = +(cell >= high);
      const percent = within * (+(cell > low) - atTop) + 100 * atTop;
      return this.lowerIsBetter[i] === 1 ? 100 - percent : percent;
    }
    if (cell === null) return NaN; // a blank cell, missing for every method
    if (typeof cell === "string") {
      const k = this.usualSlots[usualSlot(i, cell)];
      if (k >= 0 && this.usualTexts[k] === cell) return this.usualPoints[k];
      const points = this.spellings[i]?.get(cell);
      return points !== undefined ? points : UNUSUAL;
    }
    if (typeof cell === "boolean" && kind === YES_NO) return cell ? 100 : 0;
    return UNUSUAL;
  }

  /**
   * Reads one partner's cells (one per criterion) into `values` from `offset`, NaN where a
   * value is missing: the common cells by `usualValue`, any other as `read` reads it.
   * Returns the first cell it rejects, by index, with its #VALUE! (the values from there on
   * are not written), or null.
   */
  readRow(
    cells: readonly unknown[],
    values: Float64Array,
    offset: number,
  ): { at: number; error: CellError } | null {
    const width = this.kinds.length;
    for (let i = 0; i < width; i++) {
      const cell = cells[i];
      const value = this.usualValue(i, cell);
      if (value !== UNUSUAL) {
        values[offset + i] = value;
        continue;
      }
      const unusual = normalizeOutcome(this.criteria[i], cell);
      if (unusual instanceof CellError) return { at: i, error: unusual };
      values[offset + i] = unusual ?? NaN;
    }
    return null;
  }

  /**
   * One partner's score straight from its cells, for the rows a spill meets most: every cell
   * common (see `usualValue`), missing values skipped or counted 0 as `missing` says, at
   * least half the weight present. Summed as NormalizedRows.score sums, in the same order,
   * so the score is the same to the last bit. NaN for any other row (an unusual cell, a
   * missing value under "error", too little weight, no value at all): NormalizedRows then
   * reads and scores it in full, and gives its score, blank or error.
   * Reading and summing in one pass keeps a spill from writing every value into a typed row
   * and reading it back: about a third of a 100,000-row call (bench/README.md).
   */
  scoreRow(
    cells: readonly unknown[],
    weights: readonly number[],
    missing: MissingPolicy,
  ): number {
    const width = this.kinds.length;
    if (cells.length !== width) return NaN;
    let total = 0;
    let present = 0;
    let sum = 0;
    let found = false;
    for (let i = 0; i < width; i++) {
      const weight = weights[i];
      total += weight;
      let value = this.usualValue(i, cells[i]);
      if (value === UNUSUAL) return NaN;
      if (value !== value) {
        // Missing. A criterion of weight 0 adds nothing either way.
        if (weight > 0 && missing !== "zero") {
          if (missing === "error") return NaN;
          continue;
        }
        value = 0;
      } else found = true;
      present += weight;
      sum += weight * value;
    }
    // The tolerance is NormalizedRows.score's: exactly half is enough.
    if (!found || present < (total / 2) * (1 - 1e-12)) return NaN;
    return scoreOf(sum, present);
  }
}

const readers = new WeakMap<readonly Criterion[], CriteriaReader>();

/** The reader of a criteria list, made once per list. */
export function criteriaReader(criteria: readonly Criterion[]): CriteriaReader {
  let reader = readers.get(criteria);
  if (!reader) {
    reader = new CriteriaReader(criteria);
    readers.set(criteria, reader);
  }
  return reader;
}
