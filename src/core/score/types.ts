import type { IndicatorKind } from '../types';

export type Tier = 'met' | 'partial' | 'missed';

/** Something the scorer noticed about its inputs; the checks turn these into findings. */
export type ScoreProblem =
  | {
      code: 'value-missing';
      field: 'target' | 'actual' | 'weight';
      /** not-available: the cell has words saying there is no figure ("暂无数据", "未统计"), not an empty cell. */
      reason?: 'not-available';
    }
  | {
      code: 'value-format';
      field: 'target' | 'actual';
      /**
       * comparator: an actual copied with its comparator; text-for-number: words for a numeric target;
       * number-in-text: words with a number in them, scored on that number (`shown`);
       * unit-omitted: a bare number read in the other side's base unit (`shown`), not in its multiplied unit.
       */
      reason: 'comparator' | 'text-for-number' | 'number-in-text' | 'unit-omitted' | 'unreadable' | 'not-comparable';
      /** How the value was read, for messages ("90%", "12000人次"). */
      shown?: string;
    }
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
