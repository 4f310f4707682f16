/** weight-profile: level-1 weights differ from the rule set's profile (e.g. 10/50/30/10). Only warns: the sheet's weights rule. */
import type { IndicatorGroup } from '../form';
import type { SelfEvaluationAnalysis } from '../score/form';
import { parseWeightHeading } from '../parse';
import { roundTo } from '../format';
import type { WeightProfile } from '../rules/types';
import type { FindingDraft, Rule } from './types';

type Category = keyof WeightProfile;

/** 成本 counts with 产出 (national 2020 makes 成本指标 a level-2 of 产出); 决策/过程/管理 frameworks are not this profile. */
function categoryOf(name: string): Category | null {
  const n = name.replace(SPACE_RUNS, '');
  if (n.includes('满意')) return 'satisfaction';
  if (n.includes('效益') || n.includes('效果')) return 'outcome';
  if (n.includes('产出') || n.includes('成本')) return 'output';
  return null;
}

const SPACE_RUNS = /[\s\u3000]+/g;

const NAMES: Record<Category, { zh: string; en: string }> = {
  budget: { zh: '预算执行率', en: 'budget execution' },
  output: { zh: '产出指标', en: 'output' },
  outcome: { zh: '效益指标', en: 'outcome' },
  satisfaction: { zh: '满意度指标', en: 'satisfaction' },
};

/** Σ weights of a group's scored and not-applicable rows (blank as 0), in row order, without building a list. */
function rowWeights(a: SelfEvaluationAnalysis, g: IndicatorGroup): number {
  let s = 0;
  for (let j = 0; j < a.indicators.length; j++) {
    const i = a.indicators[j];
    if (i.group === g && (i.leaf || i.notApplicable)) s += i.weight.value ?? 0;
  }
  return s;
}

export const weightProfile: Rule = {
  id: 'weight-profile',
  severity: 'warning',
  meta: { description: { zh: '一级指标分值与规则的权重设置不同', en: 'Level-1 weights differ from the rule set profile' }, forms: ['self-evaluation'] },
  messages: {
    differs: { zh: '{name}共 {found} 分，{rules}的权重为 {expected} 分', en: '{name} carries {found} points; {rules} gives it {expected}' },
  },
  check(ctx) {
    const a = ctx.analysis;
    if (!a || !a.indicators.length) return [];
    const sums: Partial<Record<Category, { points: number; group: IndicatorGroup }>> = {};
    for (let j = 0; j < a.form.groups.length; j++) {
      const g = a.form.groups[j];
      const cat = categoryOf(g.name);
      if (!cat) return []; // another framework (项目决策/项目管理…): the profile does not apply
      const points = g.statedWeight ?? parseWeightHeading(g.cell.text) ?? rowWeights(a, g);
      const prev = sums[cat];
      sums[cat] = { points: (prev?.points ?? 0) + points, group: prev?.group ?? g };
    }
    const profile = { ...ctx.rules.weights };
    if (!sums.satisfaction && ctx.rules.satisfactionToOutcome) {
      profile.outcome += profile.satisfaction;
      profile.satisfaction = 0;
    }
    const out: FindingDraft[] = [];
    const rules = ctx.rules.name;
    const budgetWeight = a.budget?.weight.value ?? null;
    if (budgetWeight !== null && Math.abs(budgetWeight - profile.budget) > 0.005 && a.budget?.line.cells.weight) {
      out.push({ messageId: 'differs', cell: a.budget.line.cells.weight.a1, data: { name: NAMES.budget, found: budgetWeight, expected: profile.budget, rules }, expected: profile.budget, found: budgetWeight });
    }
    for (const cat of ['output', 'outcome', 'satisfaction'] as Category[]) {
      const s = sums[cat];
      if (!s || Math.abs(s.points - profile[cat]) <= 0.005) continue;
      const found = roundTo(s.points, 2);
      out.push({ messageId: 'differs', cell: s.group.cell.a1, data: { name: NAMES[cat], found, expected: profile[cat], rules }, expected: profile[cat], found });
    }
    return out;
  },
};
