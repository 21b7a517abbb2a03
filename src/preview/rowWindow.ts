/**
 * Which rows of a long sheet the grid keeps in the page: those in view and a margin above and
 * below, so that a list of thousands of partners scrolls without thousands of rows of cells
 * in the page. Pure: the grid measures, this decides.
 */

/** Rows [start, end) in the page. */
export interface RowWindow {
  start: number;
  end: number;
}

export interface Viewport {
  /** Pixels scrolled from the first row. */
  scrollTop: number;
  /** Pixels of rows in view. */
  height: number;
  /** Pixels per row. */
  rowHeight: number;
}

/** The rows in view, `margin` more on either side, within the sheet's `total` rows. */
export function windowFor(
  viewport: Viewport,
  total: number,
  margin: number,
): RowWindow {
  const first = Math.floor(
    Math.max(0, viewport.scrollTop) / viewport.rowHeight,
  );
  const inView = Math.ceil(viewport.height / viewport.rowHeight) + 1;
  const start = Math.max(0, Math.min(first, total) - margin);
  return { start, end: Math.min(total, first + inView + margin) };
}

/**
 * What moving from `before` to `after` takes: the rows to remove, and the rows to create
 * above the ones kept (`above`, inserted after the top spacer) and below them (`below`,
 * before the bottom spacer). Rows in both windows stay in the page as they are.
 */
export function windowChange(
  before: RowWindow,
  after: RowWindow,
): { removed: number[]; above: RowWindow; below: RowWindow } {
  const removed: number[] = [];
  for (let row = before.start; row < before.end; row++)
    if (row < after.start || row >= after.end) removed.push(row);
  // With no row in common, every row is new: all of them "above" (the page is empty then).
  const overlap = before.start < after.end && after.start < before.end;
  if (!overlap) return { removed, above: after, below: { start: 0, end: 0 } };
  return {
    removed,
    above: { start: after.start, end: Math.max(after.start, before.start) },
    below: { start: Math.min(after.end, before.end), end: after.end },
  };
}
