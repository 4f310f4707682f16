/** One review of a snapshot with the workbook's settings: the seam between the app and the engine. */
import type { WorkbookSnapshot } from '../core/snapshot';
import type { FileReview, IndicatorReview, Lang } from '../core/types';
import type { ComputedCell } from '../core/plan';
import { reviewWorkbook, type ComputedCell as ReviewedCell } from '../core/review';
import { resolveRuleSet } from '../core/rules';
import type { RuleSet } from '../core/rules';
import type { Settings } from './types';
import { ProfileError, validateProfile, type TemplateProfile } from '../core/profile';
import type { LocatedForm } from '../core/form';

export const DEFAULT_SETTINGS: Settings = { rules: 'mof-2020' };

export interface ReviewOutcome {
  review: FileReview;
  computed: ComputedCell[];
  rules: RuleSet;
  /** The located forms (the report cross-check reads their cells). */
  forms: LocatedForm[];
}

/**
 * `ruleSource` (a rule-set id or a parsed rule-set JSON file, from the command line) takes the
 * place of the workbook's stored rule set when given; so does `template` (CLI --template) for the stored column map.
 * A stored column map that is not a valid profile throws ProfileError (saveSettings refuses it).
 */
export function runReview(
  book: WorkbookSnapshot,
  settings: Settings,
  lang: Lang,
  file?: string,
  ruleSource?: string | Record<string, unknown>,
  template?: TemplateProfile,
): ReviewOutcome {
  const rules = resolveRuleSet(ruleSource ?? settings.rules, (settings.overrides ?? null) as Record<string, unknown> | null);
  const profile = template ?? checkedTemplate(settings.template, lang);
  const { fileReview, details } = reviewWorkbook(book, { rules, lang, file: file ?? book.name ?? '', template: profile });
  return { review: fileReview, computed: withLabels(fileReview, details.computedCells, lang), rules, forms: details.forms };
}

function checkedTemplate(stored: unknown, lang: Lang): TemplateProfile | undefined {
  if (stored === undefined || stored === null) return undefined;
  const r = validateProfile(stored, lang);
  if (!r.ok) throw new ProfileError(r.problems);
  return r.profile;
}

/**
 * The settings read from a workbook's state sheet: a column map that is not a valid profile (edited by
 * hand, or from a newer version) is left out rather than stopping every review of the workbook.
 */
export function storedSettings(stored: Partial<Settings> | undefined): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...(stored ?? {}) };
  if (settings.template !== undefined && !validateProfile(settings.template).ok) delete settings.template;
  return settings;
}

const WORDS = {
  'zh-CN': { rate: '预算执行率', budgetScore: '预算执行得分', score: '得分', total: '总分' },
  'en-US': { rate: 'execution rate', budgetScore: 'execution score', score: 'score', total: 'total' },
};

/** Names each computed cell for the pane's list of changes: "H14 解决问题到位率 得分". */
function withLabels(review: FileReview, cells: ReviewedCell[], lang: Lang): ComputedCell[] {
  const w = WORDS[lang];
  // Sheet → cell → its name, or the indicator whose score it is (named only if listed); a later form's entry wins, as it always has.
  const names = new Map<string, Map<string, string | IndicatorReview>>();
  for (let j = 0; j < review.forms.length; j++) {
    const form = review.forms[j];
    let onSheet = names.get(form.sheet);
    if (!onSheet) names.set(form.sheet, (onSheet = new Map()));
    put(onSheet, form.budget?.rate.cell, w.rate);
    put(onSheet, form.budget?.score.cell, w.budgetScore);
    put(onSheet, form.total?.cell, w.total);
    for (const i of form.indicators ?? []) put(onSheet, i.score.cell, i);
  }
  const out = new Array<ReviewedCell & { label: string }>(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const named = names.get(c.sheet)?.get(c.cell);
    const name = named === undefined ? '' : typeof named === 'string' ? named : `${named.path[named.path.length - 1] ?? ''} ${w.score}`.trim();
    out[k] = { sheet: c.sheet, cell: c.cell, value: c.value, kind: c.kind, numberFormat: c.numberFormat, label: `${c.cell} ${name}`.trim() };
  }
  return out;
}

function put(onSheet: Map<string, string | IndicatorReview>, cell: string | null | undefined, name: string | IndicatorReview): void {
  if (cell) onSheet.set(cell, name);
}
