/**
 * The pane's draft of the Criteria and Tiers tables: a copy of the TableData the store
 * loaded (header + rows, unknown columns included), edited cell by cell, by header name.
 * Nothing here knows the DOM or Office; every function returns a new table and leaves its
 * input untouched, so the app can compare a draft with what it was loaded from.
 *
 * Each draft row carries an id that survives moves: rows loaded from the workbook have the
 * id of their position in the loaded table (so `originOf` finds where a row came from, for
 * the what-if's "now" column and the Partners column of a renamed criterion); added rows get
 * ids past the loaded rows.
 */
import {
  CRITERIA_HEADERS,
  DEFAULT_PROFILE,
  TIER_HEADERS,
  cellNumber,
  cellText,
  formatRequires,
  headerKey,
  isMissing,
  parseRequires,
  profileInWeightHeader,
  weightHeader,
} from "../core";
import type { TableData } from "../workbook/store";

export interface DraftTable extends TableData {
  /** One id per row, stable across moves. */
  ids: number[];
  /** How many rows the table had when loaded: ids below this are loaded rows. */
  baseCount: number;
  /** The id the next added row gets. */
  nextId: number;
}

/** Both tables the pane edits. */
export interface Tables {
  criteria: TableData;
  tiers: TableData;
}

export interface Draft {
  criteria: DraftTable;
  tiers: DraftTable;
}

/** What a workbook without a Tiers table starts from. */
export const EMPTY_TIERS: TableData = {
  header: [TIER_HEADERS.name, TIER_HEADERS.minScore, TIER_HEADERS.requires],
  rows: [],
};

/** A copy of a table (rows copied, cells shared: cells are immutable values). */
export function copyTable(table: TableData): TableData {
  return { header: [...table.header], rows: table.rows.map((r) => [...r]) };
}

export function draftOf(table: TableData): DraftTable {
  const { header, rows } = copyTable(table);
  const ids = rows.map((_, i) => i);
  return { header, rows, ids, baseCount: rows.length, nextId: rows.length };
}

export function draftTables(tables: Tables): Draft {
  return { criteria: draftOf(tables.criteria), tiers: draftOf(tables.tiers) };
}

/** The plain TableData to save: header and rows only, each row as wide as the header. */
export function tableOf(draft: TableData): TableData {
  const { header, rows } = copyTable(draft);
  return {
    header,
    rows: rows.map((r) =>
      r.length < header.length
        ? [...r, ...new Array<unknown>(header.length - r.length).fill("")]
        : r,
    ),
  };
}

export function tablesOf(draft: Draft): Tables {
  return { criteria: tableOf(draft.criteria), tiers: tableOf(draft.tiers) };
}

/** Index in the loaded table of the row now at `row`, or null for an added row. */
export function originOf(draft: DraftTable, row: number): number | null {
  const id = draft.ids[row];
  return id !== undefined && id < draft.baseCount ? id : null;
}

/** The row that has `id`, or -1. */
export function rowOfId(draft: DraftTable, id: number): number {
  return draft.ids.indexOf(id);
}

// ---- cells ----

/** Index of the column whose header is `name` (case and spacing ignored), or -1. */
export function columnIndex(table: TableData, name: string): number {
  const key = headerKey(name);
  return table.header.findIndex((h) => headerKey(h) === key);
}

/** The Weight column of a profile: `Weight` for the default profile, `Weight (X)` otherwise. */
export function profileColumn(table: TableData, profile: string): number {
  if (profile === DEFAULT_PROFILE) return columnIndex(table, "Weight");
  const wanted = profile.trim().toLowerCase();
  return table.header.findIndex(
    (h) => profileInWeightHeader(h)?.toLowerCase() === wanted,
  );
}

/** The profiles that have a Weight (X) column, in column order, spelled as in the header. */
export function profilesOf(table: TableData): string[] {
  return table.header
    .map(profileInWeightHeader)
    .filter((p): p is string => !!p);
}

export function cellAt(table: TableData, row: number, column: string): unknown {
  const c = columnIndex(table, column);
  return c < 0 ? undefined : table.rows[row]?.[c];
}

