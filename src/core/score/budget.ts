/** 预算执行率 and its score. */
import type { RuleSet } from '../rules/types';
import { fmtNum, fmtPct, roundTo } from '../format';
import type { Bilingual } from './types';

export interface BudgetScore {
  /** executed ÷ budgeted (全年预算数, never 年初), rounded to 0.01%; null without a positive budget. */
  rate: number | null;
  /** min(rate, 1) × weight, rounded; null when rate or weight is unknown. */
  score: number | null;
  formula?: Bilingual;
}

export function scoreBudget(budgeted: number | null, executed: number | null, weight: number | null, rules: RuleSet): BudgetScore {
  if (budgeted === null || executed === null || budgeted <= 0) return { rate: null, score: null };
  const raw = executed / budgeted;
  const rate = roundTo(raw, rules.rounding + 2);
  if (weight === null) return { rate, score: null };
  const score = roundTo(Math.min(Math.max(raw, 0), 1) * weight, rules.rounding);
  const text = `${fmtNum(weight)} × ${fmtPct(Math.min(rate, 1))}`;
  return { rate, score, formula: { zh: `${text}（${fmtNum(executed)} ÷ ${fmtNum(budgeted)}）`, en: `${text} (${fmtNum(executed)} ÷ ${fmtNum(budgeted)})` } };
}

/** Grade of a total by the rule set's bands (highest first). */
export function gradeFor(total: number | null, rules: RuleSet): RuleSet['grades'][number]['grade'] | null {
  if (total === null) return null;
  for (let i = 0; i < rules.grades.length; i++) {
    const band = rules.grades[i];
    if (total >= band.min - 1e-9) return band.grade;
  }
  return rules.grades[rules.grades.length - 1].grade;
}
