/**
 * Merged cells are one cell: a value written into a cell a merge covers (not its top-left) is never
 * seen nor printed, and a mark on it is painted where the clerk sees the merge, on its top-left.
 */
import type { WorkbookSnapshot } from './snapshot';
import { findSheet } from './grid';
import { parseA1, parseRange, toA1, type RangeRef } from './address';
import { memoByString } from './memo';

/** Each sheet's merges parsed once (the locator's grid and the review ask about many cells of the same sheet). */
const parsed = new WeakMap<readonly unknown[], RangeRef[]>();

/** The same few merge addresses recur on every copy of a template. Shared results: do not mutate. */
const rangeOf = memoByString(parseRange);

/** A sheet's merged areas, in the snapshot's order, the unreadable entries left out. Shared: do not mutate. */
export function mergeRanges(merges: readonly unknown[]): RangeRef[] {
  let out = parsed.get(merges);
  if (!out) {
    out = [];
    for (let k = 0; k < merges.length; k++) {
      const m = merges[k];
      const r = typeof m === 'string' ? rangeOf(m) : null;
      if (r !== null) out.push(r);
    }
    parsed.set(merges, out);
  }
  return out;
}

/** The top-left cell of the merge covering `a1` on `sheet`, or `a1` itself when no merge covers it. */
export function mergeMaster(book: WorkbookSnapshot, sheet: string, a1: string): string {
  const s = findSheet(book, sheet);
  const at = parseA1(a1);
  if (!s || !at || !Array.isArray(s.merges)) return a1;
  const ranges = mergeRanges(s.merges);
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k];
    if (r.top <= at.row && at.row <= r.bottom && r.left <= at.col && at.col <= r.right) return toA1(r.top, r.left);
  }
  return a1;
}

/** True when a merge covers the cell and the cell is not the merge's top-left (its value is hidden). */
export function isCovered(book: WorkbookSnapshot, sheet: string, a1: string): boolean {
  const master = mergeMaster(book, sheet, a1);
  return master !== a1 && master !== a1.replace(/\$/g, '').toUpperCase();
}
