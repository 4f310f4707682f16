import type { IndicatorKind } from '../types';

export type Tier = 'met' | 'partial' | 'missed';

/** Something the scorer noticed about its inputs; the checks turn these into findings. */
export type ScoreProblem =
  | { code: 'value-missing'; field: 'target' | 'actual' | 'weight' }
  | { code: 'value-format'; field: 'target' | 'actual'; reason: 'comparator' | 'text-for-number' | 'unreadable' | 'not-comparable' }
  | { code: 'unit-mismatch'; field: 'actual'; targetUnit: string; actualUnit: string };

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ScoreResult {
  kind: IndicatorKind;
  /** Score under the rule set, rounded; null when it cannot be computed. */
  computed: number | null;
  /** Target met (null when unknown). */
  met: boolean | null;
  /** actual ÷ target (quantitative kinds), else null. */
  ratio: number | null;
  /** Qualitative/late-date tier and its band in points. */
  tier?: Tier | null;
  band?: { low: number; high: number; closedTop: boolean } | null;
  /** How `computed` came about, for messages: "15 × 97% ÷ 100%". */
  formula?: Bilingual;
  /** Forward/equal actual at or past the over-achievement threshold. */
  overAchieved: boolean;
  problems: ScoreProblem[];
}
