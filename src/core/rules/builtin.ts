/** Built-in rule sets, as data. */
import type { RuleSet } from './types';

/** National default: 财预〔2020〕10号 and the notes printed under its templates. */
export const MOF_2020: RuleSet = {
  id: 'mof-2020',
  name: { zh: '财政部 2020（财预〔2020〕10号）', en: 'Ministry of Finance 2020 (Cai Yu [2020] No. 10)' },
  weights: { budget: 10, output: 50, outcome: 30, satisfaction: 10 },
  satisfactionToOutcome: true,
  reverseFormula: 'ratio',
  deductionPerPoint: 1,
  overAchievement: 1.2,
  overAchievementNeedsReason: false,
  qualitativeTiers: { met: [0.8, 1], partial: [0.6, 0.8], missed: [0, 0.6] },
  lateDate: 'partial',
  scoreTolerance: 0.1,
  moneyTolerance: 0.01,
  rateTolerance: 0.005,
  rounding: 2,
  grades: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: 0 },
  ],
  executionRateReason: null,
};

/** Sichuan template 510000_0013zp: 10 + 90, an execution rate under 90% needs a reason. */
export const SICHUAN: RuleSet = {
  ...MOF_2020,
  id: 'sichuan',
  extends: 'mof-2020',
  name: { zh: '四川', en: 'Sichuan' },
  executionRateReason: 0.9,
};

/** Hunan 控制率 items: a fixed deduction per percentage point over the limit. */
export const HUNAN: RuleSet = {
  ...MOF_2020,
  id: 'hunan',
  extends: 'mof-2020',
  name: { zh: '湖南', en: 'Hunan' },
  reverseFormula: 'deduction',
  deductionPerPoint: 1,
};

/** Guangxi: actual ≥ 130% of target must come with a written reason. */
export const GUANGXI: RuleSet = {
  ...MOF_2020,
  id: 'guangxi',
  extends: 'mof-2020',
  name: { zh: '广西', en: 'Guangxi' },
  overAchievement: 1.3,
  overAchievementNeedsReason: true,
};

export const BUILTIN_RULE_SETS: Record<string, RuleSet> = {
  [MOF_2020.id]: MOF_2020,
  [SICHUAN.id]: SICHUAN,
  [HUNAN.id]: HUNAN,
  [GUANGXI.id]: GUANGXI,
};
