/**
 * Written numbers visible as written: a score of 14.55 in a cell formatted `0` prints as 15, and a
 * column where the clerk writes "15分" should get "14.55分", not a bare number.
 */
import type { CellValue } from './snapshot';
import { formatNumber } from './numfmt';
import { fmtNum, roundTo } from './format';

/** Decimals the value needs (to 2, the scores' precision). */
function decimalsOf(value: number): number {
  const r = roundTo(value, 2);
  if (Number.isInteger(r)) return 0;
  return Number.isInteger(roundTo(r * 10, 6)) ? 1 : 2;
}

/** The number a formatted text shows ("15分" → 15, "1,234.5" → 1234.5), or null. */
export function shownNumber(text: string): number | null {
  const m = /-?[\d,]*\.?\d+/.exec(text.replace(/[\s\u3000]/g, ''));
  if (!m) return null;
  const n = Number(m[0].replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/**
 * `format` with its digit placeholders showing `decimals` decimals in every section, quoted text
 * ("分") and everything else kept. Null when the format has no plain digit placeholders to widen.
 */
export function withDecimals(format: string, decimals: number): string | null {
  let changed = false;
  const sections = format.split(';').map((section) => {
    let done = false;
    // Quoted literals and bracketed parts ([Red], [>=100]) are kept as they are.
    return section
      .split(/("[^"]*"|\[[^\]]*\]|\\.)/)
      .map((part, i) => {
        if (i % 2 === 1 || done) return part;
        return part.replace(/[#0,]*0(?:\.[0#]*)?/, (digits) => {
          done = true;
          const whole = digits.split('.')[0];
          const next = decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole;
          if (next !== digits) changed = true;
          return next;
        });
      })
      .join('');
  });
  return changed ? sections.join(';') : null;
}

/**
 * The number format to write with `value` so that the cell shows it as the rule computed it, or
 * undefined when the cell's own format already does (General shows it; a percent format is the
 * rates' business). Only ever adds decimals.
 */
export function visibleFormat(format: string, value: number): string | undefined {
  const fmt = (format ?? '').trim();
  if (!fmt || /^general$/i.test(fmt) || fmt === '@' || fmt.includes('%')) return undefined;
  const want = roundTo(value, 2);
  if (shownNumber(formatNumber(want, fmt)) === want) return undefined;
  const wider = withDecimals(fmt, decimalsOf(want));
  if (wider && shownNumber(formatNumber(want, wider)) === want) return wider;
  return decimalsOf(want) === 1 ? '0.0' : '0.00';
}

/**
 * The value to write in the column's own style: a cell holding text around a number ("15分", "15")
 * gets the new number in the same text ("14.55分"); anything else gets the number. Undefined when
 * the cell already says that number (nothing to rewrite).
 */
export function styledValue(current: CellValue, value: number): CellValue | undefined {
  if (typeof current === 'number') return Math.abs(current - value) < 1e-9 ? undefined : value;
  if (typeof current !== 'string' || current.trim() === '') return value;
  const m = /^(\s*)(-?\d+(?:\.\d+)?)(\s*分?\s*)$/.exec(current);
  if (!m) return value;
  if (Math.abs(Number(m[2]) - value) < 1e-9) return undefined;
  return `${m[1]}${fmtNum(roundTo(value, 2))}${m[3]}`;
}
