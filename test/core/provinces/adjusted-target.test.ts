/** 年初指标值 + 调整指标值: the adjusted value is the target; where it is blank the 年初 value stands. */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['部门整体支出绩效自评表'],
  ['填报单位：某市生态环境局', null, null, null, null, null, null, null, '单位：万元'],
  ['年度预算申请', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 1000, 1200, 1140, 10, 0.95, 9.5],
  [null, '其中：当年财政拨款', 1000, 1100, 1050, null, null, null],
  [null, '      上年结转资金', 0, 100, 90, null, null, null],
  [null, '      其他资金', 0, 0, 0, null, null, null],
  ['一级指标', '二级指标', '三级指标', '年初指标值', '调整指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '空气质量监测站点数', '≥10个', '≥12个', '11个', 25, 25, null],
  [null, '质量指标', '监测数据有效率', '≥90%', null, '92%', 25, 25, null],
  ['效益指标', '生态效益指标', '空气优良天数比率', '≥85%', '≥88%', '86%', 30, 29.32, '受沙尘天气影响'],
  ['满意度指标', '服务对象满意度指标', '公众满意度', '≥85%', '≥85%', '90%', 10, 10, null],
  ['合计', null, null, null, null, null, 100, 98.82, null],
];

describe('年初指标值 and 调整指标值', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '整体', rows, merges: ['A1:I1', 'A3:A7', 'A9:A10', 'A13:F13'], formats: { G4: '0.00%' } }])));

  it('scores against the adjusted target: 11 of ≥12 (met ≥10 at the start of the year)', () => {
    expect(r.row(9)).toMatchObject({ kind: 'forward', target: { cell: 'E9', text: '≥12个' }, score: { computed: 22.92 } });
    expect(r.at('H9')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 22.92, found: 25 })]);
    expect(r.codes('I9')).toEqual(['deviation-unexplained']);
  });

  it('falls back to 年初指标值 where 调整指标值 is blank, with no bogus value-missing', () => {
    expect(r.row(10)).toMatchObject({ kind: 'forward', target: { cell: 'D10', text: '≥90%' }, score: { computed: 25 } });
    expect(r.at('E10')).toEqual([]);
    expect(r.at('D10')).toEqual([]);
  });

  it('adds up the total from the adjusted targets', () => {
    expect(r.row(11).score.computed).toBe(29.32); // 30 × 86 ÷ 88
    expect(r.form().total).toMatchObject({ cell: 'H13', stated: 98.82, computed: 96.74 });
    expect(r.errors().map((f) => f.cell)).toEqual(['H9', 'I9']);
  });
});
