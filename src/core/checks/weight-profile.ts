/** weight-profile: level-1 weights differ from the rule set's profile (e.g. 10/50/30/10). Only warns: the sheet's weights rule. */
import type { IndicatorGroup } from '../form';
import { parseWeightHeading } from '../parse';
import { roundTo } from '../format';
import type { WeightProfile } from '../rules/types';
import type { FindingDraft, Rule } from './types';

type Category = keyof WeightProfile;

/** 成本 counts with 产出 (national 2020 makes 成本指标 a level-2 of 产出); 决策/过程/管理 frameworks are not this profile. */
function categoryOf(name: string): Category | null {
  const n = name.replace(/[\s\u3000]+/g, '');
  if (/满意/.test(n)) return 'satisfaction';
  if (/效益|效果/.test(n)) return 'outcome';
  if (/产出|成本/.test(n)) return 'output';
  return null;
}

const NAMES: Record<Category, { zh: string; en: string }> = {
  budget: { zh: '预算执行率', en: 'budget execution' },
  output: { zh: '产出指标', en: 'output' },
  outcome: { zh: '效益指标', en: 'outcome' },
  satisfaction: { zh: '满意度指标', en: 'satisfaction' },
};

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
    for (const g of a.form.groups) {
      const cat = categoryOf(g.name);
      if (!cat) return []; // another framework (项目决策/项目管理…): the profile does not apply
      const rows = a.indicators.filter((i) => i.group === g && (i.leaf || i.notApplicable)).map((i) => i.weight.value ?? 0);
      const points = g.statedWeight ?? parseWeightHeading(g.cell.text) ?? rows.reduce((x, y) => x + y, 0);
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
