export type { RuleSet, ReverseFormula, Band, WeightProfile } from './types';
export { MOF_2020, SICHUAN, HUNAN, BUILTIN_RULE_SETS } from './builtin';
export { resolveRuleSet, validateRuleSet, ruleSetIds, RuleSetError } from './resolve';
