/** Bringing target and actual numbers onto one scale before comparing them. */
import type { Unit } from '../parse/types';
import { fmtNum, fmtPct } from '../format';

export interface Quantity {
  /** In the unit's base (fraction for percent, 元 for money); equals `written` without a unit. */
  value: number;
  written: number;
  unit: Unit | null;
}

export type Harmonised = { ok: true; target: number; actual: number; unit: Unit | null } | { ok: false; targetUnit: string; actualUnit: string };

/** Distance on a log scale, so 97 vs 100 and 0.97 vs 1 count alike. */
function logDistance(a: number, b: number): number {
  if (a <= 0 || b <= 0) return Math.abs(a - b);
  return Math.abs(Math.log(a / b));
}

/** Units convert when their bases agree (or, without bases, their dimensions; 'other' only by name). */
function convertible(x: Unit, y: Unit): boolean {
  if (x.base && y.base) return x.base === y.base;
  return x.dimension === y.dimension && (x.dimension !== 'other' || x.name === y.name);
}

/**
 * Both units known: same dimension converts, different dimensions cannot.
 * One side without a unit: a clerk dropped it ("≥50个" → "50"), so read the bare number in the
 * other side's unit — except for percent, where a bare 97 (points) or 0.97 (fraction) are both
 * seen: take whichever reading lies closer to the other side.
 */
export function harmonise(t: Quantity, a: Quantity): Harmonised {
  if (t.unit && a.unit) {
    if (!convertible(t.unit, a.unit)) {
      return { ok: false, targetUnit: t.unit.name, actualUnit: a.unit.name };
    }
    return { ok: true, target: t.value, actual: a.value, unit: t.unit };
  }
  if (!t.unit && !a.unit) return { ok: true, target: t.written, actual: a.written, unit: null };
  const known = (t.unit ? t : a) as Quantity & { unit: Unit };
  const bare = t.unit ? a : t;
  let bareValue: number;
  if (known.unit.dimension === 'percent') {
    const asPoints = bare.written * known.unit.factor;
    bareValue = logDistance(asPoints, known.value) <= logDistance(bare.written, known.value) ? asPoints : bare.written;
  } else {
    bareValue = bare.written * known.unit.factor;
  }
  return t.unit
    ? { ok: true, target: t.value, actual: bareValue, unit: t.unit }
    : { ok: true, target: bareValue, actual: a.value, unit: a.unit };
}

/** A base-unit value shown in `unit` for messages: 0.97 → "97%", 4000000 with 万元 → "400万元". */
export function display(value: number, unit: Unit | null): string {
  if (!unit) return fmtNum(value);
  if (unit.dimension === 'percent') return fmtPct(value);
  return `${fmtNum(value / unit.factor)}${unit.name}`;
}
