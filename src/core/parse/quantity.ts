/** Numbers with units and ranges, read from normalised text whose leading comparator is already stripped. */
import type { Comparator, Unit } from './types';
import { CN_NUMERAL_SOURCE, NUMBER_SOURCE, leadingNumber, parseChineseNumeral, toNumber } from './number';
import { changeOf, leadingSuffix, stripSuffix, trailingComparator } from './comparator';
import { knownUnit, parseUnitText, sameDimension, toBase } from './units';

export interface Quantity {
  written: number;
  value: number;
  unit: Unit | null;
  /** Comparator from a word after the number ("以上", "以内"). */
  suffixComparator: Comparator | null;
}

export interface Span {
  low: number;
  high: number;
  unit: Unit | null;
}

/** "unit text" → Unit, or undefined when the text is not a unit (a sentence, digits). */
function unitOrFail(text: string, strict: boolean): Unit | null | undefined {
  if (text === '') return null;
  const unit = strict ? knownUnit(text) : parseUnitText(text);
  return unit ?? undefined;
}

const CN_LEADING = new RegExp(`^(${CN_NUMERAL_SOURCE})(.*)$`);

/** "≥" already gone: "50个以上", "1,165.56万元", "97%", "-3", "300余人次". */
export function parseQuantity(s: string): Quantity | null {
  const lead = leadingNumber(s);
  if (lead) return withUnit(lead.value, lead.rest, false);
  // Chinese numerals only before a known unit, so "一般" or "十分满意" stay words.
  const cn = CN_LEADING.exec(s);
  if (cn) {
    const n = parseChineseNumeral(cn[1]);
    if (n !== null && cn[2] !== '') return withUnit(n, cn[2], true);
  }
  return null;
}

/** "%(反向指标)" → "%", "(人)" → "人": a bracketed note after a unit, or a unit in brackets. */
function dropNote(text: string): string {
  const m = /^([^()]*)\(([^()]*)\)$/.exec(text);
  if (!m) return text;
  if (m[1] === '') return m[2];
  return knownUnit(m[1]) ? m[1] : text;
}

/** 余/多 after a number or its multiplier ("300余人次", "1000多户", "1万余人"): "some more", not part of the unit. */
const APPROX = /^(百万|千万|十万|万|亿|千|百)?[余多](?!少)/;

function dropApprox(text: string): string {
  return text.replace(APPROX, '$1');
}

function withUnit(written: number, rest: string, strict: boolean): Quantity | null {
  const { comparator, rest: unitText } = stripSuffix(dropNote(dropApprox(rest)));
  const unit = unitOrFail(unitText, strict);
  if (unit === undefined) return null;
  const value = toBase(written, unit);
  if (!Number.isFinite(value)) return null;
  return { written, value, unit, suffixComparator: comparator };
}

const RANGE = new RegExp(`^(${NUMBER_SOURCE})([^\\d~\\-至到]{0,8}?)(?:-{1,2}|~{1,2}|至|到)(${NUMBER_SOURCE})(.*)$`);

/** "90%-100%", "90~100%", "90%至100%", "3-5天"; null when not a range, 'units' when the units disagree. */
export function parseRange(s: string): Span | 'units' | null {
  const m = RANGE.exec(s) ?? BETWEEN_UP.exec(s) ?? BETWEEN_DOWN.exec(s);
  if (!m) return null;
  const a = toNumber(m[1]);
  const b = toNumber(m[3]);
  if (a === null || b === null) return null;
  const { rest: tail } = stripSuffix(m[4]);
  return spanOf(a, m[2], b, tail);
}

/**
 * "90%≤X≤100%", "90%<完成率<=100%", "100%≥X≥90%": a named value between two bounds. The name
 * (letters only) sits between the comparators; groups line up with RANGE's.
 */
const BETWEEN_UP = new RegExp(`^(${NUMBER_SOURCE})([^<>=\\d]{0,8}?)(?:<=|<)\\p{L}{1,12}(?:<=|<)(${NUMBER_SOURCE})(.*)$`, 'u');
const BETWEEN_DOWN = new RegExp(`^(${NUMBER_SOURCE})([^<>=\\d]{0,8}?)(?:>=|>)\\p{L}{1,12}(?:>=|>)(${NUMBER_SOURCE})(.*)$`, 'u');

/** Two ends with their unit texts; a unit written on one end only holds for both. */
function spanOf(a: number, unitA: string, b: number, unitB: string): Span | 'units' | null {
  const u1 = unitOrFail(unitA, false);
  const u2 = unitOrFail(unitB, false);
  if (u1 === undefined || u2 === undefined) return null;
  if (u1 && u2 && !sameDimension(u1, u2)) return 'units';
  const lowUnit = u1 ?? u2;
  const highUnit = u2 ?? u1;
  const x = toBase(a, lowUnit);
  const y = toBase(b, highUnit);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { low: Math.min(x, y), high: Math.max(x, y), unit: highUnit };
}

/** A quantity found inside a sentence ("完成90%，较上年提高2个百分点"). */
export interface FoundQuantity extends Quantity {
  /** The words since the previous quantity, through this one's unit and suffix ("较上年提高2个百分点"). */
  raw: string;
  comparator: Comparator | null;
  soft: boolean;
  change: 'increase' | 'decrease' | null;
}

