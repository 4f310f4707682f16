/** value-missing: a cell the form needs is empty (target, actual, weight, score, budget figure). */
import type { BasicDataForm, IndicatorRow } from '../form';
import type { Rule, FindingDraft, CheckContext } from './types';
import { cellAt, column, isTopRow, moneyColumns, moneySection, withoutSpaces, numAt, numberingOf } from './basic';

const FIELD_NAMES = {
  target: { zh: '年度指标值', en: 'target' },
  actual: { zh: '实际完成值', en: 'actual' },
  weight: { zh: '分值', en: 'weight' },
} as const;

/** Whether the row was read under a header with a column for the field (the locator binds every header column on every row, null where empty). */
function hasColumn(cells: IndicatorRow['cells'], field: 'target' | 'actual' | 'weight'): boolean {
  return field === 'target' ? 'target' in cells || 'initialTarget' in cells : field in cells;
}

function selfEvaluation(ctx: CheckContext): FindingDraft[] {
  const a = ctx.analysis;
  if (!a) return [];
  const out: FindingDraft[] = [];
  for (let i = 0; i < a.indicators.length; i++) {
    const ind = a.indicators[i];
    const name = ind.row.level3 || ind.row.level2;
    for (let j = 0; j < ind.result.problems.length; j++) {
      const p = ind.result.problems[j];
      if (p.code !== 'value-missing') continue;
      // A scored parent row ("数量指标 | | | 30 | 28") is a subtotal: its target and actual live on its children.
      if (!ind.leaf && p.field !== 'weight') continue;
      // A field the table has no column for is no empty cell: the form says so once (layout-uncertain).
      if (!hasColumn(ind.row.cells, p.field)) continue;
      const cell = p.field === 'target' ? ind.targetCell : p.field === 'actual' ? ind.actualCell : ind.weightCell;
      const at = cell?.a1 ?? ind.row.cells.level3?.a1 ?? null;
      if (p.reason === 'not-available') out.push({ messageId: 'notAvailable', cell: at, data: { field: FIELD_NAMES[p.field], name, text: cell?.text.trim() ?? '' } });
      else out.push({ messageId: 'field', cell: at, data: { field: FIELD_NAMES[p.field], name } });
    }
    if (ind.leaf && ind.scoreCell && ind.stated.value === null && ind.stated.readable) {
      out.push({ messageId: 'score', severity: 'warning', cell: ind.scoreCell.a1, data: { name, expected: ind.result.computed ?? '?' }, expected: ind.result.computed });
    }
  }
  const b = a.budget;
  if (b) {
    const c = b.line.cells;
    if (c.budgeted && b.budgeted.value === null && b.budgeted.readable) out.push({ messageId: 'budgeted', cell: c.budgeted.a1 });
    if (c.executed && b.executed.value === null && b.executed.readable) out.push({ messageId: 'executed', cell: c.executed.a1 });
    // An empty budget score the rule can compute: said, not silently filled (the recompute still writes it).
    if (c.score && b.score.value === null && b.score.readable && b.computed.score !== null) {
      out.push({ messageId: 'budgetScore', severity: 'warning', cell: c.score.a1, data: { expected: b.computed.score }, expected: b.computed.score });
    }
  }
  if (a.indicators.length && a.total.cell && a.total.stated.value === null && a.total.stated.readable) {
    out.push({ messageId: 'total', severity: 'warning', cell: a.total.cell.a1, data: { expected: a.total.computed ?? '?' }, expected: a.total.computed });
  }
  return out;
}

/** 基础数据表: a current-year 预算数 of 0 with a non-zero 决算数 deserves a look. */
function basicData(form: BasicDataForm): FindingDraft[] {
  const sec = moneySection(form);
  if (!sec) return [];
  const cols = moneyColumns(sec);
  const budgetCol = column(sec, /预算/, true);
  const finalCol = column(sec, /决算/, true);
  if (budgetCol < 0 || finalCol < 0 || !cols.length) return [];
  const out: FindingDraft[] = [];
  let flaggedParent = false;
  for (let i = 0; i < sec.rows.length; i++) {
    const row = sec.rows[i];
    const budget = numAt(row, budgetCol);
    const final = numAt(row, finalCol);
    const zero = budget === 0 && final !== null && final !== 0;
    // Whether the row is a child matters only for a finding or under a flagged row: most rows are neither.
    if (!zero && !flaggedParent) continue;
    // A child of a flagged row says nothing new.
    const child = /^其中/.test(withoutSpaces(row.label)) || (numberingOf(row.label) !== null && !isTopRow(row)) || row.indent > 0;
    if (!child) flaggedParent = false;
    if (zero && !(child && flaggedParent)) {
      out.push({ messageId: 'zeroBudget', severity: 'info', cell: cellAt(row, budgetCol)?.a1 ?? null, data: { name: withoutSpaces(row.label).replace(/[:：]$/, ''), final }, found: 0 });
      if (!child) flaggedParent = true;
    }
  }
  return out;
}

export const valueMissing: Rule = {
  id: 'value-missing',
  severity: 'error',
  meta: { description: { zh: '表中必填的单元格为空', en: 'A cell the form needs is empty' }, forms: ['self-evaluation', 'basic-data'] },
  messages: {
    field: { zh: '“{name}”的{field}为空', en: 'The {field} of "{name}" is empty' },
    notAvailable: { zh: '“{name}”的{field}为“{text}”，没有可计分的数值，请填写实际完成值', en: 'The {field} of "{name}" says "{text}": no figure to score; fill in the actual' },
    score: { zh: '“{name}”未填得分，按规则应为 {expected}', en: 'No score for "{name}"; the rule gives {expected}' },
    budgeted: { zh: '全年预算数为空，无法计算执行率', en: 'The full-year budget is empty: no execution rate' },
    executed: { zh: '全年执行数为空，无法计算执行率', en: 'The full-year execution is empty: no execution rate' },
    total: { zh: '总分为空，按规则应为 {expected}', en: 'The total is empty; the rule gives {expected}' },
    budgetScore: { zh: '预算执行得分为空，按规则应为 {expected}', en: 'The budget score is empty; the rule gives {expected}' },
    zeroBudget: { zh: '“{name}”当年预算数为 0，决算数却为 {final}，请核实', en: '"{name}" has a budget of 0 but final accounts of {final}: please check' },
  },
  check: (ctx) => (ctx.form.kind === 'basic-data' ? basicData(ctx.form) : selfEvaluation(ctx)),
};
