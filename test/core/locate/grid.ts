/** Builds SheetSnapshots from plain 2-D arrays for locator tests. */
import { parseRange, toA1 } from '../../../src/core/address';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { sheetOf } from '../../helpers/grid';

export interface SheetOptions {
  name?: string;
  merges?: string[];
  /** Number formats by A1-less [row, col] (0-based, relative to the array). */
  formats?: [number, number, string][];
  visibility?: SheetSnapshot['visibility'];
}

/** A sheet whose used range starts at A1; merged non-master cells should be given as null, like Excel. */
export function sheet(rows: CellValue[][], opts: SheetOptions = {}): SheetSnapshot {
  const s = sheetOf(opts.name ?? 'Sheet1', rows, { merges: opts.merges ?? [], visibility: opts.visibility ?? 'visible' });
  for (const [i, j, f] of opts.formats ?? []) s.numberFormats[i][j] = f;
  return s;
}

/** Moves a block down by `row` rows and right by `col` columns (padding with empty cells). */
export function offset(rows: CellValue[][], row: number, col: number): CellValue[][] {
  const pad: CellValue[] = new Array<CellValue>(col).fill(null);
  return [...Array.from({ length: row }, () => [] as CellValue[]), ...rows.map((r) => [...pad, ...r])];
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { name: 'test.xlsx', sheets };
}

/** A1 range of a merge given 0-based corners. */
export function area(r1: number, c1: number, r2: number, c2: number): string {
  return `${toA1(r1, c1)}:${toA1(r2, c2)}`;
}

/** Shifts A1 ranges by rows/cols. */
export function shiftMerges(merges: string[], row: number, col: number): string[] {
  return merges.map((m) => {
    const r = parseRange(m)!;
    return area(r.top + row, r.left + col, r.bottom + row, r.right + col);
  });
}

/** Writes `block` into `rows` at (row, col), growing it as needed. */
export function paste(rows: CellValue[][], block: CellValue[][], row: number, col: number): CellValue[][] {
  block.forEach((line, i) => {
    const target = (rows[row + i] ??= []);
    line.forEach((v, j) => {
      while (target.length < col + j) target.push(null);
      target[col + j] = v;
    });
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}