/** A cell as text for an input (blank for a missing cell). */
export function textAt(table: TableData, row: number, column: string): string {
  const cell = cellAt(table, row, column);
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "object") return "";
  return String(cell);
}

function width(table: TableData): number {
  return Math.max(table.header.length, ...table.rows.map((r) => r.length));
}

function withColumn<T extends TableData>(
  table: T,
  name: string,
): { table: T; column: number } {
  const existing = columnIndex(table, name);
  if (existing >= 0) return { table, column: existing };
  // A known column the table lacks (e.g. Min) is added at the end; nothing else moves.
  // Every row is padded to the new width: the store writes rectangles.
  const column = width(table);
  const header = [...table.header];
  while (header.length < column) header.push("");
  header.push(name);
  const rows = table.rows.map((r) => [
    ...r,
    ...new Array<unknown>(column + 1 - r.length).fill(""),
  ]);
  return { table: { ...table, header, rows }, column };
}

/** Sets one cell, found by row index and header name (adding the column when absent). */
export function setCell<T extends TableData>(
  table: T,
  row: number,
  column: string,
  value: unknown,
): T {
  if (row < 0 || row >= table.rows.length)
    throw new RangeError(`no row ${row} in a table of ${table.rows.length}`);
  const { table: t, column: c } = withColumn(table, column);
  const rows = t.rows.map((r, i) => {
    if (i !== row) return r;
    const copy = [...r];
    while (copy.length < c) copy.push("");
    copy[c] = value;
    return copy;
  });
  return { ...t, rows };
}

// ---- rows ----

/** A new blank row as wide as the table, with `values` set by header name. */
function blankRow(
  table: TableData,
  values: Record<string, unknown>,
): unknown[] {
  const row: unknown[] = new Array(width(table)).fill("");
  for (const [name, value] of Object.entries(values)) {
    const c = columnIndex(table, name);
    if (c >= 0) row[c] = value;
  }
  return row;
}

/** Inserts a row at `at` (default: the end); returns the table and the new row's id. */
export function insertRow(
  draft: DraftTable,
  values: Record<string, unknown>,
  at = draft.rows.length,
): { draft: DraftTable; id: number } {
  let table = draft;
  for (const name of Object.keys(values)) table = withColumn(table, name).table;
  const rows = [...table.rows];
  const ids = [...table.ids];
  const id = table.nextId;
  rows.splice(at, 0, blankRow(table, values));
  ids.splice(at, 0, id);
  return { draft: { ...table, rows, ids, nextId: id + 1 }, id };
}

export function removeRow(draft: DraftTable, row: number): DraftTable {
  if (row < 0 || row >= draft.rows.length) return draft;
  return {
    ...draft,
    rows: draft.rows.filter((_, i) => i !== row),
    ids: draft.ids.filter((_, i) => i !== row),
  };
}

/** Swaps the rows at `a` and `b` (their ids travel with them). */
export function swapRows(draft: DraftTable, a: number, b: number): DraftTable {
  const n = draft.rows.length;
  if (a === b || a < 0 || b < 0 || a >= n || b >= n) return draft;
  const rows = [...draft.rows];
  const ids = [...draft.ids];
  [rows[a], rows[b]] = [rows[b], rows[a]];
  [ids[a], ids[b]] = [ids[b], ids[a]];
  return { ...draft, rows, ids };
}

