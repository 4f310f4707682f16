/**
 * Not-applicable rows (分值 0, "不适用" in the weight or score) and 按百分制折算. The engine leaves
 * such rows unscored (notApplicable in the JSON), out of the total and free of value checks; their
 * written weight still counts in the heading and weight sums. A total scaled to 100 over the
 * applicable weight is accepted when the total row says 折算 or its number matches the scaled sum.
 */
import { reviewSheets, type Cell } from './build';

const head: Cell[][] = [
  ['项目支出绩效自评表'],
  ['项目名称', '村级公益事业一事一议', null, null, '实施单位', '某乡人民政府'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 60, 60, 60, 10, 1, 10],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
];

describe('rows worth 0 points or marked 不适用', () => {
  const rows: Cell[][] = [
    ...head,
    ['产出指标', '数量指标', '建设项目数', '≥6个', '6个', 40, 40, null],
    [null, '成本指标', '单个项目成本', '不适用', '不适用', 0, 0, '本项目不设成本指标'],
    [null, '时效指标', '完工时间', '/', '/', '不适用', '不适用', null],
    ['效益指标', '经济效益指标', '带动村集体增收', '—', '—', 0, 0, '不适用'],
    [null, '社会效益指标', '受益群众人数', '≥3000人', '3200人', 40, 40, null],
    ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '96%', 10, 10, null],
    ['总分', null, null, null, null, 100, 100, null],
  ];

  it('are not scored, need no values, and leave the total at 100', async () => {
    const r = await reviewSheets([{ name: '不适用', rows, merges: ['A3:A4', 'A6:A8', 'A9:A10', 'A12:E12'] }]);
    for (const n of [7, 8, 9]) expect(r.row(n)).toMatchObject({ notApplicable: true, score: { computed: null } });
    expect(r.row(6).notApplicable).toBeUndefined();
    expect(r.form().total).toMatchObject({ stated: 100, computed: 100 });
    expect(r.review.findings.filter((f) => f.severity !== 'info' && f.code !== 'weight-profile')).toEqual([]);
    // fill writes nothing over "不适用"
    expect(r.details.computedCells.map((c) => c.cell)).not.toEqual(expect.arrayContaining(['G7', 'G8', 'G9']));
  });
});

describe('按百分制折算', () => {
  const rows = (total: Cell): Cell[][] => [
    ...head,
    ['产出指标（50分）', '数量指标', '建设项目数', '≥6个', '5个', 30, 25, '1个项目未开工'],
    [null, '时效指标', '完工时间', '不适用', '不适用', 20, '不适用', '本项目为跨年度项目'],
    ['效益指标', '社会效益指标', '受益群众人数', '≥3000人', '3200人', 30, 30, null],
    ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '96%', 10, 10, null],
    ['总分', null, null, null, null, 100, total, null],
  ];
  const merges = ['A3:A4', 'A6:A7', 'A10:E10'];

  it.each([['a note', '93.75（按百分制折算）'], ['the number alone', 93.75]])('accepts 75 of 80 scaled to 93.75 (%s)', async (_how, total) => {
    const r = await reviewSheets([{ name: '折算', rows: rows(total), merges }]);
    expect(r.form().total).toMatchObject({ stated: 93.75, computed: 93.75 });
    expect(r.review.findings).toEqual([]); // the heading (50分) still counts the 20 not-applicable points
  });

  it('an unscaled total is read as written', async () => {
    const r = await reviewSheets([{ name: '不折算', rows: rows(75), merges }]);
    expect(r.form().total).toMatchObject({ stated: 75, computed: 75 });
    expect(r.form().grade).toBe('中');
    expect(r.errors()).toEqual([]);
  });
});
