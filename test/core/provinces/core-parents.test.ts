/** ★ core indicators, and a level-2 parent row scored as well as its children: the total counts the children only. */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['项目支出绩效自评表'],
  ['项目名称', '高标准农田建设', null, null, '实施单位', '县农业农村局'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 1000, 1000, 1000, 10, 1, 10],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', null, null, null, 30, 29, null],
  [null, null, '★新建高标准农田面积', '≥1万亩', '1.1万亩', 20, 20, null],
  [null, null, '高效节水灌溉面积', '≥2000亩', '1800亩', 10, 9, '部分地块调整到明年'],
  [null, '质量指标', '★工程验收合格率', '100%', '98%', 20, 20, null],
  ['效益指标', '经济效益指标', '粮食产能提升', '≥100万斤', '110万斤', 15, 15, null],
  [null, '可持续影响指标', '工程管护机制', '健全', '健全', 15, 15, null],
  ['满意度指标', '服务对象满意度', '农户满意度', '≥90%', '95%', 10, 10, null],
  ['总分', null, null, null, null, 100, 99, null],
];

describe('★ core indicators and a scored parent row', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '核心', rows, merges: ['A3:A4', 'A6:A9', 'B6:B8', 'A10:A11', 'A13:E13'] }])));

  it('marks the 数量指标 line as a parent and does not add it again', () => {
    expect(r.row(6)).toMatchObject({ parent: true, weight: 30, score: { stated: 29 } });
    expect(r.row(7).parent).toBeUndefined();
    expect(r.review.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]); // 10 + 20 + 9 + 20 + 15 + 15 + 10 = 99
  });

  it('asks nothing of the parent line: no target or actual is needed there', () => {
    expect(r.at('D6')).toEqual([]);
    expect(r.at('E6')).toEqual([]);
    expect(r.at('G6')).toEqual([]);
  });

  it('scores ★ rows like any other: 98% of 100% is 19.6', () => {
    expect(r.row(7)).toMatchObject({ kind: 'forward', score: { computed: 20 } });
    expect(r.at('G9')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 19.6, found: 20 })]);
    expect(r.codes('H9')).toEqual(['deviation-unexplained']);
    expect(r.form().total).toMatchObject({ stated: 99, computed: 98.6 });
    expect(r.errors().map((f) => f.cell)).toEqual(['G9', 'H9']);
  });
});
