/**
 * Where one form ends and the next begins (layout sweep D12, D15): what lies between a title and
 * its 总分 row is one form's unless a new title starts another; and which label names the unit.
 */
import { locateForms } from '../../../src/core/locate';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { at } from './fixtures';
import { sheet, workbook } from './grid';

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const FUNDS: CellValue[][] = [
  ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  ['年度资金总额', 100, 100, 100, 10, 1, 10],
];

function forms(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm[] {
  return locateForms(workbook(sheet(rows, { merges }))) as SelfEvaluationForm[];
}

const rowsOf = (f: SelfEvaluationForm) => f.indicators.map((r) => r.row + 1);

describe('D12: a 年度主要任务 block between the funds block and the table', () => {
  const task: CellValue[][] = [
    ['年度主要任务', '任务名称', '预算数', '执行数'],
    [null, '耕地保护', 60, 58],
    [null, '不动产登记', 40, 42],
  ];

  it('is not a second form: one form, its budget from the 年度资金总额 line', () => {
    const found = forms([
      ['部门整体支出绩效自评表'], ...FUNDS, ...task, H,
      ['产出指标', '数量指标', '补充耕地面积', '≥1500亩', '1500亩', 90, 90, null],
      ['总分', null, null, null, null, 100, 100, null],
    ], ['A4:A6']);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.range).toBe('A1:H9');
    expect(at(f.funds?.total.labelCell)).toBe('A3');
    expect(at(f.funds?.total.cells.budgeted)).toBe('C3');
    expect(f.funds?.splits).toEqual([]);
    expect(rowsOf(f)).toEqual([8]);
    expect(at(f.total?.score)).toBe('G9');
  });

  it('before the funds block, untitled: still one form, the funds block is the one with the 年度资金总额 line', () => {
    const found = forms([
      ...task, ...FUNDS, H,
      ['产出指标', '数量指标', '补充耕地面积', '≥1500亩', '1500亩', 90, 90, null],
      ['总分', null, null, null, null, 100, 100, null],
    ], ['A1:A3']);
    expect(found).toHaveLength(1);
    expect(at(found[0].funds?.total.labelCell)).toBe('A5');
    expect(rowsOf(found[0])).toEqual([7]);
  });

  it('a new title still starts a new form', () => {
    const form = (name: string): CellValue[][] => [
      [`${name}项目支出绩效自评表`], ...FUNDS, H,
      ['产出指标', '数量指标', '户数', '≥10户', '10户', 90, 90, null],
      ['总分', null, null, null, null, 100, 100, null],
    ];
    const found = forms([...form('甲'), ...form('乙')]);
    expect(found.map((f) => [f.title, f.range, at(f.funds?.total.labelCell)])).toEqual([
      ['甲项目支出绩效自评表', 'A1:H6', 'A3'],
      ['乙项目支出绩效自评表', 'A7:H12', 'A9'],
    ]);
  });
});

