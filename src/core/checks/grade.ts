/** The grade a form writes on or beside its 总分 row (优/良/中/差 and their synonyms), and the check of it. */
import type { Grade } from '../types';
import type { RuleSet } from '../rules/types';
import type { SelfEvaluationAnalysis } from '../score/form';
import { gradeFor } from '../score/budget';
import type { FindingDraft } from './types';

// Module constants: read once per form, but keep regex construction out of any loop.
const SPACES = /[\s\u3000]+/g;
/** "等级：优", "评价等级:优秀" → "优", "优秀". */
const LABEL = /^(?:自评|评价|综合|绩效)?等级[:：]?/;

const WORDS: Readonly<Record<string, Grade>> = {
  优: '优', 优秀: '优',
  良: '良', 良好: '良',
  中: '中', 中等: '中', 合格: '中', 及格: '中',
  差: '差', 较差: '差', 不合格: '差', 不及格: '差',
};

/** The grade a cell states, with the word as written; null for an empty cell or a word not on the scale (较好, 一般 …). */
export function statedGrade(text: string): { word: string; grade: Grade } | null {
  const word = text.replace(SPACES, '').replace(LABEL, '');
  const grade = Object.prototype.hasOwnProperty.call(WORDS, word) ? WORDS[word] : undefined;
  return grade ? { word, grade } : null;
}

/**
 * The grade written beside the total, for score-mismatch (its messages `grade` and `gradeComputed`):
 * - against the stated total's grade: an error, the form contradicts itself;
 * - with no stated total, against the computed total's grade: an error too, the grade the form
 *   publishes is not the one its scores earn and no total shows it (score-mismatch says nothing else);
 * - with a stated total its grade agrees with, against the computed total's: info, the recompute
 *   will change the grade (the total's own finding says why).
 */
export function gradeFinding(a: SelfEvaluationAnalysis, rules: RuleSet): FindingDraft | null {
  const cell = a.form.total?.grade;
  const said = cell ? statedGrade(cell.text) : null;
  if (!cell || !said) return null;
  const stated = a.total.stated.value;
  const byStated = gradeFor(stated, rules);
  if (stated !== null && byStated !== said.grade) {
    return { messageId: 'grade', cell: cell.a1, data: { total: stated, grade: byStated, found: said.word } };
  }
  const computed = a.total.computed;
  if (computed === null || a.grade === null || a.grade === said.grade) return null;
  const data = { total: computed, grade: a.grade, found: said.word };
  return { messageId: 'gradeComputed', severity: stated === null ? 'error' : 'info', cell: cell.a1, data };
}
