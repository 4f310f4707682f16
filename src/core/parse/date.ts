/** Deadlines: "2023年12月31日前", "2021年12月完成", "12月底前", "第四季度", "2023.12.31", Excel date serials. */
import type { Comparator, DateValue } from './types';
import { parseChineseNumeral } from './number';
import { memoByString } from '../memo';

export type DateParts = Omit<DateValue, 'kind' | 'raw'>;

const DAY_MS = 86400000;

/** Words after a date that make it a deadline ("前完成", "底前", "以前"). */
const DEADLINE_SUFFIX = /^(?:底)?(?:之前|以前|前|内|之内|以内|止|为止|截止)?(?:完成|完工|到位|实施|办结|结束|竣工|验收|全部完成)?$/;
const PREFIX = /^(?:于|在|截至|截止到|截止|至|到|按期于|计划于|预计于|按时于)?/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of the last day the parts allow. */
export function serialOf(year: number | null, month: number | null, day: number | null): number | null {
  if (year === null) return null;
  const m = month ?? 12;
  const d = day ?? daysInMonth(year, m);
  return Date.UTC(year, m - 1, d) / DAY_MS;
}

function valid(year: number | null, month: number | null, day: number | null): boolean {
  if (year !== null && (year < 1900 || year > 2200)) return false;
  if (month !== null && (month < 1 || month > 12)) return false;
  if (day !== null && (month === null || day < 1 || day > daysInMonth(year ?? 2000, month))) return false;
  return true;
}

function build(year: number | null, month: number | null, day: number | null, tail: string): DateParts | 'bad' | null {
  const suffix = DEADLINE_SUFFIX.exec(tail);
  if (!suffix) return null;
  if (!valid(year, month, day)) return 'bad';
  const comparator: Comparator | null = tail === '' ? null : '<=';
  return { comparator, year, month, day, serial: serialOf(year, month, day) };
}

const QUARTER_END: Record<number, number> = { 1: 3, 2: 6, 3: 9, 4: 12 };

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/**
 * Date text (normalised) → parts; 'bad' for an impossible date ("2023年13月"); null when not a date.
 * A date without a deadline word gets comparator null: the caller decides.
 */
export function parseDateText(text: string): DateParts | 'bad' | null {
  const s = text.replace(PREFIX, '');
  let m: RegExpExecArray | null;
  // 2023年12月31日 / 2023年12月底 / 2023年12月 / 2023年(度)(内|底|末)
  if ((m = /^(\d{4})年(?:度)?(?:(\d{1,2})月(?:份)?(?:(\d{1,2})[日号])?)?(.*)$/.exec(s))) {
    const year = Number(m[1]);
    const month = m[2] === undefined ? null : Number(m[2]);
    const day = m[3] === undefined ? null : Number(m[3]);
    const period = month === null ? /^(?:第?([1-4一二三四])季度末?|(上半年)|(?:下半年|年底|年末|底|末))(.*)$/.exec(m[4]) : null;
    if (period) return build(year, period[1] ? QUARTER_END[num(period[1]) ?? 0] : period[2] ? 6 : 12, null, period[3]);
    return build(year, month, day, m[4]);
  }
  // 2023.12.31 / 2023-12-31 / 2023/12/31 / 2023-12 / 2023/12 (dotted year-month only with a deadline word)
  if ((m = /^(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?(.*)$/.exec(s))) {
    if (m[4] === undefined && m[2] === '.' && m[5] === '') return null;
    if (m[4] === undefined && /^\d/.test(m[5])) return null;
    // "1000.00以内" is an amount, not the year 1000: only a plausible year and month make this a date.
    const year = Number(m[1]);
    const month = Number(m[3]);
    if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
    return build(year, month, m[4] === undefined ? null : Number(m[4]), m[5]);
  }
  // 12月31日前 / 12月底前 / 十二月
  if ((m = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:(\d{1,2})[日号])?(.*)$/.exec(s))) {
    return build(null, num(m[1]), m[2] === undefined ? null : Number(m[2]), m[3]);
  }
  // 第四季度 / 四季度
  if ((m = /^第?([1-4一二三四])季度(?:末)?(.*)$/.exec(s))) return build(null, QUARTER_END[num(m[1]) ?? 0] ?? null, null, m[2]);
  // 年底前 / 年末 / 年内 / 上半年 / 下半年 / 全年
  if ((m = /^(?:本|当|今)?(年底|年末|年内|年度内|全年|下半年|上半年)(.*)$/.exec(s))) {
    return build(null, m[1] === '上半年' ? 6 : 12, null, m[2]);
  }
  return null;
}

/** True when an Excel number format shows a date (y/m/d outside quotes, escapes and [..] sections). */
export function isDateFormat(format: string | undefined): boolean {
  return !!format && dateFormat(format);
}

// Memoised: a workbook uses a handful of number formats on thousands of cells.
const dateFormat = memoByString(dateFormatOnce);

function dateFormatOnce(format: string): boolean {
  const bare = format.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  if (/^general$/i.test(bare)) return false;
  return /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/[0#?]/.test(bare));
}

/** Excel serial (1900 system) → parts; the fraction (time of day) is dropped. */
export function partsFromExcelSerial(serial: number): DateParts | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  // Excel counts the nonexistent 1900-02-29 as serial 60.
  const days = whole - (whole >= 61 ? 25569 : 25568);
  const d = new Date(days * DAY_MS);
  return {
    comparator: null,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    serial: days,
  };
}
