/**
 * 四川 510000 template: 10 + 90 points, 调整后预算数 as the denominator (no 全年预算数), target split
 * over 指标性质 | 指标值 | 度量单位 with 正向指标/反向指标/定性, and an execution rate under 90%
 * with no reason under the `sichuan` rule set.
 */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['项目支出绩效自评表'],
  ['（2023年度）'],
  ['项目名称', null, '乡村振兴产业发展项目'],
  ['主管部门', null, '县农业农村局', null, null, null, '实施单位', '县农业技术推广中心'],
  ['项目资金（万元）', null, '年初预算数', '调整后预算数', '全年执行数', null, '分值', '执行率', '得分'],
  [null, '年度资金总额', 200, 250, 200, null, 10, 0.8, 8],
  [null, '其中：财政拨款', 200, 230, 190, null, '—', '—', '—'],
  [null, '      其他资金', 0, 20, 10, null, '—', '—', '—'],
  ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
  [null, '完成产业园区建设，带动农户增收', null, null, null, '基本完成'],
  ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  [null, null, null, null, '指标性质', '指标值', '度量单位'],
  [null, '产出指标', '数量指标', '培训农户人次', '正向指标', 500, '人次', 520, 20, 20, null],
  [null, null, '质量指标', '项目验收合格率', '正向指标', 100, '%', 95, 15, 14.25, '个别地块整改中'],
  [null, null, '成本指标', '亩均建设成本', '反向指标', 0.5, '万元', 0.55, 15, 15, null],
  [null, '效益指标', '经济效益指标', '带动农户增收', '定性', '明显', null, '明显', 15, 13, null],
  [null, null, '社会效益指标', '带动就业人数', '正向指标', 50, '人', 45, 15, 13.5, '部分岗位季节性'],
  [null, '满意度指标', '服务对象满意度指标', '农户满意度', '正向指标', 90, '%', 0.93, 10, 10, null],
  ['总分', null, null, null, null, null, null, null, 100, 93.75, null],
];
const merges = ['A1:K1', 'A2:K2', 'A5:A8', 'E11:G11', 'A11:A18', 'B11:B12', 'C11:C12', 'D11:D12', 'H11:H12', 'I11:I12', 'J11:J12', 'K11:K12', 'B13:B15', 'B16:B17', 'A19:H19'];

describe('四川 project form (sichuan rule set)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '四川自评', rows, merges, formats: { H6: '0.00%', H18: '0%' } }], 'sichuan')));

  it('takes 调整后预算数 as the denominator: 200 ÷ 250 = 80%, 8 of 10', () => {
    expect(r.form()).toMatchObject({ unit: '县农业技术推广中心', project: '乡村振兴产业发展项目' });
    expect(r.form().budget).toMatchObject({ planned: 200, budgeted: 250, executed: 200, weight: 10, rate: { cell: 'H6', computed: 0.8 }, score: { cell: 'I6', computed: 8 } });
    expect(r.codes('H6')).toEqual(['deviation-unexplained']); // under 90% with no reason
    expect(r.at('H6')[0].severity).toBe('warning');
  });

  it('reads 正向指标/反向指标/定性 with the unit cell', () => {
    expect(r.row(13)).toMatchObject({ kind: 'forward', target: { cell: 'F13' }, score: { cell: 'J13', computed: 20 } });
    expect(r.row(14)).toMatchObject({ kind: 'forward', score: { computed: 14.25 } }); // 15 × 95 ÷ 100
    expect(r.row(15)).toMatchObject({ kind: 'reverse', score: { stated: 15, computed: 13.64 } }); // 15 × 0.5 ÷ 0.55
    expect(r.row(16).kind).toBe('qualitative');
    expect(r.row(17).score.computed).toBe(13.5); // 15 × 45 ÷ 50, "人" against a bare 45
    expect(r.row(18).score.computed).toBe(10); // 0.93 formatted as % against 90 %
  });

  it('flags only the over-scored cost row, its missing reason, and the total that follows from it', () => {
    expect(r.at('J15')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', expected: 13.64, found: 15 })]);
    expect(r.codes('K15')).toEqual(['deviation-unexplained']);
    expect(r.codes('K14')).toEqual([]); // explained
    expect(r.codes('J16')).toEqual([]); // 13 of 15 lies in the 达成 band
    expect(r.errors().map((f) => f.cell).sort()).toEqual(['J15', 'K15', 'K16']);
    expect(r.form().total).toMatchObject({ cell: 'J19', stated: 93.75, computed: 92.39 });
    expect(r.form().grade).toBe('优');
    expect(r.review.findings.filter((f) => f.code === 'weight-profile')).toEqual([]); // 10/50/30/10
  });
});
