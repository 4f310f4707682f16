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
  return { review: fileReview, computed: withLabels(fileReview, details.computedCells, lang), rules };
}

const WORDS = {
  'zh-CN': { rate: '预算执行率', budgetScore: '预算执行得分', score: '得分', total: '总分' },
  'en-US': { rate: 'execution rate', budgetScore: 'execution score', score: 'score', total: 'total' },
};

/** Names each computed cell for the pane's list of changes: "H14 解决问题到位率 得分". */
function withLabels(review: FileReview, cells: ComputedCell[], lang: Lang): ComputedCell[] {
  const w = WORDS[lang];
  const names = new Map<string, string>();
  for (const form of review.forms) {
    const put = (cell: string | null | undefined, name: string) => cell && names.set(`${form.sheet}!${cell}`, name);
    put(form.budget?.rate.cell, w.rate);
    put(form.budget?.score.cell, w.budgetScore);
    put(form.total?.cell, w.total);
    for (const i of form.indicators ?? []) put(i.score.cell, `${i.path[i.path.length - 1] ?? ''} ${w.score}`.trim());
  }
  return cells.map((c) => ({ ...c, label: `${c.cell} ${names.get(`${c.sheet}!${c.cell}`) ?? ''}`.trim() }));
}
