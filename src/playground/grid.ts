/** Pure layout of a sheet snapshot as an HTML table: merged areas become rowSpan/colSpan. */
import type { SheetSnapshot } from '../core/snapshot';
import { parseA1, parseRange, toA1 } from '../core/address';

export interface GridCell {
  /** A1 address in the sheet. */
  address: string;
  /** 0-based index into the snapshot arrays. */
  i: number;
  j: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  fill: string | null;
  numeric: boolean;
}

export interface GridRow {
  /** 1-based sheet row number. */
  number: number;
  cells: GridCell[];
}

export interface Grid {
  columns: string[];
  rows: GridRow[];
  /** Covered cell address -> address of its merged area's top-left cell. */
  masterOf: Map<string, string>;
  truncated: boolean;
}

export const MAX_ROWS = 2000;
export const MAX_COLS = 200;

export function layoutSheet(s: SheetSnapshot, maxRows = MAX_ROWS, maxCols = MAX_COLS): Grid {
  const nRows = Math.min(s.values.length, maxRows);
  const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
  const nCols = Math.min(width, maxCols);
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const covered = new Set<string>();
  const masterOf = new Map<string, string>();
  for (const m of s.merges) {
    const r = parseRange(m);
    if (!r) continue;
    const top = r.top - s.top;
    const left = r.left - s.left;
    const bottom = Math.min(r.bottom - s.top, nRows - 1);
    const right = Math.min(r.right - s.left, nCols - 1);
    if (top < 0 || left < 0 || top >= nRows || left >= nCols) continue;
    spans.set(`${top},${left}`, { rowSpan: bottom - top + 1, colSpan: right - left + 1 });
    const master = toA1(r.top, r.left);
    for (let i = top; i <= bottom; i++) {
      for (let j = left; j <= right; j++) {
        if (i === top && j === left) continue;
        covered.add(`${i},${j}`);
        masterOf.set(toA1(i + s.top, j + s.left), master);
      }
    }
  }
  const columns: string[] = [];
  for (let j = 0; j < nCols; j++) columns.push(toA1(0, j + s.left).replace(/\d+$/, ''));
  const rows: GridRow[] = [];
  for (let i = 0; i < nRows; i++) {
    const cells: GridCell[] = [];
    for (let j = 0; j < nCols; j++) {
      if (covered.has(`${i},${j}`)) continue;
      const span = spans.get(`${i},${j}`) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({
        address: toA1(i + s.top, j + s.left),
        i,
        j,
        ...span,
        text: s.texts[i]?.[j] ?? '',
        fill: s.fills?.[i]?.[j] ?? null,
        numeric: typeof s.values[i]?.[j] === 'number',
      });
    }
    rows.push({ number: i + s.top + 1, cells });
  }
  return { columns, rows, masterOf, truncated: s.values.length > nRows || width > nCols };
}

/** The address to highlight for a selected cell: the top-left cell when it lies inside a merge. */
export function displayedCell(grid: Grid, cell: string): string {
  const a = cell.split(':')[0].replace(/\$/g, '').toUpperCase();
  const p = parseA1(a);
  if (!p) return a;
  return grid.masterOf.get(a) ?? a;
}
