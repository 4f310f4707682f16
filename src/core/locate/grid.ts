/**
 * Read-only view of one SheetSnapshot in sheet coordinates (0-based rows/cols, the
 * snapshot's top/left applied), tolerant of ragged or malformed arrays, with a merge index.
 */
import type { Bound } from '../form';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { toA1, type RangeRef } from '../address';
import { mergeRanges } from '../merges';
import { norm } from './text';

/** Guard against pathological merge lists: past this many indexed row entries, the rest are ignored. */
const MAX_MERGE_ROW_ENTRIES = 2_000_000;

const NO_ROW: unknown[] = [];

/** The rows of one snapshot array, each checked once: a missing or malformed row reads as empty. */
function rowsOf(arr: unknown, count: number): unknown[][] {
  const out = new Array<unknown[]>(count);
  for (let i = 0; i < count; i++) {
    const row: unknown = Array.isArray(arr) ? arr[i] : undefined;
    out[i] = Array.isArray(row) ? row : NO_ROW;
  }
  return out;
}

/** A raw snapshot entry as a cell value: non-finite numbers and foreign types read as empty. */
function valueOf(v: unknown): CellValue {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return null;
}

/** Displayed text, falling back to the raw value. */
function textOf(t: unknown, v: CellValue): string {
  if (typeof t === 'string' && t !== '') return t;
  return v === null ? '' : String(v);
}

/** A text-bearing merge master on a row (see Grid.rowCells). */
export interface RowCell {
  col: number;
  right: number;
  norm: string;
}

export class Grid {
  readonly name: string;
  private readonly date1904: boolean;
  /** First and last sheet row/column covered by the snapshot (bottom < top when empty). */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly values: unknown[][];
  private readonly texts: unknown[][];
  private readonly formulas: unknown[][];
  private readonly numberFormats: unknown[][];
  private readonly rowMerges: (RangeRef[] | undefined)[];
  private readonly width: number;
  // Per-row caches, filled on first use: the locator reads the same cells many times.
  private readonly normRows: (string[] | undefined)[] = [];
  private readonly boundRows: (Bound | undefined)[][] = [];
  private readonly cellRows: (RowCell[] | undefined)[] = [];

  constructor(sheet: SheetSnapshot) {
    this.name = typeof sheet.name === 'string' ? sheet.name : String(sheet.name);
    this.date1904 = sheet.date1904 === true;
    this.top = Number.isInteger(sheet.top) && sheet.top >= 0 ? sheet.top : 0;
    this.left = Number.isInteger(sheet.left) && sheet.left >= 0 ? sheet.left : 0;
    const values: unknown[] = Array.isArray(sheet.values) ? sheet.values : [];
    let width = 0;
    for (let i = 0; i < values.length; i++) {
      const row = values[i];
      if (Array.isArray(row) && row.length > width) width = row.length;
    }
    this.bottom = this.top + values.length - 1;
    this.right = this.left + width - 1;
    this.width = width;
    this.values = rowsOf(values, values.length);
    this.texts = rowsOf(sheet.texts, values.length);
    this.formulas = rowsOf(sheet.formulas, values.length);
    this.numberFormats = rowsOf(sheet.numberFormats, values.length);
    this.rowMerges = new Array<RangeRef[] | undefined>(Math.max(0, values.length));
    this.indexMerges(Array.isArray(sheet.merges) ? sheet.merges : []);
  }

  private indexMerges(merges: unknown[]): void {
    let entries = 0;
    const ranges = mergeRanges(merges);
    for (let k = 0; k < ranges.length; k++) {
      const r = ranges[k];
      if (r.top === r.bottom && r.left === r.right) continue;
      // The master must be on the grid, or the area holds nothing we can read.
      if (!this.inside(r.top, r.left)) continue;
      const last = Math.min(r.bottom, this.bottom);
      for (let row = r.top; row <= last; row++) {
        if (++entries > MAX_MERGE_ROW_ENTRIES) return;
        const i = row - this.top;
        (this.rowMerges[i] ??= []).push(r);
      }
    }
  }

  inside(row: number, col: number): boolean {
    return row >= this.top && row <= this.bottom && col >= this.left && col <= this.right;
  }

  value(row: number, col: number): CellValue {
    return valueOf(this.values[row - this.top]?.[col - this.left]);
  }

  /** Displayed text, falling back to the raw value. */
  text(row: number, col: number): string {
    return textOf(this.texts[row - this.top]?.[col - this.left], this.value(row, col));
  }

  /** Normalised text (see text.ts), cached. */
  norm(row: number, col: number): string {
    if (!this.inside(row, col)) return '';
    return this.normsOf(row - this.top)[col - this.left];
  }

  /**
   * Matching key of a cell whose value is a string, else '' (numbers, booleans and blanks are never
   * labels: the sheet scan skips them before any text work). The cached row key when the shown text
   * is the value itself (the usual case), else the value's own key.
   */
  stringNorm(row: number, col: number): string {
    if (!this.inside(row, col)) return '';
    const i = row - this.top;
    const j = col - this.left;
    const v = this.values[i][j];
    if (typeof v !== 'string') return '';
    const t = this.texts[i][j];
    return typeof t !== 'string' || t === '' || t === v ? this.normsOf(i)[j] : norm(v);
  }

