/** A located self-evaluation form, parsed and scored: what the review and the checks read. */
import type { Bound, FundsLine, IndicatorGroup, IndicatorRow, SelfEvaluationForm } from '../form';
import type { CellInput, ParsedValue, Unit } from '../parse/types';
import { parseSplitTarget, parseValue, splitTargetText } from '../parse';
import type { RuleSet } from '../rules/types';
import type { Grade } from '../types';
import { roundTo } from '../format';
import { scoreBudget, gradeFor, type BudgetScore } from './budget';
import { cellNumber, cellRate, type CellNumber } from './cells';
import { scoreIndicator } from './indicator';
import type { ScoreResult } from './types';
import { isScalingPercentFormat } from '../numfmt';
import { bareHeading, withoutSpaces } from '../locate/text';

export interface IndicatorAnalysis {
  row: IndicatorRow;
  group: IndicatorGroup | null;
  /** Cell holding the target value (the 指标值 cell for split targets). */
  targetCell: Bound | null;
  targetText: string;
  target: ParsedValue;
  actualCell: Bound | null;
  actual: ParsedValue;
  weightCell: Bound | null;
  weight: CellNumber;
  scoreCell: Bound | null;
  stated: CellNumber;
  explanationCell: Bound | null;
  explanation: string;
  result: ScoreResult;
  /** Leaf rows add to the total; a parent whose children are scored does not, nor a not-applicable row. */
  leaf: boolean;
  /** 不适用 / 分值 0: the row carries no points and needs no values (按百分制折算 drops it). */
  notApplicable: boolean;
}

export interface BudgetAnalysis {
  line: FundsLine;
  planned: CellNumber;
  budgeted: CellNumber;
  executed: CellNumber;
  weight: CellNumber;
  rate: CellNumber;
  score: CellNumber;
  computed: BudgetScore;
}

export interface SelfEvaluationAnalysis {
  form: SelfEvaluationForm;
  budget: BudgetAnalysis | null;
  indicators: IndicatorAnalysis[];
  total: {
    cell: Bound | null;
    stated: CellNumber;
    computed: number | null;
    weightCell: Bound | null;
    statedWeight: CellNumber;
    /** 按百分制折算: whole ÷ (whole − not-applicable weights) when the form rescaled its total, else 1. */
    rescale: number;
  };
  grade: Grade | null;
}

/** Text without whitespace (most names have none: returned as they are). */
const clean = withoutSpaces;

/** "产出指标\n\n(40分)" → "产出指标" (text.ts bareHeading). */
export const stripWeightText = bareHeading;

/** A bound cell as the parsers' input: the Bound itself carries value, text and numberFormat (the parsers only read them). */
const EMPTY_INPUT: CellInput = { value: null, text: '', numberFormat: 'General' };
const input = (b: Bound | null | undefined): CellInput => b ?? EMPTY_INPUT;

/** 调整指标值 left blank means the target was not adjusted: the 年初指标值 stands. */
function targetCell(c: IndicatorRow['cells']): Bound | null {
  const adjusted = c.target ?? null;
  const initial = c.initialTarget ?? null;
  return initial && (!adjusted || adjusted.text.trim() === '') && initial.text.trim() !== '' ? initial : adjusted;
}

function parseTarget(row: IndicatorRow): { cell: Bound | null; text: string; value: ParsedValue } {
  const c = row.cells;
  const cell = targetCell(c);
  if (c.nature !== undefined || c.targetUnit !== undefined) {
    const [nature, unit] = [c.nature ? input(c.nature) : null, c.targetUnit ? input(c.targetUnit) : null];
    return { cell, text: splitTargetText(nature, cell ? input(cell) : null, unit), value: parseSplitTarget(nature, cell ? input(cell) : null, unit) };
  }
  return { cell, text: (cell?.text ?? '').trim(), value: parseValue(input(cell)) };
}

const NOT_APPLICABLE = /^(不适用|不涉及|无此项|本年度?不涉及|n\/?a)$/i;
const saysNotApplicable = (b: Bound | null | undefined) => !!b && NOT_APPLICABLE.test(clean(b.text));

/** A row worth 0 points, or one whose weight or score says 不适用 (or whose values do, with no weight). */
function isNotApplicable(c: IndicatorRow['cells'], weight: CellNumber): boolean {
  if (weight.value === 0) return true;
  if (saysNotApplicable(c.weight) || saysNotApplicable(c.score)) return true;
  return weight.value === null && (saysNotApplicable(c.target) || saysNotApplicable(c.actual));
}

/** "不适用" in a number column is not a format error on a not-applicable row. */
const asBlank = (n: CellNumber, b: Bound | null | undefined): CellNumber => (!n.readable && saysNotApplicable(b) ? { value: null, readable: true } : n);

