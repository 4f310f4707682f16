/** value-format: a cell cannot be read as its column requires; an actual with a comparator or words for a number. */
import type { Rule, FindingDraft } from './types';

export const valueFormat: Rule = {
  id: 'value-format',
  severity: 'warning',
  meta: { description: { zh: '单元格内容不符合该栏要求', en: 'A cell cannot be read as its column requires' }, forms: ['self-evaluation'] },
  messages: {
    comparator: { zh: '实际完成值“{text}”带有比较符号，应填写实际测得的数值（按 {value} 计分）', en: 'The actual "{text}" carries a comparator; write the measured value (scored as {value})' },
    'text-for-number': { zh: '指标值为数值，实际完成值“{text}”却是文字', en: 'The target is a number but the actual "{text}" is text' },
    'number-in-text': { zh: '实际完成值“{text}”不是单纯的数值，按其中的 {value} 计分，请只填写数值', en: 'The actual "{text}" is not a bare value; scored on the {value} in it: write the value only' },
    'unit-omitted': { zh: '实际完成值“{text}”未写单位，按 {value} 计分', en: 'The actual "{text}" has no unit; scored as {value}' },
    'unit-omitted-target': { zh: '年度指标值“{text}”未写单位，按 {value} 计分', en: 'The target "{text}" has no unit; scored as {value}' },
    'not-comparable': { zh: '实际完成值“{text}”无法与指标值“{target}”比较', en: 'The actual "{text}" cannot be compared with the target "{target}"' },
    unreadableTarget: { zh: '无法识别年度指标值“{text}”', en: 'Cannot read the target "{text}"' },
    unreadableActual: { zh: '无法识别实际完成值“{text}”', en: 'Cannot read the actual "{text}"' },
    notNumber: { zh: '{field}“{text}”不是数字', en: 'The {field} "{text}" is not a number' },
  },
  check(ctx) {
    const a = ctx.analysis;
    if (!a) return [];
    const out: FindingDraft[] = [];
    const notNumber = (cell: { a1: string; text: string } | null | undefined, readable: boolean, field: { zh: string; en: string }) => {
      if (cell && !readable) out.push({ messageId: 'notNumber', severity: 'error', cell: cell.a1, data: { field, text: cell.text } });
    };
    for (let i = 0; i < a.indicators.length; i++) {
      const ind = a.indicators[i];
      for (let j = 0; j < ind.result.problems.length; j++) {
        const p = ind.result.problems[j];
        if (p.code !== 'value-format') continue;
        if (p.field === 'target') {
          const omitted = p.reason === 'unit-omitted';
          out.push({ messageId: omitted ? 'unit-omitted-target' : 'unreadableTarget', cell: ind.targetCell?.a1 ?? null, data: { text: ind.targetText, value: p.shown ?? '' } });
          continue;
        }
        const text = ind.actualCell?.text.trim() ?? '';
        const value = p.shown ?? (ind.actual.kind === 'number' ? ind.actual.written + (ind.actual.unit?.name === '%' ? '%' : '') : '');
        const id = p.reason === 'unreadable' ? 'unreadableActual' : p.reason;
        out.push({ messageId: id, cell: ind.actualCell?.a1 ?? null, data: { text, value, target: ind.targetText } });
      }
      notNumber(ind.weightCell, ind.weight.readable, { zh: '分值', en: 'weight' });
      notNumber(ind.scoreCell, ind.stated.readable, { zh: '得分', en: 'score' });
    }
    const b = a.budget;
    if (b) {
      const c = b.line.cells;
      notNumber(c.budgeted, b.budgeted.readable, { zh: '全年预算数', en: 'full-year budget' });
      notNumber(c.executed, b.executed.readable, { zh: '全年执行数', en: 'full-year execution' });
      notNumber(c.weight, b.weight.readable, { zh: '分值', en: 'weight' });
      notNumber(c.rate, b.rate.readable, { zh: '执行率', en: 'execution rate' });
      notNumber(c.score, b.score.readable, { zh: '得分', en: 'score' });
    }
    notNumber(a.total.cell, a.total.stated.readable, { zh: '总分', en: 'total' });
    return out;
  },
};
