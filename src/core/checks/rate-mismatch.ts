/** rate-mismatch: a stated rate differs from its operands (执行率, 控制率 …). */
import { fmtPct, roundTo } from '../format';
import type { FindingDraft, Rule } from './types';
import { controlRatios } from './basic';
import { rateGap } from './util';

export const rateMismatch: Rule = {
  id: 'rate-mismatch',
  severity: 'error',
  meta: { description: { zh: '填报的比率与其分子分母不符', en: 'A stated rate differs from its operands' }, forms: ['self-evaluation', 'basic-data'] },
  messages: {
    execution: { zh: '执行率应为 {expected}（{executed} ÷ {budgeted}），表内为 {found}', en: 'The execution rate should be {expected} ({executed} ÷ {budgeted}); the form says {found}' },
    control: { zh: '{name}应为 {expected}（{numerator} ÷ {denominator}），表内为 {found}', en: 'The {name} should be {expected} ({numerator} ÷ {denominator}); the form says {found}' },
    blank: { zh: '分母为 0，{name}应留空，表内为 {found}', en: 'The denominator is 0, so the {name} should be blank; the form says {found}' },
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    if (ctx.form.kind === 'basic-data') {
      for (const r of controlRatios(ctx.form)) {
        if (!r.cell || r.stated === null) continue;
        if (r.computed === null) {
          // 0 written where the ratio is undefined is the common template habit: accept it.
          if (r.denominator === 0 && r.stated !== 0) out.push({ messageId: 'blank', cell: r.cell.a1, data: { name: r.name, found: fmtPct(r.stated) }, expected: null, found: r.stated });
          continue;
        }
        const sev = rateGap(r.stated, r.computed, ctx.rules);
        const expected = roundTo(r.computed, 4);
        if (sev) out.push({ messageId: 'control', severity: sev, cell: r.cell.a1, data: { name: r.name, expected: fmtPct(expected), found: fmtPct(r.stated), numerator: r.numerator, denominator: r.denominator }, expected, found: r.stated });
      }
      return out;
    }
    const b = ctx.analysis?.budget;
    const cell = b?.line.cells.rate;
    if (!b || !cell || b.rate.value === null || b.computed.rate === null) return out;
    const sev = rateGap(b.rate.value, b.computed.rate, ctx.rules);
    if (sev) {
      out.push({
        messageId: 'execution',
        severity: sev,
        cell: cell.a1,
        data: { expected: fmtPct(b.computed.rate), found: fmtPct(b.rate.value), executed: b.executed.value, budgeted: b.budgeted.value },
        expected: b.computed.rate,
        found: b.rate.value,
      });
    }
    return out;
  },
};
