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

function rowName(row: number): string {
  return row >= 0 && row < 65536 && Number.isInteger(row) ? (ROW_NAMES[row] ??= String(row + 1)) : String(row + 1);
}

// Whole addresses of the top-left of sheets, where forms sit: the same cells are bound on every form.
const A1_NAMES: (string[] | undefined)[] = [];
const A1_ROWS = 2048;
const A1_COLS = 32;

export function toA1(row: number, col: number): string {
  if (row >= 0 && row < A1_ROWS && col >= 0 && col < A1_COLS && Number.isInteger(row) && Number.isInteger(col)) {
    const names = (A1_NAMES[row] ??= new Array<string>(A1_COLS));
    return (names[col] ??= columnName(col) + rowName(row));
  }
  return columnName(col) + rowName(row);
}

/**
 * "B7", "$B$7" → { row: 6, col: 1 }: one to three letters, one to seven digits, each optionally
 * after a "$". Read by character codes (it runs on every finding and every cell of a file).
 */
export function parseA1(a1: string): CellRef | null {
  const s = a1.trim();
  let i = s.charCodeAt(0) === DOLLAR ? 1 : 0;
  let col = 0;
  let letters = 0;
  for (; i < s.length && isLetter(s.charCodeAt(i)); i++) {
    if (++letters > 3) return null;
    col = col * 26 + ((s.charCodeAt(i) & ~0x20) - 64); // a–z read as A–Z
  }
  if (letters === 0) return null;
  if (s.charCodeAt(i) === DOLLAR) i++;
  let row = 0;
  let digits = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || ++digits > 7) return null;
    row = row * 10 + d;
  }
  if (digits === 0 || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}

const DOLLAR = 36;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" or "A1" (a sheet prefix such as "'Sheet 1'!A1:B2" is ignored). */
export function parseRange(a1: string): RangeRef | null {
  const bang = a1.lastIndexOf('!');
  const body = bang >= 0 ? a1.slice(bang + 1) : a1;
  // The first and second parts around ":" (split's, without its array): "A1:B2:C3" reads A1:B2.
  const colon = body.indexOf(':');
  const a = colon < 0 ? body : body.slice(0, colon);
  const next = colon < 0 ? -1 : body.indexOf(':', colon + 1);
  const b = colon < 0 ? a : body.slice(colon + 1, next < 0 ? body.length : next);
  const p = parseA1(a);
  const q = a === b ? p : parseA1(b);
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
