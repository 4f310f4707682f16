/** 广西: actual ≥ 130% of target with no reason is an over-achievement warning and a mandatory reason. */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['项目支出绩效自评表'],
  ['项目名称', '农村劳动力技能培训', null, null, '实施单位', '县人力资源和社会保障局'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 100, 100, 100, 10, 1, 10],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '培训场次', '≥10场', '14场', 20, 20, null],
  [null, '数量指标', '培训人次', '≥1000人次', '1250人次', 20, 20, null],
  [null, '数量指标', '发放补贴人数', '≥200人', '300人', 10, 10, '新增两个乡镇纳入补贴范围'],
  ['效益指标', '社会效益指标', '培训后就业率', '≥60%', '65%', 30, 30, null],
  ['满意度指标', '服务对象满意度', '学员满意度', '≥90%', '96%', 10, 10, null],
  ['总分', null, null, null, null, 100, 100, null],
];
const sheet = { name: '广西', rows, merges: ['A3:A4', 'A6:A8', 'A11:E11'] };

describe('广西 over-achievement', () => {
  let gx: Reviewed;
  let mof: Reviewed;
  beforeAll(async () => {
    gx = await reviewSheets([sheet], 'guangxi');
    mof = await reviewSheets([sheet]);
  });

  it('140% with no reason: over-achievement warning and a mandatory reason (error)', () => {
    expect(gx.at('E6')).toEqual([expect.objectContaining({ code: 'over-achievement', severity: 'warning', expected: 1.3, found: 1.4 })]);
    expect(gx.at('H6')).toEqual([expect.objectContaining({ code: 'deviation-unexplained', severity: 'error' })]);
  });

  it('125% is under the Guangxi threshold; 150% with a reason needs nothing more', () => {
    expect(gx.at('E7')).toEqual([]);
    expect(gx.at('H7')).toEqual([]);
    expect(gx.codes('E8')).toEqual(['over-achievement']);
    expect(gx.at('H8')).toEqual([]);
  });

  it('over-achievement keeps the full weight: no score finding, total 100', () => {
    expect(gx.row(6).score.computed).toBe(20);
    expect(gx.form().total).toMatchObject({ stated: 100, computed: 100 });
    expect(gx.errors().map((f) => f.cell)).toEqual(['H6']);
  });

  it('the national rule set looks at 120% and only warns', () => {
    expect(mof.codes('E7')).toEqual(['over-achievement']);
    expect(mof.at('H6')).toEqual([expect.objectContaining({ code: 'deviation-unexplained', severity: 'warning' })]);
    expect(mof.errors()).toEqual([]);
  });
});
