/**
 * Layouts the metamorphic suite found (issue 9): funds headers named for the rate they score
 * (执行率权重, 执行率得分), a funds block under or beside the indicator table, the next table's
 * block label beside a table, a 总分 stated above the table, a target split over 指标性质 | 指标值 |
 * 计量单位 cells.
 */
import { locateForms } from '../../../src/core/locate';
import { reviewWorkbook } from '../../../src/core/review';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { fundsRole } from '../../../src/core/locate/vocab';
import { sheet, workbook } from './grid';

const forms = (rows: CellValue[][], merges: string[] = []) => locateForms(workbook(sheet(rows, { merges }))) as SelfEvaluationForm[];
const review = (rows: CellValue[][], merges: string[] = []) => reviewWorkbook(workbook(sheet(rows, { merges }))).fileReview;

const HEADER: CellValue[] = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const ROWS: CellValue[][] = [
  ['产出指标', '数量指标', '完成培训人次', '≥500人次', '520人次', 50, 50, null],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '95%', 30, 30, null],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', '96%', 10, 10, null],
];
const FUNDS_HEAD: CellValue[] = ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const FUNDS_TOTAL: CellValue[] = [null, '年度资金总额', 100, 120, 108, 10, 0.9, 9];

describe('funds headers named for the rate they score', () => {
  it.each([
    ['执行率权重', 'weight'],
    ['执行率得分（分）', 'score'],
    ['执行率得分', 'score'],
    ['执行率（B/A）', 'rate'],
    ['预算执行率', 'rate'],
    ['得分（10分*执行率）', 'score'],
  ])('%s is the %s', (header, role) => {
    expect(fundsRole(header.replace(/（/g, '(').replace(/）/g, ')'))).toBe(role);
  });

  it('执行率权重 | 执行率得分（分） beside 执行率（%）: weight, rate and score of one block', () => {
    const [form] = forms([
      ['部门预算执行情况（万元）', '年初预算数', '全年（调整）预算数', '全年执行数', '执行率（%）', '执行率权重', '执行率得分（分）'],
      [null, 1520, 1680, 1596, 0.95, 10, 9.5],
      ['绩效指标', ...HEADER],
      ...ROWS.map((r) => [null, ...r]),
    ], ['A1:A2']);
    expect(Object.fromEntries(Object.entries(form.funds?.headers ?? {}).map(([k, b]) => [k, b.a1]))).toMatchObject({ rate: 'E1', weight: 'F1', score: 'G1' });
  });
});

