/** score-over-weight: a stated score above its weight, or below 0. */
import type { FindingDraft, Rule } from './types';

export const scoreOverWeight: Rule = {
  id: 'score-over-weight',
  severity: 'error',
  meta: { description: { zh: '得分超过分值或为负', en: 'A score above its weight or below 0' }, forms: ['self-evaluation'] },
  messages: {
    over: { zh: '得分 {found} 超过分值 {weight}（得分最高不能超过该指标分值）', en: 'Score {found} is above the weight {weight} (a score cannot exceed its weight)' },
    negative: { zh: '得分 {found} 小于 0', en: 'Score {found} is below 0' },
  },
  check(ctx) {
    const a = ctx.analysis;
    if (!a) return [];
    const out: FindingDraft[] = [];
    const test = (cell: string | undefined, stated: number | null, weight: number | null) => {
      if (!cell || stated === null) return;
      if (stated < 0) out.push({ messageId: 'negative', cell, data: { found: stated }, expected: 0, found: stated });
      else if (weight !== null && stated > weight + 1e-9) out.push({ messageId: 'over', cell, data: { found: stated, weight }, expected: weight, found: stated });
    };
    for (let i = 0; i < a.indicators.length; i++) {
      const ind = a.indicators[i];
      test(ind.scoreCell?.a1, ind.stated.value, ind.weight.value);
    }
    if (a.budget) test(a.budget.line.cells.score?.a1, a.budget.score.value, a.budget.weight.value);
    if (a.indicators.length) test(a.total.cell?.a1, a.total.stated.value, a.total.statedWeight.value ?? 100);
    return out;
  },
};
