/**
 * The state behind the fake ET Application: plain data that the wrapper objects (objects.ts,
 * range.ts) read and change. No Node APIs: the fake is bundled into the browser for the WPS
 * end-to-end test. Section numbers (§) refer to ../shared/notes/wps-addin.md, "7.4 n" to its
 * must-have list of a faithful fake.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { isErrorValue } from '../../../src/core/snapshot';
import { parseRange, rangeToA1, type RangeRef } from '../../../src/core/address';
import { XL } from '../../../src/hosts/wps/types';
import { hexToBgr, textOf } from '../../../src/hosts/wps/values';

export interface FakeCell {
  /** Error values are kept as their text ("#DIV/0!"), like the snapshot. */
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Interior.Color, BGR (7.4 8). */
  color: number;
  /** Interior.Pattern: XL.none (no fill), XL.patternSolid, or another pattern (17 = xlGray16…). */
  pattern: number;
  text: string;
  comment: string | null;
  /** Interior.ThemeColor / TintAndShade / PatternColor, kept as set (7.4 8: round-trippable). */
  theme?: { ThemeColor?: number; TintAndShade?: number; PatternColor?: number };
}

export interface FakeSheetState {
  name: string;
  /** -1 visible, 0 hidden, 2 very hidden (7.4 12). */
  visible: number;
  codeName: string;
  protectContents: boolean;
  /** Keyed "row,col", 0-based. */
  cells: Map<string, FakeCell>;
  merges: RangeRef[];
}

export interface FakeBookState {
  name: string;
  fullName: string;
  sheets: FakeSheetState[];
  protectStructure: boolean;
  date1904: boolean;
  saved: boolean;
  active: FakeSheetState | null;
  /** Selection on the active sheet, A1 ("B7" or "A1:C3"). */
  selection: string;
}

/** A pattern the snapshot calls 'other' (7.4 8): xlGray16. */
export const PATTERN_OTHER = 17;

export const key = (row: number, col: number) => `${row},${col}`;

export function blankCell(): FakeCell {
  return { value: null, formula: null, numberFormat: 'General', color: XL.white, pattern: XL.none, text: '', comment: null };
}

export function isBlank(c: FakeCell): boolean {
  return c.value === null && !c.formula && c.numberFormat === 'General' && c.pattern === XL.none && c.comment === null;
}

export { textOf };

const VISIBLE: Record<string, number> = { visible: XL.sheetVisible, hidden: XL.sheetHidden, veryHidden: XL.sheetVeryHidden };

function sheetFrom(s: SheetSnapshot, date1904: boolean): FakeSheetState {
  const cells = new Map<string, FakeCell>();
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const fill = s.fills?.[r]?.[c] ?? null;
      const cell: FakeCell = {
        ...blankCell(),
        value,
        formula: s.formulas[r]?.[c] ?? null,
        numberFormat: s.numberFormats[r]?.[c] ?? 'General',
        ...(fill === null ? {} : fill.startsWith('#') ? { pattern: XL.patternSolid, color: hexToBgr(fill) } : { pattern: PATTERN_OTHER }),
      };
      cell.text = s.texts[r]?.[c] ?? textOf(value, cell.numberFormat, date1904);
      if (!isBlank(cell)) cells.set(key(s.top + r, s.left + c), cell);
    }),
  );
  const merges = s.merges.map((m) => parseRange(m)).filter((m): m is RangeRef => m !== null);
  return { name: s.name, visible: VISIBLE[s.visibility ?? 'visible'], codeName: '', protectContents: Boolean(s.protected), cells, merges };
}

export function bookFrom(snap: WorkbookSnapshot): FakeBookState {
  const date1904 = snap.sheets.some((s) => s.date1904);
  const sheets = snap.sheets.map((s) => sheetFrom(s, date1904));
  const name = snap.name ?? 'Book1.xlsx';
  return {
    name,
    fullName: `C:\\Users\\clerk\\Documents\\${name}`,
    sheets,
    protectStructure: false,
    date1904,
    saved: true,
    active: sheets.find((s) => s.visible === XL.sheetVisible) ?? null,
    selection: 'A1',
  };
}

/** Bounding box of the non-blank cells and merges (7.4 11); null when the sheet is empty. */
export function usedBox(s: FakeSheetState): RangeRef | null {
  let box: RangeRef | null = null;
  const grow = (r: RangeRef) => {
    box = box
      ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), bottom: Math.max(box.bottom, r.bottom), right: Math.max(box.right, r.right) }
      : { ...r };
  };
  for (const [k, c] of s.cells) {
    if (isBlank(c)) continue;
    const [row, col] = k.split(',').map(Number);
    grow({ top: row, left: col, bottom: row, right: col });
  }
  s.merges.forEach(grow);
  return box;
}

/** The sheet as a snapshot straight from the state (no calls counted): for test assertions. */
export function sheetSnapshot(s: FakeSheetState, date1904: boolean): SheetSnapshot {
  const vis = s.visible === XL.sheetVeryHidden ? 'veryHidden' : s.visible === XL.sheetHidden ? 'hidden' : 'visible';
  const box = usedBox(s);
  const base = { name: s.name, protected: s.protectContents, visibility: vis as SheetSnapshot['visibility'], merges: s.merges.map(rangeToA1), ...(date1904 ? { date1904 } : {}) };
  if (!box) return { ...base, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], fills: [] };
  const b: RangeRef = box;
  const rows = Array.from({ length: b.bottom - b.top + 1 }, (_, i) => b.top + i);
  const cols = Array.from({ length: b.right - b.left + 1 }, (_, j) => b.left + j);
  const at = (r: number, c: number) => s.cells.get(key(r, c)) ?? blankCell();
  return {
    ...base,
    top: b.top,
    left: b.left,
    values: rows.map((r) => cols.map((c) => at(r, c).value)),
    texts: rows.map((r) => cols.map((c) => at(r, c).text)),
    formulas: rows.map((r) => cols.map((c) => at(r, c).formula)),
    numberFormats: rows.map((r) => cols.map((c) => at(r, c).numberFormat)),
    fills: rows.map((r) => cols.map((c) => fillText(at(r, c)))),
  };
}

function fillText(c: FakeCell): string | null {
  if (c.pattern === XL.none) return null;
  if (c.pattern !== XL.patternSolid) return 'other';
  const hex = (c.color & 255) * 65536 + ((c.color >> 8) & 255) * 256 + ((c.color >> 16) & 255);
  return '#' + hex.toString(16).padStart(6, '0').toUpperCase();
}

export { isErrorValue };
