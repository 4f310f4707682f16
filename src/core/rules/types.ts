/** A rule set: the scoring choices a finance bureau makes, as plain JSON-serialisable data. */
import type { Grade } from '../types';

export type ReverseFormula = 'ratio' | 'linear' | 'deduction';

/** [low, high] shares of the weight. `met` is closed; `partial` and `missed` are half-open [low, high). */
export type Band = [number, number];

export interface WeightProfile {
  budget: number;
  output: number;
  outcome: number;
  satisfaction: number;
}

export interface RuleSet {
  id: string;
  /** Id of the rule set this one was merged over (user JSON); absent for built-ins without a base. */
  extends?: string;
  name: { zh: string; en: string };
  /** Level-1 weights the bureau expects; a form that differs only gets a warning. */
  weights: WeightProfile;
  /** With no 满意度 group its points go to 效益. */
  satisfactionToOutcome: boolean;
  /** How a missed reverse (≤) indicator is scored. */
  reverseFormula: ReverseFormula;
  /** Points taken per percentage point over the limit, for reverseFormula 'deduction'. */
  deductionPerPoint: number;
  /** actual ≥ threshold × target (forward/equal) needs a look and a written reason. */
  overAchievement: number;
  /** The reason for over-achievement is mandatory (Guangxi): its absence is an error, not a warning. */
  overAchievementNeedsReason: boolean;
  qualitativeTiers: { met: Band; partial: Band; missed: Band };
  /** A date target met late falls into this tier. */
  lateDate: 'partial' | 'missed';
  /** Stated vs computed score: within this → info, beyond → error. */
  scoreTolerance: number;
  /** Money sums: a difference up to this per rounding step may come from rounding the parts (warning). */
  moneyTolerance: number;
  /** Stated rates (as fractions) within this of the computed one are rounding (info). */
  rateTolerance: number;
  /** Decimals of computed scores. */
  rounding: number;
  /** Highest band first. */
  grades: { grade: Grade; min: number }[];
  /** Execution rate below this needs a reason (Sichuan 0.9); null = off. */
  executionRateReason: number | null;
}
