/**
 * Deadlines and completion dates: "2023年12月31日前", "2021年12月完成", "12月底前", "第四季度", "2023.12.31",
 * "2023.12", "2023年12月中旬", "已于2024年2月完成", "次年3月", Excel date serials; and how two of them compare.
 */
import type { Comparator, DateValue, ParsedValue } from './types';
import { parseChineseNumeral } from './number';
import { normalizeText, stripTrailingPunctuation } from './normalize';
import { memoByString } from '../memo';

/**
 * A date's parts. `yearOffset` is set (never 0) for a year written relative to the form's year
 * ("次年3月" → +1, "上年12月" → −1); `year` is then null.
 */
export type DateParts = Omit<DateValue, 'kind' | 'raw'> & { yearOffset?: number };

export interface DateTextOptions {
  /**
   * Accept years relative to the form's year ("次年3月", "明年上半年", "上年12月"). Off by default: such a date
   * has no year of its own, and only a comparison that applies `yearOffset` (compareDates) reads it right.
   */
  relative?: boolean;
}

const DAY_MS = 86400000;

/** Words that may close a date: a deadline ("前", "以前", "内") and/or what happens by then ("完成", "已完成", "完成验收"). */
const DEADLINE = '(?:之前|以前|前|之内|以内|内|为止|止|截止)';
const DONE_WORD = '(?:全部完成|完成|完工|竣工|建成|到位|实施|办结|结束|验收|交付|投用|投入使用|上线|开工|启动|落实|拨付|支付|兑付|发放)';
const ALREADY = '(?:已经|已全部|均已|全部|已)';
const TAIL = new RegExp(`^(底|末)?${DEADLINE}?(${ALREADY})?(?:${DONE_WORD}(?:[并及和]?${DONE_WORD})?)?$`);
const PREFIX = /^(已经|均已|已全部|已)?(?:于|在|截至|截止到|截止|至|到|按期于|计划于|预计于|按时于|拟于|将于)?/;

/** Years written relative to the form's year. */
const RELATIVE_YEAR: Record<string, number> = {
  本: 0, 当: 0, 今: 0, 次: 1, 翌: 1, 明: 1, 下: 1, 下一: 1, 第二: 1, 上: -1, 上一: -1, 去: -1,
};

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

interface Head {
  year: number | null;
  offset: number;
  /** The text before the date said it is done already ("已于"). */
  already: boolean;
}

/**
 * Parts from what the grammar found and the words after it. `deadline` marks words inside the date that set
 * a limit ("2023年底", "12月底"). A date with "已" around it reports a fact: no comparator.
 */
function build(head: Head, month: number | null, day: number | null, tail: string, deadline = false): DateParts | 'bad' | null {
  const t = TAIL.exec(tail);
  if (!t) return null;
  const { year, offset } = head;
  if (!valid(year, month, day)) return 'bad';
  const already = head.already || t[2] !== undefined;
  const comparator: Comparator | null = already || (tail === '' && !deadline) ? null : '<=';
  const parts: DateParts = { comparator, year, month, day, serial: serialOf(year, month, day) };
  if (offset !== 0) parts.yearOffset = offset;
  return parts;
}

const QUARTER_END: Record<number, number> = { 1: 3, 2: 6, 3: 9, 4: 12 };

/** Digits of a year written in Chinese numerals, zero as 〇 / 零 / ○ / O ("二〇二三", "二零二三", "二○二三", "二0二三"). */
const YEAR_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, '◯': 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
/** A year digit by digit in Chinese numerals (Arabic digits may mix in): 一九xx, 二〇xx, 二一xx. */
const CN_YEAR = /^((?:一九|二[〇零○◯Oo0一])[〇零○◯Oo0-9一二三四五六七八九]{2})年度?/;

/** "2023" → 2023, "二〇二三" → 2023. */
function yearOf(text: string): number {
  return Number([...text].map((c) => (/\d/.test(c) ? c : String(YEAR_DIGITS[c]))).join(''));
}

