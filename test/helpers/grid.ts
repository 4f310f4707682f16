/** Builds a SheetSnapshot from rows of values (a string starting with "=" becomes a formula with no cached value). */
import type { CellValue, SheetSnapshot } from '../../src/core/snapshot';
import { formatNumber } from '../../src/core/numfmt';

export function sheetOf(name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const pad = <T>(r: T[], fill: T) => [...r, ...new Array(width - r.length).fill(fill)];
  const values = rows.map((r) => pad(r, null as CellValue).map((v) => (typeof v === 'string' && v.startsWith('=') && v.length > 1 && /^=[A-Z(]/.test(v) ? null : v)));
  const formulas = rows.map((r) => pad(r, null as CellValue).map((v) => (typeof v === 'string' && /^=[A-Z(]/.test(v) ? v : null)));
  const numberFormats = rows.map(() => new Array(width).fill('General'));
  return {
    name,
    top: 0,
    left: 0,
    values,
    texts: values.map((r) => r.map((v) => (typeof v === 'number' ? formatNumber(v, 'General') : v === null ? '' : String(v)))),
    formulas,
    numberFormats,
    merges: [],
    fills: values.map((r) => r.map(() => null)),
    ...extra,
  };
}
