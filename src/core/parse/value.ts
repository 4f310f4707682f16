/** parseValue: one target or actual cell → ParsedValue. Never throws. */
import type { CellInput, Comparator, NumberValue, ParsedValue, Unit } from './types';
import { normalizeText, stripTextPrefix, stripTrailingPunctuation } from './normalize';
import { changeOf, directionOf, mayStartPrefix, stripPrefix, type Prefix } from './comparator';
import { isDateFormat, parseDateText, partsFromExcelSerial } from './date';
import { foldPercentWords } from './number';
import { MAX_FOUND, parseQuantity, parseRange, quantitiesIn, type FoundQuantity, type Quantity } from './quantity';
import { isPlaceholder, qualitativeTier } from './qualitative';
import { PERCENT, fromBase, parseUnitText, toBase } from './units';
import { memoByString } from '../memo';
import { DAYS_1900_TO_1904, isScalingPercentFormat } from '../numfmt';
import { isErrorValue } from '../snapshot';

/** Longer text is prose, not a value; also bounds the work on pathological input. */
const MAX_LENGTH = 2000;


/** Cells that mean "nothing here": dashes, slashes, "——". */
const BLANK_MARK = /^[-/\\~_.·*]+$/;

function invalid(raw: string, reason: string): ParsedValue {
  return { kind: 'invalid', raw, reason };
}

function hasPercentFormat(format: string | undefined): boolean {
  return !!format && percentFormat(format);
}

// Memoised: a workbook uses a handful of number formats on thousands of cells.
const percentFormat = memoByString(isScalingPercentFormat);

export function parseValue(input: CellInput): ParsedValue {
  try {
    return parseCell(input);
  } catch {
    return invalid(safeRaw(input), 'internal-error');
  }
}

function safeRaw(input: unknown): string {
  try {
    const cell = input as CellInput | null | undefined;
    const v = cell?.text ?? cell?.value;
    return typeof v === 'string' ? v.trim() : v === null || v === undefined ? '' : String(v);
  } catch {
    return '';
  }
}

function parseCell(input: CellInput): ParsedValue {
  if (input === null || typeof input !== 'object') return invalid(safeRaw(input), 'unsupported');
  const { value, text, numberFormat } = input;
  if (typeof value === 'number') return parseNumberCell(value, text, numberFormat, input.date1904 === true);
  if (typeof value === 'boolean') {
    return { kind: 'qualitative', raw: String(value).toUpperCase(), text: value ? '是' : '否', tier: value ? 'met' : 'missed', placeholder: false };
  }
  if (value !== null && value !== undefined && typeof value !== 'string') {
    // Spreadsheet libraries hand over error objects ({ error: '#N/A' }) and rich text at run time.
    const obj = value as { error?: unknown; richText?: { text?: unknown }[] };
    if (typeof obj.error === 'string') return invalid(obj.error, 'error-value');
    if (Array.isArray(obj.richText)) return parseText(obj.richText.map((r) => String(r?.text ?? '')).join(''));
    return invalid('', 'unsupported');
  }
  if (typeof value === 'string') return parseText(value);
  return typeof text === 'string' ? parseText(text) : { kind: 'empty', raw: '' };
}

function parseNumberCell(value: number, text: string | undefined, format: string | undefined, date1904: boolean): ParsedValue {
  const raw = (typeof text === 'string' && text.trim()) || String(value);
  if (!Number.isFinite(value)) return invalid(raw, 'not-finite');
  if (hasPercentFormat(format)) {
    const written = Number((value * 100).toPrecision(15));
    if (!Number.isFinite(written)) return invalid(raw, 'not-finite');
    // "≤"0% shows "≤5%": the comparator lives in the format, the fraction in the value.
    const shown = shownNumber(value, text, format);
    if (shown?.unit?.dimension === 'percent') return { ...shown, value, written, unit: PERCENT };
    return { kind: 'number', raw: (typeof text === 'string' && text.trim()) || `${written}%`, comparator: null, direction: null, value, written, unit: PERCENT };
  }
  if (isDateFormat(format)) {
    const parts = partsFromExcelSerial(date1904 ? value + DAYS_1900_TO_1904 : value);
    return parts ? { kind: 'date', raw, ...parts } : invalid(raw, 'bad-date');
  }
  // Display text may carry a unit or comparator from a custom format (0"个", "≤"0"万元"); keep them when it shows the same number.
  return shownNumber(value, text, format) ?? { kind: 'number', raw, comparator: null, direction: null, value, written: value, unit: null };
}

