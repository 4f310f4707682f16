/** Score one indicator row under a rule set. Pure: parsed values in, numbers and problems out. */
import type { DateValue, NumberValue, ParsedValue, QualitativeValue, RangeValue } from '../parse/types';
import type { RuleSet } from '../rules/types';
import { qualitativeOutcome } from '../parse';
import { fmtNum, justBelow, roundTo } from '../format';
import type { Bilingual, ScoreProblem, ScoreResult, Tier } from './types';
import { display, harmonise, type Quantity } from './units';

const NEGATION = /[不未没无否差]/;

/** "是否及时" → "及时": the target word a clerk repeats as the actual when the target is met. */
function targetWord(text: string): string {
  return text.replace(/是否|能否|有无|是不是|定性/g, '');
}

/** Tier the actual claims, for qualitative and date targets. */
export function actualTier(target: ParsedValue, actual: ParsedValue): Tier | null {
  if (actual.kind !== 'qualitative') return null;
  const a = actual.text;
  // Read against the target first: "否" answers "是否发生安全事故" well, "良" falls short of "优".
  if (a && target.kind === 'qualitative') {
    const outcome = qualitativeOutcome(target.raw, actual.raw);
    if (outcome) return outcome;
  }
  if (actual.tier) return actual.tier;
  if (!a || target.kind !== 'qualitative') return null;
  if (NEGATION.test(a)) return null;
  const word = targetWord(target.text);
  if (target.text.includes(a) || (word && a.includes(word))) return 'met';
  return null;
}

interface Ctx {
  weight: number;
  stated: number | null;
  rules: RuleSet;
  problems: ScoreProblem[];
}

const r = (x: number, rules: RuleSet) => roundTo(x, rules.rounding);
const clamp = (x: number, w: number) => Math.min(w, Math.max(0, x));

// Results are written as full literals in base()'s key order, not spreads of it: one per row, and spreads are slow.
function base(kind: ScoreResult['kind'], problems: ScoreProblem[]): ScoreResult {
  return { kind, computed: null, met: null, ratio: null, overAchieved: false, problems };
}

/** Band of a tier in points; the clerk's stated score stands when inside it, else the top is proposed. */
function scoreTier(kind: ScoreResult['kind'], tier: Tier, c: Ctx, why: Bilingual): ScoreResult {
  const [lo, hi] = c.rules.qualitativeTiers[tier];
  const closedTop = tier === 'met';
  const low = r(lo * c.weight, c.rules);
  const high = roundTo(hi * c.weight, 6);
  // Half-open bands [60%, 80%): the top is the largest 2-decimal score strictly below 80% (7.99 of 10).
  const top = closedTop ? r(high, c.rules) : Math.max(low, justBelow(high, c.rules.rounding));
  const s = c.stated;
  const inside = s !== null && s >= low - 1e-9 && (closedTop ? s <= high + 1e-9 : s < high - 1e-9);
  const pct = (x: number) => `${roundTo(x * 100, 2)}%`;
  return {
    kind,
    // Inside the band (within float noise) the clerk's score stands, held to the band's edges.
    computed: inside ? r(Math.min(Math.max(s as number, low), high), c.rules) : top,
    met: tier === 'met',
    ratio: null,
    overAchieved: false,
    problems: c.problems,
    tier,
    band: { low, high, closedTop },
    formula: {
      zh: `${why.zh}：分值 ${pct(lo)}–${pct(hi)}，即 ${fmtNum(low)}–${fmtNum(high)}`,
      en: `${why.en}: ${pct(lo)}–${pct(hi)} of the weight, ${fmtNum(low)}–${fmtNum(high)}`,
    },
  };
}

const TIER_WORDS: Record<Tier, Bilingual> = {
  met: { zh: '达成年度指标', en: 'target met' },
  partial: { zh: '部分达成年度指标', en: 'target partly met' },
  missed: { zh: '未达成年度指标', en: 'target missed' },
};

function full(kind: ScoreResult['kind'], c: Ctx, ratio: number | null, why: Bilingual): ScoreResult {
  return { kind, computed: r(c.weight, c.rules), met: true, ratio, overAchieved: false, problems: c.problems, formula: why };
}

const MET_WHY: Bilingual = { zh: '达到指标值，得满分', en: 'target met: full weight' };

/** Missed forward target: weight × actual ÷ target, within [0, weight]. */
function proportional(kind: ScoreResult['kind'], t: number, a: number, unit: Quantity['unit'], c: Ctx): ScoreResult {
  const w = c.weight;
  const computed = t > 0 ? r(clamp((w * a) / t, w), c.rules) : 0;
  const text = `${fmtNum(w)} × ${display(a, unit)} ÷ ${display(t, unit)}`;
  return { kind, computed, met: false, ratio: t !== 0 ? a / t : null, overAchieved: false, problems: c.problems, formula: { zh: text, en: text } };
}

