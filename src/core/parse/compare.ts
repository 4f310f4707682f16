/** Putting a target and an actual on one scale for the scorer. */
import type { NumberValue } from './types';
import { convert, sameDimension, toBase } from './units';

export interface Comparable {
  target: number;
  actual: number;
  /** The actual had no unit and was read in the target's unit ("50" against "≥50个"). */
  unitAssumed: boolean;
}

/**
 * Target and actual in the target's written unit, or null when the units do not convert
 * (a unit-mismatch). A unitless side is read in the other side's unit; a unitless actual
 * of at most 1.5 against a percent target above 1.5 is taken as a fraction (0.97 → 97%).
 */
export function comparableValues(target: NumberValue, actual: NumberValue): Comparable | null {
  const tu = target.unit;
  const au = actual.unit;
  if (tu && au) {
    if (!sameDimension(tu, au)) return null;
    const a = convert(actual.written, au, tu);
    return a === null ? null : { target: target.written, actual: a, unitAssumed: false };
  }
  if (tu && !au) {
    const fraction = tu.dimension === 'percent' && Math.abs(actual.written) <= 1.5 && Math.abs(target.written) > 1.5;
    const a = fraction ? convert(actual.written, { name: '', dimension: 'percent', factor: 1, base: '%' }, tu) : actual.written;
    return a === null ? null : { target: target.written, actual: a, unitAssumed: true };
  }
  if (!tu && au) {
    // A bare target is read in the actual's unit: compare base values of both.
    return { target: toBase(target.written, au), actual: actual.value, unitAssumed: true };
  }
  return { target: target.written, actual: actual.written, unitAssumed: false };
}
