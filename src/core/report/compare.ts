/**
 * report-mismatch: the figures a 自评报告 states against the workbook's tables, and the report's own
 * 其中 lists against their wholes. A figure is compared only when the report names it unambiguously
 * and the tables hold it; a figure the report rounds (1926 万元 for 1926.41) matches its table value
 * rounded alike; 预算数 without 年初/全年 matches either. Every finding is a warning quoting the
 * report's sentence, with `found` the report's figure and `expected` the table's, in the table's unit.
 */
import type { Finding, FileReview, Lang } from '../types';
import type { Bound, LocatedForm, SelfEvaluationForm, BasicDataForm } from '../form';
import { cellNumber } from '../score/cells';
import { roundTo } from '../format';
import { knownUnit } from '../parse';
import { moneyUnit } from '../locate/text';
import { amountRow, column, moneySection, numAt, section, withoutSpaces } from '../checks/basic';
import { extractFacts, type FigureUnit, type ReportFacts, type ReportFigure, type ReportKey } from './extract';

/** A figure of the tables the report may state. */
export interface TableFact {
  key: Exclude<ReportKey, 'budget'>;
  value: number;
  /** Money unit of the table ('万元' by default), '%' for rates (value a fraction), '人', '分'. */
  unit: string;
  sheet: string;
  cell: string;
  grade?: string;
}

const MONEY_UNITS = new Set(['万元', '元', '千元', '亿元']);
const yuan = (unit: string): number => knownUnit(unit)?.factor ?? 1e4;
const unitOf = (text: string | null | undefined): string => moneyUnit(withoutSpaces(text ?? '')) ?? '万元';

function fact(key: TableFact['key'], b: Bound | null | undefined, sheet: string, unit: string, value?: number | null): TableFact | null {
  if (!b) return null;
  const v = value !== undefined ? value : cellNumber(b).value;
  return v === null || v === undefined ? null : { key, value: v, unit, sheet, cell: b.a1 };
}

function selfEvaluationFacts(form: SelfEvaluationForm, review: FileReview): TableFact[] {
  const out: (TableFact | null)[] = [];
  const unit = unitOf(form.funds?.unit);
  const total = form.funds?.total;
  if (total) {
    out.push(fact('planned', total.cells.planned, form.sheet, unit));
    out.push(fact('budgeted', total.cells.budgeted, form.sheet, unit));
    out.push(fact('executed', total.cells.executed, form.sheet, unit));
    const rate = fact('rate', total.cells.rate, form.sheet, '%');
    out.push(rate);
    // The rate the figures give, at the rate cell: the report may state it where the table does not.
    const computed = review.forms.find((f) => f.sheet === form.sheet && f.range === form.range)?.budget?.rate.computed;
    if (total.cells.rate && computed !== null && computed !== undefined) out.push(fact('rate', total.cells.rate, form.sheet, '%', computed));
  }
  for (const split of form.funds?.splits ?? []) {
    for (const line of split.lines) {
      const label = withoutSpaces(line.label).replace(/^其中[:：]?/, '');
      const key = /^项目支出/.test(label) ? 'project' : /^基本支出/.test(label) ? 'basic' : /^人员(经费|支出)/.test(label) ? 'personnel' : /^公用(经费|支出)/.test(label) ? 'public' : null;
      if (!key) continue;
      if (line.textAmount !== undefined) out.push(fact(key, line.labelCell, form.sheet, unit, line.textAmount));
      else out.push(fact(key, line.cells.executed, form.sheet, unit));
    }
  }
  const reviewed = review.forms.find((f) => f.sheet === form.sheet && f.range === form.range);
  if (form.total?.score) out.push(fact('score', form.total.score, form.sheet, '分'));
  else if (reviewed?.total?.cell && reviewed.total.computed !== null) out.push({ key: 'score', value: reviewed.total.computed, unit: '分', sheet: form.sheet, cell: reviewed.total.cell });
  const gradeCell = form.total?.grade;
  const gradeText = gradeCell ? withoutSpaces(gradeCell.text) : '';
  if (gradeCell && /^[优良中差]/.test(gradeText)) out.push({ key: 'grade', value: 0, unit: '', sheet: form.sheet, cell: gradeCell.a1, grade: gradeText[0] });
  return out.filter((x): x is TableFact => x !== null);
}