const COST = /成本/;
/** Money, or money per something ("80元/平方米", "万元/公里", "元每人"). */
const MONEY_RATE = /^[十百千万亿]*元(?:[/每]|$)/;
const isMoney = (u: Unit | null) => !!u && (u.dimension === 'money' || MONEY_RATE.test(u.name));

/**
 * DOMAIN: reverse applies to "cost-type amounts". A money target without a comparator ("1500万元",
 * "80元/平方米") in a row under a 成本 heading (成本指标, 经济成本指标, 社会成本指标, 生态环境成本指标;
 * 二级 or 一级) is a ceiling. An explicit comparator (or direction word) always wins.
 */
export function costAsReverse(value: ParsedValue, row: Pick<IndicatorRow, 'level1' | 'level2'>): ParsedValue {
  if (value.kind !== 'number' || value.comparator !== null || value.direction !== null || !isMoney(value.unit)) return value;
  if (!COST.test(clean(row.level2)) && !COST.test(stripWeightText(row.level1))) return value;
  // A copy: parsed values are shared between equal cell texts.
  return { ...value, direction: 'reverse' };
}

/** A weight written as a percent of the whole ("30%" text, or 0.3 in a %-formatted cell). */
const PERCENT_TEXT = /%\s*$/;
const isPercentNumber = (b: Bound | null | undefined): b is Bound => !!b && typeof b.value === 'number' && Number.isFinite(b.value) && isScalingPercentFormat(b.numberFormat);
/** A fraction of the whole: at most 1, with a little room for 100% written 1.0x by rounding. */
const FRACTION_MAX = 1.5;
/** How near 1 fractions must add up to read as shares of the 100 points. */
const FRACTION_SUM_TOLERANCE = 0.02;

/**
 * How the form writes its weights: 100 when as fractions of the whole shown as percents (权重 0.3 in a
 * %-formatted cell shown "30%", the 总分 row's 100% a 1), so that a weight reads as points out of 100;
 * else 1 (points). Fractions they are when some weight cell is %-formatted, none holds more than a
 * fraction, and the 总分 row's weight is a %-formatted 1 (100%), or the weights as fractions add up to
 * about 1, or every weight is %-formatted. Text "30%" already reads as 30 points.
 */
export function weightScale(form: SelfEvaluationForm): number {
  const cells: Bound[] = [];
  const budget = form.funds?.total.cells.weight;
  if (budget) cells.push(budget);
  for (let j = 0; j < form.indicators.length; j++) {
    const r = form.indicators[j];
    if (!r.parent && r.cells.weight) cells.push(r.cells.weight);
  }
  let percent = 0;
  let numbers = 0;
  let sum = 0;
  for (let j = 0; j < cells.length; j++) {
    const b = cells[j];
    if (typeof b.value === 'number') {
      if (!Number.isFinite(b.value)) continue;
      if (Math.abs(b.value) > FRACTION_MAX) return 1;
      numbers++;
      if (isPercentNumber(b)) percent++;
      sum += b.value;
    } else {
      const n = cellNumber(b).value;
      if (n === null) continue;
      if (!PERCENT_TEXT.test(b.text)) {
        if (Math.abs(n) > FRACTION_MAX) return 1;
        numbers++;
        sum += n;
      } else sum += n / 100;
    }
  }
  const whole = form.total?.weight;
  const wholePercent = isPercentNumber(whole);
  if (wholePercent && Math.abs(Number(whole.value)) > FRACTION_MAX) return 1;
  if (percent === 0 && !wholePercent) return 1;
  const fractions = (wholePercent && Math.abs(Number(whole.value) - 1) < 1e-9) || Math.abs(sum - 1) <= FRACTION_SUM_TOLERANCE || (numbers > 0 && percent === numbers);
  return fractions ? 100 : 1;
}

/** A weight cell's number in points: × scale for a fraction of the whole (never for text "30%", already points). */
function weightNumber(b: Bound | null | undefined, scale: number): CellNumber {
  const n = cellNumber(b);
  if (scale === 1 || !b || n.value === null || Math.abs(n.value) > FRACTION_MAX || (typeof b.value === 'string' && PERCENT_TEXT.test(b.value))) return n;
  return { value: roundTo(n.value * scale, 9), readable: n.readable };
}

function analyseIndicator(row: IndicatorRow, group: IndicatorGroup | null, rules: RuleSet, scale = 1): IndicatorAnalysis {
  const parsed = parseTarget(row);
  const t = { ...parsed, value: costAsReverse(parsed.value, row) };
  const c = row.cells;
  const actual = parseValue(input(c.actual));
  let weight = weightNumber(c.weight, scale);
  let stated = cellNumber(c.score);
  const notApplicable = !row.parent && isNotApplicable(c, weight);
  let result = scoreIndicator(t.value, actual, weight.value, stated.value, rules);
  if (notApplicable) {
    weight = asBlank(weight, c.weight);
    stated = asBlank(stated, c.score);
    result = { kind: result.kind, computed: null, met: null, ratio: null, overAchieved: false, problems: [] };
  }
  return {
    row,
    group,
    targetCell: t.cell,
    targetText: t.text,
    target: t.value,
    actualCell: c.actual ?? null,
    actual,
    weightCell: c.weight ?? null,
    weight,
    scoreCell: c.score ?? null,
    stated,
    explanationCell: c.explanation ?? null,
    explanation: (c.explanation?.text ?? '').trim(),
    result,
    leaf: !row.parent && !notApplicable,
    notApplicable,
  };
}