/**
 * The display text read as a number when it shows this cell's value: in the base unit ("≤5%" for
 * 0.05, "400个" for 400), or as written when the format itself prints the unit ("≤"0"万元" shows
 * "≤1500万元" for 1500). Display rounding is allowed ("≤5%" for 0.0512). Null otherwise: text that
 * disagrees with the value is a stale cache and never overrides it.
 */
function shownNumber(value: number, text: string | undefined, format: string | undefined): NumberValue | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  const shown = parseText(text);
  if (shown.kind !== 'number') return null;
  const factor = shown.unit?.factor ?? 1;
  if (showsValue(shown.value, value, shown.raw, factor)) return finite({ ...shown, value, written: fromBase(value, shown.unit) });
  const literal = shown.unit && formatLiterals(format ?? '').includes(shown.unit.name);
  if (literal && showsValue(shown.written, value, shown.raw, 1)) return finite({ ...shown, value: toBase(value, shown.unit), written: value });
  return null;
}

/** Scaling a value near the largest double by a unit can overflow: such a reading is no reading. */
function finite(n: NumberValue): NumberValue | null {
  return Number.isFinite(n.value) && Number.isFinite(n.written) ? n : null;
}

/** True when `shown` is `value` rounded to the decimals the text displays (in units of `factor`). */
function showsValue(shown: number, value: number, text: string, factor: number): boolean {
  const decimals = /\d(?:\.(\d+))?/.exec(text)?.[1]?.length ?? 0;
  const rounding = /e/i.test(text) ? 0 : 0.5 * 10 ** -decimals * factor;
  return Math.abs(shown - value) <= Math.max(rounding, 1e-9 * Math.max(1, Math.abs(value)));
}

/** The literal text a number format prints: quoted strings and backslash escapes of its first section. */
const formatLiterals = memoByString((format: string) => {
  const section = format.split(';')[0];
  const parts = section.match(/"[^"]*"|\\./g) ?? [];
  return normalizeText(parts.map((p) => (p.startsWith('"') ? p.slice(1, -1) : p.slice(1))).join(''));
});

/** Text of a cell (string value or display text). Results are shared between equal texts: never mutate one. */
export function parseText(input: string): ParsedValue {
  return parseTextCached(input);
}

// Memoised: targets and actuals ("≥95%", "是", "100%") recur across a workbook's rows and forms.
const parseTextCached = memoByString(parseTextOnce);

function parseTextOnce(input: string): ParsedValue {
  // A typed text prefix ("'20") is dropped like surrounding spaces, from `raw` too, so raw re-reads the same.
  const raw = stripTextPrefix(input.trim());
  if (raw === '') return { kind: 'empty', raw };
  if (raw.length > MAX_LENGTH) return invalid(raw, 'too-long');
  const s = foldPercentWords(normalizeText(raw));
  if (s === '' || BLANK_MARK.test(s)) return { kind: 'empty', raw };
  if (isErrorValue(s)) return invalid(raw, 'error-value');
  return parseNormalized(raw, s);
}

/** A value alone, or behind a short label; else words, with the quantities written inside them. */
function parseNormalized(raw: string, s: string): ParsedValue {
  // "≥95%；", "98%。": a full stop or semicolon after a value changes nothing.
  const body = stripTrailingPunctuation(s);
  const value = parseLabelled(raw, body);
  if (value) return value;
  const quantities = quantitiesOf(body);
  return {
    kind: 'qualitative', raw, text: s, tier: qualitativeTier(s), placeholder: isPlaceholder(s),
    ...(quantities.length > 0 ? { quantities } : {}),
  };
}

/** Labels are short: an indicator name or a verb, never a sentence. */
const MAX_LABEL = 16;

/** Letters only, optionally ending in a colon ("合格率：", "受益人数", "较上年提高", "确保"). */
const LABEL = /^\p{L}+:?$/u;

/** A negation turns the label into a statement about the number ("未达到95%", "不足90%"): words, not a target. */
const NEGATION = /[不未没无非否]/;

/** A value needs a digit or a Chinese numeral somewhere; text without one is words and skips the label scan. */
const MAY_HOLD_VALUE = /[\d零〇一二两三四五六七八九十百千万]/;

/**
 * Rule of thumb for label + value: a short label (letters, no digits, no negation), then a value
 * the plain grammar reads whole (comparator, number, unit, suffix comparator or neutral words).
 * "验收合格率≥95%", "培训500人次以上", "确保100%", "较上年提高5%". The first split that reads wins.
 */
