/**
 * Merged cells are one cell for scoring: two indicator rows whose 得分 is one cell merged over both
 * (H13:H14) are scored as one — the merge's top-left row carries the sum of their weights and of
 * their scores, the covered row adds nothing of its own — so that the score written in the merge
 * and the total add up to what the printed page shows.
 */
import type { WorkbookSnapshot } from '../snapshot';
import { mergeMaster } from '../merges';
import { toA1 } from '../address';
import { fmtNum, roundTo } from '../format';
import type { IndicatorAnalysis, SelfEvaluationAnalysis } from './form';

/** Where a row's score is on the sheet: its score cell, else its place in the 得分 column (a covered cell has no Bound). */
export function scorePlace(a: SelfEvaluationAnalysis, i: IndicatorAnalysis): string | null {
  const column = a.form.columns.score?.col;
  return i.scoreCell?.a1 ?? (column === undefined ? null : toA1(i.row.row, column));
}

/** Joins rows sharing a merged score cell into the top-left row (in place). */
export function joinMergedScores(a: SelfEvaluationAnalysis, book: WorkbookSnapshot): void {
  const owners = new Map<string, IndicatorAnalysis>();
  for (let j = 0; j < a.indicators.length; j++) {
    const i = a.indicators[j];
    const at = scorePlace(a, i);
    if (!i.leaf || !at) continue;
    const master = mergeMaster(book, a.form.sheet, at);
    if (master === at) {
      if (i.scoreCell) owners.set(master, i);
      continue;
    }
    const owner = owners.get(master);
    // Covered by a merge whose top-left is no scored row, or rows we cannot add up (a qualitative
    // band, a score that cannot be computed): left alone; the review then writes no total.
    if (owner && canJoin(owner) && canJoin(i)) join(owner, i);
  }
}

function canJoin(i: IndicatorAnalysis): boolean {
  return i.result.computed !== null && !i.result.band && i.weight.value !== null;
}

function join(owner: IndicatorAnalysis, covered: IndicatorAnalysis): void {
  const a = owner.result.computed as number;
  const b = covered.result.computed as number;
  const sum = `${fmtNum(a)} + ${fmtNum(b)}`;
  owner.result = { ...owner.result, computed: roundTo(a + b, 2), formula: { zh: `${sum}，合并单元格 ${owner.scoreCell?.a1 ?? ''} 计两行`, en: `${sum}, merged cell ${owner.scoreCell?.a1 ?? ''} scores two rows` } };
  owner.weight = { ...owner.weight, value: roundTo((owner.weight.value as number) + (covered.weight.value as number), 4) };
  covered.leaf = false;
}
