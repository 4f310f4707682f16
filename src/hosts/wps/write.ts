/**
 * Writes one sheet's planned cells in blocks: values as rectangles (one Range + one Value2 = matrix
 * each), number formats and fills grouped by value into multi-area ranges (Range("A1,C3:C5")). Every
 * cell is reported to `touch` before the call that may change it, so a failure part-way knows what to
 * restore.
 */
import type { CellValue } from '../../core/snapshot';
import { rangeToA1, toA1, type CellRef, type RangeRef } from '../../core/address';
import type { SheetWrites } from '../excel/write';
import { runs, toExcelValue } from '../excel/write';
import { hexToBgr } from './values';
import { PROBES, type Attr, type BridgeFacts } from './probes';
import { XL, type WpsWorksheet } from './types';

/** VBA's limit on a Range() address string is 255 characters. */
const MAX_ADDRESS = 250;

type Cell = SheetWrites['cells'][number];

interface Block<C extends CellRef = Cell> {
  top: number;
  left: number;
  rows: C[][];
}

/** Horizontal runs stacked into rectangles where consecutive rows span the same columns. */
export function rectangles<C extends CellRef>(cells: C[]): Block<C>[] {
  const out: Block<C>[] = [];
  for (const run of runs(cells as Cell[]) as unknown as C[][]) {
    const last = out[out.length - 1];
    const prev = last?.rows[last.rows.length - 1];
    const sameSpan = prev && prev.length === run.length && prev[0].col === run[0].col && prev[0].row + 1 === run[0].row;
    if (last && sameSpan) last.rows.push(run);
    else out.push({ top: run[0].row, left: run[0].col, rows: [run] });
  }
  return out;
}

function blockAddress(b: Block<CellRef>): string {
  const a = toA1(b.top, b.left);
  const bottom = b.top + b.rows.length - 1;
  const right = b.left + b.rows[0].length - 1;
  return bottom === b.top && right === b.left ? a : `${a}:${toA1(bottom, right)}`;
}

export interface AreaGroup<C extends CellRef> {
  /** "A1,B2:B4", at most MAX_ADDRESS characters. */
  address: string;
  cells: C[];
  rects: RangeRef[];
}

/** Cells grouped into multi-area addresses (runs stacked into rectangles). */
export function areaGroups<C extends CellRef>(cells: C[]): AreaGroup<C>[] {
  const out: AreaGroup<C>[] = [];
  let cur: AreaGroup<C> | null = null;
  for (const b of rectangles(cells)) {
    const a = blockAddress(b);
    if (!cur || cur.address.length + a.length + 1 > MAX_ADDRESS) out.push((cur = { address: a, cells: [], rects: [] }));
    else cur.address += `,${a}`;
    for (const run of b.rows) cur.cells.push(...run);
    cur.rects.push({ top: b.top, left: b.left, bottom: b.top + b.rows.length - 1, right: b.left + b.rows[0].length - 1 });
  }
  return out;
}

export type Touch = (cells: Cell[]) => void;

/**
 * Sets a format or fill on a multi-area group, or area by area where this build has shown that a
 * multi-area range is not written whole. Untested, the group is written and its last area read alone
 * (a single-area read, safe on any build) before and after to learn which.
 */
function setGroup(ws: WpsWorksheet, group: AreaGroup<Cell>, attr: Attr, value: string | null, facts: BridgeFacts): void {
  const set = (address: string) => {
    const rg = ws.Range(address);
    if (attr === 'format') rg.NumberFormat = value;
    // No fill is ColorIndex xlNone; white (Color 16777215) would still print as a fill (notes §2.4).
    else if (value === null) rg.Interior.ColorIndex = XL.none;
    else rg.Interior.Color = hexToBgr(value);
  };
  const areas = group.rects.map(rangeToA1);
  if (areas.length === 1 || facts.multiAreaWrites === false) {
    areas.forEach(set);
    return;
  }
  if (facts.multiAreaWrites === true) {
    set(group.address);
    return;
  }
  // Untested: the last area alone, read before and after, tells whether the group was written whole.
  const last = areas[areas.length - 1];
  const before = PROBES[attr](ws.Range(last), false);
  set(group.address);
  if (before !== value) facts.multiAreaWrites = PROBES[attr](ws.Range(last), false) === value;
  if (facts.multiAreaWrites !== true) areas.slice(1).forEach(set); // not written whole, or still unknown
}

/**
 * Writes fills, then number formats, then values of one sheet. Fills first: a write stopping part way
 * then never leaves one of our values without our fill, and 撤销重算 puts a value back only where the
 * cell still shows our fill too (core/plan.ts planRevert), so a value that merely matches is never
 * taken for ours.
 */
export function writeCells(ws: WpsWorksheet, cells: Cell[], touch: Touch, facts: BridgeFacts = {}): void {
  const byFill = new Map<string, Cell[]>();
  for (const c of cells) {
    if (c.fill === undefined) continue;
    const k = c.fill === null ? '' : c.fill.toUpperCase();
    byFill.set(k, [...(byFill.get(k) ?? []), c]);
  }
  for (const [fill, group] of byFill) {
    for (const g of areaGroups(group)) {
      touch(g.cells);
      setGroup(ws, g, 'fill', fill === '' ? null : fill, facts);
    }
  }
  const byFormat = new Map<string, Cell[]>();
  for (const c of cells) if (c.numberFormat !== undefined) byFormat.set(c.numberFormat, [...(byFormat.get(c.numberFormat) ?? []), c]);
  for (const [format, group] of byFormat) {
    for (const g of areaGroups(group)) {
      touch(g.cells);
      setGroup(ws, g, 'format', format, facts);
    }
  }
  for (const b of rectangles(cells.filter((c) => c.value !== undefined))) {
    touch(([] as Cell[]).concat(...b.rows)); // no .flat(): WPS's Chromium may predate it
    const matrix = b.rows.map((run) => run.map((c) => toExcelValue((c.value ?? null) as CellValue)));
    if (matrix.length * matrix[0].length === 1) {
      ws.Range(blockAddress(b)).Value2 = matrix[0][0];
      continue;
    }
    try {
      ws.Range(blockAddress(b)).Value2 = matrix;
    } catch {
      // Some builds (WPS for Mac, per a field report: notes §2.3) refuse an array: one cell at a time.
      // A real refusal (protection, edit mode) fails again on the first cell and is thrown from there.
      b.rows.forEach((run, i) => run.forEach((c, j) => (ws.Range(toA1(c.row, c.col)).Value2 = matrix[i][j])));
    }
  }
}
