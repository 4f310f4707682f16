/** deviation-unexplained: a missed target, a score below its weight, or large over-achievement with no usable explanation. */
import type { FindingDraft, Rule } from './types';

/** Empty, "0", "无", "/", dashes, a leftover template hint, or a denial that there is a deviation ("无偏差"). */
export function isMissingExplanation(text: string): boolean {
  const t = text.replace(SPACE_RUNS, '');
  if (NOTHING_SAID.test(t)) return true;
  const bare = t.replace(END_PUNCTUATION, '');
  if (NOTHING_SAID.test(bare) || NO_DEVIATION.test(bare)) return true;
  return TEMPLATE_HINT.test(t);
}

// Module constants: a regex literal is a new object on every call, and this runs per row.
const SPACE_RUNS = /[\s\u3000]+/g;
const END_PUNCTUATION = /[。.，,；;！!、]+$/;
const NOTHING_SAID = /^(|0|无|没有|暂无|\/|／|\\|-+|－+|—+|–+|——+|\.+|。)$/;
/**
 * "无偏差", "没有偏差", "无差异", "不存在偏差", "无明显偏差原因": says there is nothing to explain, which on a
 * row that missed its target (or far over-achieved it) explains nothing.
 */
const NO_DEVIATION = /^(?:无|没有|不存在|未发生|未出现|未产生)(?:任何|明显|较大)?(?:偏差|差异|偏离|差距)(?:原因)?(?:分析)?$|^(?:偏差|差异|偏离)(?:为)?(?:无|0|零)$/;
const TEMPLATE_HINT = /请(填写|说明|简要|分析)|需(说明|填写)|(如|若)未完成|未完成的?(请|须|需)|偏差原因分析及改进措施|^[（(].*(说明|填写).*[)）]$/;

const SAYS_MISSED = /未完成|没有完成|未达到|未达成|未实现|没有达到|未能完成/;
const NEGATED_MISS = /无未完成|不存在未完成|没有未完成|已全部完成/;

/** A score below the weight (beyond rounding). */
const under = (score: number | null, weight: number) => score !== null && score < weight - 0.005;

export const deviationUnexplained: Rule = {
  id: 'deviation-unexplained',
  severity: 'error',
  meta: { description: { zh: '偏差未说明原因', en: 'A deviation without an explanation' }, forms: ['self-evaluation'] },
  messages: {
    below: { zh: '得分低于分值或未完成指标，须填写偏差原因分析及改进措施', en: 'Score below the weight or target missed: explain the deviation and the remedy' },
    over: { zh: '实际完成值大幅超过指标值，须说明原因', en: 'The actual is far above the target: explain why' },
    contradiction: { zh: '得满分，但说明写有“{words}”，前后矛盾', en: 'Full score, yet the explanation says "{words}": contradiction' },
    rate: { zh: '预算执行率 {rate} 低于 {threshold}，须说明原因', en: 'Execution rate {rate} is under {threshold}: give a reason' },
  },
  check(ctx) {
    const a = ctx.analysis;
    if (!a) return [];
    const out: FindingDraft[] = [];
    for (let i = 0; i < a.indicators.length; i++) {
      const ind = a.indicators[i];
      if (!ind.leaf || !ind.explanationCell) continue;
      const w = ind.weight.value;
      const below = w !== null && (under(ind.stated.value, w) || under(ind.result.computed, w));
      const missed = ind.result.met === false;
      const missing = isMissingExplanation(ind.explanation);
      const cell = ind.explanationCell.a1;
      if ((below || missed) && missing) out.push({ messageId: 'below', cell });
      else if (ind.result.overAchieved && missing) out.push({ messageId: 'over', severity: ctx.rules.overAchievementNeedsReason ? 'error' : 'warning', cell });
      const words = SAYS_MISSED.exec(ind.explanation);
      const full = w !== null && ind.stated.value !== null && Math.abs(ind.stated.value - w) < 0.005 && ind.result.met !== false;
      if (full && words && !NEGATED_MISS.test(ind.explanation)) out.push({ messageId: 'contradiction', severity: 'warning', cell, data: { words: words[0] } });
    }
    // Sichuan: an execution rate under the threshold needs a reason; the funds block has no column for it, so point at the rate.
    const b = a.budget;
    const threshold = ctx.rules.executionRateReason;
    if (threshold !== null && b?.computed.rate !== null && b && b.computed.rate < threshold) {
      out.push({ messageId: 'rate', severity: 'warning', cell: b.line.cells.rate?.a1 ?? b.line.labelCell.a1, data: { rate: `${Math.round(b.computed.rate * 10000) / 100}%`, threshold: `${threshold * 100}%` } });
    }
    return out;
  },
};
