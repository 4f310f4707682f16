/** The review: locate, parse, score, check, and build the JSON contract for one workbook. */
import type { WorkbookSnapshot } from './snapshot';
import type { BasicDataForm, LocatedForm, SelfEvaluationForm } from './form';
import type { FileReview, Finding, FormReview, IndicatorReview, Lang } from './types';
import { columnName, parseA1 } from './address';
import type { Bound } from './form';
import { FUNDS_FIELDS, INDICATOR_FIELDS, type TemplateProfile } from './profile';
import { locateForms } from './locate';
import { resolveRuleSet, type RuleSet } from './rules';
import { analyseSelfEvaluation, indicatorPath, type IndicatorAnalysis, type SelfEvaluationAnalysis } from './score/form';
import { doubtfulColumns, guardFindings, runChecksInto, RULES, type FormEntry, type Rule, type RuleFailure } from './checks';
import { applyAndRecalculate } from './recalc';
import { noteFormulas } from './formula-note';
import { isCovered } from './merges';
import { joinMergedScores, scorePlace } from './score/merged';

export interface ComputedCell {
  sheet: string;
  cell: string;
  value: number;
  kind: 'rate' | 'score' | 'total';
  /** Number format hint for writing: "0.00%" for rates, "0.00" for scores. */
  numberFormat: string;
}

export interface ReviewDetails {
  rules: RuleSet;
  forms: LocatedForm[];
  analyses: (SelfEvaluationAnalysis | null)[];
  /** Cells the edit planner may write: computed rates, scores and totals. */
  computedCells: ComputedCell[];
  /** Rules or forms that failed (message only, no stack); the review went on without them. */
  failures: RuleFailure[];
}

export interface ReviewOptions {
  rules?: RuleSet | string;
  lang?: Lang;
  file?: string;
  /** A template profile (validated: src/core/profile.ts) whose column map the locator applies. */
  template?: TemplateProfile | null;
  /** Replace the check list (tests). */
  checks?: Rule[];
}

const MESSAGES = {
  notFound: { 'zh-CN': '未找到可识别的绩效自评表或基础数据表', 'en-US': 'No recognisable self-evaluation form or basic-data table' },
};

function indicatorReview(i: IndicatorAnalysis): IndicatorReview {
  const r: IndicatorReview = {
    row: i.row.row + 1,
    path: indicatorPath(i.row),
    kind: i.result.kind,
    target: { cell: i.targetCell?.a1 ?? null, text: i.targetText },
    actual: { cell: i.actualCell?.a1 ?? null, text: (i.actualCell?.text ?? '').trim() },
    weight: i.weight.value,
    score: { cell: i.scoreCell?.a1 ?? null, stated: i.stated.value, computed: i.result.computed },
    explanation: { cell: i.explanationCell?.a1 ?? null, text: i.explanation },
  };
  if (i.row.parent) r.parent = true;
  if (i.notApplicable) r.notApplicable = true;
  return r;
}

function selfEvaluationReview(form: SelfEvaluationForm, a: SelfEvaluationAnalysis): FormReview {
  const b = a.budget;
  const indicators = new Array<IndicatorReview>(a.indicators.length);
  for (let k = 0; k < indicators.length; k++) indicators[k] = indicatorReview(a.indicators[k]);
  const review: FormReview = {
    sheet: form.sheet,
    kind: 'self-evaluation',
    range: form.range,
    unit: form.unit?.text ?? null,
  };
  if (form.project) review.project = form.project.text;
  review.budget = b
    ? {
        planned: b.planned.value,
        budgeted: b.budgeted.value,
        executed: b.executed.value,
        weight: b.weight.value,
        rate: { cell: b.line.cells.rate?.a1 ?? null, stated: b.rate.value, computed: b.computed.rate },
        score: { cell: b.line.cells.score?.a1 ?? null, stated: b.score.value, computed: b.computed.score },
      }
    : null;
  review.indicators = indicators;
  review.total = { cell: a.total.cell?.a1 ?? null, stated: a.total.stated.value, computed: a.total.computed };
  review.grade = a.grade;
  const ind = columnLetters(form.columns, INDICATOR_FIELDS);
  review.columns = ind.letters;
  review.headerRow = ind.row;
  if (form.funds) {
    const funds = columnLetters(form.funds.headers, FUNDS_FIELDS);
    review.fundsColumns = funds.letters;
    review.fundsHeaderRow = funds.row;
  }
  return review;
}

