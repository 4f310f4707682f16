/**
 * Renders a number as a spreadsheet shows it under a number format code, for hosts that do not
 * give display text (files, the playground). Covers what forms use: General, fixed decimals,
 * thousands separators, percent, literal prefixes/suffixes ("元", ¥), negative/zero sections,
 * scientific, and date/time codes. Anything it cannot read falls back to General.
 */

import { memoByString } from './memo';

/** Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01, after Excel's phantom 1900-02-29). */
export const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** Day 0 of the 1904 date system (`<workbookPr date1904="1"/>`, old Mac workbooks): serial 0 is 1904-01-01. */
export const EXCEL_1904_EPOCH_MS = Date.UTC(1904, 0, 1);
/** Days between the two systems' day 0: a 1904 serial plus this is the same day's 1900 serial. */
export const DAYS_1900_TO_1904 = (EXCEL_1904_EPOCH_MS - EXCEL_EPOCH_MS) / 86400000;

/** Day 0 of a workbook's date system. */
export function excelEpochMs(date1904 = false): number {
  return date1904 ? EXCEL_1904_EPOCH_MS : EXCEL_EPOCH_MS;
}
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

function scientific(n: number, digits: number): string {
  const [m, e] = n.toExponential(digits).split('e');
  const exp = Number(e);
  return `${trimZeros(m)}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Excel's General: at most 11 characters (sign aside), switching to scientific for very large/small. */
export function formatGeneral(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const a = Math.abs(n);
  const sign = n < 0 ? '-' : '';
  if (a >= 1e11 || a < 1e-9) return sign + scientific(a, 5);
  // Most cells hold short numbers (integers, amounts to the cent): the shortest text already is General's.
  if (Number.isInteger(a)) return sign + String(a);
  const intDigits = a < 1 ? 1 : Math.floor(Math.log10(a)) + 1;
  const decimals = Math.max(0, 10 - intDigits);
  const plain = String(a);
  if (plain.length <= 16 && !plain.includes('e') && plain.length - plain.indexOf('.') - 1 <= decimals) return sign + plain;
  const fixed = trimZeros(toFixed(a, decimals));
  if (fixed === '0') return sign + scientific(a, 5);
  return sign + fixed;
}

/** Splits a format into its sections, respecting quotes and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const j = fmt.indexOf('"', i + 1);
      const end = j < 0 ? fmt.length : j;
      cur += fmt.slice(i, end + 1);
      i = end;
    } else if (ch === '\\') {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Format code with quoted text, escapes and [..] blocks removed: what decides the kind of format. */
function bare(code: string): string {
  return code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
}

function isDateFormat(code: string): boolean {
  const b = bare(code);
  return /[ymdhs]/i.test(b) && !/[0#?]/.test(b.replace(/[ymdhs]/gi, '').replace(/\.0+/, ''));
}

function formatDate(serial: number, code: string, epochMs: number): string {
  // In the 1900 system serials 1–59 count from 1900-01-01 (Excel's phantom 1900-02-29 is serial 60).
  const ms = Math.round((epochMs === EXCEL_EPOCH_MS && serial < 60 ? serial + 1 : serial) * 86400000);
  const d = new Date(epochMs + ms);
  const ampm = /AM\/PM|A\/P|上午\/下午/i.test(code);
  let hours = d.getUTCHours();
  const pm = hours >= 12;
  if (ampm) hours = hours % 12 || 12;
  const re = /"([^"]*)"|\\(.)|\[[^\]]*\]|_.|(AM\/PM|A\/P|上午\/下午)|(y+|m+|d+|h+|s+)|([^"\\[_]+?)/gi;
  const tokens: { kind: string; text: string }[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) {
    if (m[1] !== undefined) tokens.push({ kind: 'lit', text: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'lit', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'ampm', text: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: m[4][0].toLowerCase(), text: m[4].toLowerCase() });
    else if (m[5] !== undefined) tokens.push({ kind: 'lit', text: m[5] });
  }
  // "m" right after an hour or right before seconds means minutes.
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) if (tokens[j].kind !== 'lit') return tokens[j].kind === 'h';
    return false;
  };
  const beforeSeconds = (i: number): boolean => {
    for (let j = i + 1; j < tokens.length; j++) if (tokens[j].kind !== 'lit') return tokens[j].kind === 's';
    return false;
  };
  let out = '';
  tokens.forEach((t, i) => {
    const len = t.text.length;
    const pad = (v: number): string => (len >= 2 ? String(v).padStart(2, '0') : String(v));
    switch (t.kind) {
      case 'y':
        out += len <= 2 ? String(d.getUTCFullYear()).slice(-2) : String(d.getUTCFullYear());
        break;
      case 'm':
        if (len <= 2 && (isMinute(i) || beforeSeconds(i))) out += pad(d.getUTCMinutes());
        else if (len <= 2) out += pad(d.getUTCMonth() + 1);
        else out += len === 3 ? MONTHS[d.getUTCMonth()].slice(0, 3) : len === 5 ? MONTHS[d.getUTCMonth()][0] : MONTHS[d.getUTCMonth()];
        break;
      case 'd':
        out += len <= 2 ? pad(d.getUTCDate()) : len === 3 ? DAYS[d.getUTCDay()].slice(0, 3) : DAYS[d.getUTCDay()];
        break;
      case 'h':
        out += pad(hours);
        break;
      case 's':
        out += pad(d.getUTCSeconds());
        break;
      case 'ampm':
        out += t.text === '上午/下午' ? (pm ? '下午' : '上午') : t.text.toUpperCase().startsWith('A/P') ? (pm ? 'P' : 'A') : pm ? 'PM' : 'AM';
        break;
      default:
        out += t.text;
    }
  });
  return out;
}

/** toFixed with Excel's decimal rounding (1.005 → "1.01"), which works on 15 significant digits. */
function toFixed(x: number, d: number): string {
  if (Math.abs(x) >= 1e15) return x.toFixed(d);
  const r = Number(`${Math.round(Number(`${Number(x.toPrecision(15))}e${d}`))}e-${d}`);
  return r.toFixed(d);
}

function withThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Renders literal text of a section part: quoted text, escapes, `_x` as a space, `*x` dropped. */
function literal(s: string): string {
  return s.replace(/"([^"]*)"|\\(.)|_.|\*.|\[[^\]]*\]/g, (_m, q?: string, e?: string) => q ?? e ?? (_m[0] === '_' ? ' ' : ''));
}

/** One numeric section applied to a non-negative number; null when the section has no digit placeholder. */
function formatSection(a: number, code: string): string | null {
  // Locate the placeholder run outside quotes/brackets.
  const mask = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, (s) => '\u0000'.repeat(s.length));
  const first = mask.search(/[0#?]/);
  if (first < 0) return null;
  let last = first;
  for (let i = first; i < mask.length; i++) if (/[0#?.,]/.test(mask[i]) || (/[eE]/.test(mask[i]) && /[+-]/.test(mask[i + 1] ?? ''))) {
    if (/[eE]/.test(mask[i])) {
      i += 2;
      while (i < mask.length && /[0#]/.test(mask[i])) i++;
      last = i - 1;
      break;
    }
    last = i;
  } else break;
  const num = mask.slice(first, last + 1);
  const prefix = literal(code.slice(0, first));
  const suffix = literal(code.slice(last + 1));
  let scaled = a * Math.pow(100, (bare(code).match(/%/g) ?? []).length);
  const sci = /[eE][+-]/.exec(num);
  if (sci) {
    const decimals = (/\.([0#?]+)/.exec(num.slice(0, sci.index))?.[1] ?? '').length;
    const [m, e] = scaled.toExponential(decimals).split('e');
    const exp = Number(e);
    const width = num.length - sci.index - 2;
    return `${prefix}${m}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(width, '0')}${suffix}`;
  }
  const trailingCommas = /,+$/.exec(num)?.[0].length ?? 0;
  scaled /= Math.pow(1000, trailingCommas);
  const body = num.slice(0, num.length - trailingCommas);
  const [intSpec, fracSpec = ''] = body.split('.');
  const decimals = fracSpec.replace(/,/g, '').length;
  const optional = (/[#?]+$/.exec(fracSpec)?.[0].length ?? 0);
  let text = toFixed(scaled, decimals);
  let [i, f = ''] = text.split('.');
  if (optional) f = f.replace(new RegExp(`0{1,${optional}}$`), '');
  const minInt = (intSpec.replace(/,/g, '').match(/0/g) ?? []).length;
  if (minInt === 0 && i === '0') i = '';
  else i = i.padStart(minInt, '0');
  if (intSpec.includes(',')) i = withThousands(i);
  text = i + (body.includes('.') ? '.' + f : '');
  if (text === '') text = '0';
  return prefix + text + suffix;
}

/**
 * True when a number format shows its value multiplied by 100 with a percent sign (0%, 0.00%,
 * #,##0.0%): the cell holds a fraction. A % that is quoted (0.00"%"), escaped (0.00\%), inside
 * [..] or after _ or * is literal text: such a cell holds points (100 shows 100.00%). Decided on the
 * first section (positive numbers), as a rate is never negative.
 */
export function isScalingPercentFormat(format: string | undefined | null): boolean {
  // Most formats have no % at all: nothing to parse.
  return typeof format === 'string' && format.includes('%') && scalingPercent(format);
}

// Memoised: a workbook has a handful of formats, asked about on every number cell the engine reads.
const scalingPercent = memoByString((format: string): boolean => bare(sections(format)[0]).includes('%'));

export interface FormatOptions {
  /** The workbook uses the 1904 date system: date serials count from 1904-01-01. */
  date1904?: boolean;
}

export function formatNumber(n: number, format: string | undefined | null, options?: FormatOptions): string {
  if (!Number.isFinite(n)) return String(n);
  // The format of most cells, as files write it: no trimming or pattern test needed.
  if (format === 'General' || format === null || format === undefined || format === '') return formatGeneral(n);
  const fmt = format.trim();
  if (!fmt || /^general$/i.test(fmt) || fmt === '@') return formatGeneral(n);
  const secs = sections(fmt);
  let code = secs[0];
  let sign = n < 0 ? '-' : '';
  if (n < 0 && secs.length > 1 && secs[1].trim() !== '') {
    code = secs[1];
    sign = ''; // the negative section writes its own sign or parentheses
  } else if (n === 0 && secs.length > 2) code = secs[2];
  if (/^\s*general\s*$/i.test(bare(code))) return sign + literal(code.replace(/general/i, formatGeneral(Math.abs(n))));
  if (isDateFormat(code)) return n < 0 ? formatGeneral(n) : formatDate(n, code, excelEpochMs(options?.date1904));
  const out = formatSection(Math.abs(n), code);
  if (out === null) {
    // A section of pure text (e.g. "-" for zeros) shows that text.
    const lit = literal(code);
    return /[0#?]/.test(lit) || lit === '' ? formatGeneral(n) : lit;
  }
  // Excel drops the minus when the shown value rounds to zero.
  return (/[1-9]/.test(out) ? sign : '') + out;
}
