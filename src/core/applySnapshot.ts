/**
 * The snapshot as it will be after a list of changes, without asking the host again: lets a
 * recompute show its result after one read and one write.
 */
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { CellChange } from './edits';
import { parseA1 } from './address';
import { formatNumber } from './numfmt';

function grow(sheet: SheetSnapshot, r: number, c: number): void {
  const width = Math.max(c + 1, sheet.values[0]?.length ?? 0);
  while (sheet.values.length <= r) {
    sheet.values.push([]);
    sheet.texts.push([]);
    sheet.formulas.push([]);
    sheet.numberFormats.push([]);
    sheet.fills?.push([]);
  }
  for (let i = 0; i < sheet.values.length; i++) {
    while (sheet.values[i].length < width) {
      sheet.values[i].push(null);
      sheet.texts[i].push('');
      sheet.formulas[i].push(null);
      sheet.numberFormats[i].push('General');
      sheet.fills?.[i]?.push(null);
    }
  }
}

function cloneSheet(s: SheetSnapshot): SheetSnapshot {
  return {
    ...s,
    values: s.values.map((r) => r.slice()),
    texts: s.texts.map((r) => r.slice()),
    formulas: s.formulas.map((r) => r.slice()),
    numberFormats: s.numberFormats.map((r) => r.slice()),
    fills: (s.fills ?? s.values.map((r) => r.map(() => null))).map((r) => r.slice()),
    merges: s.merges.slice(),
  };
}

export function applyToSnapshot(book: WorkbookSnapshot, changes: CellChange[]): WorkbookSnapshot {
  const touched = new Set(changes.map((c) => c.sheet));
  const sheets = book.sheets.map((s) => (touched.has(s.name) ? cloneSheet(s) : s));
  for (const ch of changes) {
    let sheet = sheets.find((s) => s.name === ch.sheet);
    if (!sheet) {
      sheet = { name: ch.sheet, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [], visibility: 'veryHidden' };
      sheets.push(sheet);
    }
    const ref = parseA1(ch.cell);
    if (!ref) continue;
    const r = ref.row - sheet.top;
    const c = ref.col - sheet.left;
    if (r < 0 || c < 0) continue;
    grow(sheet, r, c);
    if (ch.numberFormat !== undefined) sheet.numberFormats[r][c] = ch.numberFormat;
    if (ch.value !== undefined) {
      sheet.values[r][c] = ch.value;
      sheet.formulas[r][c] = null;
      const v = ch.value;
      sheet.texts[r][c] = typeof v === 'number' ? formatNumber(v, sheet.numberFormats[r][c]) : v === null ? '' : String(v);
    }
    if (ch.cached !== undefined && ch.value === undefined && sheet.formulas[r][c]) {
      sheet.values[r][c] = ch.cached;
      const v = ch.cached;
      sheet.texts[r][c] = typeof v === 'number' ? formatNumber(v, sheet.numberFormats[r][c]) : v === null ? '' : String(v);
    }
    if (ch.fill !== undefined && sheet.fills) sheet.fills[r][c] = ch.fill;
  }
  return { ...book, sheets };
}
