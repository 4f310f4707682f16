/**
 * Honest uncertainty: when the locator doubts a column (layout-uncertain), no error may rest on it.
 * Errors of the form's indicator table that depend on a doubtful field are lowered to warnings,
 * and the recompute writes nothing into a doubtful column.
 */
import type { IndicatorColumn, LayoutDoubt, SelfEvaluationForm } from '../form';
import type { Finding, FindingCode } from '../types';
import { parseA1 } from '../address';

const VALUES: IndicatorColumn[] = ['target', 'initialTarget', 'nature', 'targetUnit', 'actual', 'weight', 'score'];

/** The indicator fields each finding code reads (a code absent here reads none of them). */
const DEPENDS: Partial<Record<FindingCode, IndicatorColumn[]>> = {
  'value-missing': VALUES,
  'value-format': VALUES,
  'unit-mismatch': VALUES,
  'score-mismatch': VALUES,
  'score-over-weight': ['weight', 'score'],
  'sum-mismatch': ['weight', 'score'],
  'weight-profile': ['weight'],
  'deviation-unexplained': [...VALUES, 'explanation'],
};

/** Doubts about a bound or unbindable column (not a missing part of the form). */
function columnDoubts(form: SelfEvaluationForm): LayoutDoubt[] {
  return (form.layout?.doubts ?? []).filter((d) => d.kind !== 'missing');
}

/** 0-based sheet columns the recompute must not write into: the doubtful bindings. */
export function doubtfulColumns(form: SelfEvaluationForm): Set<number> {
  const out = new Set<number>();
  for (const d of columnDoubts(form)) if (d.col !== undefined) out.add(d.col);
  return out;
}

/** First sheet row (0-based) of the indicator table: its header. */
function tableTop(form: SelfEvaluationForm): number {
  let top = Infinity;
  for (const k in form.columns) top = Math.min(top, form.columns[k as IndicatorColumn]?.row ?? Infinity);
  return top;
}

/**
 * Lowers to warnings the errors among findings[from…] (one form's) that lie in its indicator table
 * and read a doubtful field.
 */
export function guardFindings(form: SelfEvaluationForm, findings: Finding[], from: number): void {
  const doubts = columnDoubts(form);
  if (doubts.length === 0) return;
  const fields = new Set(doubts.map((d) => d.field));
  const top = tableTop(form);
  for (let i = from; i < findings.length; i++) {
    const f = findings[i];
    if (f.severity !== 'error' || !f.cell) continue;
    const at = parseA1(f.cell);
    if (!at || at.row < top) continue;
    if ((DEPENDS[f.code] ?? []).some((k) => fields.has(k))) findings[i] = { ...f, severity: 'warning' };
  }
}
