/** Targets split over 指标性质 | 指标值 | 度量单位 cells (Yunnan, Sichuan). */
import type { CellInput, Comparator, NumberValue, ParsedValue, Unit } from './types';
import { normalizeText, stripTextPrefix } from './normalize';
import { directionOf, stripPrefix } from './comparator';
import { parseValue } from './value';
import { PERCENT, isBareMultiplier, knownUnit, parseUnitText, sameDimension, scaleUnit, toBase } from './units';
import { isPlaceholder, qualitativeTier } from './qualitative';

function cellText(cell: CellInput | null): string {
  if (!cell) return '';
  const v = cell.text ?? cell.value;
  return v === null || v === undefined ? '' : String(v).trim();
}

/** A nature or unit cell's words without a typed text prefix ("'万元"). */
function cellWords(cell: CellInput | null): string {
  return stripTextPrefix(cellText(cell));
}

type Nature = { comparator: Comparator | null; qualitative: boolean };

/** "≧" / "═" / "大于等于" / "定性" / "定量" / "正向指标" / "反向指标" → what it says. */
function readNature(text: string): Nature {
  const s = normalizeText(text).replace(/指标$/, '');
  if (s === '定性') return { comparator: null, qualitative: true };
  if (s === '正向') return { comparator: '>=', qualitative: false };
  if (s === '反向') return { comparator: '<=', qualitative: false };
  const { comparator, rest } = stripPrefix(s);
  return { comparator: rest === '' ? comparator : null, qualitative: false };
}

/**
 * The target as one text, the way a clerk reads the cells together: the nature cell's comparator
 * when the value states none ("≥" | "120" → "≥120"), the unit when the value does not end with it
 * ("120公里" | "公里" → "120公里", not "120公里公里"); a nature that is a word (定量指标) is no part of it.
 */
export function splitTargetText(nature: CellInput | null, value: CellInput | null, unit: CellInput | null): string {
  const v = cellText(value);
  const n = cellWords(nature);
  const u = cellWords(unit);
  if (v === '') return n + u;
  const symbol = n !== '' && stripPrefix(normalizeText(n)).rest === '' && stripPrefix(normalizeText(n)).comparator !== null;
  const head = symbol && stripPrefix(normalizeText(v)).comparator === null ? n : '';
  const tail = u !== '' && !v.endsWith(u) ? u : '';
  return head + v + tail;
}

export function parseSplitTarget(nature: CellInput | null, value: CellInput | null, unit: CellInput | null): ParsedValue {
  try {
    return combine(nature, value, unit);
  } catch {
    return { kind: 'invalid', raw: [nature, value, unit].map(cellText).join(''), reason: 'internal-error' };
  }
}

function combine(natureCell: CellInput | null, valueCell: CellInput | null, unitCell: CellInput | null): ParsedValue {
  const natureText = cellWords(natureCell);
  const unitText = cellWords(unitCell);
  const raw = [natureText, cellText(valueCell), unitText].join('');
  const nature = readNature(natureText);
  const parsed = valueCell ? parseValue(valueCell) : ({ kind: 'empty', raw: '' } as ParsedValue);

  if (parsed.kind === 'empty') {
    if (!nature.qualitative) return { ...parsed, raw };
    const text = normalizeText(natureText);
    return { kind: 'qualitative', raw, text, tier: null, placeholder: true };
  }
  if (parsed.kind === 'invalid') return { ...parsed, raw };
  if (parsed.kind === 'qualitative') {
    // With 定性 in the nature cell, the value cell holds the expected word ("有效"), not a placeholder type name.
    // raw stays the value cell's words so qualitativeOutcome(target.raw, actual.raw) compares like with like.
    return { ...parsed, tier: qualitativeTier(parsed.text), placeholder: isPlaceholder(parsed.text) };
  }
  if (parsed.kind === 'date') return { ...parsed, raw, comparator: parsed.comparator ?? nature.comparator };

  const unit = unitText ? parseUnitText(normalizeText(unitText)) : null;
  // A bare number that neither cell qualifies ("定性指标" | 2023.12): the value cell's own reading, raw
  // kept as written, so a dotted year-month is still seen as one (date.ts dateOf).
  if (parsed.kind === 'number' && !unit && parsed.unit === null && nature.comparator === null) return parsed;
  if (parsed.kind === 'range') {
    if (parsed.unit || !unit) return { ...parsed, raw };
    const low = toBase(parsed.low, unit);
    const high = toBase(parsed.high, unit);
    if (!Number.isFinite(low) || !Number.isFinite(high)) return { kind: 'invalid', raw, reason: 'not-finite' };
    return { ...parsed, raw, low: Math.min(low, high), high: Math.max(low, high), unit };
  }
  const number = withUnitCell(parsed, unit, nature, raw);
  // The unit cell's factor can push a huge written number past the largest double (1e308 × 万).
  return number.kind === 'number' && !Number.isFinite(number.value) ? { kind: 'invalid', raw, reason: 'not-finite' } : number;
}

/** A number from the value cell, with the nature cell's comparator and the unit cell's unit when it has none of its own. */
function withUnitCell(parsed: NumberValue, unit: Unit | null, nature: Nature, raw: string): ParsedValue {
  const comparator = parsed.comparator ?? nature.comparator;
  const base = { ...parsed, raw, comparator, direction: directionOf(comparator) };
  // "98万" | "元": the value cell holds the multiplier, the unit cell the unit.
  // An unlisted unit word takes the multiplier too ("50万" | "尾" reads as 50万尾: 500000, base 尾).
  if (unit && parsed.unit && isBareMultiplier(parsed.unit) && !isBareMultiplier(unit)) {
    const name = `${parsed.unit.name}${unit.name}`;
    const joined = knownUnit(name) ?? scaleUnit(name, parsed.unit.factor, unit);
    if (joined) return { ...base, unit: joined, value: toBase(parsed.written, joined) };
  }
  if (!unit || parsed.unit) {
    // A %-formatted 0.97 with "%" in the unit cell is already a percent; a differing written unit wins.
    return parsed.unit && unit && !sameDimension(parsed.unit, unit) ? { kind: 'invalid', raw, reason: 'unit-mismatch' } : base;
  }
  const withUnit = unit.dimension === 'percent' && unit.factor === PERCENT.factor ? PERCENT : unit;
  return { ...base, unit: { ...withUnit, name: unit.name }, value: toBase(parsed.written, withUnit) };
}
