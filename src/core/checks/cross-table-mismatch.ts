/** cross-table-mismatch: 基础数据表 项目支出 / 公用经费 against the self-evaluation form's 按支出性质分 lines. */
import type { FundsLine, SelfEvaluationForm } from '../form';
import { cellNumber } from '../score/cells';
import type { FindingDraft, Rule } from './types';
import { column, norm, numAt, rowIndex, section, MONEY } from './basic';

function expenseLine(form: SelfEvaluationForm, label: RegExp): FundsLine | null {
  for (const split of form.funds?.splits ?? []) {
    for (const line of split.lines) if (label.test(norm(line.label))) return line;
  }
  return null;
}

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
    project: { zh: '项目支出为 {found}，基础数据表（{sheet}）当年决算数为 {expected}', en: 'Project expenditure is {found}; the basic-data table ({sheet}) says {expected} for this year' },
    public: { zh: '基础数据表公用经费 {public} 超过本表基本支出 {found}', en: 'Public funds in the basic-data table, {public}, exceed basic expenditure here, {found}' },
  },
  check(ctx) {
    if (ctx.form.kind !== 'self-evaluation' || ctx.form.scope === 'project') return [];
    const form = ctx.form;
    const out: FindingDraft[] = [];
    for (const entry of ctx.workbook) {
      if (entry.form.kind !== 'basic-data') continue;
      const sec = section(entry.form, MONEY);
      if (!sec) continue;
      const finalCol = column(sec, /决算/, true);
      const sheet = entry.form.sheet;
      const project = numAt(sec.rows[rowIndex(sec, /^项目支出/)], finalCol);
      const line = expenseLine(form, /^(其中[:：])?项目支出/);
      if (project !== null && line) {
        const a = amount(line);
        if (a.value !== null && Math.abs(a.value - project) > ctx.rules.moneyTolerance / 2) {
          out.push({ messageId: 'project', cell: a.cell, data: { found: a.value, expected: project, sheet }, expected: project, found: a.value });
        }
      }
      const pub = numAt(sec.rows[rowIndex(sec, /^公用经费/)], finalCol);
      const basic = expenseLine(form, /^(其中[:：])?基本支出/);
      if (pub !== null && basic) {
        const a = amount(basic);
        if (a.value !== null && pub > a.value + ctx.rules.moneyTolerance / 2) {
          out.push({ messageId: 'public', severity: 'warning', cell: a.cell, data: { public: pub, found: a.value, sheet }, expected: pub, found: a.value });
        }
      }
    }
    return out;
  },
};