/** A name not yet used in `column` (case-insensitively): "New tier", "New tier 2", ... */
export function uniqueName(
  table: TableData,
  column: string,
  base: string,
): string {
  const c = columnIndex(table, column);
  const used = new Set(
    table.rows.map((r) =>
      String(c < 0 ? "" : (r[c] ?? ""))
        .trim()
        .toLowerCase(),
    ),
  );
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++)
    if (!used.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

// ---- criteria ----

/** Criterion names in table order (blank for a blank cell). */
export function criterionNames(table: TableData): string[] {
  return table.rows.map((_, i) =>
    textAt(table, i, CRITERIA_HEADERS.name).trim(),
  );
}

/** Perspectives in order of first appearance, each with its rows in table order. */
export function perspectiveGroups(
  table: TableData,
): { perspective: string; rows: number[] }[] {
  const groups: { perspective: string; rows: number[] }[] = [];
  table.rows.forEach((_, i) => {
    const perspective = textAt(table, i, CRITERIA_HEADERS.perspective).trim();
    const key = perspective.toLowerCase();
    let group = groups.find((g) => g.perspective.toLowerCase() === key);
    if (!group) groups.push((group = { perspective, rows: [] }));
    group.rows.push(i);
  });
  return groups;
}

/** The row above/below `row` within its perspective group (what the up/down buttons swap with). */
export function neighbourInGroup(
  table: TableData,
  row: number,
  step: -1 | 1,
): number | null {
  const group = perspectiveGroups(table).find((g) => g.rows.includes(row));
  if (!group) return null;
  const at = group.rows.indexOf(row) + step;
  return at >= 0 && at < group.rows.length ? group.rows[at] : null;
}

export function moveCriterion(
  draft: DraftTable,
  row: number,
  step: -1 | 1,
): DraftTable {
  const other = neighbourInGroup(draft, row, step);
  return other === null ? draft : swapRows(draft, row, other);
}

/** A weight cell as a number: blank is 0 (as the core reads it), text is NaN. */
export function weightAt(
  table: TableData,
  row: number,
  profile: string,
): number {
  const c = profileColumn(table, profile);
  if (c < 0) return 0;
  const cell = table.rows[row]?.[c];
  if (isMissing(cell)) return 0;
  return cellNumber(cell) ?? NaN;
}

export function setWeight(
  draft: DraftTable,
  row: number,
  profile: string,
  weight: number,
): DraftTable {
  return setCell(draft, row, weightHeader(profile), weight);
}

/** Each row's weight and its share of the profile's total (NaN when the total is not positive). */
export function weightShares(
  table: TableData,
  profile: string,
): { weight: number; share: number }[] {
  const weights = table.rows.map((_, i) => weightAt(table, i, profile));
  const total = weights.reduce(
    (s, w) => s + (Number.isFinite(w) && w > 0 ? w : 0),
    0,
  );
  return weights.map((weight) => ({
    weight,
    share: total > 0 && Number.isFinite(weight) ? weight / total : NaN,
  }));
}

export type SpreadResult =
  { ok: true; draft: DraftTable } | { ok: false; message: string };

/**
 * Scales the unlocked weights of a profile so that all weights add up to 100, the locked ones
 * unchanged. Results have one decimal and add up to exactly 100 (largest remainders get the
 * last tenths). Unlocked weights that are all zero share what is left equally.
 */
export function spreadTo100(
  draft: DraftTable,
  profile: string,
  locked: ReadonlySet<number>,
): SpreadResult {
  const n = draft.rows.length;
  const weights = draft.rows.map((_, i) => weightAt(draft, i, profile));
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) {
    return {
      ok: false,
      message: "Fix the weights that are not numbers of 0 or more first.",
    };
  }
  const isLocked = (i: number) => locked.has(draft.ids[i]);
  const free = [...Array(n).keys()].filter((i) => !isLocked(i));
  const lockedSum = weights.reduce((s, w, i) => s + (isLocked(i) ? w : 0), 0);
  if (free.length === 0)
    return {
      ok: false,
      message: "Every weight is locked: unlock one to spread.",
    };
  const left = 100 - lockedSum;
  if (left < -1e-9)
    return {
      ok: false,
      message: `The locked weights already add up to ${round1(lockedSum)}, more than 100.`,
    };
  const freeSum = free.reduce((s, i) => s + weights[i], 0);
  const tenths = Math.round(Math.max(0, left) * 10);
  const exact = free.map((i) =>
    freeSum > 0 ? (weights[i] / freeSum) * tenths : tenths / free.length,
  );
  const floors = exact.map(Math.floor);
  let rest = tenths - floors.reduce((s, f) => s + f, 0);
  const order = exact
    .map((e, k) => ({ k, r: e - floors[k] }))
    .sort((a, b) => b.r - a.r || a.k - b.k);
  for (const { k } of order) {
    if (rest <= 0) break;
    floors[k]++;
    rest--;
  }
  let result = draft;
  free.forEach((i, k) => {
    result = setWeight(result, i, profile, floors[k] / 10);
  });
  return { ok: true, draft: result };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** What addCriterion writes for a new criterion's numeric method: range, higher is better, 0 to 100. */
const NEW_RANGE = {
  [CRITERIA_HEADERS.method]: "range",
  [CRITERIA_HEADERS.better]: "higher",
  [CRITERIA_HEADERS.min]: 0,
  [CRITERIA_HEADERS.max]: 100,
} as const;

/** The cells only range and target read: a rating or yes/no criterion leaves them blank. */
const NUMERIC_ONLY = [
  CRITERIA_HEADERS.better,
  CRITERIA_HEADERS.min,
  CRITERIA_HEADERS.max,
] as const;

/**
 * Sets a criterion's Method. On a criterion added in this draft, a switch to rating or yes/no
 * clears Better, Min and Max where they still hold what addCriterion wrote (range defaults,
 * meaningless now). A value the user typed, and every cell of a row the workbook holds, stay.
 */
export function setMethod(
  draft: DraftTable,
  row: number,
  method: string,
): DraftTable {
  let next = setCell(draft, row, CRITERIA_HEADERS.method, method);
  const numeric = ["range", "target"].includes(method.trim().toLowerCase());
  if (!numeric && originOf(draft, row) === null)
    for (const column of NUMERIC_ONLY)
      if (sameCell(cellAt(next, row, column), NEW_RANGE[column]))
        next = setCell(next, row, column, "");
  return next;
}

/** Adds a criterion row to a perspective (after that perspective's last row), weight 0 in every profile. */
export function addCriterion(
  draft: DraftTable,
  perspective: string,
): { draft: DraftTable; id: number } {
  const group = perspectiveGroups(draft).find(
    (g) => g.perspective.toLowerCase() === perspective.trim().toLowerCase(),
  );
  const at = group ? group.rows[group.rows.length - 1] + 1 : draft.rows.length;
  const values: Record<string, unknown> = {
    [CRITERIA_HEADERS.name]: uniqueName(
      draft,
      CRITERIA_HEADERS.name,
      "New criterion",
    ),
    [CRITERIA_HEADERS.perspective]: perspective,
    ...NEW_RANGE,
    Weight: 0,
  };
  for (const p of profilesOf(draft)) values[weightHeader(p)] = 0;
  return insertRow(draft, values, at);
}

/**
 * Adds a `Weight (name)` column after the last weight column, starting from the weights of
 * `copyFrom` so a new profile begins as a variation of an existing one.
 */
export function addProfile(
  draft: DraftTable,
  name: string,
  copyFrom: string,
):
  | { ok: true; draft: DraftTable; profile: string }
  | { ok: false; message: string } {
  const profile = name.trim().replace(/\s+/g, " ");
  if (profile === "")
    return { ok: false, message: "Give the profile a name, e.g. Influencer." };
  if (/[()]/.test(profile))
    return { ok: false, message: "A profile name cannot contain brackets." };
  if (
    profile.toLowerCase() === "default" ||
    profileColumn(draft, profile) >= 0
  ) {
    return {
      ok: false,
      message: `There is already a profile named ${profile}.`,
    };
  }
  const weightColumns = draft.header
    .map((h, i) => (/^weight\b/i.test(String(h).trim()) ? i : -1))
    .filter((i) => i >= 0);
  const at =
    weightColumns.length > 0
      ? weightColumns[weightColumns.length - 1] + 1
      : width(draft);
  const header = [...draft.header];
  while (header.length < at) header.push("");
  header.splice(at, 0, weightHeader(profile));
  const rows = draft.rows.map((r, i) => {
    const copy = [...r];
    while (copy.length < at) copy.push("");
    copy.splice(at, 0, weightAt(draft, i, copyFrom) || 0);
    return copy;
  });
  return { ok: true, draft: { ...draft, header, rows }, profile };
}

/**
 * Removes a profile's Weight (X) column. The default Weight column cannot go: every formula
 * without a profile, and every partner with a blank Type, is scored with it.
 */
export function removeProfile(
  draft: DraftTable,
  profile: string,
): { ok: true; draft: DraftTable } | { ok: false; message: string } {
  if (profile === DEFAULT_PROFILE)
    return {
      ok: false,
      message: "The default Weight column cannot be removed.",
    };
  const column = profileColumn(draft, profile);
  if (column < 0)
    return { ok: false, message: `There is no profile named ${profile}.` };
  const header = draft.header.filter((_, i) => i !== column);
  const rows = draft.rows.map((r) => r.filter((_, i) => i !== column));
  return { ok: true, draft: { ...draft, header, rows } };
}

/** Rewrites one Requires text, renaming the criterion `from` to `to`; null when nothing changes. */
export function renameInRequires(
  text: string,
  from: string,
  to: string,
): string | null {
  const parsed = parseRequires(text);
  if (typeof parsed === "string") return null; // unreadable: left as it is (the pane lists it)
  const key = from.trim().toLowerCase();
  if (!parsed.some((c) => c.criterion.toLowerCase() === key)) return null;
  return formatRequires(
    parsed.map((c) =>
      c.criterion.toLowerCase() === key ? { ...c, criterion: to } : c,
    ),
  );
}

/**
 * Renames a criterion: its Criterion cell and every condition naming it in the Tiers'
 * Requires, so no requirement is orphaned. PRM formulas match values to criteria by
 * position, so they are not affected.
 */
export function renameCriterion(draft: Draft, row: number, to: string): Draft {
  const from = textAt(draft.criteria, row, CRITERIA_HEADERS.name).trim();
  const name = to.trim();
  const criteria = setCell(draft.criteria, row, CRITERIA_HEADERS.name, name);
  let tiers = draft.tiers;
  if (
    from !== "" &&
    name !== "" &&
    from !== name &&
    columnIndex(tiers, TIER_HEADERS.requires) >= 0
  ) {
    tiers.rows.forEach((_, i) => {
      const text = cellText(cellAt(tiers, i, TIER_HEADERS.requires));
      const renamed = text === null ? null : renameInRequires(text, from, name);
      if (renamed !== null)
        tiers = setCell(tiers, i, TIER_HEADERS.requires, renamed);
    });
  }
  return { criteria, tiers };
}

// ---- tiers ----

/**
 * Adds a tier that keeps the order valid where it can: last, half-way down to 0; or, when the
 * last tier is the catch-all at 0, just above it, half-way up to the tier before. The user
 * then names it and sets its Min score.
 */
export function addTier(draft: DraftTable): { draft: DraftTable; id: number } {
  const name = uniqueName(draft, TIER_HEADERS.name, "New tier");
  const scores = draft.rows.map((_, i) =>
    cellNumber(cellAt(draft, i, TIER_HEADERS.minScore)),
  );
  const n = scores.length;
  const [above, lowest] = [scores[n - 2] ?? null, scores[n - 1] ?? null];
  if (lowest === 0 && above !== null && Math.floor(above / 2) > 0) {
    return insertRow(
      draft,
      {
        [TIER_HEADERS.name]: name,
        [TIER_HEADERS.minScore]: Math.floor(above / 2),
      },
      n - 1,
    );
  }
  return insertRow(draft, {
    [TIER_HEADERS.name]: name,
    [TIER_HEADERS.minScore]: Math.floor((lowest ?? 100) / 2),
  });
}

// ---- comparing ----

/** Whether two cells hold the same thing once read back from a workbook (blank = blank). */
export function sameCell(a: unknown, b: unknown): boolean {
  const blank = (x: unknown) =>
    x === null || x === undefined || (typeof x === "string" && x.trim() === "");
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === "object" || typeof b === "object")
    return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

export function sameTable(a: TableData | null, b: TableData | null): boolean {
  if (a === null || b === null) return a === b;
  const w = Math.max(width(a), width(b));
  const rows = Math.max(a.rows.length, b.rows.length);
  for (let c = 0; c < w; c++)
    if (!sameCell(a.header[c], b.header[c])) return false;
  if (a.rows.length !== b.rows.length) return false;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < w; c++)
      if (!sameCell(a.rows[r]?.[c], b.rows[r]?.[c])) return false;
  return true;
}

