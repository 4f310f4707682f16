/** Bringing target and actual numbers onto one scale before comparing them. */
import type { Unit } from '../parse/types';
import { isBareMultiplier, takesMultiplier } from '../parse/units';
import { fmtNum, fmtPct } from '../format';

export interface Quantity {
  /** In the unit's base (fraction for percent, 元 for money); equals `written` without a unit. */
  value: number;
  written: number;
  unit: Unit | null;
}

export type Harmonised =
  | {
      ok: true;
      target: number;
      actual: number;
      unit: Unit | null;
      /**
       * The side written without a unit was read in the other side's base unit ("12000" against "≥1万人次" as
       * 12000 人次), not in its unit with the multiplier: `shown` is that reading for messages ("12000人次").
       */
      unitOmitted?: { field: 'target' | 'actual'; shown: string };
    }
  | { ok: false; targetUnit: string; actualUnit: string };

/** Distance on a log scale, so 97 vs 100 and 0.97 vs 1 count alike. */
function logDistance(a: number, b: number): number {
  if (a <= 0 || b <= 0) return Math.abs(a - b);
  return Math.abs(Math.log(a / b));
}


/**
 * Units convert when their bases agree (or, without bases, their dimensions; 'other' only by name);
 * a bare multiplier ("98万" against 万元, "5.2万" against 万人次) converts with any unit but percent and time.
 */
function convertible(x: Unit, y: Unit): boolean {
  if (isBareMultiplier(x) || isBareMultiplier(y)) return takesMultiplier(x) && takesMultiplier(y);
  if (x.base && y.base) return x.base === y.base;
  return x.dimension === y.dimension && (x.dimension !== 'other' || x.name === y.name);
}

/** Beyond these ratios a reading is absurd; inside the plausible band it is what a clerk would write. */
const ABSURD = 1000;
const PLAUSIBLE: [number, number] = [0.01, 100];

/** "万人次" → "人次", "千米" → "米"; the base name when the unit has no multiplier in front. */
function baseName(u: Unit): string {
  const stripped = u.name.replace(/^[十百千万亿]+/, '');
  return stripped !== u.name ? stripped : (u.base ?? '');
}

/**
 * A bare number against a unit with a multiplier (≥1万人次 / 12000; ≥1500万元 / 14980000) is usually
 * written in the base unit: when reading it in the unit gives an absurd ratio (over 1000, under
 * 1/1000) and reading it in the base unit a plausible one (0.01–100), take the base reading. Not for
 * time (a bare number against 年 counts years) nor percent (harmonise reads those by closeness).
 */
function omittedBase(known: Quantity & { unit: Unit }, bareWritten: number, inUnit: number, bareIsActual: boolean): number | null {
  if (known.unit.factor <= 1 || known.unit.dimension === 'time' || known.value <= 0 || bareWritten <= 0) return null;
  const ratio = (x: number) => (bareIsActual ? x / known.value : known.value / x);
  const r1 = ratio(inUnit);
  if (r1 <= ABSURD && r1 >= 1 / ABSURD) return null;
  const r2 = ratio(bareWritten);
  return r2 >= PLAUSIBLE[0] && r2 <= PLAUSIBLE[1] ? bareWritten : null;
}

/** How many of a period the year holds, by the name after the slash ("次/月" → 12). */
const PER_YEAR: Record<string, number> = { 年: 1, 半年: 2, 季度: 4, 季: 4, 月: 12, 周: 52 };

/** Times a year a rate unit ("次/月") counts in the other, plain unit ("次"); null when they are not a rate and its count. */
function perYear(rate: Unit, count: Unit): number | null {
  const m = /^(.+)\/(年|半年|季度|季|月|周)$/.exec(rate.name);
  return m && m[1] === count.name ? PER_YEAR[m[2]] : null;
}

/**
 * Both units known: same dimension converts, different dimensions cannot.
 * One side without a unit: a clerk dropped it ("≥50个" → "50"), so read the bare number in the
 * other side's unit — except for percent, where a bare 97 (points) or 0.97 (fraction) are both
 * seen: take whichever reading lies closer to the other side; and except for an absurd reading
 * against a multiplied unit, read in the base unit instead (see omittedBase).
 */
export function harmonise(t: Quantity, a: Quantity): Harmonised {
  if (t.unit && a.unit) {
    if (!convertible(t.unit, a.unit)) {
      // "1次/月" against "12次": the form covers one year, so a rate is that many a year.
      const tk = perYear(t.unit, a.unit);
      if (tk) return { ok: true, target: t.written * tk, actual: a.written, unit: a.unit };
      const ak = perYear(a.unit, t.unit);
      if (ak) return { ok: true, target: t.written, actual: a.written * ak, unit: t.unit };
      return { ok: false, targetUnit: t.unit.name, actualUnit: a.unit.name };
    }
    return { ok: true, target: t.value, actual: a.value, unit: t.unit };
  }
  if (!t.unit && !a.unit) return { ok: true, target: t.written, actual: a.written, unit: null };
  const known = (t.unit ? t : a) as Quantity & { unit: Unit };
  const bare = t.unit ? a : t;
  let bareValue: number;
  let unitOmitted: { field: 'target' | 'actual'; shown: string } | undefined;
  if (known.unit.dimension === 'percent') {
    const asPoints = bare.written * known.unit.factor;
    bareValue = logDistance(asPoints, known.value) <= logDistance(bare.written, known.value) ? asPoints : bare.written;
  } else {
    bareValue = bare.written * known.unit.factor;
    const inBase = omittedBase(known, bare.written, bareValue, !!t.unit);
    if (inBase !== null) {
      bareValue = inBase;
      unitOmitted = { field: t.unit ? 'actual' : 'target', shown: `${fmtNum(inBase)}${baseName(known.unit)}` };
    }
  }
  const res: Harmonised = t.unit
    ? { ok: true, target: t.value, actual: bareValue, unit: t.unit }
    : { ok: true, target: bareValue, actual: a.value, unit: a.unit };
  if (unitOmitted) res.unitOmitted = unitOmitted;
  return res;
}

/** A base-unit value shown in `unit` for messages: 0.97 → "97%", 4000000 with 万元 → "400万元". */
export function display(value: number, unit: Unit | null): string {
  if (!unit) return fmtNum(value);
  if (unit.dimension === 'percent') return fmtPct(value);
  return `${fmtNum(value / unit.factor)}${unit.name}`;
}
