/** Score one indicator row under a rule set. Pure: parsed values in, numbers and problems out. */
import type { DateValue, NumberValue, ParsedValue, QualitativeValue, RangeValue } from '../parse/types';
import type { RuleSet } from '../rules/types';
import { qualitativeOutcome } from '../parse';
import { compareDates, dateOf, isDottedYearMonth } from '../parse/date';
import { fmtNum, justBelow, roundTo } from '../format';
import type { Bilingual, ScoreProblem, ScoreResult, Tier } from './types';
import { display, harmonise, type Harmonised, type Quantity } from './units';

const NEGATION = /[不未没无否差]/;

/** "是否及时" → "及时": the target word a clerk repeats as the actual when the target is met. */
function targetWord(text: string): string {
  return text.replace(/是否|能否|有无|是不是|定性/g, '');
}

/** Tier the actual claims, for qualitative and date targets. */
export function actualTier(target: ParsedValue, actual: ParsedValue): Tier | null {
  // "100%" for "全覆盖", "1起" for "是否发生安全事故": numbers answer words too.
  if (actual.kind === 'number' && target.kind === 'qualitative') return qualitativeOutcome(target.raw, actual.raw);
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

/** "≥98%" copied from the target is not a measurement; "=97%" and "达到97%" (a soft comparator) still state one. */
const copiedComparator = (v: NumberValue) => v.comparator !== null && v.comparator !== '=' && !v.softComparator;

/** Trailing punctuation and spaces a clerk leaves after words ("无。"). */
const TRAILING = /[。.，,；;！!、\s]+$/;
const wordsOf = (v: QualitativeValue) => v.text.replace(TRAILING, '');

/** Words that say nothing was done or happened: the actual is 0 (none of ≥10个 done; ≤5起 kept). */
const NONE = /^(?:无|零|没有|没|全无|均无)$/;

/** Words that say the figure is not available (yet): nothing was measured, nothing can be scored. */
const NOT_AVAILABLE =
  /^(?:(?:暂无|尚无|暂缺|无|没有)(?:相关)?(?:数据|统计数据|统计|数值|结果|测评结果|调查结果)|暂无|尚无|暂缺|数据(?:暂缺|缺失|待统计)|(?:暂未|尚未|未|待)(?:统计|测算|测评|评价|核算|调查|开展测评|开展调查|公布|出具)(?:数据|结果)?)$/;

/**
 * True for an actual such as "暂无", "暂无数据", "未统计", or one the parser marks as holding no value
 * (placeholder: "定性", "是否及时" written as the actual, or the parser's own no-data words).
 */
export function saysNotAvailable(actual: ParsedValue): boolean {
  return actual.kind === 'qualitative' && (actual.placeholder || NOT_AVAILABLE.test(wordsOf(actual)));
}

const shownQuantity = (q: NumberValue) => `${fmtNum(q.written)}${q.unit?.name ?? ''}`;

const ZERO: Quantity = { value: 0, written: 0, unit: null };

/** A percentage-point quantity states a change ("提高2个百分点"): it compares only with a target in points. */
const isPoints = (u: Quantity['unit']) => !!u && u.name.includes('百分点');

/** What the actual is compared with: the target (or a range's low end), and the change it asks for, if any. */
type Probe = Quantity & { change?: NumberValue['change'] };

/**
 * The quantity in the words that compares with the target: the first whose unit converts with the
 * target's (any, for a target without a unit), else the first bare number; null when none does.
 * A change ("较上年提高2个百分点") compares only with a target asking for the same change, and such a
 * target takes it before any level.
 */
export function pickQuantity(probe: Probe, quantities: readonly NumberValue[]): NumberValue | null {
  const first = (qs: readonly NumberValue[]) => qs.find((q) => (q.unit || !probe.unit) && harmonise(probe, q).ok) ?? qs.find((q) => !q.unit) ?? null;
  // A change target takes the same change first ("满意度92%，较上年提高3%" for "提高5%" → 3%).
  const same = probe.change ? first(quantities.filter((q) => q.change === probe.change)) : null;
  return same ?? first(quantities.filter((q) => isPoints(q.unit) === isPoints(probe.unit) && !q.change));
}

/**
 * A number actual read against the target's change: a change the other way counts against it
 * ("下降2%" for "提高5%" is −2%); a change against a level target ("提高2个百分点" for "≥95%") does
 * not say the level, so it cannot be scored.
 */
function signedChange(probe: Probe, actual: NumberValue): Quantity | null {
  if (!actual.change || actual.change === probe.change) return actual;
  if (!probe.change) return null;
  return { value: -actual.value, written: -actual.written, unit: actual.unit };
}

/** The actual as a quantity (and the words it came from, if any), or null after noting why there is none. */
function readActual(probe: Probe, actual: ParsedValue, c: Ctx): { q: Quantity; words: QualitativeValue | null } | null {
  if (actual.kind === 'number') {
    if (copiedComparator(actual)) c.problems.push({ code: 'value-format', field: 'actual', reason: 'comparator' });
    // "满意度85%", "已完成98%": one number behind the indicator's name is how clerks write a measurement; not flagged.
    // A NumberValue is a Quantity (value, written, unit); harmonise only reads it.
    const q = signedChange(probe, actual);
    if (q) return { q, words: null };
    c.problems.push({ code: 'value-format', field: 'actual', reason: 'not-comparable' });
    return null;
  }
  if (actual.kind === 'qualitative') {
    if (NONE.test(wordsOf(actual))) {
      c.problems.push({ code: 'value-format', field: 'actual', reason: 'text-for-number' });
      return { q: ZERO, words: null };
    }
    const q = actual.quantities?.length ? pickQuantity(probe, actual.quantities) : null;
    if (q) {
      c.problems.push({ code: 'value-format', field: 'actual', reason: 'number-in-text', shown: shownQuantity(q) });
      return { q, words: actual };
    }
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

/**
 * A number in words that say the target was missed ("未达到95%") quotes the target, it does not
 * measure the result: when it would meet the target, the words' tier stands.
 */
function quotedTarget(res: ScoreResult, words: QualitativeValue | null, kind: ScoreResult['kind'], c: Ctx): ScoreResult {
  if (!words || res.met !== true || words.tier !== 'missed') return res;
  const i = c.problems.findIndex((p) => p.code === 'value-format' && p.reason === 'number-in-text');
  if (i >= 0) c.problems[i] = { code: 'value-format', field: 'actual', reason: 'text-for-number' };
  return wordsForNumber(kind, words, c);
}

const noteOmittedUnit = (h: Extract<Harmonised, { ok: true }>, c: Ctx) => {
  if (h.unitOmitted) c.problems.push({ code: 'value-format', field: h.unitOmitted.field, reason: 'unit-omitted', shown: h.unitOmitted.shown });
};

const kindOf = (t: NumberValue): ScoreResult['kind'] => (t.direction === 'reverse' ? 'reverse' : t.direction === 'equal' ? 'equal' : 'forward');

function scoreNumber(target: NumberValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const kind = kindOf(target);
  const read = readActual(target, actual, c);
  if (!read) return wordsForNumber(kind, actual, c);
  return quotedTarget(scoreNumberOn(kind, target, read.q, c), read.words, kind, c);
}

function scoreNumberOn(kind: ScoreResult['kind'], target: NumberValue, q: Quantity, c: Ctx): ScoreResult {
  const h = harmonise(target, q);
  if (!h.ok) {
    c.problems.push({ code: 'unit-mismatch', field: 'actual', targetUnit: h.targetUnit, actualUnit: h.actualUnit });
    return base(kind, c.problems);
  }
  noteOmittedUnit(h, c);
  const { target: t, actual: a, unit } = h;
  const ratio = t !== 0 ? a / t : null;
  if (kind === 'reverse') {
    return a <= t + 1e-12 ? full(kind, c, ratio, MET_WHY) : reverseMissed(kind, t, a, unit, c);
  }
  // Target 0, "=0 起" or bare "0起": a limit of zero, full only when nothing happened.
  if ((kind === 'equal' || target.comparator === null) && t === 0) {
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
  const factor = target.unit?.factor ?? 1;
  const low: Quantity = { value: target.low, written: target.low / factor, unit: target.unit };
  const high: Quantity = { value: target.high, written: target.high / factor, unit: target.unit };
  const read = readActual(low, actual, c);
  if (!read) return wordsForNumber('range', actual, c);
  const lowH = harmonise(low, read.q);
  const highH = harmonise(high, read.q);
  if (!lowH.ok || !highH.ok) {
    const bad = !lowH.ok ? lowH : (highH as Extract<typeof highH, { ok: false }>);
    c.problems.push({ code: 'unit-mismatch', field: 'actual', targetUnit: bad.targetUnit, actualUnit: bad.actualUnit });
    return base('range', c.problems);
  }
  noteOmittedUnit(lowH, c);
  const a = lowH.actual;
  let res: ScoreResult;
  if (a < lowH.target) res = proportional('range', lowH.target, a, lowH.unit, c);
  else if (a > highH.target) res = reverseMissed('range', highH.target, a, highH.unit, c);
  else res = full('range', c, null, { zh: '实际值在指标区间内，得满分', en: 'actual inside the target range: full weight' });
  return quotedTarget(res, read.words, 'range', c);
}

function scoreDate(target: DateValue, actual: ParsedValue, c: Ctx): ScoreResult {
  const late = c.rules.lateDate;
  const done = dateOf(actual);
  if (done) {
    const order = compareDates(target, done);
    if (order === null) {
      c.problems.push({ code: 'value-format', field: target.month === null && target.year === null ? 'target' : 'actual', reason: 'unreadable' });
      return base('date', c.problems);
    }
    if (order === 'on-time') return full('date', c, null, { zh: '按期完成，得满分', en: 'done on time: full weight' });
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
  // A number cell holding 2023.12 against a date is December 2023.
  if (target.kind === 'number' && actual.kind === 'date') {
    const due = dateOf(target);
    if (due) target = { kind: 'date', raw: target.raw, ...due };
    // …and text "2023.10" against an amount is the amount 2023.10, not October.
    else if (isDottedYearMonth(actual.raw)) actual = { kind: 'number', raw: actual.raw, comparator: null, direction: null, value: Number(actual.raw.trim()), written: Number(actual.raw.trim()), unit: null };
  }
  const kind: ScoreResult['kind'] =
    target.kind === 'number'
      ? kindOf(target)
      : target.kind === 'range' ? 'range'
      : target.kind === 'date' ? 'date'
      : target.kind === 'qualitative' ? 'qualitative'
      : 'unknown';
  if (target.kind === 'empty') problems.push({ code: 'value-missing', field: 'target' });
  if (target.kind === 'invalid') problems.push({ code: 'value-format', field: 'target', reason: 'unreadable' });
  if (weight === null) problems.push({ code: 'value-missing', field: 'weight' });
  if (kind === 'unknown' || (weight !== null && weight < 0)) {
    if (weight !== null && actual.kind === 'number' && copiedComparator(actual)) problems.push({ code: 'value-format', field: 'actual', reason: 'comparator' });
    return base(kind, problems);
  }
  // Without a weight there are no points, but whether the target was met (or far passed) needs none:
  // the row is read on a weight of 1 and its points dropped.
  const c: Ctx = { weight: weight ?? 1, stated: weight === null ? null : stated, rules, problems };
  // "暂无", "未统计": no figure to score against any target (not 达成, not 0).
  if (saysNotAvailable(actual)) {
    problems.push({ code: 'value-missing', field: 'actual', reason: 'not-available' });
    return base(kind, problems);
  }
  const res = withinWeight(scoreByKind(target, actual, c), c.weight);
  return weight === null ? withoutPoints(res) : res;
}

/** A result read on a stand-in weight: met, ratio, tier and over-achievement stand; no points, band or formula. */
function withoutPoints(res: ScoreResult): ScoreResult {
  res.computed = null;
  delete res.band;
  delete res.formula;
  return res;
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
