/** Pure helpers that turn the review into what the pane shows. No React here. */
import { parseA1 } from '../core/address';
import type { CellValue } from '../core/snapshot';
import type { FileReview, Finding, FormReview, Severity, StatedComputed } from '../core/types';
import type { MessageKey } from '../i18n';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** A number as the pane shows it: at most 2 decimals, no locale grouping (WPS on Linux mis-handles Intl). */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A cell value for the changed-cells list; null for an empty cell (the caller shows "(empty)"). */
export function formatValue(v: CellValue): string | null {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return formatNumber(v);
  return String(v);
}

export function formKindKey(form: FormReview): MessageKey {
  if (form.kind === 'basic-data') return 'forms.kind.basic';
  return form.project ? 'forms.kind.project' : 'forms.kind.whole';
}

/** True when a stated value is present and differs from the computed one (beyond rounding to 2 decimals). */
export function differs(v: StatedComputed | undefined | null): boolean {
  if (!v || v.stated === null || v.computed === null) return false;
  return Math.abs(v.stated - v.computed) > 0.005;
}

export function groupBySeverity(findings: Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) (groups[f.severity] ?? groups.info).push(f);
  return groups;
}

/** Distinct sheet names of the forms and findings, forms first, in order of appearance. */
export function sheetsOf(review: FileReview): string[] {
  const names = [...review.forms.map((f) => f.sheet), ...review.findings.map((f) => f.sheet)];
  return [...new Set(names.filter((s): s is string => !!s))];
}

/** Findings on sheet ('' = all); findings without a sheet always stay. */
export function filterBySheet(findings: Finding[], sheet: string): Finding[] {
  return sheet ? findings.filter((f) => !f.sheet || f.sheet === sheet) : findings;
}

/** What a finding's cell is: an indicator name, a budget cell or the total, as text or a message key. */
export type Place = { text: string } | { key: MessageKey } | null;

const same = (a: string | null | undefined, b: string) => !!a && a.toUpperCase() === b;

/**
 * Names the thing a finding points at. Exact cell matches first (target, actual, score, explanation,
 * budget rate/score, total); then the indicator on the same row, its level-1 heading when the cell lies
 * left of the target and the finding is about weights.
 */
export function placeOf(review: FileReview, f: Finding): Place {
  if (!f.cell) return null;
  const cell = f.cell.toUpperCase().replace(/\$/g, '');
  const forms = review.forms.filter((x) => x.sheet === f.sheet && x.kind === 'self-evaluation');
  for (const form of forms) {
    for (const ind of form.indicators ?? []) {
      const cells = [ind.target.cell, ind.actual.cell, ind.score.cell, ind.explanation.cell];
      if (cells.some((c) => same(c, cell))) return nameOf(ind.path);
    }
    if (same(form.budget?.rate.cell, cell)) return { key: 'findings.budgetRate' };
    if (same(form.budget?.score.cell, cell)) return { key: 'findings.budgetScore' };
    if (same(form.total?.cell, cell)) return { key: 'findings.total' };
  }
  const ref = parseA1(cell);
  if (!ref) return null;
  for (const form of forms) {
    const ind = (form.indicators ?? []).find((i) => i.row === ref.row + 1);
    if (!ind) continue;
    const target = ind.target.cell ? parseA1(ind.target.cell) : null;
    const heading = (f.code === 'weight-profile' || f.code === 'sum-mismatch') && target && ref.col < target.col;
    return heading && ind.path.length ? { text: ind.path[0] } : nameOf(ind.path);
  }
  return null;
}

function nameOf(path: string[]): Place {
  const name = path[path.length - 1];
  return name ? { text: name } : null;
}