/** Header cells by field → column letters (in `order`), and the 1-based first header row (null without any). */
function columnLetters<F extends string>(cells: Partial<Record<F, Bound>>, order: readonly F[]): { letters: Partial<Record<F, string>>; row: number | null } {
  const letters: Partial<Record<F, string>> = {};
  let row = Infinity;
  for (let j = 0; j < order.length; j++) {
    const k = order[j];
    const b = cells[k];
    if (!b) continue;
    letters[k] = columnName(b.col);
    row = Math.min(row, b.row);
  }
  return { letters, row: row === Infinity ? null : row + 1 };
}

function basicDataReview(form: BasicDataForm): FormReview {
  return { sheet: form.sheet, kind: 'basic-data', range: form.range, unit: form.unit?.text ?? null };
}

function pushComputed(out: ComputedCell[], sheet: string, cell: string | undefined, value: number | null, kind: ComputedCell['kind']): void {
  if (cell && value !== null) out.push({ sheet, cell, value, kind, numberFormat: kind === 'rate' ? '0.00%' : '0.00' });
}

/**
 * The review doubts a form's total when it would exceed the form's maximum (the 总分 row's 分值, else
 * 100) or when the weights it adds up are reported as wrong (weights that do not add up to the whole,
 * a 一级 heading that its rows contradict): writing it would print a number the review itself does
 * not trust, so the total is left as the clerk wrote it, with its findings. A profile other than the
 * rule set's (weight-profile) is not such a doubt: it only warns, the sheet's own weights rule.
 */
export function totalDoubted(a: SelfEvaluationAnalysis, formFindings: Finding[], book?: WorkbookSnapshot): boolean {
  const computed = a.total.computed;
  // A leaf score hidden under a merge (one visible score for two rows): the rule's total is not the
  // sum of the scores on paper, whatever we write.
  if (book && a.indicators.some((i) => i.leaf && isCovered(book, a.form.sheet, scorePlace(a, i) ?? 'A1'))) return true;
  if (computed !== null && computed > (a.total.statedWeight.value ?? 100) + 0.005) return true;
  const weightCells = new Set<string>();
  if (a.total.weightCell) weightCells.add(a.total.weightCell.a1);
  if (a.budget?.line.cells.weight) weightCells.add(a.budget.line.cells.weight.a1);
  for (let j = 0; j < a.form.groups.length; j++) {
    const g = a.form.groups[j];
    weightCells.add(g.cell.a1);
  }
  return formFindings.some(
    (f) =>
      (f.code === 'sum-mismatch' && f.cell !== null && weightCells.has(f.cell)) ||
      (f.code === 'sum-mismatch' && f.cell === (a.total.cell?.a1 ?? null) && f.found === (a.total.statedWeight.value ?? 100) && f.found !== a.total.stated.value),
  );
}

/**
 * Appends the form's computed cells to `out` (one shared list for the workbook, no per-form copies);
 * never into a doubtful column, a doubted total, or a cell a merge covers.
 */
function computedCells(a: SelfEvaluationAnalysis, out: ComputedCell[], formFindings: Finding[], book: WorkbookSnapshot): void {
  const sheet = a.form.sheet;
  const start = out.length;
  if (a.budget) {
    pushComputed(out, sheet, a.budget.line.cells.rate?.a1, a.budget.computed.rate, 'rate');
    pushComputed(out, sheet, a.budget.line.cells.score?.a1, a.budget.computed.score, 'score');
  }
  const doubtful = a.form.layout?.doubts.length ? doubtfulColumns(a.form) : null;
  const from = out.length;
  for (let j = 0; j < a.indicators.length; j++) {
    const i = a.indicators[j];
    if (i.leaf) pushComputed(out, sheet, i.scoreCell?.a1, i.result.computed, 'score');
  }
  if (a.indicators.length && !totalDoubted(a, formFindings, book)) pushComputed(out, sheet, a.total.cell?.a1, a.total.computed, 'total');
  if (doubtful && doubtful.size > 0) {
    const kept = out.slice(from).filter((c) => !doubtful.has(parseA1(c.cell)?.col ?? -1));
    out.length = from;
    out.push(...kept);
  }
  // A cell a merge covers is never written: nobody would see the value (merges.ts).
  for (let k = start; k < out.length; k++) if (isCovered(book, sheet, out[k].cell)) out.splice(k--, 1);
}

