/**
 * The published kinds of slips in one form: reverse rates under each formula, late dates, ranges
 * below and above, graded qualitative words, 万元 vs 元, full-width digits, "≧", a %-formatted 0.97.
 */
import { resolveRuleSet } from '../../../src/core/rules';
import { reviewSheets, type Reviewed, type SheetSpec } from './build';

const sheet: SheetSpec = {
  name: '取值',
  rows: [
    ['项目支出绩效自评表'],
    ['项目名称', '社区服务能力提升', null, null, '实施单位', '某街道办事处'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 100, 100, 10, 1, 10],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', '质量指标', '预算调整率', '≤10%', '12%', 5, 5, null], // 6
    [null, '时效指标', '完成时间', '2023年6月底前', '2023年8月完成', 5, 3, '设备到货延迟'], // 7
    [null, '质量指标', '达标率', '90%-100%', '85%', 5, 4.72, '个别站点未达标'], // 8
    [null, '质量指标', '经费结余率', '0%-5%', '8%', 5, 5, null], // 9
    [null, '质量指标', '服务质量等级', '优', '良', 5, 5, null], // 10
    [null, '质量指标', '群众评价', '好', '较好', 5, 3.5, '宣传不到位'], // 11
    [null, '质量指标', '整改评价', '好', '差', 5, 2, '整改滞后'], // 12
    [null, '成本指标', '项目成本控制', '≤50万元', '480000元', 5, 5, null], // 13
    [null, '数量指标', '覆盖社区数', '≥１２个', '１２个', 5, 5, null], // 14
    [null, '数量指标', '新增设施', '≧20处', '19处', 5, 4.75, '1处选址调整'], // 15
    [null, '质量指标', '设施合格率', '≥95%', 0.97, 5, 5, null], // 16
    ['效益指标', '社会效益指标', '居民参与率', '≥80%', '0.85', 10, 10, null], // 17
    [null, '社会效益指标', '安全事故', '是否发生安全事故', '否', 10, 10, null], // 18
    [null, '社会效益指标', '投诉率', '≤5%', '6%', 5, 5, null], // 19
    ['满意度指标', '服务对象满意度', '居民满意度', '≥90%', '≥95%', 10, 10, null], // 20
    ['总分', null, null, null, null, 100, 92.97, null],
  ],
  merges: ['A3:A4', 'A6:A16', 'A17:A19', 'A21:E21'],
  formats: { E16: '0%' },
};

describe('values under the national rule set (reverse: weight × target ÷ actual)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([sheet])));

  it('reverse rates: 调整率 12% over ≤10% and 投诉率 6% over ≤5%', () => {
    expect(r.row(6)).toMatchObject({ kind: 'reverse', score: { computed: 4.17 } });
    expect(r.row(19)).toMatchObject({ kind: 'reverse', score: { computed: 4.17 } });
    expect(r.at('G6')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 4.17, found: 5 })]);
  });

  it('a date two months late is 部分达成 (3 of 5 in the band)', () => {
    expect(r.row(7)).toMatchObject({ kind: 'date', score: { computed: 3 } });
    expect(r.at('G7')).toEqual([]);
  });

  it('ranges: below is proportional to the low end, above reverse against the high end', () => {
    expect(r.row(8)).toMatchObject({ kind: 'range', score: { computed: 4.72 } });
    expect(r.row(9)).toMatchObject({ kind: 'range', score: { computed: 3.13 } });
    expect(r.at('G9')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 3.13, found: 5 })]);
  });

  it('a grade below the target grade is not 达成: 良 for 优 and 较好 for 好 are 部分达成, 差 未达成', () => {
    expect(r.at('G10')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 3.99, found: 5 })]);
    expect(r.at('G11')).toEqual([]); // 3.5 inside [3, 4)
    expect(r.at('G12')).toEqual([]); // 2 inside [0, 3)
    expect(r.codes('H10')).toEqual(['deviation-unexplained']);
  });

  it('万元 against 元, full-width digits, ≧, a %-formatted 0.97, a bare 0.85 against a percent', () => {
    expect(r.row(13)).toMatchObject({ kind: 'reverse', score: { computed: 5 } });
    expect(r.row(14)).toMatchObject({ kind: 'forward', score: { computed: 5 } });
    expect(r.row(15)).toMatchObject({ kind: 'forward', score: { computed: 4.75 } });
    expect(r.row(16)).toMatchObject({ actual: { text: '97%' }, score: { computed: 5 } });
    expect(r.row(17).score.computed).toBe(10);
    for (const c of ['G13', 'E13', 'G14', 'E14', 'G15', 'G16', 'E16', 'G17', 'E17']) expect(r.at(c)).toEqual([]);
  });

  it('"否" answers 是否发生安全事故 as met', () => {
    expect(r.row(18)).toMatchObject({ kind: 'qualitative', score: { computed: 10 } });
    expect(r.at('G18')).toEqual([]);
  });

  it('an actual copied with its comparator is scored on its number and flagged', () => {
    expect(r.row(20).score.computed).toBe(10);
    expect(r.at('E20')).toEqual([expect.objectContaining({ code: 'value-format', severity: 'warning' })]);
  });

  it('the total: stated scores add up, the rule gives less; no other error', () => {
    expect(r.form().total).toMatchObject({ stated: 92.97, computed: 88.43 });
    expect(r.review.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]);
    expect(r.errors().map((f) => f.cell)).toEqual(['G6', 'H6', 'G9', 'H9', 'G10', 'H10', 'G19', 'H19']);
  });
});

describe.each([
  ['linear', resolveRuleSet({ reverseFormula: 'linear' }), 4, 2, 4],
  ['deduction (hunan)', resolveRuleSet('hunan'), 3, 2, 4],
])('reverse formula %s', (_name, rules, rate, range, complaints) => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([sheet], rules)));

  it('scores 调整率 12% of ≤10%, 结余率 8% over 0%-5% and 投诉率 6% of ≤5%', () => {
    expect(r.row(6).score.computed).toBe(rate);
    expect(r.row(9).score.computed).toBe(range);
    expect(r.row(19).score.computed).toBe(complaints);
    expect(r.at('G6')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: rate, found: 5 })]);
  });
});
