/** A1 addresses <-> 0-based (row, col). */

export interface CellRef {
  row: number;
  col: number;
}

// Column letters are asked for on every bound cell: keep the common ones.
const COLUMN_NAMES: string[] = [];

export function columnName(col: number): string {
  if (col >= 0 && col < 1024 && Number.isInteger(col)) return (COLUMN_NAMES[col] ??= columnNameOf(col));
  return columnNameOf(col);
}

function columnNameOf(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Row numbers as text, for the same reason.
const ROW_NAMES: string[] = [];

export function toA1(row: number, col: number): string {
  const rowName = row >= 0 && row < 65536 && Number.isInteger(row) ? (ROW_NAMES[row] ??= String(row + 1)) : String(row + 1);
  return columnName(col) + rowName;
}

export function parseA1(a1: string): CellRef | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" or "A1" (a sheet prefix such as "'Sheet 1'!A1:B2" is ignored). */
export function parseRange(a1: string): RangeRef | null {
  const body = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [a, b = a] = body.split(':');
  const p = parseA1(a);
  const q = parseA1(b);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function rangeToA1(r: RangeRef): string {
  const a = toA1(r.top, r.left);
  const b = toA1(r.bottom, r.right);
  return a === b ? a : `${a}:${b}`;
}