/** Bounds the work on prose full of numbers; the scorer needs the first few. */
export const MAX_FOUND = 20;

/**
 * Arabic numbers not glued to another digit or dot ("1.2.3" is a version, not numbers) nor to a
 * Latin letter or a code's dash before them ("GB3838-2002", "PM2.5" are codes). A minus counts
 * only at the start or after an opening bracket or colon (elsewhere "-" is a dash).
 */
const NUMBER_IN_TEXT = /(?<![\d.A-Za-z])(?<![\dA-Za-z]-)((?:^|(?<=[:(]))-)?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d.])/g;

/** Every quantity written in a clause, in order, with the comparator or verb of change before it. */
export function quantitiesIn(clause: string): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  const masked = maskDates(clause);
  let from = 0;
  for (const m of masked.matchAll(NUMBER_IN_TEXT)) {
    if (found.length >= MAX_FOUND) break;
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const n = toNumber(m[2]);
    if (n === null || masked[start - 1] === '第') continue;
    const tail = readUnit(masked.slice(end));
    const before = clause.slice(from, start);
    const prefix = trailingComparator(before);
    const change = changeOf(before);
    const written = m[1] ? -n : n;
    const value = toBase(written, tail.unit);
    if (!Number.isFinite(value)) continue;
    const comparator = prefix.comparator ?? tail.comparator ?? (change ? '>=' : null);
    const soft = comparator !== null && tail.comparator === null && (prefix.comparator === null || prefix.soft);
    const raw = clause.slice(from, end + tail.length);
    from = end + tail.length;
    found.push({ raw, written, value, unit: tail.unit, suffixComparator: tail.comparator, comparator, soft, change });
  }
  return found;
}

/** Dates inside a sentence: "2023年12月", "2023年度", "12月31日", "2023.12", "2023-12-31". */
const DATE_IN_TEXT = /(?:19|20|21)\d\d(?:年度?(?:\d{1,2}月份?(?:\d{1,2}[日号])?)?|([-./])\d{1,2}(?:\1\d{1,2})?(?!\d))|\d{1,2}月份?(?:\d{1,2}[日号])?/g;

/**
 * The clause with its dates blanked out (same length, so positions still match the clause): their
 * numbers are not quantities. "2000.5万元" is an amount: a dotted "date" followed by a unit stays.
 */
function maskDates(clause: string): string {
  return clause.replace(DATE_IN_TEXT, (date: string, sep: string | undefined, offset: number) => {
    if (sep && startsWithUnit(clause.slice(offset + date.length))) return date;
    return '\u0000'.repeat(date.length);
  });
}

function startsWithUnit(text: string): boolean {
  for (let k = Math.min(4, text.length); k >= 1; k--) if (knownUnit(text.slice(0, k))) return true;
  return false;
}

/** Longest run a unit may take: no digits, punctuation or comparator symbols. */
const UNIT_RUN = /^[^\d,;。、!?()<>=:]{0,8}/;

/**
 * The unit right after a number inside a sentence, with a comparator word after it ("95%以上的").
 * `length` counts what was read, 余/多 included.
 */
function readUnit(after: string): { unit: Unit | null; comparator: Comparator | null; length: number } {
  const approx = APPROX.exec(after);
  const skip = approx ? approx[0].length - (approx[1]?.length ?? 0) : 0;
  const text = approx ? dropApprox(after) : after;
  const { unit, used } = unitAtStart(UNIT_RUN.exec(text)?.[0] ?? '');
  const suffix = leadingSuffix(text.slice(used));
  // "内" ends a time span ("3天内"); after other units it is the start of a word ("500人内容").
  const comparator = suffix.word === '内' && unit?.dimension !== 'time' ? null : suffix.comparator;
  return { unit, comparator, length: skip + used + (comparator ? suffix.word.length : 0) };
}

/**
 * The longest listed unit the run starts with ("个百分点", "万人次", "元/平方米"), else one unknown
 * letter as a unit of its own ("60岁": it then never compares with a target's unit), else none.
 */
function unitAtStart(run: string): { unit: Unit | null; used: number } {
  for (let k = run.length; k >= 1; k--) {
    const candidate = run.slice(0, k);
    if (/[A-Za-z]$/.test(candidate) && /^[A-Za-z]/.test(run.slice(k))) continue; // "m" is not the unit of "5MW"
    const unit = knownUnit(candidate) ?? rate(candidate);
    if (unit) return { unit, used: k };
  }
  if (/^\p{L}/u.test(run) && !leadingSuffix(run).word && !/^[的了和及或以]/.test(run)) {
    const word = /^[A-Za-z]+/.exec(run)?.[0] ?? run[0];
    const unit = parseUnitText(word);
    if (unit) return { unit, used: word.length };
  }
  return { unit: null, used: 0 };
}

/** "元/平方米", "次/月": a rate of two listed units (a listed unit then words is not one: "次/月完成"). */
function rate(text: string): Unit | null {
  const parts = text.split('/');
  return parts.length === 2 && parts.every((p) => knownUnit(p)) ? parseUnitText(text) : null;
}