  /** Raw snapshot values of a row inside the grid, by column offset from `left` (may be shorter than the grid). Do not mutate. */
  rowValues(row: number): readonly unknown[] {
    return this.values[row - this.top];
  }

  /** Normalised texts of a row inside the grid, by column offset from `left`. Shared: do not mutate. */
  rowNorms(row: number): readonly string[] {
    return this.normsOf(row - this.top);
  }

  /** Whether any merged area crosses this row (when not, every cell is its own master). */
  hasMerges(row: number): boolean {
    return row >= this.top && this.rowMerges[row - this.top] !== undefined;
  }

  /** Normalised texts of a whole row (by column offset), computed once: most rows are read in full. */
  private normsOf(i: number): string[] {
    let row = this.normRows[i];
    if (row === undefined) {
      const texts = this.texts[i];
      const values = this.values[i];
      row = new Array<string>(this.width);
      for (let j = 0; j < this.width; j++) {
        const t = texts[j];
        // The shown text as is (the usual case) without the two calls textOf makes.
        row[j] = norm(typeof t === 'string' && t !== '' ? t : textOf(t, valueOf(values[j])));
      }
      this.normRows[i] = row;
    }
    return row;
  }

  isNumber(row: number, col: number): boolean {
    return typeof this.value(row, col) === 'number';
  }

  /** The merged area holding (row, col), or null. */
  merge(row: number, col: number): RangeRef | null {
    const list = row >= this.top ? this.rowMerges[row - this.top] : undefined;
    if (list === undefined) return null;
    // Indexed, not for-of: cold code allocates an iterator result per step, and this runs on most cell reads.
    for (let k = 0; k < list.length; k++) {
      const m = list[k];
      if (col >= m.left && col <= m.right) return m;
    }
    return null;
  }

  /** Top-left cell of the merged area holding (row, col), or the cell itself. */
  master(row: number, col: number): { row: number; col: number } {
    const m = this.merge(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  isMaster(row: number, col: number): boolean {
    const m = this.merge(row, col);
    return !m || (m.top === row && m.left === col);
  }

  /** Right-most column of the merged area starting at (row, col), or col. */
  spanRight(row: number, col: number): number {
    const m = this.merge(row, col);
    return m ? Math.min(m.right, this.right) : col;
  }

  /** The cell as the engine binds it; one shared object per cell (treat as read-only). */
  bound(row: number, col: number): Bound | null {
    if (!this.inside(row, col)) return null;
    const i = row - this.top;
    const j = col - this.left;
    const cache = (this.boundRows[i] ??= new Array<Bound | undefined>(this.width));
    return (cache[j] ??= this.makeBound(row, col, i, j));
  }

  private makeBound(row: number, col: number, i: number, j: number): Bound {
    const f = this.formulas[i][j];
    const nf = this.numberFormats[i][j];
    const value = valueOf(this.values[i][j]);
    const b: Bound = {
      row,
      col,
      a1: toA1(row, col),
      value,
      text: textOf(this.texts[i][j], value),
      formula: typeof f === 'string' ? f : null,
      numberFormat: typeof nf === 'string' && nf !== '' ? nf : 'General',
    };
    if (this.date1904) b.date1904 = true;
    return b;
  }

  /** The cell's own Bound, or null when it lies inside a merge whose master is elsewhere. */
  ownBound(row: number, col: number): Bound | null {
    return this.isMaster(row, col) ? this.bound(row, col) : null;
  }

  /** Bound of the merge master of (row, col). */
  masterBound(row: number, col: number): Bound | null {
    const m = this.merge(row, col);
    return m ? this.bound(m.top, m.left) : this.bound(row, col);
  }

  /** Masters starting on this row within [from, to] that carry text, left to right. Shared: do not mutate. */
  rowCells(row: number, from: number, to: number): RowCell[] {
    const all = this.allRowCells(row);
    if (all.length === 0) return [];
    let a = 0;
    while (a < all.length && all[a].col < from) a++;
    let b = a;
    while (b < all.length && all[b].col <= to) b++;
    return a === 0 && b === all.length ? all : all.slice(a, b);
  }

  /** The first of rowCells(row, from, to), without the copy. */
  firstRowCell(row: number, from: number, to: number): RowCell | undefined {
    const all = this.allRowCells(row);
    let a = 0;
    while (a < all.length && all[a].col < from) a++;
    return a < all.length && all[a].col <= to ? all[a] : undefined;
  }

  /** Every text-bearing master of a row, computed once per row. */
  private allRowCells(row: number): RowCell[] {
    if (row < this.top || row > this.bottom) return [];
    const i = row - this.top;
    let cells = this.cellRows[i];
    if (cells === undefined) {
      cells = [];
      const norms = this.normsOf(i);
      const merged = this.rowMerges[i] !== undefined;
      for (let j = 0; j < this.width; j++) {
        const n = norms[j];
        if (n === '') continue;
        const c = this.left + j;
        if (!merged) cells.push({ col: c, right: c, norm: n });
        else if (this.isMaster(row, c)) cells.push({ col: c, right: this.spanRight(row, c), norm: n });
      }
      this.cellRows[i] = cells;
    }
    return cells;
  }
}
