/** limit-exceeded: a control ratio over 100% (编制 控制率, 规模控制率, 投资概算控制率). */
import { fmtPct, roundTo } from '../format';
import type { FindingDraft, Rule } from './types';
import { controlRatios } from './basic';

export const limitExceeded: Rule = {
  id: 'limit-exceeded',
  severity: 'warning',
  meta: { description: { zh: '控制率超过 100%', en: 'A control ratio over 100%' }, forms: ['basic-data'] },
  messages: {
    over: { zh: '{name}为 {value}（{numerator} ÷ {denominator}），超过 100%', en: 'The {name} is {value} ({numerator} ÷ {denominator}), over 100%' },
  },
  check(ctx) {
    if (ctx.form.kind !== 'basic-data') return [];
    const out: FindingDraft[] = [];
    for (const r of controlRatios(ctx.form)) {
      const v = r.computed ?? null;
      if (v === null || roundTo(v, 6) <= 1) continue;
      out.push({ messageId: 'over', cell: r.cell?.a1 ?? r.operand?.a1 ?? null, data: { name: r.name, value: fmtPct(roundTo(v, 4)), numerator: r.numerator, denominator: r.denominator }, expected: 1, found: roundTo(v, 4) });
    }
    return out;
  },
};