function basicDataFacts(form: BasicDataForm): TableFact[] {
  const out: (TableFact | null)[] = [];
  const staff = section(form, /人员|编制/);
  if (staff && staff.rows.length) {
    const first = staff.rows.find((r) => r.cells.some((c) => cellNumber(c).value !== null)) ?? staff.rows[0];
    const actual = column(staff, /实有|在职|实际/);
    const quota = column(staff, /^编制(数|人数)?$|核定编制/);
    if (actual >= 0) out.push(fact('staff-actual', first.cells[actual], form.sheet, '人'));
    if (quota >= 0) out.push(fact('staff-quota', first.cells[quota], form.sheet, '人'));
  }
  const money = moneySection(form);
  if (money) {
    const finalCol = column(money, /决算/, true);
    const unit = unitOf(money.unit ?? money.title);
    if (finalCol >= 0) {
      for (const [key, label] of [['project', /^项目支出/], ['personnel', /^人员(经费|支出)/], ['public', /^公用经费/]] as const) {
        const i = amountRow(money, label, [finalCol]);
        const row = money.rows[i];
        if (i >= 0 && numAt(row, finalCol) !== null) out.push(fact(key, row.cells[finalCol], form.sheet, unit));
      }
    }
  }
  return out.filter((x): x is TableFact => x !== null);
}

/**
 * The tables' figures: the whole-unit form's (a form whose title does not say, otherwise) and the
 * 基础数据表's. Never a project form's: the unit's report states the unit's figures, not a project's.
 */
export function tableFacts(forms: readonly LocatedForm[], review: FileReview): TableFact[] {
  const evaluations = forms.filter((f): f is SelfEvaluationForm => f.kind === 'self-evaluation');
  const main = evaluations.find((f) => f.scope === 'whole-unit') ?? evaluations.find((f) => f.scope === null);
  const out = main ? selfEvaluationFacts(main, review) : [];
  for (const f of forms) if (f.kind === 'basic-data') out.push(...basicDataFacts(f));
  return out;
}

/** The table's value in the report figure's unit. */
function inReportUnit(t: TableFact, unit: FigureUnit): number {
  if (t.unit === '%') return roundTo(t.value * 100, 9);
  if (MONEY_UNITS.has(t.unit) && MONEY_UNITS.has(unit)) return roundTo((t.value * yuan(t.unit)) / yuan(unit), 9);
  return t.value;
}

function matches(f: ReportFigure, t: TableFact): boolean {
  if (f.key === 'grade') return f.grade === t.grade;
  const v = inReportUnit(t, f.unit);
  // The report rounds to the decimals it writes; a table with fewer decimals is read at its own precision.
  return Math.abs(roundTo(v, f.decimals) - f.value) < 1e-9 || Math.abs(v - f.value) < 0.005 * (t.unit === '%' ? 1 : MONEY_UNITS.has(f.unit) ? yuan(t.unit) / yuan(f.unit) : 1);
}

const LABEL: Record<ReportKey, { zh: string; en: string }> = {
  planned: { zh: '年初预算数', en: 'initial budget' },
  budgeted: { zh: '全年预算数', en: 'full-year budget' },
  budget: { zh: '预算数', en: 'budget' },
  executed: { zh: '全年执行数', en: 'full-year expenditure' },
  rate: { zh: '预算执行率', en: 'execution rate' },
  project: { zh: '项目支出', en: 'project expenditure' },
  basic: { zh: '基本支出', en: 'basic expenditure' },
  personnel: { zh: '人员经费', en: 'personnel funds' },
  public: { zh: '公用经费', en: 'public funds' },
  score: { zh: '自评得分', en: 'self-evaluation score' },
  grade: { zh: '自评等级', en: 'grade' },
  'staff-actual': { zh: '实有人数', en: 'staff in post' },
  'staff-quota': { zh: '编制数', en: 'authorised staff' },
};

