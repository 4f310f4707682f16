/** Bound cells for hand-built forms. */
import type { Bound } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { parseA1 } from '../../../src/core/address';

/** bound('H14', 15) — text defaults to the value as shown; pass numberFormat for percent cells. */
export function bound(a1: string, value: CellValue, opts: { text?: string; numberFormat?: string; formula?: string } = {}): Bound {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`bad address ${a1}`);
  const nf = opts.numberFormat ?? 'General';
  let text = opts.text;
  if (text === undefined) {
    if (value === null) text = '';
    else if (typeof value === 'number' && nf.includes('%')) text = `${Math.round(value * 10000) / 100}%`;
    else text = String(value);
  }
  return { row: ref.row, col: ref.col, a1: a1.toUpperCase(), value, text, formula: opts.formula ?? null, numberFormat: nf };
}
