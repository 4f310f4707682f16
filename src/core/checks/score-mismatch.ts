/** score-mismatch: a stated score differs from the rule set's score, or a qualitative score lies outside its band. */
import { fmtNum } from '../format';
import type { FindingDraft, Rule } from './types';
import { scoreGap } from './util';
import { gradeFinding } from './grade';

const TIERS = { met: { zh: '达成', en: 'met' }, partial: { zh: '部分达成', en: 'partly met' }, missed: { zh: '未达成', en: 'missed' } };

export const scoreMismatch: Rule = {
  id: 'score-mismatch',
  severity: 'error',
  meta: { description: { zh: '得分与计分规则不符', en: 'A stated score differs from the rule set' }, forms: ['self-evaluation'] },
  messages: {
    score: { zh: '得分应为 {expected}（{formula}），表内为 {found}', en: 'Score should be {expected} ({formula}); the form says {found}' },
    band: { zh: '得分 {found} 不在“{tier}”档 {low}–{high} 分之内，建议 {expected}', en: 'Score {found} lies outside the "{tier}" band {low}–{high}; suggested {expected}' },
    budget: { zh: '预算执行得分应为 {expected}（{formula}），表内为 {found}', en: 'The budget score should be {expected} ({formula}); the form says {found}' },
    total: { zh: '按规则计算总分应为 {expected}，表内为 {found}', en: 'Under the rules the total is {expected}; the form says {found}' },
    grade: { zh: '总分 {total} 对应等级为“{grade}”，表内为“{found}”', en: 'A total of {total} is graded {grade}; the form says {found}' },
    gradeComputed: { zh: '按规则计算总分为 {total}，对应等级为“{grade}”，表内为“{found}”', en: 'Under the rules the total is {total}, graded {grade}; the form says {found}' },
  },
  check(ctx) {
    const a = ctx.analysis;
    if (!a) return [];
    const out: FindingDraft[] = [];
    for (let j = 0; j < a.indicators.length; j++) {
      const ind = a.indicators[j];
      const { computed, band, tier, formula } = ind.result;
      const stated = ind.stated.value;
      if (!ind.scoreCell || stated === null || computed === null) continue;
      const sev = scoreGap(stated, computed, ctx.rules);
      if (!sev) continue;
      // Literal objects, not spreads: one finding per mismatched row, so this loop is hot.
      const cell = ind.scoreCell.a1;
      if (band && tier) out.push({ cell, severity: sev, expected: computed, found: stated, messageId: 'band', data: { found: stated, tier: TIERS[tier], low: fmtNum(band.low), high: fmtNum(band.high), expected: computed } });
      else out.push({ cell, severity: sev, expected: computed, found: stated, messageId: 'score', data: { expected: computed, found: stated, formula: formula ?? '' } });
    }
    const b = a.budget;
    if (b?.line.cells.score && b.score.value !== null && b.computed.score !== null) {
      const sev = scoreGap(b.score.value, b.computed.score, ctx.rules);
      if (sev) out.push({ messageId: 'budget', severity: sev, cell: b.line.cells.score.a1, data: { expected: b.computed.score, found: b.score.value, formula: b.computed.formula ?? '' }, expected: b.computed.score, found: b.score.value });
    }
    // The total: reported here only when it adds up (else sum-mismatch already points at the cell).
    const t = a.total;
    if (t.cell && t.stated.value !== null && t.computed !== null) {
      // Budget score + leaf scores as stated (blank as 0), added in row order.
      let parts = b?.score.value ?? 0;
      for (let j = 0; j < a.indicators.length; j++) {
        const i = a.indicators[j];
        if (i.leaf) parts += i.stated.value ?? 0;
      }
      const addsUp = Math.abs(parts * t.rescale - t.stated.value) <= 0.005;
      const sev = scoreGap(t.stated.value, t.computed, ctx.rules);
      if (addsUp && sev) out.push({ messageId: 'total', severity: sev === 'error' ? 'warning' : sev, cell: t.cell.a1, data: { expected: t.computed, found: t.stated.value }, expected: t.computed, found: t.stated.value });
    }
    const g = gradeFinding(a, ctx.rules);
    if (g) out.push(g);
    return out;
  },
};