describe('a funds block moved off its place before the table', () => {
  const table = (): CellValue[][] => [['项目支出绩效自评表'], ['绩效指标', ...HEADER], ...ROWS.map((r) => [null, ...r]), ['总分', null, null, null, null, null, 100, 99]];

  it('under the table (after 总分): the same form\'s funds block, not a second form', () => {
    const rows = [...table(), [], FUNDS_HEAD, FUNDS_TOTAL];
    const found = forms(rows, ['A1:I1']);
    expect(found).toHaveLength(1);
    expect(found[0].indicators).toHaveLength(3);
    expect(found[0].funds?.total.cells.executed?.a1).toBe('E9');
    const r = review(rows, ['A1:I1']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('right of the table: the same form\'s', () => {
    const rows = table().map((line, k) => (k === 1 ? [...line, null, ...FUNDS_HEAD] : k === 2 ? [...line, null, ...FUNDS_TOTAL] : line));
    const found = forms(rows, ['A1:I1']);
    expect(found).toHaveLength(1);
    expect(found[0].funds?.total.cells.budgeted?.a1).toBe('N3');
    expect(review(rows, ['A1:I1']).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('under a second title: a form of its own, not this table\'s', () => {
    const rows = [...table(), [], ['项目支出绩效自评表（二）'], FUNDS_HEAD, FUNDS_TOTAL];
    const found = forms(rows, ['A1:I1']);
    expect(found).toHaveLength(2);
    expect(found[0].funds).toBeNull();
    expect(found[1].indicators).toHaveLength(0);
  });
});

it('the next table\'s block label beside a table (指标完成情况 | 一级指标 …) is no column of this one', () => {
  const header = ['绩效指标', ...HEADER, null, '指标完成情况', ...HEADER];
  const rows: CellValue[][] = [header, ...ROWS.map((r) => [null, ...r, null, null, ...r])];
  const found = forms(rows);
  expect(found).toHaveLength(2);
  expect(found.map((f) => f.indicators.length)).toEqual([3, 3]);
  expect(found.map((f) => f.columns.actual?.a1)).toEqual(['F1', 'P1']);
});

it('a 总分 stated above a table with no 总分 row is its total', () => {
  const rows: CellValue[][] = [
    ['项目支出绩效自评表'],
    ['填报日期：2021年3月10日', null, null, null, '总分：', 89],
    HEADER.slice(0, 7),
    ...ROWS.map((r) => r.slice(0, 7)),
  ];
  const found = forms(rows);
  expect(found[0].total?.score?.a1).toBe('F2');
  // The scores add up to 90, the line says 89.
  expect(review(rows).findings.map((f) => `${f.cell} ${f.code}`)).toContain('F2 sum-mismatch');
});

it('a target over 指标性质 | 指标值 | 计量单位 reads as the clerk writes it, without the nature\'s words or a second unit', () => {
  const rows: CellValue[][] = [
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '道路里程', '定量指标', '≥120公里', '公里', '130公里', 50, 50],
    ['产出指标', '质量指标', '验收合格率', '≥', 95, '%', '96%', 40, 40],
  ];
  const r = reviewWorkbook(workbook(sheet(rows)));
  const texts = r.fileReview.forms[0].indicators?.map((i) => i.target.text);
  expect(texts).toEqual(['≥120公里', '≥95%']);
});

describe('a funds block on the indicator header\'s rows', () => {
  it('a 指标名称-only table under the label 指标完成情况 is found (指标名称 anchors its header)', () => {
    const found = forms([
      ['指标完成情况', '指标名称', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '完成培训人次', '≥500人次', '520人次', 50, 50],
      [null, '群众知晓率', '≥90%', '95%', 50, 50],
    ], ['A1:A3']);
    expect(found).toHaveLength(1);
    expect(found[0].indicators).toHaveLength(2);
    expect(found[0].columns.actual?.a1).toBe('D1');
  });

  it('a funds header on the header row, right of the table: its 分值 and 得分 are not the table\'s', () => {
    const rows: CellValue[][] = [
      [...HEADER, null, ...FUNDS_HEAD],
      [...ROWS[0], null, ...FUNDS_TOTAL],
      ...ROWS.slice(1),
      ['总分', null, null, null, null, 90, 90],
    ];
    const found = forms(rows);
    expect(found).toHaveLength(1);
    expect([found[0].columns.weight?.a1, found[0].columns.score?.a1]).toEqual(['F1', 'G1']);
    expect(found[0].funds?.total.cells.executed?.a1).toBe('N2');
    expect(found[0].indicators).toHaveLength(3);
  });

  it('beside a header split over two rows (自评 over 分值 | 得分), the funds block takes none of its cells', () => {
    const rows: CellValue[][] = [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '自评', null, null, null, ...FUNDS_HEAD],
      [null, null, null, null, null, '分值', '得分', null, null, ...FUNDS_TOTAL],
      ...ROWS.map((r) => r.slice(0, 7)),
      ['总分', null, null, null, null, 90, 90],
    ];
    const [form] = forms(rows, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1']);
    expect(Object.fromEntries(Object.entries(form.funds?.headers ?? {}).map(([k, b]) => [k, b.a1]))).toEqual({ planned: 'L1', budgeted: 'M1', executed: 'N1', weight: 'O1', rate: 'P1', score: 'Q1' });
    expect(form.funds?.total.cells.executed?.a1).toBe('N2');
    expect([form.columns.weight?.a1, form.columns.score?.a1]).toEqual(['F2', 'G2']);
    expect(form.indicators).toHaveLength(3);
  });

  it('an indicator header right under a funds header row beside the form is no sub-header of the funds block', () => {
    const rows: CellValue[][] = [
      ['项目名称', '道路硬化', null, '实施单位', '某镇人民政府', null, null, null, null, ...FUNDS_HEAD],
      [...HEADER, null, ...FUNDS_TOTAL],
      ...ROWS,
    ];
    const [form] = forms(rows, ['J1:J2']);
    expect(Object.fromEntries(Object.entries(form.funds?.headers ?? {}).map(([k, b]) => [k, b.a1]))).toMatchObject({ planned: 'L1', weight: 'O1', score: 'Q1' });
    expect(form.funds?.total.cells.budgeted?.a1).toBe('M2');
    expect(form.columns.weight?.a1).toBe('F2');
  });
});

it('a funds block in 元 as 预算安排 (…小计) | 拨付情况 (年度拨付金额, 支出实现率) is read: its rate is checked', () => {
  const rows: CellValue[][] = [
    ['部门整体支出绩效自评表'],
    ['财政资金安排和使用情况', '资金结构（元）', '预算安排', null, null, '拨付情况', null],
    [null, null, '年初部门预算安排金额①', '历年结余结转②', '小计④=①+②', '年度拨付金额⑤', '支出实现率（%）⑥=⑤/④'],
    [null, '合计', 1000, 200, 1200, 1080, 0.95],
    ['年度绩效指标完成情况', ...HEADER],
    ...ROWS.map((r) => [null, ...r]),
  ];
  const merges = ['A1:I1', 'A2:A4', 'B2:B3', 'C2:E2', 'F2:G2', 'A5:A8'];
  const [form] = forms(rows, merges);
  expect(Object.fromEntries(Object.entries(form.funds?.headers ?? {}).map(([k, b]) => [k, b.a1]))).toEqual({ planned: 'C3', budgeted: 'E3', executed: 'F3', rate: 'G3' });
  // 1080 ÷ 1200 is 90%, not 95%.
  expect(review(rows, merges).findings.map((f) => `${f.cell} ${f.code}`)).toContain('G4 rate-mismatch');
});