export function sameTables(a: Tables, b: Tables): boolean {
  return sameTable(a.criteria, b.criteria) && sameTable(a.tiers, b.tiers);
}

/**
 * What changed from `before` to `after`, one line each, rows compared by position (the
 * workbook says nothing about row identity): for the notice shown when the workbook changed
 * under a draft.
 */
export function describeChanges(
  table: "Criteria" | "Tiers",
  before: TableData,
  after: TableData,
): string[] {
  const lines: string[] = [];
  const nameColumn =
    table === "Criteria" ? CRITERIA_HEADERS.name : TIER_HEADERS.name;
  const show = (x: unknown) =>
    x === null || x === undefined || x === "" ? "(blank)" : String(x);
  const w = Math.max(width(before), width(after));
  for (let c = 0; c < w; c++) {
    if (!sameCell(before.header[c], after.header[c]))
      lines.push(
        `${table} column ${c + 1} header: ${show(before.header[c])} → ${show(after.header[c])}`,
      );
  }
  const common = Math.min(before.rows.length, after.rows.length);
  for (let r = 0; r < common; r++) {
    const name = textAt(after, r, nameColumn) || textAt(before, r, nameColumn);
    for (let c = 0; c < w; c++) {
      if (!sameCell(before.rows[r][c], after.rows[r][c])) {
        lines.push(
          `${table} row ${r + 1}${name ? ` (${name})` : ""}, ${show(after.header[c] ?? before.header[c])}: ${show(before.rows[r][c])} → ${show(after.rows[r][c])}`,
        );
      }
    }
  }
  for (let r = common; r < after.rows.length; r++)
    lines.push(
      `${table} row ${r + 1} added (${textAt(after, r, nameColumn) || "no name"})`,
    );
  for (let r = common; r < before.rows.length; r++)
    lines.push(
      `${table} row ${r + 1} removed (${textAt(before, r, nameColumn) || "no name"})`,
    );
  return lines;
}

