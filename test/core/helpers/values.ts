/** Hand-built ParsedValues for unit tests (independent of the real parser). */
import type { Comparator, DateValue, NumberValue, ParsedValue, QualitativeValue, RangeValue, Unit } from '../../../src/core/parse/types';

export const UNITS: Record<string, Unit> = {
  '%': { name: '%', dimension: 'percent', factor: 0.01 },
  个: { name: '个', dimension: 'count', factor: 1 },
  人: { name: '人', dimension: 'count', factor: 1 },
  人次: { name: '人次', dimension: 'count', factor: 1 },
  元: { name: '元', dimension: 'money', factor: 1 },
  万元: { name: '万元', dimension: 'money', factor: 10000 },
  天: { name: '天', dimension: 'time', factor: 1 },
  平方米: { name: '平方米', dimension: 'area', factor: 1 },
};

const DIRECTION: Record<Comparator, NumberValue['direction']> = { '>=': 'forward', '>': 'forward', '=': 'equal', '<=': 'reverse', '<': 'reverse' };

/** num(97, '%', '=') → "=97%" with value 0.97. */
export function num(written: number, unit?: string, comparator: Comparator | null = null): NumberValue {
  const u = unit ? UNITS[unit] : null;
  return {
    kind: 'number',
    raw: `${comparator ?? ''}${written}${unit ?? ''}`,
    comparator,
    direction: comparator ? DIRECTION[comparator] : null,
    value: u ? written * u.factor : written,
    written,
    unit: u,
  };
}

export function range(low: number, high: number, unit?: string): RangeValue {
  const u = unit ? UNITS[unit] : null;
  const f = u?.factor ?? 1;
  return { kind: 'range', raw: `${low}-${high}${unit ?? ''}`, low: low * f, high: high * f, unit: u };
}

export function qual(text: string, tier: QualitativeValue['tier'] = null, placeholder = false): QualitativeValue {
  return { kind: 'qualitative', raw: text, text, tier, placeholder };
}

export function date(year: number | null, month: number | null, day: number | null = null, comparator: Comparator | null = null): DateValue {
  let serial: number | null = null;
  if (year !== null && month !== null) {
    const d = day ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
    serial = Math.floor(Date.UTC(year, month - 1, d) / 86400000);
  }
  return { kind: 'date', raw: `${year ?? ''}年${month ?? ''}月${day ?? ''}`, comparator, year, month, day, serial };
}

export const empty = (): ParsedValue => ({ kind: 'empty', raw: '' });
export const invalid = (raw: string): ParsedValue => ({ kind: 'invalid', raw, reason: 'no-number' });
