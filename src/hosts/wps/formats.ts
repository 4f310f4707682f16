/**
 * Number formats, fills and merges of a block with as few calls as "uniform or null" allows: a
 * multi-cell NumberFormat, Interior.Pattern/Color or MergeCells is one value when every cell agrees
 * and null when they differ (VBA semantics; ../shared/notes/wps-addin.md §2.4). Each property is
 * asked of the whole block first; only where the answer is null is the block split, into columns and
 * then halves of a column, down to single cells at worst. A form's columns are mostly uniform, so
 * this costs a few calls per column instead of several per cell.
 */
import type { RangeRef } from '../../core/address';
import { parseRange, rangeToA1 } from '../../core/address';
import { fillOf } from './values';
import { XL, type WpsWorksheet } from './types';

export interface BlockFormats {
  /** Per cell of the block, row-major like the block. */
  numberFormats: string[][];
  fills: (string | null)[][];
  /** Merged areas met in the block (an area may reach outside it). */
  merges: RangeRef[];
}

type Attr = 'format' | 'fill';

const contains = (outer: RangeRef, inner: RangeRef) =>
  outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;

/** Columns first (a form's columns share formats), then halves of a column. */
function split(r: RangeRef): RangeRef[] {
  if (r.right > r.left) {
    const out: RangeRef[] = [];
    for (let c = r.left; c <= r.right; c++) out.push({ top: r.top, left: c, bottom: r.bottom, right: c });
    return out;
  }
  return halves(r);
}

/** Two halves: of the rows while there are several, else of the columns. */
function halves(r: RangeRef): RangeRef[] {
  if (r.bottom === r.top) {
    const mid = Math.floor((r.left + r.right) / 2);
    return [
      { ...r, right: mid },
      { ...r, left: mid + 1 },
    ];
  }
  const mid = Math.floor((r.top + r.bottom) / 2);
  return [
    { ...r, bottom: mid },
    { ...r, top: mid + 1 },
  ];
}

export function readFormats(ws: WpsWorksheet, block: RangeRef): BlockFormats {
  const rows = block.bottom - block.top + 1;
  const cols = block.right - block.left + 1;
  const numberFormats = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const fills = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));

  const paint = <T>(grid: T[][], r: RangeRef, v: T) => {
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) grid[i - block.top][j - block.left] = v;
  };

  const visit = (r: RangeRef, attrs: Attr[]): void => {
    const single = r.top === r.bottom && r.left === r.right;
    const rg = ws.Range(rangeToA1(r));
    const mixed: Attr[] = [];
    for (const attr of attrs) {
      if (attr === 'format') {
        const nf = rg.NumberFormat;
        if (typeof nf === 'string') paint(numberFormats, r, nf);
        else if (!single) mixed.push(attr);
      } else if (attr === 'fill') {
        const interior = rg.Interior;
        const pattern = interior.Pattern;
        if (pattern === XL.none) continue; // no fill: the grid's default
        const color = typeof pattern === 'number' ? interior.Color : null;
        if (typeof pattern === 'number' && typeof color === 'number') paint(fills, r, fillOf(pattern, color));
        else if (!single) mixed.push(attr);
        else paint(fills, r, 'other'); // unreadable: never painted over
      }
    }
    if (mixed.length) for (const part of split(r)) visit(part, mixed);
  };

  visit(block, ['format', 'fill']);
  return { numberFormats, fills, merges: findMerges(ws, block) };
}

/**
 * Merged areas touching `block`. MergeCells is false when no cell is merged (done), true when every
 * cell is: the top-left cell's MergeArea is then one area, and only the rest of the rectangle is asked
 * again; null (some merged) splits the rectangle in halves, rows first down to single rows (a form's
 * merges are mostly one row wide: titles, 合计 lines), then columns. Rectangles inside known areas
 * cost nothing. Measured on the seed: 153 MergeCells probes for its 29 areas.
 */
export function findMerges(ws: WpsWorksheet, block: RangeRef): RangeRef[] {
  const found: RangeRef[] = [];
  const visit = (r: RangeRef): void => {
    if (found.some((m) => contains(m, r))) return;
    const rg = ws.Range(rangeToA1(r));
    const merged = rg.MergeCells;
    if (merged === false) return;
    if (merged === true) {
      const area = parseRange(rg.MergeArea.Address(false, false));
      if (area && area.top <= r.top && area.left <= r.left && area.bottom >= r.top && area.right >= r.left) {
        found.push(area);
        // The area holds r's top-left cell: what is left of r is below it and to its right.
        if (area.bottom < r.bottom) visit({ ...r, top: area.bottom + 1 });
        if (area.right < r.right) visit({ top: r.top, left: area.right + 1, bottom: Math.min(r.bottom, area.bottom), right: r.right });
        return;
      }
    }
    if (r.top === r.bottom && r.left === r.right) return;
    for (const part of halves(r)) visit(part);
  };
  visit(block);
  return found;
}