describe('D15: the indicator header repeated after a page break', () => {
  it('"续表" and the header again inside one form: one form, its rows on both sides of the break', () => {
    const found = forms([
      ['项目支出绩效自评表'], ...FUNDS, H,
      ['产出指标', '数量指标', '建设面积', '≥2万亩', '2万亩', 30, 30, null],
      [null, '质量指标', '验收合格率', '100%', '100%', 30, 30, null],
      ['续表'],
      H,
      ['效益指标', '经济效益指标', '亩均增产', '≥50公斤', '55公斤', 20, 20, null],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%', 10, 10, null],
      ['总分', null, null, null, null, 100, 100, null],
    ], ['A1:H1', 'A5:A6', 'A7:H7', 'A11:E11']);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.range).toBe('A1:H11');
    expect(rowsOf(f)).toEqual([5, 6, 9, 10]);
    expect(f.groups.map((g) => [g.name, g.rows.length])).toEqual([['产出指标', 2], ['效益指标', 1], ['满意度指标', 1]]);
    expect(at(f.total?.score)).toBe('G11');
  });

  it('rows after the break that leave 一级/二级 blank carry the names from before it', () => {
    const found = forms([
      H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 30, 30, null],
      H,
      [null, null, '培训班期数', '≥2期', '2期', 30, 30, null],
      [null, '质量指标', '合格率', '≥95%', '96%', 40, 40, null],
      ['总分', null, null, null, null, 100, 100, null],
    ]);
    expect(found).toHaveLength(1);
    expect(found[0].indicators.map((r) => [r.row + 1, r.level1, r.level2, r.level3])).toEqual([
      [2, '产出指标', '数量指标', '培训人次'],
      [4, '产出指标', '数量指标', '培训班期数'],
      [5, '产出指标', '质量指标', '合格率'],
    ]);
    expect(found[0].groups.map((g) => g.rows.length)).toEqual([3]);
  });

  it('the title repeated with "（续）" over the repeated header is no new title', () => {
    const found = forms([
      ['项目支出绩效自评表'], ...FUNDS, H,
      ['产出指标', '数量指标', '建设面积', '≥2万亩', '2万亩', 50, 50, null],
      ['项目支出绩效自评表（续）'],
      H,
      ['效益指标', '经济效益指标', '亩均增产', '≥50公斤', '55公斤', 40, 40, null],
      ['总分', null, null, null, null, 100, 100, null],
    ], ['A1:H1', 'A6:H6']);
    expect(found.map((f) => [f.title, f.range, rowsOf(f), at(f.total?.score)])).toEqual([['项目支出绩效自评表', 'A1:H9', [5, 8], 'G9']]);
  });

  it('a header after a 总分 row starts the next form', () => {
    const found = forms([
      H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 100, 100, null],
      ['总分', null, null, null, null, 100, 100, null],
      H,
      ['产出指标', '数量指标', '户数', '≥10户', '10户', 100, 100, null],
      ['总分', null, null, null, null, 100, 100, null],
    ]);
    expect(found.map((f) => [f.range, rowsOf(f), at(f.total?.score)])).toEqual([
      ['A1:H3', [2], 'G3'],
      ['A4:H6', [5], 'G6'],
    ]);
  });

  it('a header under a new title starts the next form even without a 总分 row', () => {
    const found = forms([
      ['甲项目支出绩效自评表'], H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 100, 100, null],
      ['乙项目支出绩效自评表'], H,
      ['产出指标', '数量指标', '户数', '≥10户', '10户', 100, 100, null],
    ]);
    expect(found.map((f) => [f.title, rowsOf(f)])).toEqual([['甲项目支出绩效自评表', [3]], ['乙项目支出绩效自评表', [6]]]);
  });
});

describe('the unit under the labels of other templates', () => {
  const form = (fields: CellValue[][]): SelfEvaluationForm => {
    const found = forms([['项目支出绩效自评表'], ...fields, ...FUNDS, H, ['产出指标', '数量指标', '除险加固水库', '3座', '3座', 90, 90, null]]);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it.each(['项目单位', '项目承担单位', '单位（盖章）', '预算部门', '主管部门'])('%s', (label) => {
    const f = form([['项目名称', '水库除险加固', label, '某县水利局']]);
    expect([f.unit?.text, at(f.unit?.cell), f.project?.text]).toEqual(['某县水利局', 'D2', '水库除险加固']);
  });

  it('written after the colon', () => {
    expect(form([['单位（盖章）：某县水利局']]).unit?.text).toBe('某县水利局');
  });

  it('实施单位 is the unit of a project, 主管部门 its parent', () => {
    const f = form([['主管部门', '某县水利局', '实施单位', '某县水库管理所']]);
    expect(f.unit?.text).toBe('某县水库管理所');
  });

  it('项目承担单位 before 主管部门', () => {
    expect(form([['主管部门', '某县水利局', '项目承担单位', '某县水库管理所']]).unit?.text).toBe('某县水库管理所');
    expect(form([['项目承担单位', '某县水库管理所', '主管部门', '某县水利局']]).unit?.text).toBe('某县水库管理所');
  });
});