function num(s: string | undefined): number | null {
  if (s === undefined) return null;
  return /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
}

/** Last day of a part of a month: 上旬 / 月初 → 10, 中旬 / 月中 → 20, 下旬 → end of month (null). */
function partOfMonth(xun: string | undefined, early: string | undefined): number | null {
  const w = xun ? xun[xun.length - 1] : early;
  return w === '上' || w === '初' ? 10 : w === '中' ? 20 : null;
}

const CN_DAY = '[一二三四五六七八九十]{1,3}';
/** 12月 / 12月31日 / 12月中旬 / 12月中下旬 / 12月初 / 十二月 — then the words after it. */
const MONTH = new RegExp(`^(\\d{1,2}|[一二三四五六七八九十]{1,3})月份?(?:(\\d{1,2}|${CN_DAY})[日号]|([上中下]{1,2})旬|(初|中)(?!旬))?(.*)$`);
/** Parts of a year, after a year ("2023年第四季度") or alone ("第四季度", "年底前", "上半年", "全年"). */
const PERIOD = /^(?:第?([1-4一二三四])季度(?:末|底)?|(上半年|年中)|(下半年|全年|年底|年末|年内|年度内))(.*)$/;
/** The same after a year only: "2023年底", "2023年末", "2023年内". */
const YEAR_END = /^(底|末)(.*)$/;

/**
 * Date text → parts; 'bad' for an impossible date ("2023年13月"); null when not a date.
 * A date without a deadline word gets comparator null: the caller decides. Years relative to the
 * form's year ("次年3月") only with `options.relative`.
 */
export function parseDateText(text: string, options: DateTextOptions = {}): DateParts | 'bad' | null {
  return options.relative ? parseRelativeCached(text) : parseCached(text);
}

const parseCached = memoByString((text: string) => parseOnce(text, false));
const parseRelativeCached = memoByString((text: string) => parseOnce(text, true));