/** Missed reverse (≤) target, by the rule set's formula. */
function reverseMissed(kind: ScoreResult['kind'], t: number, a: number, unit: Quantity['unit'], c: Ctx): ScoreResult {
  const w = c.weight;
  const ta = display(t, unit);
  const aa = display(a, unit);
  let value: number;
  let text: string;
  switch (c.rules.reverseFormula) {
    case 'linear':
      value = t > 0 ? roundTo((1 - (a - t) / t) * w, c.rules.rounding) : 0;
      text = `(1 − (${aa} − ${ta}) ÷ ${ta}) × ${fmtNum(w)}`;
      break;
    case 'deduction': {
      // Percent limits count percentage points over; other limits count percent over the limit.
      const points = unit?.dimension === 'percent' ? (a - t) * 100 : t > 0 ? ((a - t) / t) * 100 : Infinity;
      value = w - c.rules.deductionPerPoint * points;
      text = `${fmtNum(w)} − ${fmtNum(c.rules.deductionPerPoint)} × ${fmtNum(points)}`;
      break;
    }
    default:
      value = a > 0 ? (w * t) / a : 0;
      text = `${fmtNum(w)} × ${ta} ÷ ${aa}`;
  }
  return {
    kind,
    computed: r(clamp(value, w), c.rules),
    met: false,
    ratio: t !== 0 ? a / t : null,
    overAchieved: false,
    problems: c.problems,
    formula: { zh: text, en: text },
  };
}

/** The actual as a quantity, or null after noting why it is not one. */
function actualQuantity(actual: ParsedValue, c: Ctx): Quantity | null {
  if (actual.kind === 'number') {
    // "≥98%" copied from the target is not a measurement; "=97%" still states one.
    if (actual.comparator && actual.comparator !== '=') c.problems.push({ code: 'value-format', field: 'actual', reason: 'comparator' });
    return actual; // a NumberValue is a Quantity (value, written, unit); harmonise only reads it
  }
  if (actual.kind === 'empty') c.problems.push({ code: 'value-missing', field: 'actual' });
  else if (actual.kind === 'invalid') c.problems.push({ code: 'value-format', field: 'actual', reason: 'unreadable' });
  else c.problems.push({ code: 'value-format', field: 'actual', reason: actual.kind === 'qualitative' ? 'text-for-number' : 'not-comparable' });
  return null;
}

/** A numeric target met by words ("完成") scores by the words' tier; anything else cannot be scored. */
function wordsForNumber(kind: ScoreResult['kind'], actual: ParsedValue, c: Ctx): ScoreResult {
  if (actual.kind === 'qualitative' && actual.tier) {
    return actual.tier === 'met' ? full(kind, c, null, MET_WHY) : scoreTier(kind, actual.tier, c, TIER_WORDS[actual.tier]);
  }
  return base(kind, c.problems);
}

function scoreNumber(target: NumberValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const kind = target.direction === 'reverse' ? 'reverse' : target.direction === 'equal' ? 'equal' : 'forward';
  const q = actualQuantity(actual, c);
  if (!q) return wordsForNumber(kind, actual, c);
  const h = harmonise(target, q);
  if (!h.ok) {
    c.problems.push({ code: 'unit-mismatch', field: 'actual', targetUnit: h.targetUnit, actualUnit: h.actualUnit });
    return base(kind, c.problems);
  }
  const { target: t, actual: a, unit } = h;
  const ratio = t !== 0 ? a / t : null;
  if (kind === 'reverse') {
    return a <= t + 1e-12 ? full(kind, c, ratio, MET_WHY) : reverseMissed(kind, t, a, unit, c);
  }
  // Equal with target 0 ("=0 起"): full only when nothing happened.
  if (kind === 'equal' && t === 0) {
    return a <= 0 ? full(kind, c, null, MET_WHY) : { kind, computed: 0, met: false, ratio: null, overAchieved: false, problems: c.problems, formula: { zh: `目标为 0，实际 ${display(a, unit)}`, en: `target 0, actual ${display(a, unit)}` } };
  }
  if (a >= t - 1e-12) {
    const res = full(kind, c, ratio, MET_WHY);
    res.overAchieved = t > 0 && a >= t * c.rules.overAchievement - 1e-12;
    return res;
  }
  return proportional(kind, t, a, unit, c);
}

