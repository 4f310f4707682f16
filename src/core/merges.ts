/**
 * Merged cells are one cell: a value written into a cell a merge covers (not its top-left) is never
 * seen nor printed, and a mark on it is painted where the clerk sees the merge, on its top-left.
 */
import type { WorkbookSnapshot } from './snapshot';
import { findSheet } from './grid';
import { parseA1, parseRange, toA1 } from './address';

/** The top-left cell of the merge covering `a1` on `sheet`, or `a1` itself when no merge covers it. */
export function mergeMaster(book: WorkbookSnapshot, sheet: string, a1: string): string {
  const s = findSheet(book, sheet);
  const at = parseA1(a1);
  if (!s || !at || !Array.isArray(s.merges)) return a1;
  for (const m of s.merges) {
    const r = typeof m === 'string' ? parseRange(m) : null;
    if (r && r.top <= at.row && at.row <= r.bottom && r.left <= at.col && at.col <= r.right) return toA1(r.top, r.left);
  }
  return a1;
}

/** True when a merge covers the cell and the cell is not the merge's top-left (its value is hidden). */
export function isCovered(book: WorkbookSnapshot, sheet: string, a1: string): boolean {
  const master = mergeMaster(book, sheet, a1);
  return master !== a1 && master !== a1.replace(/\$/g, '').toUpperCase();
}