/** The sentence, shortened around the figure when long. */
function quote(f: ReportFigure): string {
  // Without its list numbering ("3." before "2023年度", "（二）").
  const s = f.sentence.replace(/^\d{1,2}[.、．](?=\d{4}年|\D)\s*/, '').replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '');
  if (s.length <= 60) return s;
  const at = Math.max(0, s.indexOf(f.phrase.replace(/^\d{1,2}[.、．](?=\d{4}年)/, '')));
  const start = at < 30 ? 0 : at - 12;
  return (start > 0 ? '…' : '') + s.slice(start, start + 56) + (start + 56 < s.length ? '…' : '');
}

const show = (x: number): string => String(roundTo(x, 4));
function showIn(t: TableFact, x: number): string {
  return t.unit === '%' ? `${show(x * 100)}%` : `${show(x)}${t.unit === '分' ? ' 分' : t.unit === '人' ? ' 人' : ' ' + t.unit}`;
}

/** report-mismatch findings for one workbook and its report's text. */
export function crossCheckReport(text: string | ReportFacts, forms: readonly LocatedForm[], review: FileReview, lang: Lang): Finding[] {
  const facts = typeof text === 'string' ? extractFacts(text) : text;
  const tables = tableFacts(forms, review);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const f of facts.figures) {
    if (!f.key) continue;
    const keys: ReportKey[] = f.key === 'budget' ? ['budgeted', 'planned'] : [f.key];
    const candidates = keys.flatMap((k) => tables.filter((t) => t.key === k)).filter((t) => (f.key === 'grade' || (t.unit === '%' ? f.unit === '%' : MONEY_UNITS.has(t.unit) ? MONEY_UNITS.has(f.unit) : t.unit === f.unit)));
    if (!candidates.length || candidates.some((t) => matches(f, t))) continue;
    const t = candidates[0];
    const id = `${f.key}|${f.value}|${f.grade ?? ''}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const label = LABEL[f.key === 'budget' ? t.key : f.key];
    const found = f.key === 'grade' ? null : t.unit === '%' ? roundTo(f.value / 100, 9) : MONEY_UNITS.has(t.unit) ? roundTo((f.value * yuan(f.unit)) / yuan(t.unit), 9) : f.value;
    const stated = f.key === 'grade' ? f.grade! : `${show(f.value)}${f.unit === '%' ? '%' : ' ' + f.unit}`;
    const table = f.key === 'grade' ? t.grade! : showIn(t, t.value);
    out.push({
      code: 'report-mismatch',
      severity: 'warning',
      sheet: t.sheet,
      cell: t.cell,
      message:
        lang === 'en-US'
          ? `The report states ${label.en} ${stated} ("${quote(f)}"); the table says ${table} (${t.cell})`
          : `自评报告中${label.zh}为 ${stated}（“${quote(f)}”），表内为 ${table}（${t.cell}）`,
      ...(f.key === 'grade' ? {} : { expected: t.value, found }),
    });
  }
  for (const b of facts.breakdowns) {
    if (b.partial) continue;
    const toWhole = (p: ReportFigure) => (MONEY_UNITS.has(p.unit) && MONEY_UNITS.has(b.whole.unit) ? (p.value * yuan(p.unit)) / yuan(b.whole.unit) : p.value);
    const sum = roundTo(b.parts.reduce((s, p) => s + toWhole(p), 0), 6);
    const decimals = Math.max(b.whole.decimals, ...b.parts.map((p) => p.decimals));
    // Each part may be rounded to the decimals written: half a unit of the last place each.
    const tolerance = b.parts.length * 0.5 * 10 ** -decimals + 1e-9;
    if (sum <= b.whole.value + tolerance && (sum >= b.whole.value - tolerance)) continue;
    const u = b.whole.unit === '%' ? '%' : ` ${b.whole.unit}`;
    const parts = b.parts.map((p) => show(toWhole(p))).join(' + ');
    out.push({
      code: 'report-mismatch',
      severity: 'warning',
      sheet: null,
      cell: null,
      message:
        lang === 'en-US'
          ? `In the report, the parts of ${show(b.whole.value)}${u} add up to ${show(sum)}${u} (${parts}): "${quote(b.whole)}"`
          : `自评报告中 ${show(b.whole.value)}${u} 的各部分之和为 ${show(sum)}${u}（${parts}），与所写合计不符：“${quote(b.whole)}”`,
      expected: sum,
      found: b.whole.value,
    });
  }
  return out;
}
