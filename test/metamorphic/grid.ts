/**
 * An editable copy of one sheet for the layout perturbations. Every cell of the original sheet
 * carries its original address, so after rows and columns are inserted, deleted or moved the
 * test can say where each original cell went (the oracle shifts findings along the same map).
 * Rows and columns are absolute and 0-based; the snapshot's top/left origin is folded in.
 */
import { parseRange, toA1 } from '../../src/core/address';
import { formatNumber } from '../../src/core/numfmt';
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';

export interface GridCell {
  value: CellValue;
  text: string;
  formula: string | null;
  format: string;
  fill: string | null;
  /** Original A1 address, for cells of the unperturbed sheet. */
  origin?: string;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const cellOf = (value: CellValue, format = 'General'): GridCell => ({
  value,
  text: value === null ? '' : typeof value === 'number' ? formatNumber(value, format) : String(value),
  formula: null,
  format,
  fill: null,
});

/** A cell with nothing in it (an original empty cell keeps its place in the map of origins). */
export const isEmpty = (cell: GridCell | null | undefined) => !cell || ((cell.value === null || cell.value === '') && !cell.formula);

export class Grid {
  cells: (GridCell | null)[][];
  merges: Rect[];

  constructor(private readonly source: SheetSnapshot) {
    const rows = source.top + source.values.length;
    const cols = source.left + Math.max(0, ...source.values.map((r) => r.length));
    this.cells = Array.from({ length: rows }, () => new Array<GridCell | null>(cols).fill(null));
    source.values.forEach((line, i) =>
      line.forEach((value, j) => {
        const r = source.top + i;
        const c = source.left + j;
        const formula = source.formulas[i]?.[j] ?? null;
        this.cells[r][c] = {
          value,
          text: source.texts[i]?.[j] ?? '',
          formula,
          format: source.numberFormats[i]?.[j] ?? 'General',
          fill: source.fills?.[i]?.[j] ?? null,
          origin: toA1(r, c),
        };
      }),
    );
    this.merges = source.merges.map((m) => parseRange(m)).filter((r): r is Rect => r !== null);
  }

  get rowCount(): number {
    return this.cells.length;
  }

  get colCount(): number {
    return Math.max(0, ...this.cells.map((r) => r.length));
  }

  at(row: number, col: number): GridCell | null {
    return this.cells[row]?.[col] ?? null;
  }

  text(row: number, col: number): string {
    return this.at(row, col)?.text ?? '';
  }

  /** The merge covering (row, col), if any. */
  mergeAt(row: number, col: number): Rect | null {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) ?? null;
  }

  /** Text of the cell or of its merge's master. */
  shownText(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.text(m.top, m.left) : this.text(row, col);
  }

  set(row: number, col: number, value: CellValue, format = 'General'): void {
    this.ensure(row, col);
    const old = this.cells[row][col];
    this.cells[row][col] = { ...cellOf(value, format), origin: old?.origin };
  }

  /** Replaces the text of an existing cell, keeping its identity (a renamed header). */
  relabel(row: number, col: number, text: string): void {
    this.ensure(row, col);
    const old = this.cells[row][col];
    this.cells[row][col] = { ...(old ?? cellOf(null)), value: text, text, formula: null };
  }

  private ensure(row: number, col: number): void {
    while (this.cells.length <= row) this.cells.push([]);
    const line = this.cells[row];
    while (line.length <= col) line.push(null);
  }

  /** Inserts `n` empty rows before `at`, like Excel: a merge spanning the gap grows. */
  insertRows(at: number, n = 1): void {
    this.ensure(at, 0);
    this.cells.splice(at, 0, ...Array.from({ length: n }, () => [] as (GridCell | null)[]));
    for (const m of this.merges) {
      if (m.top >= at) {
        m.top += n;
        m.bottom += n;
      } else if (m.bottom >= at) m.bottom += n;
    }
  }

  /** Inserts an empty column before `at` in every row, like Excel. */
  insertColumn(at: number): void {
    for (const line of this.cells) {
      while (line.length < at) line.push(null);
      line.splice(at, 0, null);
    }
    for (const m of this.merges) {
      if (m.left >= at) {
        m.left++;
        m.right++;
      } else if (m.right >= at) m.right++;
    }
  }

