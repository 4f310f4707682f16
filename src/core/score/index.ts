export type { ScoreResult, ScoreProblem, Tier, Bilingual } from './types';
export { scoreIndicator, actualTier } from './indicator';
export { scoreBudget, gradeFor, type BudgetScore } from './budget';
export { harmonise, display, type Quantity } from './units';
