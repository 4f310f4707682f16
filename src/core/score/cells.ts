/** Reading numbers from bound cells. */
import type { Bound } from '../form';
import { isErrorValue } from '../snapshot';
import { parseNumberLoose, stripTextPrefix } from '../parse';
import { roundTo } from '../format';
import { isScalingPercentFormat } from '../numfmt';
import { memoByString } from '../memo';

export interface CellNumber {
  value: number | null;
  /** False when the cell holds something that is not a number (text, an error value). */
  readable: boolean;
}

const BLANK = /^[\s\u3000]*$|^[—–\-－/／]+$/;

/** A plain number (weight, score, amount); "10分" reads as 10; blanks and dashes as null. */
export function cellNumber(b: Bound | null | undefined): CellNumber {
  if (!b || b.value === null) return { value: null, readable: true };
  if (typeof b.value === 'number') return { value: Number.isFinite(b.value) ? b.value : null, readable: Number.isFinite(b.value) };
  if (typeof b.value === 'boolean') return { value: null, readable: false };
  // A fresh copy of the text's reading: callers own what they get.
  const read = textNumber(b.value);
  return { value: read.value, readable: read.readable };
}

// Memoised: the same texts ("——", "10分", "95（优）") recur across rows and forms; a pure function of the text.
const textNumber = memoByString((value: string): CellNumber => {
  const text: string = stripTextPrefix(value.trim());
  // isErrorValue is a type guard; test on a copy so `text` stays a string below.
  if (isErrorValue(String(text))) return { value: null, readable: false };
  if (BLANK.test(text)) return { value: null, readable: true };
  const n = parseNumberLoose(text);
  // "92.59（按百分制折算）", "95（优）": a bracketed note after the number is not part of it.
  const bare = text.replace(/[（(][^()（）]*[)）][\s\u3000]*$/, '');
  const rest = n === null ? text : bare.replace(/[\d.,\s\u3000+-]/g, '').replace(/^分$|^万元$|^元$|^%$/, '');
  return n === null || rest ? { value: n, readable: false } : { value: n, readable: true };
});

/** Percent points as a fraction, without binary noise: 88.6 → 0.886, not 0.8859999999999999. */
const fromPoints = (x: number): number => roundTo(x / 100, 12);

/** A rate as a fraction: a %-formatted 1 or the text "100%" → 1; a bare 100 (percent points) → 1. */
export function cellRate(b: Bound | null | undefined): CellNumber {
  const n = cellNumber(b);
  if (!b || n.value === null) {
    if (b && typeof b.value === 'string' && /%$/.test(b.value.trim())) {
      const v = parseNumberLoose(b.value);
      return v === null ? n : { value: fromPoints(v), readable: true };
    }
    return n;
  }
  if (typeof b.value === 'string' && /%\s*$/.test(b.value)) return { value: fromPoints(n.value), readable: true };
  if (typeof b.value === 'number' && isScalingPercentFormat(b.numberFormat)) return n;
  // A rate above 1.5 without a percent format is written in points (100 for 100%).
  return { value: n.value > 1.5 ? fromPoints(n.value) : n.value, readable: n.readable };
}
