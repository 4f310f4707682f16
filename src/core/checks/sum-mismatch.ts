/** sum-mismatch: a stated whole differs from the sum of its stated parts. */
import type { FundsBlock, FundsColumn, IndicatorGroup } from '../form';
import type { SelfEvaluationAnalysis } from '../score/form';
import { cellNumber } from '../score/cells';
import { parseWeightHeading } from '../parse';
import { fmtMoney, roundTo } from '../format';
import type { RuleSet } from '../rules/types';
import type { FindingDraft, Rule } from './types';
import { basicDataSums } from './basic-sums';
import { moneyGap, sum } from './util';
import { parentRows } from './parents';

const MONEY_COLUMNS: FundsColumn[] = ['planned', 'budgeted', 'executed'];
/** A heading's bracketed note: "产出指标（40分）" → "产出指标". */
const NAME_NOTE = /[（(].*$/s;
const COLUMN_NAMES: Record<string, { zh: string; en: string }> = {
  planned: { zh: '年初预算数', en: 'initial budget' },
  budgeted: { zh: '全年预算数', en: 'full-year budget' },
  executed: { zh: '全年执行数', en: 'full-year execution' },
};

// Sums below are plain loops adding in the order the rows come (the same float result as summing
// a filtered list), without building the lists: they run over every row of every form.

/** Σ of a group's weights (not-applicable rows count their written weight, blank as 0); null when a leaf's weight is blank or the group has no rows. */
function groupWeights(a: SelfEvaluationAnalysis, g: IndicatorGroup): number | null {
  let s = 0;
  let rows = 0;
  for (let k = 0; k < a.indicators.length; k++) {
    const i = a.indicators[k];
    if (i.group !== g || !(i.leaf || i.notApplicable)) continue;
    const w = i.notApplicable ? i.weight.value ?? 0 : i.weight.value;
    if (w === null) return null;
    s += w;
    rows++;
  }
  return rows ? s : null;
}

function scores(a: SelfEvaluationAnalysis, rules: RuleSet): FindingDraft[] {
  const out: FindingDraft[] = [];
  let leaves = 0;
  for (let k = 0; k < a.indicators.length; k++) if (a.indicators[k].leaf) leaves++;
  if (!leaves) return out;
  // 总分 vs budget score + leaf scores, as stated.
  let parts = 0;
  let partSum = 0;
  const budgetScore = a.budget?.score.value ?? null;
  if (budgetScore !== null) {
    partSum += budgetScore;
    parts++;
  }
  for (let k = 0; k < a.indicators.length; k++) {
    const i = a.indicators[k];
    if (i.leaf && i.stated.value !== null) {
      partSum += i.stated.value;
      parts++;
    }
  }
  const stated = a.total.stated.value;
  if (a.total.cell && stated !== null && parts) {
    const s = roundTo(partSum * a.total.rescale, rules.rounding);
    if (Math.abs(s - stated) > 0.005) out.push({ messageId: 'totalScore', cell: a.total.cell.a1, data: { stated, sum: s }, expected: s, found: stated });
  }
  // Level-1 headings ("产出指标 (40分)") vs their rows' weights.
  for (let j = 0; j < a.form.groups.length; j++) {
    const g = a.form.groups[j];
    const heading = g.statedWeight ?? parseWeightHeading(g.cell.text);
    if (heading === null) continue;
    // Not-applicable rows keep their written weight in the heading (按百分制折算 drops it from the total only).
    const ws = groupWeights(a, g);
    if (ws === null) continue;
    const s = roundTo(ws, rules.rounding);
    if (Math.abs(s - heading) > 0.005) out.push({ messageId: 'heading', cell: g.cell.a1, data: { name: g.name.replace(NAME_NOTE, '').trim(), heading, sum: s }, expected: s, found: heading });
  }
  // Weights: budget + leaves (then not-applicable rows, blank as 0) against the 总分 row's 分值 (100 by default).
  let weightSum = 0;
  let complete = true;
  const budgetWeight = a.budget?.weight.value ?? null;
  if (budgetWeight !== null) weightSum += budgetWeight;
  for (let k = 0; k < a.indicators.length; k++) {
    const i = a.indicators[k];
    if (!i.leaf) continue;
    if (i.weight.value === null) complete = false;
    else weightSum += i.weight.value;
  }
  for (let k = 0; k < a.indicators.length; k++) if (a.indicators[k].notApplicable) weightSum += a.indicators[k].weight.value ?? 0;
  if (complete) {
    const s = roundTo(weightSum, rules.rounding);
    const whole = a.total.statedWeight.value ?? 100;
    if (Math.abs(s - whole) > 0.005) {
      out.push({ messageId: 'weights', cell: a.total.weightCell?.a1 ?? a.total.cell?.a1 ?? null, data: { whole, sum: s }, expected: s, found: whole });
    }
  }
  return out;
}

function funds(block: FundsBlock, rules: RuleSet): FindingDraft[] {
  const out: FindingDraft[] = [];
  const total = block.total.cells;
  for (let j = 0; j < block.splits.length; j++) {
    const split = block.splits[j];
    const columns: FundsColumn[] = split.against ? [split.against] : MONEY_COLUMNS;
    for (let k = 0; k < columns.length; k++) {
      const col = columns[k];
      const whole = total[col];
      const parts = split.lines
        .map((l) => (split.against ? l.textAmount ?? null : cellNumber(l.cells[col]).value))
        .filter((v): v is number => v !== null);
      if (!whole || !parts.length) continue;
      const w = cellNumber(whole).value;
      const name = split.name || { zh: '资金来源', en: 'the split' };
      if (w === null) continue;
      if (w === 0 && parts.some((p) => p !== 0)) {
        out.push({ messageId: 'zeroTotal', severity: 'error', cell: whole.a1, data: { column: COLUMN_NAMES[col], sum: roundTo(sum(parts), 6) }, expected: roundTo(sum(parts), 6), found: 0 });
        continue;
      }
      const gap = moneyGap(w, parts, rules);
      if (gap) out.push({ messageId: 'funds', severity: gap.severity, cell: whole.a1, data: { column: COLUMN_NAMES[col], split: name, parts: parts.map(fmtMoney).join(' + '), sum: fmtMoney(gap.sum), whole: fmtMoney(w) }, expected: gap.sum, found: w });
    }
    // "按支出性质分：1925.67" vs its own parts.
    const parts = split.lines.map((l) => l.textAmount ?? null).filter((v): v is number => v !== null);
    if (split.statedTotal !== null && split.header && parts.length) {
      const gap = moneyGap(split.statedTotal, parts, rules);
      if (gap) out.push({ messageId: 'splitHeader', severity: gap.severity, cell: split.header.a1, data: { split: split.name, parts: parts.map(fmtMoney).join(' + '), sum: fmtMoney(gap.sum), whole: fmtMoney(split.statedTotal) }, expected: gap.sum, found: split.statedTotal });
    }
  }
  return out;
}

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  severity: 'error',
  meta: { description: { zh: '合计数与各分项之和不符', en: 'A stated whole differs from the sum of its parts' }, forms: ['self-evaluation', 'basic-data'] },
  messages: {
    totalScore: { zh: '总分填为 {stated}，各项得分合计为 {sum}', en: 'The total says {stated}; the scores add up to {sum}' },
    heading: { zh: '“{name}”标明 {heading} 分，其下各指标分值合计为 {sum}', en: '"{name}" says {heading} points; its indicators\' weights add up to {sum}' },
    weights: { zh: '各项分值合计为 {sum}，应为 {whole}', en: 'The weights add up to {sum}, not {whole}' },
    parentWeight: { zh: '“{name}”分值为 {whole}，其下各项分值合计为 {sum}', en: '"{name}" is worth {whole} points; the rows under it add up to {sum}' },
    parentScore: { zh: '“{name}”得分为 {whole}，其下各项得分合计为 {sum}', en: '"{name}" scores {whole}; the rows under it add up to {sum}' },
    funds: { zh: '{column} {whole} 与{split}各项之和 {sum}（{parts}）不符', en: 'The {column} {whole} differs from the sum of {split}, {sum} ({parts})' },
    zeroTotal: { zh: '年度资金总额的{column}为 0，但其分项合计为 {sum}', en: 'The {column} of the total is 0 while its split adds up to {sum}' },
    splitHeader: { zh: '{split}标明 {whole}，其分项之和为 {sum}（{parts}）', en: '{split} says {whole}; its parts add up to {sum} ({parts})' },
    basicSum: { zh: '“{name}”{column} {whole} 与其分项之和 {sum} 不符', en: '"{name}" {column} {whole} differs from the sum of its parts, {sum}' },
    partsOver: { zh: '“{name}”{column} {whole} 小于其所列分项之和 {sum}', en: '"{name}" {column} {whole} is less than the sum of the parts listed under it, {sum}' },
    ofWhich: { zh: '“{name}”{column} {whole} 小于其“其中”各项之和 {sum}', en: '"{name}" {column} {whole} is less than its "of which" items, {sum}' },
  },
  check(ctx) {
    if (ctx.form.kind === 'basic-data') return basicDataSums(ctx.form, ctx.rules);
    const a = ctx.analysis;
    if (!a) return [];
    return [...scores(a, ctx.rules), ...parentRows(a, ctx.rules), ...(a.form.funds ? funds(a.form.funds, ctx.rules) : [])];
  },
};