/**
 * Where an item the workbook has at `index` goes in a merged list: right after the nearest
 * item before it in the workbook that the list holds (`positionOf` gives an index's place in
 * the list, or -1), else first.
 */
function placeAfterNearest(
  index: number,
  positionOf: (index: number) => number,
): number {
  for (let before = index - 1; before >= 0; before--) {
    const position = positionOf(before);
    if (position >= 0) return position + 1;
  }
  return 0;
}

/**
 * Keeps the user's edits on top of a newer version of the table the draft was loaded from
 * (the workbook changed under the draft and the user chose "Keep my edits"): a three-way
 * merge of `previous` (what the draft was loaded from), the draft and `next`, rows paired by
 * name and columns by header.
 * - A cell the user left as loaded takes the workbook's new value; a cell the user changed
 *   keeps the user's, also where the workbook changed it too (the user was shown that).
 * - A row the workbook added joins the draft where the workbook has it (after the row above
 *   it there), a column likewise (after the column left of it there). A row or column the
 *   user left as loaded follows the workbook when it was removed (or renamed) there.
 * - Rows the user added or changed stay; rows the user removed stay removed.
 * So Apply writes the user's edits and overwrites nothing else anyone changed. Returns the
 * draft and how the ids of the rows kept map to their new ids.
 */
