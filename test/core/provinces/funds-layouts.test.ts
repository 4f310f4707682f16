/**
 * Whole forms with the funds-block layouts of the layout sweep (wb14): a funds header on two
 * rows (D9) and the split listed before its 合计 line (D10), built as .xlsx and reviewed.
 */
import { reviewSheets, type Cell } from './build';

const table: Cell[][] = [
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '新建村级综合服务站', '≥15个', '15个', 30, 30, null],
  [null, '质量指标', '验收合格率', '100%', '100%', 20, 20, null],
  ['效益指标', '社会效益指标', '服务覆盖行政村比例', '≥90%', '92%', 30, 30, null],
  ['满意度指标', '服务对象满意度指标', '村民满意度', '≥90%', '95%', 10, 10, null],
];
const head: Cell[][] = [
  ['项目支出绩效自评表'],
  ['项目名称：村级综合服务站建设', null, null, null, '实施单位：某县民政局'],
];
/** Merges of the table starting on 1-based sheet row r (its header), and of its 总分 row. */
const tableMerges = (r: number) => [`A${r + 1}:A${r + 2}`, `A${r + 5}:E${r + 5}`];

describe('D9: 预算数 merged over 年初 | 全年', () => {
  const rows: Cell[][] = [
    ...head,
    ['项目资金（万元）', '预算数', null, '全年执行数', '分值', '执行率', '得分'],
    [null, '年初', '全年', null, null, null, null],
    ['年度资金总额', 300, 250, 240, 10, 0.96, 9.6],
    ...table,
    ['总分', null, null, null, null, 100, 99.6, null],
  ];
  const merges = ['A1:H1', 'A2:D2', 'E2:H2', 'A3:A4', 'B3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', ...tableMerges(6)];

  it('the rate is 全年执行数 / 全年预算数 (250, never 年初 300): 96% → 9.6, total 99.6, no finding', async () => {
    const r = await reviewSheets([{ name: 'a', rows, merges, formats: { F5: '0.00%' } }]);
    expect(r.review.forms).toHaveLength(1);
    expect(r.form().budget).toMatchObject({ planned: 300, budgeted: 250, executed: 240, rate: { cell: 'F5', computed: 0.96 }, score: { cell: 'G5', computed: 9.6 } });
    expect(r.form().total).toMatchObject({ cell: 'G11', stated: 99.6, computed: 99.6 });
    expect(r.review.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('D10: 财政拨款 / 上年结转资金 / 其他资金 first, 合计 last', () => {
  const funds = (transfer: number): Cell[][] => [
    ['资金来源（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['财政拨款', 200, 200, transfer, null, null, null],
    ['上年结转资金', 30, 30, 30, null, null, null],
    ['其他资金', 20, 20, 20, null, null, null],
    ['合计', 250, 250, 240, 10, 0.96, 9.6],
  ];
  const sheet = (transfer: number) => ({
    name: 'b',
    rows: [...head, ...funds(transfer), ...table, ['总分', null, null, null, null, 100, 99.6, null]],
    merges: ['A1:H1', 'A2:D2', 'E2:H2', ...tableMerges(8)],
    formats: { F7: '0.00%' },
  });

  it('the 合计 line is 年度资金总额: 240 / 250 → 9.6, total 99.6, no finding', async () => {
    const r = await reviewSheets([sheet(190)]);
    expect(r.review.forms).toHaveLength(1);
    expect(r.form().budget).toMatchObject({ budgeted: 250, executed: 240, rate: { cell: 'F7', computed: 0.96 }, score: { cell: 'G7', computed: 9.6 } });
    expect(r.form().total).toMatchObject({ cell: 'G13', stated: 99.6, computed: 99.6 });
    expect(r.review.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('the lines above the 合计 line are its split: a part that does not add up is a sum-mismatch at the 合计 cell', async () => {
    const r = await reviewSheets([sheet(180)]);
    expect(r.codes('D7')).toContain('sum-mismatch');
    expect(r.at('D7').find((f) => f.code === 'sum-mismatch')).toMatchObject({ severity: 'error', expected: 230, found: 240 });
  });
});
