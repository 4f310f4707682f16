/**
 * Scored parent rows (a 二级 line with its own 分值/得分 over its 三级 rows, an indented or "其中"
 * sub-list): the parent's 分值 and 得分 against the sums of its direct children.
 */
import type { IndicatorRow } from '../form';
import type { IndicatorAnalysis, SelfEvaluationAnalysis } from '../score/form';
import { indicatorPath } from '../score/form';
import type { RuleSet } from '../rules/types';
import { roundTo } from '../format';
import type { FindingDraft } from './types';
import { scoreGap } from './util';

/** Sub-numbering that puts a level-3 row under the one above it (as the locator reads it). */
const SUB_ITEM = /^(其中|[(（]\d+[)）]|[①-⑳]|\d+\.\d+)/;

const isIndent = (code: number) => code === 32 || code === 9 || code === 0xa0 || code === 0x3000;

/** 1 a heading line, 2 a level-2 line, 3 a level-3 row; indentation and sub-numbering go deeper. */
function depth(r: IndicatorRow): number {
  if (r.level3 === '') return r.level2 !== '' ? 2 : 1;
  const raw = r.cells.level3?.text ?? '';
  return 3 + (raw.length > 0 && isIndent(raw.charCodeAt(0)) ? 1 : 0) + (SUB_ITEM.test(r.level3) ? 1 : 0);
}

/** End (exclusive) of the rows under the parent at `k`: deeper rows of its heading (and of its level-2 name, for a level-2 line). */
function spanEnd(rows: IndicatorAnalysis[], k: number): number {
  const p = rows[k];
  const d = depth(p.row);
  let j = k + 1;
  for (; j < rows.length; j++) {
    const r = rows[j];
    if (r.group !== p.group || depth(r.row) <= d) break;
    if (d === 2 && r.row.level2 !== '' && r.row.level2 !== p.row.level2) break;
  }
  return j;
}

/** Direct children of the parent at `k`: a nested parent stands for its own rows. */
function children(rows: IndicatorAnalysis[], k: number): IndicatorAnalysis[] {
  const end = spanEnd(rows, k);
  const out: IndicatorAnalysis[] = [];
  for (let j = k + 1; j < end; ) {
    out.push(rows[j]);
    j = rows[j].row.parent ? Math.min(Math.max(spanEnd(rows, j), j + 1), end) : j + 1;
  }
  return out;
}

/** Σ children's 分值 (a not-applicable row counts its written weight, blank as 0); null when one is blank. */
function weightSum(kids: IndicatorAnalysis[]): number | null {
  let s = 0;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    const w = c.notApplicable ? c.weight.value ?? 0 : c.weight.value;
    if (w === null) return null;
    s += w;
  }
  return s;
}

/** Σ children's stated 得分 (not-applicable rows as 0); null unless all are stated. */
function scoreSum(kids: IndicatorAnalysis[]): number | null {
  let s = 0;
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i];
    if (c.notApplicable) continue;
    if (c.stated.value === null) return null;
    s += c.stated.value;
  }
  return s;
}

export function parentRows(a: SelfEvaluationAnalysis, rules: RuleSet): FindingDraft[] {
  const out: FindingDraft[] = [];
  const rows = a.indicators;
  for (let k = 0; k < rows.length; k++) {
    const p = rows[k];
    if (!p.row.parent) continue;
    const kids = children(rows, k);
    if (!kids.length) continue;
    const path = indicatorPath(p.row);
    const name = path[path.length - 1] ?? '';
    const w = p.weight.value;
    // A heading line's weight is the group's stated weight: the heading check already covers it.
    const headingWeight = depth(p.row) === 1 && p.group?.statedWeight === w;
    const ws = w === null || headingWeight ? null : weightSum(kids);
    if (p.weightCell && w !== null && ws !== null) {
      const s = roundTo(ws, rules.rounding);
      if (Math.abs(s - w) > 0.005) out.push({ messageId: 'parentWeight', cell: p.weightCell.a1, data: { name, whole: w, sum: s }, expected: s, found: w });
    }
    const stated = p.stated.value;
    const ss = stated === null ? null : scoreSum(kids);
    if (p.scoreCell && stated !== null && ss !== null) {
      const s = roundTo(ss, rules.rounding);
      const sev = scoreGap(stated, s, rules);
      if (sev) out.push({ messageId: 'parentScore', severity: sev, cell: p.scoreCell.a1, data: { name, whole: stated, sum: s }, expected: s, found: stated });
    }
  }
  return out;
}