function scoreRange(target: RangeValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const q = actualQuantity(actual, c);
  if (!q) return wordsForNumber('range', actual, c);
  const factor = target.unit?.factor ?? 1;
  const lowH = harmonise({ value: target.low, written: target.low / factor, unit: target.unit }, q);
  const highH = harmonise({ value: target.high, written: target.high / factor, unit: target.unit }, q);
  if (!lowH.ok || !highH.ok) {
    const bad = !lowH.ok ? lowH : (highH as Extract<typeof highH, { ok: false }>);
    c.problems.push({ code: 'unit-mismatch', field: 'actual', targetUnit: bad.targetUnit, actualUnit: bad.actualUnit });
    return base('range', c.problems);
  }
  const a = lowH.actual;
  if (a < lowH.target) return proportional('range', lowH.target, a, lowH.unit, c);
  if (a > highH.target) return reverseMissed('range', highH.target, a, highH.unit, c);
  return full('range', c, null, { zh: '实际值在指标区间内，得满分', en: 'actual inside the target range: full weight' });
}

/** Day number of a date, taking the target's year when the actual leaves it out. */
function daySerial(d: DateValue, fallbackYear: number | null): number | null {
  if (d.serial !== null) return d.serial;
  const year = d.year ?? fallbackYear;
  if (year === null || d.month === null) return null;
  const day = d.day ?? new Date(Date.UTC(year, d.month, 0)).getUTCDate();
  return Math.floor(Date.UTC(year, d.month - 1, day) / 86400000);
}

function scoreDate(target: DateValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const late = c.rules.lateDate;
  if (actual.kind === 'date') {
    const t = daySerial(target, null);
    const a = daySerial(actual, target.year);
    if (t === null || a === null) {
      c.problems.push({ code: 'value-format', field: t === null ? 'target' : 'actual', reason: 'unreadable' });
      return base('date', c.problems);
    }
    if (a <= t) return full('date', c, null, { zh: '按期完成，得满分', en: 'done on time: full weight' });
    return scoreTier('date', late, c, { zh: '逾期完成', en: 'done late' });
  }
  const tier = actualTier(target, actual);
  if (tier) return tier === 'met' ? full('date', c, null, MET_WHY) : scoreTier('date', tier, c, TIER_WORDS[tier]);
  if (actual.kind === 'empty') c.problems.push({ code: 'value-missing', field: 'actual' });
  else c.problems.push({ code: 'value-format', field: 'actual', reason: actual.kind === 'invalid' ? 'unreadable' : 'not-comparable' });
  return base('date', c.problems);
}

function scoreQualitative(target: QualitativeValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const tier = actualTier(target, actual);
  if (tier) return scoreTier('qualitative', tier, c, TIER_WORDS[tier]);
  if (actual.kind === 'empty') {
    c.problems.push({ code: 'value-missing', field: 'actual' });
    return base('qualitative', c.problems);
  }
  // Words we cannot place in a tier: the clerk's judgement stands (capped to the weight).
  const res = base('qualitative', c.problems);
  res.computed = c.stated === null ? null : r(clamp(c.stated, c.weight), c.rules);
  return res;
}

/**
 * Kind from the target; computed score from target, actual and weight under `rules`.
 * `stated` matters only for qualitative bands (a stated score inside its band stands).
 */
export function scoreIndicator(target: ParsedValue, actual: ParsedValue, weight: number | null, stated: number | null, rules: RuleSet): ScoreResult {
  const problems: ScoreProblem[] = [];
  const kind: ScoreResult['kind'] =
    target.kind === 'number'
      ? target.direction === 'reverse' ? 'reverse' : target.direction === 'equal' ? 'equal' : 'forward'
      : target.kind === 'range' ? 'range'
      : target.kind === 'date' ? 'date'
      : target.kind === 'qualitative' ? 'qualitative'
      : 'unknown';
  if (target.kind === 'empty') problems.push({ code: 'value-missing', field: 'target' });
  if (target.kind === 'invalid') problems.push({ code: 'value-format', field: 'target', reason: 'unreadable' });
  if (weight === null) problems.push({ code: 'value-missing', field: 'weight' });
  if (kind === 'unknown' || weight === null || weight < 0) {
    if (weight !== null && actual.kind === 'number' && actual.comparator && actual.comparator !== '=') problems.push({ code: 'value-format', field: 'actual', reason: 'comparator' });
    return base(kind, problems);
  }
  const c: Ctx = { weight, stated, rules, problems };
  return withinWeight(scoreByKind(target, actual, c), weight);
}

function scoreByKind(target: ParsedValue, actual: ParsedValue, c: Ctx): ScoreResult {
  switch (target.kind) {
    case 'number':
      return scoreNumber(target, actual, c);
    case 'range':
      return scoreRange(target, actual, c);
    case 'date':
      return scoreDate(target, actual, c);
    case 'qualitative':
      return scoreQualitative(target, actual, c);
    default:
      return base('unknown', c.problems);
  }
}

/** "得分最高不能超过该指标分值上限": rounding a weight with more decimals than scores must not lift a score past it. */
function withinWeight(res: ScoreResult, weight: number): ScoreResult {
  if (res.computed !== null) res.computed = Math.min(Math.max(res.computed, 0), weight);
  return res;
}
