/** cross-table-mismatch: 基础数据表 项目支出 / 公用经费 against the self-evaluation form's 按支出性质分 lines. */
import type { FundsLine, SelfEvaluationForm } from '../form';
import { cellNumber } from '../score/cells';
import { roundTo } from '../format';
import { knownUnit } from '../parse';
import { moneyUnit } from '../locate/text';
import type { FindingDraft, Rule } from './types';
import { amountRow, column, moneySection, withoutSpaces, numAt } from './basic';

function expenseLine(form: SelfEvaluationForm, label: RegExp): FundsLine | null {
  for (const split of form.funds?.splits ?? []) {
    for (let i = 0; i < split.lines.length; i++) {
      const line = split.lines[i];
      if (label.test(withoutSpaces(line.label))) return line;
    }
  }
  return null;
}

/** The money unit a heading names; 万元 when it names none (the templates' default). */
const unitOf = (text: string | null | undefined): string => moneyUnit(withoutSpaces(text ?? '')) ?? '万元';
/** 元 per unit, from the value parser's unit table. */
const yuan = (unit: string): number => knownUnit(unit)?.factor ?? 1e4;

/** The amount a funds line states: its text amount, or its 全年执行数 cell. */
function amount(line: FundsLine): { value: number | null; cell: string } {
  if (line.textAmount !== undefined) return { value: line.textAmount ?? null, cell: line.labelCell.a1 };
  const c = line.cells.executed;
  return { value: cellNumber(c).value, cell: c?.a1 ?? line.labelCell.a1 };
}

export const crossTableMismatch: Rule = {
  id: 'cross-table-mismatch',
  severity: 'error',
  meta: { description: { zh: '基础数据表与自评表数据不一致', en: 'The basic-data table and the self-evaluation form disagree' }, forms: ['self-evaluation'] },
  messages: {
    project: { zh: '项目支出为 {found}{unit}，基础数据表（{sheet}）当年决算数为 {expected}{unit}', en: 'Project expenditure is {found} {unit}; the basic-data table ({sheet}) says {expected} {unit} for this year' },
    public: { zh: '基础数据表公用经费 {public}{unit} 超过本表基本支出 {found}{unit}', en: 'Public funds in the basic-data table, {public} {unit}, exceed basic expenditure here, {found} {unit}' },
  },
  check(ctx) {
    if (ctx.form.kind !== 'self-evaluation' || ctx.form.scope === 'project') return [];
    const form = ctx.form;
    const out: FindingDraft[] = [];
    for (let i = 0; i < ctx.workbook.length; i++) {
      const entry = ctx.workbook[i];
      if (entry.form.kind !== 'basic-data') continue;
      const sec = moneySection(entry.form);
      if (!sec) continue;
      const finalCol = column(sec, /决算/, true);
      const sheet = entry.form.sheet;
      // Compared in the basic-data table's unit (its 2 decimals are the coarser precision), reported in the form's.
      const unit = unitOf(form.funds?.unit);
      // The section's unit as located (its title, headings or a "金额单位：元" line), else its title's.
      const toForm = yuan(unitOf(sec.unit ?? sec.title)) / yuan(unit);
      const inTable = (x: number) => x / toForm;
      const inForm = (x: number) => roundTo(x * toForm, 6);
      const tolerance = ctx.rules.moneyTolerance / 2;
      const project = numAt(sec.rows[amountRow(sec, /^项目支出/, [finalCol])], finalCol);
      const line = expenseLine(form, /^(其中[:：])?项目支出/);
      if (project !== null && line) {
        const a = amount(line);
        if (a.value !== null && Math.abs(inTable(a.value) - project) > tolerance) {
          const expected = inForm(project);
          out.push({ messageId: 'project', cell: a.cell, data: { found: a.value, expected, sheet, unit }, expected, found: a.value });
        }
      }
      const pub = numAt(sec.rows[amountRow(sec, /^公用经费/, [finalCol])], finalCol);
      const basic = expenseLine(form, /^(其中[:：])?基本支出/);
      if (pub !== null && basic) {
        const a = amount(basic);
        if (a.value !== null && pub > inTable(a.value) + tolerance) {
          const expected = inForm(pub);
          out.push({ messageId: 'public', severity: 'warning', cell: a.cell, data: { public: expected, found: a.value, sheet, unit }, expected, found: a.value });
        }
      }
    }
    return out;
  },
};
