/** One review of a snapshot with the workbook's settings: the seam between the app and the engine. */
import type { WorkbookSnapshot } from '../core/snapshot';
import type { FileReview, Lang } from '../core/types';
import type { ComputedCell } from '../core/plan';
import { reviewWorkbook } from '../core/review';
import { resolveRuleSet } from '../core/rules';
import type { RuleSet } from '../core/rules';
import type { Settings } from './types';

export const DEFAULT_SETTINGS: Settings = { rules: 'mof-2020' };

export interface ReviewOutcome {
  review: FileReview;
  computed: ComputedCell[];
  rules: RuleSet;
}

/**
 * `ruleSource` (a rule-set id or a parsed rule-set JSON file, from the command line) takes the
 * place of the workbook's stored rule set when given.
 */
export function runReview(
  book: WorkbookSnapshot,
  settings: Settings,
  lang: Lang,
  file?: string,
  ruleSource?: string | Record<string, unknown>,
): ReviewOutcome {
  const rules = resolveRuleSet(ruleSource ?? settings.rules, (settings.overrides ?? null) as Record<string, unknown> | null);
  const { fileReview, details } = reviewWorkbook(book, { rules, lang, file: file ?? book.name ?? '' });
  return { review: fileReview, computed: details.computedCells, rules };
}
