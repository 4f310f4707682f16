/** over-achievement: actual ≥ threshold (default 120%) of a forward/equal target. */
import { fmtPct, roundTo } from '../format';
import type { FindingDraft, Rule } from './types';

export const overAchievement: Rule = {
  id: 'over-achievement',
  severity: 'warning',
  meta: { description: { zh: '实际完成值大幅超过指标值', en: 'Actual far above the target' }, forms: ['self-evaluation'] },
  messages: {
    over: { zh: '实际完成值为指标值的 {ratio}（≥ {threshold}），目标可能偏低，请说明原因', en: 'The actual is {ratio} of the target (≥ {threshold}); the target may be set too low: explain why' },
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const ind of ctx.analysis?.indicators ?? []) {
      const r = ind.result;
      if (!r.overAchieved || r.ratio === null) continue;
      out.push({ messageId: 'over', cell: ind.actualCell?.a1 ?? null, data: { ratio: fmtPct(roundTo(r.ratio, 4)), threshold: fmtPct(ctx.rules.overAchievement) }, expected: ctx.rules.overAchievement, found: roundTo(r.ratio, 4) });
    }
    return out;
  },
};
