/** parseValue: one target or actual cell → ParsedValue. Never throws. */
import type { CellInput, Comparator, ParsedValue } from './types';
import { normalizeText } from './normalize';
import { directionOf, stripPrefix } from './comparator';
import { isDateFormat, parseDateText, partsFromExcelSerial } from './date';
import { parseQuantity, parseRange } from './quantity';
import { isPlaceholder, qualitativeTier } from './qualitative';
import { PERCENT } from './units';
import { memoByString } from '../memo';
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
const percentFormat = memoByString((format: string) => format.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%'));

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
  if (typeof value === 'number') return parseNumberCell(value, text, numberFormat);
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

function parseNumberCell(value: number, text: string | undefined, format: string | undefined): ParsedValue {
  const raw = (typeof text === 'string' && text.trim()) || String(value);
  if (!Number.isFinite(value)) return invalid(raw, 'not-finite');
  if (hasPercentFormat(format)) {
    const written = Number((value * 100).toPrecision(15));
    if (!Number.isFinite(written)) return invalid(raw, 'not-finite');
    const shown = (typeof text === 'string' && text.trim()) || `${written}%`;
    return { kind: 'number', raw: shown, comparator: null, direction: null, value, written, unit: PERCENT };
  }
  if (isDateFormat(format)) {
    const parts = partsFromExcelSerial(value);
    return parts ? { kind: 'date', raw, ...parts } : invalid(raw, 'bad-date');
  }
  // Display text may carry a unit from a custom format (0"个"); keep it when it shows the same number.
  if (typeof text === 'string' && text.trim() !== '') {
    const shown = parseText(text);
    if (shown.kind === 'number' && Math.abs(shown.value - value) <= 1e-9 * Math.max(1, Math.abs(value))) {
      return { ...shown, value };
    }
  }
  return { kind: 'number', raw, comparator: null, direction: null, value, written: value, unit: null };
}

/** Text of a cell (string value or display text). Results are shared between equal texts: never mutate one. */
export function parseText(input: string): ParsedValue {
  return parseTextCached(input);
}

// Memoised: targets and actuals ("≥95%", "是", "100%") recur across a workbook's rows and forms.
const parseTextCached = memoByString(parseTextOnce);

function parseTextOnce(input: string): ParsedValue {
  const raw = input.trim();
  if (raw === '') return { kind: 'empty', raw };
  if (raw.length > MAX_LENGTH) return invalid(raw, 'too-long');
  const s = normalizeText(raw);
  if (s === '' || BLANK_MARK.test(s)) return { kind: 'empty', raw };
  if (isErrorValue(s)) return invalid(raw, 'error-value');
  return parseNormalized(raw, s);
}

/** The grammar proper, on normalised text: comparator, then date, range, quantity, else words. */
function parseNormalized(raw: string, s: string): ParsedValue {
  const { comparator: prefix, rest } = stripPrefix(s);

  const date = parseDateText(rest);
  if (date === 'bad') return invalid(raw, 'bad-date');
  if (date) return { kind: 'date', raw, ...date, comparator: prefix ?? date.comparator };

  const range = parseRange(rest);
  if (range === 'units') return invalid(raw, 'range-units');
  if (range) return { kind: 'range', raw, ...range };

  const quantity = parseQuantity(rest);
  if (quantity) {
    const comparator: Comparator | null = prefix ?? quantity.suffixComparator;
    return {
      kind: 'number', raw, comparator, direction: directionOf(comparator),
      value: quantity.value, written: quantity.written, unit: quantity.unit,
    };
  }
  return { kind: 'qualitative', raw, text: s, tier: qualitativeTier(s), placeholder: isPlaceholder(s) };
}