function parseOnce(text: string, relative: boolean): DateParts | 'bad' | null {
  const normal = stripTrailingPunctuation(normalizeText(text));
  const pre = PREFIX.exec(normal);
  const already = !!pre?.[1];
  let s = normal.slice(pre ? pre[0].length : 0);
  let m: RegExpExecArray | null;

  // 2023.12.31 / 2023-12-31 / 2023/12/31 / 2023-12 / 2023/12 / 2023.12
  if ((m = /^(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?(.*)$/.exec(s))) return dotted(m, already);

  // The year: "2023年", "2023年度", "次年", "本年度", or none.
  const head: Head = { year: null, offset: 0, already };
  let hasYear = false;
  if ((m = /^(\d{4})年度?/.exec(s)) || (m = CN_YEAR.exec(s))) {
    head.year = yearOf(m[1]);
    hasYear = true;
  } else if ((m = /^(本|当|今|次|翌|明|下一?|第二|上一?|去)年度?(?!底|末|内|中)/.exec(s)) || (m = /^(本|当|今|次|翌|明|下一?|第二|上一?|去)(?=年(?:底|末|内|中))/.exec(s))) {
    head.offset = RELATIVE_YEAR[m[1]];
    if (head.offset !== 0 && !relative) return null;
    hasYear = true;
  }
  if (m && hasYear) s = s.slice(m[0].length);

  if ((m = MONTH.exec(s))) {
    const day = m[2] !== undefined ? num(m[2]) : partOfMonth(m[3], m[4]);
    return build(head, num(m[1]), day, m[5]);
  }
  if ((m = PERIOD.exec(s))) {
    const month = m[1] ? QUARTER_END[num(m[1]) ?? 0] : m[2] ? 6 : 12;
    // "2023年第三季度", "上半年": a period, not a deadline, unless words follow.
    return build(head, month, null, m[4], !!m[3] && m[3] !== '全年' && m[3] !== '下半年');
  }
  if (hasYear && (m = YEAR_END.exec(s))) return build(head, 12, null, m[2], true);
  // "2023年" / "2023年内": the whole year. A relative year alone ("当年完成") is too vague to be a date.
  if (head.year !== null) return build(head, null, null, s);
  if (hasYear && /^(?:内|之内|以内)/.test(s)) return build(head, 12, null, s);
  return null;
}

/** Dotted, dashed and slashed dates; "2023.12" alone is December 2023 only for a plausible year and month. */
function dotted(m: RegExpExecArray, already: boolean): DateParts | 'bad' | null {
  const [, y, sep, mo, d, tail] = m;
  if (d === undefined && /^\d/.test(tail)) return null;
  // "1000.00以内" is an amount, not the year 1000: only a plausible year and month make this a date.
  const year = Number(y);
  const month = Number(mo);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null;
  if (d === undefined && sep === '.' && tail === '' && !isDottedYearMonth(`${y}.${mo}`)) return null;
  return build({ year, offset: 0, already }, month, d === undefined ? null : Number(d), tail);
}

/**
 * True for text that is exactly a year and month written with a dot ("2023.12", "2024.3"): a year
 * 2000–2100 and a month 1–12, nothing else. Read as a date, not the number 2023.12.
 */
export function isDottedYearMonth(text: string): boolean {
  const m = /^(\d{4})\.(\d{1,2})$/.exec(text.trim());
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 2000 && year <= 2100 && month >= 1 && month <= 12;
}

/**
 * The date a parsed value states, when it states one: a date; a number written as a dotted year-month
 * (a cell holding 2023.12, in a date context); words that are a date with a relative year ("次年3月").
 */
export function dateOf(value: ParsedValue): DateParts | null {
  switch (value.kind) {
    case 'date': {
      // A relative year the parser left out ("次年3月" read as "3月" behind a label) still counts.
      const again = value.year === null && value.raw ? parseDateText(value.raw, { relative: true }) : null;
      return again && again !== 'bad' && again.yearOffset !== undefined ? { ...value, yearOffset: again.yearOffset } : value;
    }
    case 'number': {
      if (value.comparator !== null || value.unit !== null || !isDottedYearMonth(value.raw)) return null;
      const p = parseDateText(value.raw);
      return p === 'bad' ? null : p;
    }
    case 'qualitative': {
      const p = parseDateText(value.text, { relative: true });
      return p === 'bad' ? null : p;
    }
    default:
      return null;
  }
}

export type DateOrder = 'on-time' | 'late';

/** Base year for dates that have none on either side (a leap year, so 2月29日 exists). */
const ANY_YEAR = 2000;

function endSerial(year: number, d: DateParts): number {
  const month = d.month ?? 12;
  const day = d.day ?? daysInMonth(year, month);
  return Date.UTC(year, month - 1, Math.min(day, daysInMonth(year, month))) / DAY_MS;
}

/**
 * Whether `actual` is on or before the deadline `target` (the last day each allows: "12月" is 12月31日).
 * Years left out are supplied in this order: the date's own year; `formYear` plus its `yearOffset`; the
 * other side's year (both in the same year, "12月底前" / "2023年11月"); when neither side has one, both
 * sides in one year and only month and day compare, "次年" (yearOffset 1) a year later. Null when a side
 * has neither year nor month.
 */
export function compareDates(target: DateParts, actual: DateParts, formYear: number | null = null): DateOrder | null {
  if ((target.year === null && target.month === null) || (actual.year === null && actual.month === null)) return null;
  const tOff = target.yearOffset ?? 0;
  const aOff = actual.yearOffset ?? 0;
  // The form's year: given, or the target's own year, or the actual's, or any year.
  const base = formYear ?? (target.year !== null ? target.year - tOff : actual.year !== null ? actual.year - aOff : ANY_YEAR);
  const ty = target.year ?? base + tOff;
  const ay = actual.year ?? base + aOff;
  return endSerial(ay, actual) <= endSerial(ty, target) ? 'on-time' : 'late';
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
