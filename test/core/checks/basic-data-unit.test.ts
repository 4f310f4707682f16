/**
 * cross-table-mismatch with the 基础数据表's money unit stated outside the section title: a unit line
 * ("金额单位：元", "单位：万元") above or beside the section or the table, found by the locator as the
 * section's `unit`; the section title's unit when it names one, 万元 when nothing says.
 */
import type { BasicDataForm, BasicDataSection, LocatedForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { crossTableMismatch } from '../../../src/core/checks/cross-table-mismatch';
import { locateForms } from '../../../src/core/locate';
import { ruleTester } from './ruleTester';
import { basicData, moneySection, selfEvaluation } from '../helpers/forms';
import { sheetOf } from '../../helpers/grid';

/** The whole-unit form in 万元: 基本支出 900.47, 项目支出 `project`. */
const form = (project: number) => selfEvaluation({ rows: [], budget: { budgeted: 1925.67, executed: 1925.67, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', 900.47], ['项目支出', project]] });

/** The 经费控制 section titled `title`, amounts in `scale` (1 for 元), with `unit` as located. */
function basic(title: string, unit: string | undefined, scale: number): BasicDataForm {
  const sec: BasicDataSection = moneySection([
    ['项目支出：', 874.2 * scale, 308.17 * scale, 1025.2 * scale],
    ['公用经费', 118.31 * scale, 85.76 * scale, 193.42 * scale],
  ]);
  sec.title = title;
  if (unit) sec.unit = unit;
  return basicData([sec]);
}

/** A workbook of a 基础数据表 (with `head` rows over its 经费控制 section) and the form, both located. */
function located(head: CellValue[][], title: string, scale: number, beside: CellValue[] = []): { self: LocatedForm; basicForm: LocatedForm } {
  const rows: CellValue[][] = [
    ['2023年度部门整体支出绩效评价基础数据表'],
    ...head,
    [title, '2022年决算数', '2023年预算数', '2023年决算数', ...beside],
    ['项目支出', 874.2 * scale, 308.17 * scale, 1025.2 * scale],
    ['公用经费', 118.31 * scale, 85.76 * scale, 193.42 * scale],
  ];
  const self: CellValue[][] = [
    ['2023年度部门整体支出绩效自评表'],
    ['年度预算申请（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 1925.67, 1925.67, 1925.67, 10, 1, 10],
    [null, '其中：基本支出', 900.47, 900.47, 900.47, null, null, null],
    [null, '      项目支出', 1025.2, 1025.2, 1025.2, null, null, null],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '数量指标', '养护里程', '≥120公里', '120公里', 90, 90, null],
    ['总分', null, null, null, null, 100, 100, null],
  ];
  const forms = locateForms({ name: 't.xlsx', sheets: [sheetOf('基础数据表', rows), sheetOf('自评表', self)] });
  const basicForm = forms.find((f) => f.kind === 'basic-data');
  const selfForm = forms.find((f) => f.kind === 'self-evaluation');
  if (!basicForm || !selfForm) throw new Error(`forms: ${forms.map((f) => f.kind).join(', ')}`);
  return { self: selfForm, basicForm };
}

const lineAbove = located([[null, null, null, '金额单位：元']], '经费控制情况', 1e4);
const lineBeside = located([], '经费控制情况', 1e4, ['单位：元']);
const noLine = located([], '经费控制情况', 1e4);
const unitField = located([['填报单位：元江县财政局']], '经费控制情况', 1e4);
const titleWins = located([[null, null, null, '金额单位：元']], '经费控制情况（万元）', 1);

ruleTester(crossTableMismatch, {
  valid: [
    { name: 'section unit 元 (from a unit line), the form in 万元: same figures', form: form(1025.2), others: [basic('经费控制情况', '元', 1e4)] },
    { name: 'section unit 千元', form: form(1025.2), others: [basic('经费控制情况', '千元', 10)] },
    { name: 'no unit anywhere: 万元', form: form(1025.2), others: [basic('经费控制情况', undefined, 1)] },
    { name: 'located: "金额单位：元" above the section (m06, wb15)', form: lineAbove.self, others: [lineAbove.basicForm] },
    { name: 'located: "单位：元" beside the section\'s headings', form: lineBeside.self, others: [lineBeside.basicForm] },
    { name: 'located: the title\'s 万元 over a 元 line', form: titleWins.self, others: [titleWins.basicForm] },
  ],
  invalid: [
    {
      name: 'section unit 元: a real difference is reported in the form\'s 万元',
      form: form(1100),
      others: [basic('经费控制情况', '元', 1e4)],
      findings: [{ cell: 'E7', expected: 1025.2, found: 1100, message: '项目支出为 1100万元，基础数据表（基础数据表）当年决算数为 1025.2万元' }],
    },
    {
      name: 'located: no unit line, the amounts in 元 read as 万元',
      form: noLine.self,
      others: [noLine.basicForm],
      findings: [{ cell: 'E5', expected: 10252000 }, { cell: 'E4', severity: 'warning' }],
    },
    {
      name: 'located: a 填报单位 named 元… is no unit line',
      form: unitField.self,
      others: [unitField.basicForm],
      findings: [{ cell: 'E5', expected: 10252000 }, { cell: 'E4', severity: 'warning' }],
    },
  ],
});

describe('the located unit', () => {
  it('is the line\'s when the section title names none, the title\'s otherwise', () => {
    expect(lineAbove.basicForm.kind === 'basic-data' && lineAbove.basicForm.sections[0].unit).toBe('元');
    expect(titleWins.basicForm.kind === 'basic-data' && titleWins.basicForm.sections[0].unit).toBe('万元');
    expect(lineBeside.basicForm.kind === 'basic-data' && lineBeside.basicForm.sections[0].unit).toBe('元');
    expect(noLine.basicForm.kind === 'basic-data' && noLine.basicForm.sections[0].unit).toBeUndefined();
  });

  it('is never a column heading', () => {
    if (lineBeside.basicForm.kind !== 'basic-data') throw new Error('kind');
    expect(lineBeside.basicForm.sections[0].columns.map((c) => c.label)).toEqual(['2022年决算数', '2023年预算数', '2023年决算数']);
  });
});