function parseLabelled(raw: string, body: string): ParsedValue | null {
  const plain = parseBody(raw, body, '');
  if (plain || !MAY_HOLD_VALUE.test(body)) return plain;
  for (let i = 1; i < body.length && i <= MAX_LABEL; i++) {
    const label = body.slice(0, i);
    if (!LABEL.test(label) || NEGATION.test(label)) return null; // only grows from here
    if (!mayStartValue(body[i]) || !labelFits(label, body[i])) continue;
    const value = parseBody(raw, body.slice(i), label.replace(/:$/, ''));
    if (value && value.kind !== 'invalid') return value;
  }
  return null;
}

const CN_NUMERAL = /[零〇一二两三四五六七八九十百千万]/;

/** Where a value can start: a digit, sign, Chinese numeral, comparator or neutral word, or 于/在 before a date. */
function mayStartValue(c: string): boolean {
  return /[\d.+\-于在]/.test(c) || CN_NUMERAL.test(c) || mayStartPrefix(c);
}

/**
 * Splits that are not label + value: "第3批" (an ordinal), "GB3838", "PM2.5" (codes: letters glued
 * to digits), and a Chinese numeral after words that hold one ("一户一档" is a motto, not 1 档).
 */
function labelFits(label: string, next: string): boolean {
  if (label.endsWith('第') || /[A-Za-z]$/.test(label)) return false;
  return !(CN_NUMERAL.test(next) && CN_NUMERAL.test(label));
}

/** The grammar proper, on normalised text: comparator, then date, range, quantity; null for words. */
function parseBody(raw: string, s: string, label: string): ParsedValue | null {
  const prefix = stripPrefix(s);
  const { rest } = prefix;

  const date = parseDateText(rest);
  if (date === 'bad') return invalid(raw, 'bad-date');
  if (date) return { kind: 'date', raw, ...date, comparator: prefix.comparator ?? date.comparator };

  const range = parseRange(rest);
  if (range === 'units') return invalid(raw, 'range-units');
  if (range) return { kind: 'range', raw, ...range };

  const quantity = parseQuantity(rest);
  return quantity ? numberValue(raw, prefix, quantity, label) : null;
}

/**
 * A quantity with what stands around it. The comparator is the prefix's, else the suffix's, else
 * a verb of change in the label ("提高" → ≥); it is soft when only 达到/达 or a verb of change gave it.
 */
function numberValue(raw: string, prefix: Prefix, q: Quantity, label: string): NumberValue {
  const change = label ? changeOf(label) : null;
  const comparator: Comparator | null = prefix.comparator ?? q.suffixComparator ?? (change ? '>=' : null);
  const hard = (prefix.comparator !== null && !prefix.soft) || q.suffixComparator !== null;
  return {
    kind: 'number', raw, comparator, direction: directionOf(comparator),
    value: q.value, written: q.written, unit: perPeriod(label, q.unit),
    ...(comparator !== null && !hard ? { softComparator: true as const } : {}),
    ...(change ? { change } : {}),
    ...(label ? { label } : {}),
  };
}

/** "每月1次" says what "1次/月" says: a label ending in 每 + period makes the unit a rate, written one way for the scorer. */
function perPeriod(label: string, unit: Unit | null): Unit | null {
  const period = /每(月|年|季度|周|天|日)$/.exec(label);
  if (!period || !unit) return unit;
  return parseUnitText(`${unit.name}/${period[1]}`) ?? unit;
}

/** Clause breaks; a comma between digits ("1,200") groups thousands instead. */
const CLAUSE = /[;。、!?]|,(?!\d{3}(?!\d))/;

/**
 * Every quantity in words that are not one value ("完成90%，较上年提高2个百分点"): a clause the
 * value grammar reads whole gives its number; other clauses give the numbers found inside them.
 */
function quantitiesOf(body: string): NumberValue[] {
  if (!/\d/.test(body)) return [];
  const clauses = body.split(CLAUSE).filter((c) => c !== '');
  const out: NumberValue[] = [];
  for (const clause of clauses) {
    if (out.length >= MAX_FOUND) break;
    const whole = clauses.length > 1 ? parseLabelled(clause, clause) : null;
    if (whole?.kind === 'number') out.push(whole);
    else if (!whole || whole.kind === 'invalid') out.push(...quantitiesIn(clause).map(foundValue));
  }
  return out.slice(0, MAX_FOUND);
}

function foundValue(f: FoundQuantity): NumberValue {
  return {
    kind: 'number', raw: f.raw, comparator: f.comparator, direction: directionOf(f.comparator),
    value: f.value, written: f.written, unit: f.unit,
    ...(f.soft ? { softComparator: true as const } : {}),
    ...(f.change ? { change: f.change } : {}),
  };
}
