/** sum-mismatch: a stated whole differs from the sum of its stated parts. */
import type { BasicDataForm, FundsBlock, FundsColumn, IndicatorGroup } from '../form';
import type { SelfEvaluationAnalysis } from '../score/form';
import { cellNumber } from '../score/cells';
import { parseWeightHeading } from '../parse';
import { fmtMoney, roundTo } from '../format';
import type { RuleSet } from '../rules/types';
import type { FindingDraft, Rule } from './types';
import { cellAt, moneyColumns, norm, numAt, rowIndex, section, MONEY, type BasicRow } from './basic';
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
  for (const i of a.indicators) {
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
  for (const i of a.indicators) if (i.leaf) leaves++;
  if (!leaves) return out;
  // 总分 vs budget score + leaf scores, as stated.
  let parts = 0;
  let partSum = 0;
  const budgetScore = a.budget?.score.value ?? null;
  if (budgetScore !== null) {
    partSum += budgetScore;
    parts++;
  }
  for (const i of a.indicators) {
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
  for (const g of a.form.groups) {
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
  for (const i of a.indicators) {
    if (!i.leaf) continue;
    if (i.weight.value === null) complete = false;
    else weightSum += i.weight.value;
  }
  for (const i of a.indicators) if (i.notApplicable) weightSum += i.weight.value ?? 0;
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
  for (const split of block.splits) {
    const columns: FundsColumn[] = split.against ? [split.against] : MONEY_COLUMNS;
    for (const col of columns) {
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

/** Parts of a 基础数据表 row: numbered rows ("1、…") after it, up to the next unnumbered top-level row. */
function numberedParts(rows: BasicRow[], parent: number, top: RegExp): number[] {
  const idx: number[] = [];
  for (let i = parent + 1; i < rows.length; i++) {
    const l = norm(rows[i].label);
    if (top.test(l)) break;
    if (/^\d+[、.．]/.test(l)) idx.push(i);
  }
  return idx;
}

function basicData(form: BasicDataForm, rules: RuleSet): FindingDraft[] {
  const sec = section(form, MONEY);
  if (!sec) return [];
  const out: FindingDraft[] = [];
  const rows = sec.rows;
  const TOP = /^(三公经费|项目支出|公用经费|政府采购|部门基本支出|楼堂馆所)/;
  const check = (wholeRow: number, partRows: number[], messageId: string, asCap = false) => {
    if (wholeRow < 0 || partRows.length === 0 || partRows.includes(-1)) return;
    for (const col of moneyColumns(sec)) {
      const whole = numAt(rows[wholeRow], col);
      const parts = partRows.map((r) => numAt(rows[r], col)).filter((v): v is number => v !== null);
      if (whole === null || !parts.length) continue;
      const s = roundTo(sum(parts), 6);
      const data = { name: norm(rows[wholeRow].label).replace(/[:：]$/, ''), column: sec.columns[col].label, whole: fmtMoney(whole), sum: fmtMoney(s) };
      const cell = cellAt(rows[wholeRow], col)?.a1 ?? null;
      if (asCap) {
        if (s > whole + rules.moneyTolerance / 2) out.push({ messageId, cell, data, expected: s, found: whole });
        continue;
      }
      const gap = moneyGap(whole, parts, rules);
      if (gap) out.push({ messageId, severity: gap.severity, cell, data, expected: gap.sum, found: whole });
    }
  };
  const sangong = rowIndex(sec, /三公经费/);
  const car = rowIndex(sec, /公务用车购置和维护/);
  check(sangong, [car, rowIndex(sec, /出国/), rowIndex(sec, /公务接待/)], 'basicSum');
  check(car, [rowIndex(sec, /公车购置/), rowIndex(sec, /公车运行维护/)], 'basicSum');
  const project = rowIndex(sec, /^项目支出/);
  if (project >= 0) check(project, numberedParts(rows, project, TOP), 'basicSum');
  // 其中 items: each and all together at most their parent.
  const pub = rowIndex(sec, /^公用经费/);
  if (pub >= 0) {
    const items: number[] = [];
    for (let i = pub + 1; i < rows.length && !TOP.test(norm(rows[i].label)); i++) if (norm(rows[i].label)) items.push(i);
    check(pub, items, 'ofWhich', true);
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
    ofWhich: { zh: '“{name}”{column} {whole} 小于其“其中”各项之和 {sum}', en: '"{name}" {column} {whole} is less than its "of which" items, {sum}' },
  },
  check(ctx) {
    if (ctx.form.kind === 'basic-data') return basicData(ctx.form, ctx.rules);
    const a = ctx.analysis;
    if (!a) return [];
    return [...scores(a, ctx.rules), ...parentRows(a, ctx.rules), ...(a.form.funds ? funds(a.form.funds, ctx.rules) : [])];
  },
};
