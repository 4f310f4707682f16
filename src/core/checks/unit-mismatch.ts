/** unit-mismatch: target and actual units differ and cannot be converted. */
import type { Rule, FindingDraft } from './types';

export const unitMismatch: Rule = {
  id: 'unit-mismatch',
  severity: 'error',
  meta: { description: { zh: '指标值与实际完成值单位不一致且无法换算', en: 'Target and actual units differ and cannot be converted' }, forms: ['self-evaluation'] },
  messages: {
    units: { zh: '实际完成值单位“{actualUnit}”与指标值单位“{targetUnit}”不一致，无法计分', en: 'The actual is in "{actualUnit}" but the target in "{targetUnit}": cannot score' },
  },
  check(ctx) {
    const out: FindingDraft[] = [];
    for (const ind of ctx.analysis?.indicators ?? []) {
      for (let i = 0; i < ind.result.problems.length; i++) {
        const p = ind.result.problems[i];
        if (p.code === 'unit-mismatch') out.push({ messageId: 'units', cell: ind.actualCell?.a1 ?? null, data: { actualUnit: p.actualUnit, targetUnit: p.targetUnit } });
      }
    }
    return out;
  },
};