  /**
   * Deletes column `col` in rows top..bottom only, shifting the cells on its right one column left
   * (Excel's "delete cells, shift left"). Merges must not cross the band's top or bottom edge.
   */
  deleteInBand(col: number, top: number, bottom: number): void {
    for (let r = top; r <= bottom; r++) this.cells[r]?.splice(col, 1);
    const kept: Rect[] = [];
    for (const m of this.merges) {
      const inBand = m.top >= top && m.bottom <= bottom;
      if (!inBand || m.right < col) kept.push(m);
      else if (m.left > col) kept.push({ ...m, left: m.left - 1, right: m.right - 1 });
      else if (m.left < m.right) kept.push({ ...m, right: m.right - 1 });
    }
    this.merges = kept.filter((m) => m.top < m.bottom || m.left < m.right);
  }

  /** True when a merge crosses the horizontal edge between row-1 and row, in columns left..right. */
  crossesRowEdge(row: number, left = 0, right = Infinity): boolean {
    return this.merges.some((m) => m.top < row && m.bottom >= row && m.right >= left && m.left <= right);
  }

  /** Removes rows top..bottom and returns them with the merges inside them (rows relative to top). */
  cutRows(top: number, bottom: number): { rows: (GridCell | null)[][]; merges: Rect[] } {
    const rows = this.cells.splice(top, bottom - top + 1);
    const n = bottom - top + 1;
    const inside: Rect[] = [];
    const kept: Rect[] = [];
    for (const m of this.merges) {
      if (m.top >= top && m.bottom <= bottom) inside.push({ ...m, top: m.top - top, bottom: m.bottom - top });
      else if (m.top > bottom) kept.push({ ...m, top: m.top - n, bottom: m.bottom - n });
      else kept.push(m);
    }
    this.merges = kept;
    return { rows, merges: inside };
  }

  /** Writes a block of cells with its top-left at (row, col) over empty cells. */
  paste(block: { rows: (GridCell | null)[][]; merges: Rect[] }, row: number, col: number): void {
    block.rows.forEach((line, i) =>
      line.forEach((cell, j) => {
        if (!cell) return;
        this.ensure(row + i, col + j);
        this.cells[row + i][col + j] = cell;
      }),
    );
    for (const m of block.merges) this.merges.push({ top: m.top + row, bottom: m.bottom + row, left: m.left + col, right: m.right + col });
  }

  merge(r: Rect): void {
    this.merges = this.merges.filter((m) => m.bottom < r.top || m.top > r.bottom || m.right < r.left || m.left > r.right);
    if (r.top < r.bottom || r.left < r.right) this.merges.push(r);
  }

  /** Where each original cell is now: original A1 → current A1. */
  origins(): Map<string, string> {
    const map = new Map<string, string>();
    this.cells.forEach((line, r) => line.forEach((cell, c) => cell?.origin && map.set(cell.origin, toA1(r, c))));
    return map;
  }

  /** Where the original cell at (row, col) is now, or null when it was deleted. */
  find(origin: string): { row: number; col: number } | null {
    for (let r = 0; r < this.cells.length; r++) {
      const c = this.cells[r].findIndex((cell) => cell?.origin === origin);
      if (c >= 0) return { row: r, col: c };
    }
    return null;
  }

  toSheet(): SheetSnapshot {
    const rows = this.rowCount;
    const cols = this.colCount;
    const pick = <T>(f: (cell: GridCell | null) => T) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(this.at(r, c))));
    return {
      name: this.source.name,
      top: 0,
      left: 0,
      values: pick((c) => c?.value ?? null),
      texts: pick((c) => c?.text ?? ''),
      formulas: pick((c) => c?.formula ?? null),
      numberFormats: pick((c) => c?.format ?? 'General'),
      merges: this.merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`),
      fills: pick((c) => c?.fill ?? null),
      protected: this.source.protected,
      visibility: this.source.visibility,
      date1904: this.source.date1904,
    };
  }
}