export function mergeDraft(
  draft: DraftTable,
  previous: TableData,
  next: TableData,
  nameColumn: string,
): { draft: DraftTable; idMap: Map<number, number> } {
  const nameOf = (table: TableData, row: number) =>
    textAt(table, row, nameColumn).trim().toLowerCase();
  const nextNames = next.rows.map((_, j) => nameOf(next, j));
  const previousNames = new Set(
    previous.rows.map((_, o) => nameOf(previous, o)),
  );
  const columnIn = (table: TableData, header: unknown) =>
    headerKey(header) === "" ? -1 : columnIndex(table, String(header));
  const columns = Array.from({ length: width(draft) }, (_, c) => ({
    previous: columnIn(previous, draft.header[c]),
    next: columnIn(next, draft.header[c]),
  }));
  const cellOf = (r: number, c: number): unknown => draft.rows[r][c] ?? "";
  /**
   * Whether the user left cell (r, c) as it was loaded: a cell of a row the user added never
   * was; one of a column the user added was blank.
   */
  const asLoaded = (r: number, c: number): boolean => {
    const origin = originOf(draft, r);
    if (origin === null) return false;
    const column = columns[c].previous;
    const loaded = column < 0 ? "" : previous.rows[origin]?.[column];
    return sameCell(cellOf(r, c), loaded);
  };
  // A column the workbook removed goes, unless the user wrote into it.
  const kept = columns.flatMap((column, c) =>
    column.previous >= 0 &&
    column.next < 0 &&
    draft.rows.every((_, r) =>
      originOf(draft, r) === null ? sameCell(cellOf(r, c), "") : asLoaded(r, c),
    )
      ? []
      : [c],
  );
  // The merged columns: the draft's kept ones in the draft's order, and the ones the
  // workbook added (a profile a colleague made) where the workbook has them, after the
  // nearest column to their left there that the merge has.
  const slots: ({ draft: number } | { next: number })[] = kept.map((c) => ({
    draft: c,
  }));
  const nextIndexOf = (slot: { draft: number } | { next: number }) =>
    "next" in slot ? slot.next : columns[slot.draft].next;
  next.header.forEach((header, k) => {
    if (
      columnIn(previous, header) >= 0 ||
      columnIn(draft, header) >= 0 ||
      headerKey(header) === ""
    )
      return;
    const at = placeAfterNearest(k, (l) =>
      slots.findIndex((slot) => nextIndexOf(slot) === l),
    );
    slots.splice(at, 0, { next: k });
  });
  const fromNext = (j: number, k: number): unknown => next.rows[j]?.[k] ?? "";
  /** A merged row: each kept column's cell from `ours`, each added one's from the workbook's row `j` (none: blank). */
  const rowOf = (ours: (c: number) => unknown, j: number | null) =>
    slots.map((slot) =>
      "next" in slot
        ? j === null
          ? ""
          : fromNext(j, slot.next)
        : ours(slot.draft),
    );
  const header = slots.map((slot) =>
    "next" in slot ? next.header[slot.next] : (draft.header[slot.draft] ?? ""),
  );
  const taken = new Set<number>();
  const idMap = new Map<number, number>();
  const rows: unknown[][] = [];
  const ids: number[] = [];
  let nextId = next.rows.length;
  draft.rows.forEach((_, r) => {
    const origin = originOf(draft, r);
    const name = origin === null ? "" : nameOf(previous, origin);
    const j =
      name === ""
        ? -1
        : nextNames.findIndex((n, k) => n === name && !taken.has(k));
    if (j < 0) {
      // Gone from the workbook (or never in it): a row the user left as it was goes with it.
      if (origin !== null && columns.every((_, c) => asLoaded(r, c))) return;
      idMap.set(draft.ids[r], nextId);
      ids.push(nextId++);
      rows.push(rowOf((c) => cellOf(r, c), null));
      return;
    }
    taken.add(j);
    idMap.set(draft.ids[r], j);
    ids.push(j);
    rows.push(
      rowOf(
        (c) =>
          columns[c].next >= 0 && asLoaded(r, c)
            ? fromNext(j, columns[c].next)
            : cellOf(r, c),
        j,
      ),
    );
  });
  next.rows.forEach((_, j) => {
    if (taken.has(j)) return;
    // A loaded row the draft no longer has: the user removed it.
    if (nextNames[j] !== "" && previousNames.has(nextNames[j])) return;
    // Where the workbook has it: after the nearest row above it there that the draft has.
    const at = placeAfterNearest(j, (k) => ids.indexOf(k));
    ids.splice(at, 0, j);
    rows.splice(
      at,
      0,
      rowOf(
        (c) => (columns[c].next >= 0 ? fromNext(j, columns[c].next) : ""),
        j,
      ),
    );
  });
  return {
    draft: { header, rows, ids, baseCount: next.rows.length, nextId },
    idMap,
  };
}