function analyseBudget(form: SelfEvaluationForm, rules: RuleSet, scale = 1): BudgetAnalysis | null {
  const line = form.funds?.total;
  if (!line) return null;
  const c = line.cells;
  const budgeted = cellNumber(c.budgeted);
  const executed = cellNumber(c.executed);
  const own = weightNumber(c.weight, scale);
  // No weight on the line: the points a header or label states ("得分（10分×执行率）") are the weight.
  const stated = form.funds?.statedWeight;
  const weight = own.value === null && own.readable && stated ? { value: stated.value, readable: true } : own;
  return {
    line,
    planned: cellNumber(c.planned),
    budgeted,
    executed,
    weight,
    rate: cellRate(c.rate),
    score: cellNumber(c.score),
    computed: scoreBudget(budgeted.value, executed.value, weight.value, rules),
  };
}

/**
 * Total = budget score + leaf indicator scores. Where a row cannot be scored the clerk's own
 * score stands (a finding already says why); the total is unknown only when neither exists.
 */
function computeTotal(budget: BudgetAnalysis | null, rows: IndicatorAnalysis[], rules: RuleSet, rescale: number): number | null {
  if (!rows.length && !budget) return null;
  let sum = budget ? budget.computed.score ?? budget.score.value ?? 0 : 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (!r.leaf) continue;
    const v = r.result.computed ?? r.stated.value;
    if (v === null) return null;
    sum += v;
  }
  return roundTo(sum * rescale, rules.rounding);
}

/** Budget score + leaf scores as the form states them. */
export function statedSum(a: { budget: BudgetAnalysis | null; indicators: IndicatorAnalysis[] }): number {
  let s = a.budget?.score.value ?? 0;
  for (let j = 0; j < a.indicators.length; j++) {
    const i = a.indicators[j];
    if (i.leaf) s += i.stated.value ?? 0;
  }
  return s;
}

/**
 * 按百分制折算: with not-applicable rows that carry weight, a form may scale its total to the whole
 * (100). It did when its total row says 折算, or when its stated total matches the scaled stated sum.
 */
function rescaleOf(form: SelfEvaluationForm, budget: BudgetAnalysis | null, rows: IndicatorAnalysis[], stated: number | null, whole: number, rules: RuleSet): number {
  let dropped = 0;
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (r.notApplicable) dropped += r.weight.value ?? 0;
  }
  if (dropped <= 0 || dropped >= whole) return 1;
  const factor = whole / (whole - dropped);
  const t = form.total;
  if ([t?.labelCell, t?.score, t?.weight].some((b) => b && b.text.includes('折算'))) return factor;
  if (stated === null) return 1;
  const raw = statedSum({ budget, indicators: rows });
  const tol = rules.scoreTolerance + 1e-9;
  return Math.abs(stated - raw * factor) <= tol && Math.abs(stated - raw) > tol ? factor : 1;
}

export function analyseSelfEvaluation(form: SelfEvaluationForm, rules: RuleSet): SelfEvaluationAnalysis {
  const groupOf = new Map<IndicatorRow, IndicatorGroup>();
  for (let j = 0; j < form.groups.length; j++) {
    const g = form.groups[j];
    for (const r of g.rows) groupOf.set(r, g);
  }
  const scale = weightScale(form);
  const indicators = form.indicators.map((r) => analyseIndicator(r, groupOf.get(r) ?? null, rules, scale));
  const budget = analyseBudget(form, rules, scale);
  const stated = cellNumber(form.total?.score);
  const statedWeight = weightNumber(form.total?.weight, scale);
  const rescale = rescaleOf(form, budget, indicators, stated.value, statedWeight.value ?? 100, rules);
  const computed = indicators.length ? computeTotal(budget, indicators, rules, rescale) : null;
  return {
    form,
    budget,
    indicators,
    total: { cell: form.total?.score ?? null, stated, computed, weightCell: form.total?.weight ?? null, statedWeight, rescale },
    grade: gradeFor(computed, rules),
  };
}

/** Display path of a row: level names without their weight text. */
export function indicatorPath(row: IndicatorRow): string[] {
  const path = [stripWeightText(row.level1), clean(row.level2), clean(row.level3)];
  return path.includes('') ? path.filter((s) => s !== '') : path;
}
