/**
 * Number formats, fills and merges of a block with as few calls as "uniform or null" allows: a
 * multi-cell NumberFormat, Interior.Pattern/Color or MergeCells is one value when every cell agrees
 * and null when they differ (VBA semantics; ../shared/notes/wps-addin.md §2.4). Each property is
 * asked of the whole block first; only where the answer is null is the block split, into columns and
 * then halves of a column, down to single cells at worst. A form's columns are mostly uniform, so
 * this costs a few calls per column instead of several per cell.
 */
import type { CellRef, RangeRef } from '../../core/address';
import { parseRange, rangeToA1 } from '../../core/address';
import { areaGroups } from './write';
import { MIXED, PROBES, type Attr } from './probes';
import type { WpsWorksheet } from './types';

export interface BlockFormats {
  /** Per cell of the block, row-major like the block. */
  numberFormats: string[][];
  fills: (string | null)[][];
  /** Merged areas met in the block (an area may reach outside it). */
  merges: RangeRef[];
}

/** What the cells held at the last read (and our writes since): a guess to verify, never trusted as is. */
export interface Prediction {
  numberFormat(row: number, col: number): string;
  fill(row: number, col: number): string | null;
  /** Undefined: merges are not guessed (this build's multi-area MergeCells is untested). */
  merges?: RangeRef[];
}

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

/**
 * Formats and fills of a block. Without a prediction each property is asked of the whole block and
 * split where mixed. With one (the last read), the cells predicted alike are asked together as one
 * multi-area range ("A1:G5,A7:F7"): a uniform answer equal to the prediction settles them all in a
 * few calls, and only groups that differ fall back to splitting. So a re-read after our marks costs
 * about as little as the first read of a plain form.
 */
export function readFormats(ws: WpsWorksheet, block: RangeRef, predicted?: Prediction): BlockFormats {
  const rows = block.bottom - block.top + 1;
  const cols = block.right - block.left + 1;
  const grids: Record<Attr, (string | null)[][]> = {
    format: Array.from({ length: rows }, () => new Array<string | null>(cols).fill('General')),
    fill: Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null)),
  };
  const paint = (attr: Attr, r: RangeRef, v: string | null) => {
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) grids[attr][i - block.top][j - block.left] = v;
  };

  const visit = (r: RangeRef, attrs: Attr[]): void => {
    const single = r.top === r.bottom && r.left === r.right;
    const rg = ws.Range(rangeToA1(r));
    const mixed: Attr[] = [];
    for (const attr of attrs) {
      const v = PROBES[attr](rg, single);
      if (v === MIXED) mixed.push(attr);
      else paint(attr, r, v);
    }
    if (mixed.length) for (const part of split(r)) visit(part, mixed);
  };

  if (!predicted) visit(block, ['format', 'fill']);
  else {
    for (const attr of ['format', 'fill'] as const) {
      const guess = attr === 'format' ? predicted.numberFormat : predicted.fill;
      const alike = new Map<string | null, CellRef[]>();
      for (let row = block.top; row <= block.bottom; row++) {
        for (let col = block.left; col <= block.right; col++) {
          const g = guess(row, col);
          let list = alike.get(g);
          if (!list) alike.set(g, (list = []));
          list.push({ row, col });
        }
      }
      for (const [value, cells] of alike) {
        for (const group of areaGroups(cells)) {
          const got = PROBES[attr](ws.Range(group.address), group.cells.length === 1);
          if (got === value) group.rects.forEach((r) => paint(attr, r, value));
          else group.rects.forEach((r) => visit(r, [attr]));
        }
      }
    }
  }
  return {
    numberFormats: grids.format as string[][],
    fills: grids.fill,
    merges: findMerges(ws, block, predicted?.merges),
  };
}

/**
 * Merged areas touching `block`. MergeCells is false when no cell is merged (done), true when every
 * cell is: the top-left cell's MergeArea is then one area, and only the rest of the rectangle is asked
 * again; null (some merged) splits the rectangle in halves, rows first down to single rows (a form's
 * merges are mostly one row wide: titles, 合计 lines), then columns. Rectangles inside known areas
 * cost nothing. Predicted areas (the last read's) are confirmed one by one, and the rest of the block
 * is asked as multi-area ranges, expected to hold no merge.
 */
export function findMerges(ws: WpsWorksheet, block: RangeRef, predicted: RangeRef[] = []): RangeRef[] {
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
  if (predicted.length === 0) {
    visit(block);
    return found;
  }
  const meets = (m: RangeRef) => m.top <= block.bottom && m.bottom >= block.top && m.left <= block.right && m.right >= block.left;
  for (const m of predicted.filter(meets)) {
    const rg = ws.Range(rangeToA1(m));
    if (rg.MergeCells !== true) continue;
    const area = parseRange(rg.MergeArea.Address(false, false));
    if (area && rangeToA1(area) === rangeToA1(m)) found.push(area);
  }
  const rest: CellRef[] = [];
  for (let row = block.top; row <= block.bottom; row++) {
    for (let col = block.left; col <= block.right; col++) {
      if (!found.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right)) rest.push({ row, col });
    }
  }
  for (const group of areaGroups(rest)) {
    if (ws.Range(group.address).MergeCells === false) continue;
    group.rects.forEach(visit);
  }
  return found;
}
