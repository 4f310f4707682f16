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
  /** A mixed multi-cell NumberFormat / Interior / MergeCells reads null (false: some other value). */
  uniformOrNull?: boolean;
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

/** Cells sampled to check "uniform or null" after a first read. */
const SAMPLES = 8;

/**
 * Reads a few cells of `snap` one by one (a single cell is always read right) and compares them with
 * what the block reads said: a build that answers a mixed range with something other than null (the
 * first cell's value, say) makes whole columns look alike, and some sampled number, percentage or
 * filled cell then disagrees. Cells holding numbers are sampled first (their formats differ most from
 * the headers'), then any non-empty ones; and a merged area with the cell below it must read as
 * mixed. Undefined when the sheet has no cell to sample. (The block reads' Text catches most such
 * builds first: read.ts.)
 */
export function testUniformOrNull(ws: WpsWorksheet, snap: SheetSnapshot): boolean | undefined {
  const numbers: [number, number][] = [];
  const others: [number, number][] = [];
  snap.values.forEach((row, r) => row.forEach((v, c) => (typeof v === 'number' ? numbers : v !== null ? others : undefined)?.push([r, c])));
  const pool = numbers.length >= SAMPLES ? numbers : numbers.concat(others);
  if (pool.length === 0) return undefined;
  const step = Math.max(1, Math.floor(pool.length / SAMPLES));
  const merges = snap.merges.map((m) => parseRange(m)).filter((m): m is RangeRef => m !== null);
  // A merged area and the cell under it: MergeCells of the two must be null.
  const lowest = merges.find((m) => !merges.some((o) => inside(o, m.bottom + 1, m.left)));
  if (lowest && lowest.bottom + 1 < snap.top + snap.values.length) {
    if (ws.Range(`${toA1(lowest.top, lowest.left)}:${toA1(lowest.bottom + 1, lowest.left)}`).MergeCells !== null) return false;
  }
  for (let i = 0; i < pool.length && i < step * SAMPLES; i += step) {
    const [r, c] = pool[i];
    const row = snap.top + r;
    const col = snap.left + c;
    const rg = ws.Range(toA1(row, col));
    if (PROBES.format(rg, true) !== snap.numberFormats[r][c]) return false;
    if (PROBES.fill(rg, true) !== (snap.fills?.[r]?.[c] ?? null)) return false;
    if ((rg.MergeCells === true) !== merges.some((m) => inside(m, row, col))) return false;
  }
  return true;
}
