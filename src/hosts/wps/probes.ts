/**
 * Reading one property of a range under "uniform or null" (../shared/notes/wps-addin.md §2.4): its
 * value when every cell agrees, MIXED when they differ.
 */
import { fillOf, toNumberFormat } from './values';
import type { SheetSnapshot } from '../../core/snapshot';
import { parseRange, toA1, type RangeRef } from '../../core/address';
import { XL, type WpsRange, type WpsWorksheet } from './types';

export type Attr = 'format' | 'fill';

export const MIXED = Symbol('mixed');
export type Probe = (rg: WpsRange, single: boolean) => string | null | typeof MIXED;

/** One property of a range: its value when uniform, MIXED when the cells differ. */
export const PROBES: Record<Attr, Probe> = {
  format: (rg, single) => {
    const nf = rg.NumberFormat;
    return typeof nf === 'string' ? toNumberFormat(nf) : single ? 'General' : MIXED;
  },
  fill: (rg, single) => {
    const interior = rg.Interior;
    const pattern = interior.Pattern;
    if (pattern === XL.none) return null; // no fill
    const color = typeof pattern === 'number' ? interior.Color : null;
    if (typeof pattern === 'number' && typeof color === 'number') return fillOf(pattern, color);
    return single ? 'other' : MIXED; // unreadable on one cell: never painted over
  },
};

/**
 * What this build's bridge does with multi-area ranges ("A1,C3"), learnt at run time: VBA's Format
 * Cells semantics read and write formats, fills and merges over every area, but nothing documents
 * that for WPS. Until a test on the workbook itself has shown it, the host does without them.
 */
export interface BridgeFacts {
  /** NumberFormat / Interior of "A1,C3" see both cells. */
  multiAreaReads?: boolean;
  /** MergeCells of "A1,C3" sees both cells. */
  multiAreaMerges?: boolean;
  /** Setting NumberFormat / Interior of "A1,C3" changes both cells. */
  multiAreaWrites?: boolean;
}

const inside = (m: RangeRef, row: number, col: number) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/**
 * Tests multi-area reads on two cells of `snap` (just read one by one) that differ: the union must read
 * as mixed. Undefined when the sheet has no such pair (test again on a later read).
 */
export function testMultiAreaReads(ws: WpsWorksheet, snap: SheetSnapshot): Pick<BridgeFacts, 'multiAreaReads' | 'multiAreaMerges'> {
  const out: Pick<BridgeFacts, 'multiAreaReads' | 'multiAreaMerges'> = {};
  const at = (r: number, c: number) => toA1(snap.top + r, snap.left + c);
  const mixedIn = (address: string, read: (rg: WpsRange) => unknown, mixed: (v: unknown) => boolean): boolean => {
    try {
      return mixed(read(ws.Range(address)));
    } catch {
      return false;
    }
  };
  for (const attr of ['fill', 'format'] as const) {
    const grid: (string | null)[][] | undefined = attr === 'fill' ? snap.fills : snap.numberFormats;
    const first = grid?.[0]?.[0];
    for (let r = 0; grid && r < grid.length && out.multiAreaReads === undefined; r++) {
      const c = grid[r].findIndex((v) => (v ?? null) !== (first ?? null));
      if (c >= 0) out.multiAreaReads = mixedIn(`${at(0, 0)},${at(r, c)}`, (rg) => PROBES[attr](rg, false), (v) => v === MIXED);
    }
  }
  const merge = snap.merges.map((m) => parseRange(m)).find((m): m is RangeRef => m !== null);
  if (merge) {
    for (let r = 0; r < snap.values.length && out.multiAreaMerges === undefined; r++) {
      for (let c = 0; c < (snap.values[r]?.length ?? 0); c++) {
        const row = snap.top + r;
        const col = snap.left + c;
        if (snap.merges.some((m) => { const x = parseRange(m); return x !== null && inside(x, row, col); })) continue;
        out.multiAreaMerges = mixedIn(`${toA1(merge.top, merge.left)},${toA1(row, col)}`, (rg) => rg.MergeCells, (v) => v === null);
        break;
      }
    }
  }
  return out;
}
