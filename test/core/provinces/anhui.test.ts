/** 安徽: 分值 before 年度指标值, 得分 after 实际完成值, level-1 weights in merged cells ("产出指标（50分）"). */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['项目支出绩效自评表'],
  ['（2023年度）'],
  ['项目名称', null, '城乡义务教育学校校舍维修'],
  ['主管部门', null, '县教育体育局', null, '实施单位', null, '县教育体育局'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 300, 300, 294, 10, '98%', 9.8],
  [null, '其中：当年财政拨款', 300, 300, 294, '—', '—', '—'],
  [null, '      上年结转资金', 0, 0, 0, '—', '—', '—'],
  [null, '      其他资金', 0, 0, 0, '—', '—', '—'],
  ['年度总体目标', '预期目标', null, null, '实际完成情况'],
  [null, '完成8所学校校舍维修', null, null, '完成8所'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
  [null, '产出指标（50分）', '数量指标', '维修学校数量', 20, '≥8所', '8所', 20, null],
  [null, null, '质量指标', '工程验收合格率', 10, '100%', '100%', 10, null],
  [null, null, '时效指标', '完工及时率', 10, '≥95%', '90%', 10, null],
  [null, null, '成本指标', '维修成本控制', 10, '≤300万元', '294万元', 10, null],
  [null, '效益指标（30分）', '社会效益指标', '改善办学条件', 30, '有效改善', '有效改善', 30, null],
  [null, '满意度指标（10分）', '服务对象满意度指标', '师生满意度', 10, '≥90%', '92%', 10, null],
  ['总分', null, null, null, 100, null, null, 99.8, null],
];

describe('安徽 project form', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '安徽', rows, merges: ['A1:I1', 'A2:I2', 'A5:A9', 'A10:A11', 'A12:A18', 'B13:B16', 'A19:D19'] }])));

  it('binds 分值 to E and 得分 to H although 分值 comes first', () => {
    expect(r.row(13)).toMatchObject({ weight: 20, target: { cell: 'F13', text: '≥8所' }, actual: { cell: 'G13' }, score: { cell: 'H13', computed: 20 } });
    expect(r.row(16)).toMatchObject({ kind: 'reverse', weight: 10, score: { computed: 10 } });
    expect(r.row(17)).toMatchObject({ kind: 'qualitative', path: ['效益指标', '社会效益指标', '改善办学条件'] });
  });

  it('reads the headings\' weights: no heading or profile finding', () => {
    expect(r.review.findings.filter((f) => ['sum-mismatch', 'weight-profile'].includes(f.code))).toEqual([]);
  });

  it('scores the missed 及时率 90% of ≥95% as 9.47 and wants a reason', () => {
    expect(r.at('H15')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', expected: 9.47, found: 10 })]);
    expect(r.codes('I15')).toEqual(['deviation-unexplained']);
    expect(r.form().budget).toMatchObject({ rate: { stated: 0.98, computed: 0.98 }, score: { computed: 9.8 } });
    expect(r.form().total).toMatchObject({ cell: 'H19', stated: 99.8, computed: 99.27 });
    expect(r.errors().map((f) => f.cell)).toEqual(['H15', 'I15']);
  });
});
