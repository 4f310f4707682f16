/** Numbers with units and ranges, read from normalised text whose leading comparator is already stripped. */
import type { Comparator, Unit } from './types';
import { CN_NUMERAL_SOURCE, NUMBER_SOURCE, leadingNumber, parseChineseNumeral, toNumber } from './number';
import { stripSuffix } from './comparator';
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

/** "≥" already gone: "50个以上", "1,165.56万元", "97%", "-3". */
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

function withUnit(written: number, rest: string, strict: boolean): Quantity | null {
  const { comparator, rest: unitText } = stripSuffix(dropNote(rest));
  const unit = unitOrFail(unitText, strict);
  if (unit === undefined) return null;
  const value = toBase(written, unit);
  if (!Number.isFinite(value)) return null;
  return { written, value, unit, suffixComparator: comparator };
}

const RANGE = new RegExp(`^(${NUMBER_SOURCE})([^\\d~\\-至到]{0,8}?)(?:-{1,2}|~{1,2}|至|到)(${NUMBER_SOURCE})(.*)$`);

/** "90%-100%", "90~100%", "90%至100%", "3-5天"; null when not a range, 'units' when the units disagree. */
export function parseRange(s: string): Span | 'units' | null {
  const m = RANGE.exec(s);
  if (!m) return null;
  const a = toNumber(m[1]);
  const b = toNumber(m[3]);
  if (a === null || b === null) return null;
  const { rest: tail } = stripSuffix(m[4]);
  const u1 = unitOrFail(m[2], false);
  const u2 = unitOrFail(tail, false);
  if (u1 === undefined || u2 === undefined) return null;
  if (u1 && u2 && !sameDimension(u1, u2)) return 'units';
  const lowUnit = u1 ?? u2;
  const highUnit = u2 ?? u1;
  const x = toBase(a, lowUnit);
  const y = toBase(b, highUnit);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { low: Math.min(x, y), high: Math.max(x, y), unit: highUnit };
}
