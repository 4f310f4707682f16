/** Plain numbers: Arabic (with thousands separators) and small Chinese numerals. */
import { normalizeText, stripTextPrefix } from './normalize';

/** Unanchored source; thousands groups first so "1,165.56" is one number. */
export const NUMBER_SOURCE = String.raw`[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?`;

const LEADING_NUMBER = new RegExp(`^${NUMBER_SOURCE}`);

/** "1,165.56" → 1165.56; null when not a finite number. */
export function toNumber(token: string): number | null {
  const n = Number(token.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A number at the very start of normalised text, with what follows it. */
export function leadingNumber(s: string): { value: number; rest: string } | null {
  const m = LEADING_NUMBER.exec(s);
  if (!m) return null;
  const value = toNumber(m[0]);
  return value === null ? null : { value, rest: s.slice(m[0].length) };
}

/**
 * The first number in a text: "项目支出：1165.56" → 1165.56, "纳入专户管理的非税收入拨款：" → null.
 * A minus counts only right before the digits ("-5"), not as a dash after a word.
 */
export function parseNumberLoose(text: string | number | null | undefined): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string' || text === '') return null;
  // "'-5" with Excel's text prefix typed in is -5: the apostrophe is not a word before a dash.
  const s = stripTextPrefix(normalizeText(text.length > 10000 ? text.slice(0, 10000) : text));
  const m = /(^|[^\d.])(-?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)/.exec(s);
  if (!m) return null;
  const negative = m[2] === '-' && (m[1] === '' || /[:：(（\s=<>]/.test(m[1]));
  const n = toNumber(m[3]);
  return n === null ? null : negative ? -n : n;
}

const CN_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_SOURCE = '[零〇一二两三四五六七八九十百千万]+';

/** "两" → 2, "十二" → 12, "一百零五" → 105, "三万" → 30000, "九十五点五" → 95.5; null when malformed. */
export function parseChineseNumeral(s: string): number | null {
  if (!s || s.length > 12) return null;
  const point = s.indexOf('点');
  if (point >= 0) return withDecimals(s.slice(0, point), s.slice(point + 1));
  return wholeNumeral(s);
}

/** "九十五" + "五" → 95.5: after 点 each character is one digit. */
function withDecimals(whole: string, decimals: string): number | null {
  const n = whole === '' ? 0 : wholeNumeral(whole);
  if (n === null || decimals === '' || [...decimals].some((c) => !(c in CN_DIGITS))) return null;
  return Number(`${n}.${[...decimals].map((c) => CN_DIGITS[c]).join('')}`);
}

function wholeNumeral(s: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of s) {
    if (c in CN_DIGITS) {
      if (digit !== null && digit !== 0 && CN_DIGITS[c] !== 0) return null; // "一二" is not a numeral
      digit = CN_DIGITS[c];
    } else if (c in CN_SCALES) {
      section += (digit ?? 1) * CN_SCALES[c];
      digit = null;
    } else if (c === '万') {
      total += (section + (digit ?? 0)) * 10000 || 10000;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

const PERCENT_WORDS = new RegExp(`百分之(${CN_NUMERAL_SOURCE}(?:点[零〇一二三四五六七八九]+)?|\\d+(?:\\.\\d+)?)`, 'g');

/** "百分之百" → "100%", "百分之九十五" → "95%", "百分之98.5" → "98.5%": the spelled-out percent clerks type. */
export function foldPercentWords(s: string): string {
  if (!s.includes('百分之')) return s;
  return s.replace(PERCENT_WORDS, (whole, n: string) => {
    const value = /^\d/.test(n) ? Number(n) : parseChineseNumeral(n);
    return value === null || !Number.isFinite(value) ? whole : `${value}%`;
  });
}
