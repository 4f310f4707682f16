/**
 * Weight frameworks other than 10/50/30/10: the old Hubei/Yunnan 20-point budget block with
 * 80 points of indicators, and Ningxia's 项目决策/项目管理/项目产出/项目效益 (no profile applies).
 */
import { reviewSheets, type Reviewed } from './build';

const hubei = [
  ['2019年度项目支出绩效自评表'],
  ['项目名称', '城区道路维修', null, null, '实施单位', '市市政工程管理处'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 500, 500, 450, 20, 0.9, 18],
  [null, '其中：财政拨款', 500, 500, 450, null, null, null],
  [null, '其他资金', 0, 0, 0, null, null, null],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标\n（50分）', '数量指标', '维修道路长度', '≥12公里', '12.5公里', 20, 20, null],
  [null, '质量指标', '工程合格率', '100%', '100%', 15, 15, null],
  [null, '时效指标', '完工时间', '2019年10月底前', '2019年11月', 15, 11, '雨季影响工期'],
  ['效益指标\n（20分）', '社会效益指标', '道路通行能力', '明显提升', '明显提升', 20, 20, null],
  ['满意度指标\n（10分）', '服务对象满意度', '市民满意度', '≥85%', '88%', 10, 10, null],
  ['总分', null, null, null, null, 100, 94, '优'],
];

describe('old 湖北/云南 template: 20 + 80', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '湖北', rows: hubei, merges: ['A1:H1', 'A3:A6', 'A8:A10', 'A13:E13'] }])));

  it('scores the 20-point budget block: 450 ÷ 500 × 20 = 18', () => {
    expect(r.form().budget).toMatchObject({ weight: 20, rate: { computed: 0.9 }, score: { cell: 'H4', computed: 18 } });
  });

  it('weights add up to 100 with the 20-point block; a late date is 部分达成', () => {
    expect(r.review.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
    expect(r.row(10)).toMatchObject({ kind: 'date', score: { stated: 11, computed: 11 } });
    expect(r.form().total).toMatchObject({ cell: 'G13', stated: 94, computed: 94 });
    expect(r.form().grade).toBe('优');
  });

  it('only warns that the profile differs, and raises no error', () => {
    expect(r.errors()).toEqual([]);
    const profile = r.review.findings.filter((f) => f.code === 'weight-profile');
    expect(profile.map((f) => [f.cell, f.severity, f.found])).toEqual([['F4', 'warning', 20], ['A11', 'warning', 20]]);
  });
});

const ningxia = [
  ['宁夏回族自治区项目支出绩效自评表'],
  ['项目名称', '生态移民产业扶持', null, null, '实施单位', '县扶贫开发办公室'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 800, 800, 800, 10, 1, 10],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['项目决策（15分）', '项目立项', '立项依据充分性', '充分', '充分', 5, 5, null],
  [null, '绩效目标', '绩效目标合理性', '合理', '合理', 5, 5, null],
  [null, '资金投入', '预算编制科学性', '科学', '较科学', 5, 4, '测算依据不够细'],
  ['项目管理（20分）', '资金管理', '资金到位率', '100%', '100%', 10, 10, null],
  [null, '组织实施', '管理制度健全性', '健全', '健全', 10, 10, null],
  ['项目产出（35分）', '产出数量', '扶持农户数', '≥300户', '280户', 20, 20, null],
  [null, '产出质量', '验收合格率', '100%', '100%', 15, 15, null],
  ['项目效益（20分）', '社会效益', '户均增收', '≥2000元', '2200元', 20, 20, null],
  ['合计', null, null, null, null, 100, 99, null],
];

describe('宁夏 项目决策/项目管理/项目产出/项目效益', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '宁夏', rows: ningxia, merges: ['A1:H1', 'A6:A8', 'A9:A10', 'A11:A12', 'A14:E14'] }])));

  it('does not apply the 10/50/30/10 profile, and the headings add up', () => {
    expect(r.review.findings.filter((f) => f.code === 'weight-profile' || f.code === 'sum-mismatch')).toEqual([]);
    expect(r.row(6).path).toEqual(['项目决策', '项目立项', '立项依据充分性']);
  });

  it('still scores the rows: 280 of ≥300 households is 18.67, not 20', () => {
    expect(r.at('G11')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', expected: 18.67, found: 20 })]);
    expect(r.codes('H11')).toEqual(['deviation-unexplained']);
    expect(r.form().total).toMatchObject({ stated: 99, computed: 97.67 });
    expect(r.errors().map((f) => f.cell)).toEqual(['G11', 'H11']);
  });
});