/** Sheet (workbook order), then row, then column; findings without a cell first within their sheet. */
function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const sheetIndex = new Map<string, number>();
  sheetOrder.forEach((name, i) => {
    if (!sheetIndex.has(name)) sheetIndex.set(name, i);
  });
  // Keys computed once per finding, not once per comparison.
  const n = findings.length;
  const sheets = new Float64Array(n);
  const rows = new Float64Array(n);
  const cols = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    sheets[i] = f.sheet === null ? -1 : sheetIndex.get(f.sheet) ?? -1;
    const ref = f.cell ? parseA1(f.cell) : null;
    rows[i] = ref ? ref.row : -1;
    cols[i] = ref ? ref.col : -1;
  }
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => sheets[x] - sheets[y] || rows[x] - rows[y] || cols[x] - cols[y] || x - y);
  const out = new Array<Finding>(n);
  for (let i = 0; i < n; i++) out[i] = findings[order[i]];
  return out;
}

/** The snapshot without its hidden sheets (tolerant of malformed input, like the locator). */
function visibleSheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  if (!snapshot || !Array.isArray(snapshot.sheets)) return snapshot;
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => !s?.visibility || s.visibility === 'visible') };
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** True when some formula has no cached result (a file saved by a program that does not calculate). */
function hasUncachedFormula(book: WorkbookSnapshot): boolean {
  // Loops, not nested some(): it visits every formula cell of every file.
  for (const s of book?.sheets ?? []) {
    const formulas = s?.formulas;
    if (!formulas) continue;
    for (let r = 0; r < formulas.length; r++) {
      const line = formulas[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) if (line[c] && (s.values[r]?.[c] ?? null) === null) return true;
    }
  }
  return false;
}

function calculatedOrAsIs(book: WorkbookSnapshot): WorkbookSnapshot {
  try {
    return applyAndRecalculate(book, []).book;
  } catch {
    return book;
  }
}

export function reviewWorkbook(input: WorkbookSnapshot, opts: ReviewOptions = {}): { fileReview: FileReview; details: ReviewDetails } {
  // A formula without a cached result is read as the spreadsheet would show it, not as an empty score.
  const snapshot = hasUncachedFormula(input) ? calculatedOrAsIs(input) : input;
  const rules = typeof opts.rules === 'object' ? opts.rules : resolveRuleSet(opts.rules);
  const lang: Lang = opts.lang ?? 'zh-CN';
  const file = opts.file ?? snapshot.name ?? '';
  const failures: RuleFailure[] = [];
  let forms: LocatedForm[] = [];
  try {
    // A hidden sheet is not the form the clerk prints (a template's spare copy, last year's form): not checked, never written.
    forms = locateForms(visibleSheets(snapshot), { template: opts.template });
  } catch (e) {
    failures.push({ rule: 'locate', sheet: '', message: errorMessage(e) });
  }
  const entries: (FormEntry & { review: FormReview | null })[] = forms.map((form) => {
    if (form.kind === 'basic-data') return { form, analysis: null, review: basicDataReview(form) };
    try {
      const analysis = analyseSelfEvaluation(form, rules);
      joinMergedScores(analysis, snapshot);
      return { form, analysis, review: selfEvaluationReview(form, analysis) };
    } catch (e) {
      failures.push({ rule: 'score', sheet: form.sheet, message: errorMessage(e) });
      return { form, analysis: null, review: null };
    }
  });
  const findings: Finding[] = [];
  const reviews: FormReview[] = [];
  const cells: ComputedCell[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e.review) continue;
    reviews.push(e.review);
    const from = findings.length;
    runChecksInto({ form: e.form, analysis: e.analysis, review: e.review, workbook: entries, rules }, lang, opts.checks ?? RULES, findings, failures);
    if (e.form.kind === 'self-evaluation') guardFindings(e.form, findings, from);
    if (e.analysis) computedCells(e.analysis, cells, findings.slice(from), snapshot);
  }
  if (!reviews.length) {
    findings.push({ code: 'form-not-found', severity: 'error', sheet: null, cell: null, message: MESSAGES.notFound[lang] });
  }
  noteFormulas(findings, snapshot, lang);
  const sheetOrder = snapshot.sheets.map((s) => s.name);
  return {
    fileReview: { file, error: null, forms: reviews, findings: sortFindings(findings, sheetOrder) },
    details: { rules, forms, analyses: entries.map((e) => e.analysis), computedCells: cells, failures },
  };
}
