/** The scoring fixes through the real parser, on located rows (cases from the value sweep). */
import { locateForms } from '../../../src/core/locate';
import { analyseSelfEvaluation } from '../../../src/core/score/form';
import { MOF_2020 } from '../../../src/core/rules';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { sheet, workbook } from '../locate/grid';

const HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
function results(rows: [level2: string, target: CellValue, actual: CellValue][]) {
  const grid: CellValue[][] = [HEAD, ...rows.map(([l2, t, a], i): CellValue[] => [i === 0 ? '产出指标' : null, l2, `指标${i + 1}`, t, a, 10, 10])];
  const form = locateForms(workbook(sheet(grid)))[0] as SelfEvaluationForm;
  return analyseSelfEvaluation(form, MOF_2020).indicators.map((i) => i.result);
}

describe('rows that used to score full', () => {
  const r = results([
    ['效益指标', '0起', '1起'],
    ['效益指标', '0', '2'],
    ['数量指标', '≥10个', '无'],
    ['数量指标', '≥95%', '零'],
    ['数量指标', '≤3起', '无'],
    ['满意度指标', '≥90%', '暂无数据'],
    ['成本指标', '1500万元', '1520万元'],
  ]);
  it('score a bare 0 target missed by 1起 / 2 as 0', () => {
    expect(r[0]).toMatchObject({ computed: 0, met: false });
    expect(r[1]).toMatchObject({ computed: 0, met: false });
  });
  it('score "无" / "零" as 0 against ≥ targets and as met against ≤', () => {
    expect(r[2]).toMatchObject({ computed: 0, met: false });
    expect(r[3]).toMatchObject({ computed: 0, met: false });
    expect(r[4]).toMatchObject({ kind: 'reverse', computed: 10, met: true });
  });
  it('leave "暂无数据" unscored', () => {
    expect(r[5]).toMatchObject({ computed: null, problems: [{ code: 'value-missing', field: 'actual', reason: 'not-available' }] });
  });
  it('score a cost over its amount as reverse', () => {
    expect(r[6]).toMatchObject({ kind: 'reverse', computed: 9.87, met: false });
  });
});

describe('rows that used to score absurdly', () => {
  const r = results([
    ['数量指标', '≥1万人次', 11000],
    ['成本指标', '≤1500万元', 14800000],
    ['数量指标', '≥1.5万', 16000],
    ['数量指标', '≥100万元', '98万'],
  ]);
  it('read a bare number in the base unit', () => {
    expect(r[0]).toMatchObject({ computed: 10, met: true, overAchieved: false });
    expect(r[1]).toMatchObject({ kind: 'reverse', computed: 10, met: true });
    expect(r[2]).toMatchObject({ computed: 10, met: true, overAchieved: false });
  });
  it('read a multiplier without its unit in the target\'s ("98万" for 万元)', () => {
    expect(r[3]).toMatchObject({ computed: 9.8, met: false, problems: [] });
  });
});

describe('dates and dotted numbers', () => {
  const r = results([
    ['时效指标', '2023年12月底前', '次年3月'],
    ['时效指标', '12月底前', '11月'],
    ['时效指标', 2023.12, '2024年3月'],
    ['数量指标', '≥2000万元', '2023.10'],
  ]);
  it('a completion in 次年 is late, whatever label is around it', () => {
    expect(r[0]).toMatchObject({ kind: 'date', met: false });
    expect(r[0].computed).toBeLessThan(8);
  });
  it('a target without a year compares by month', () => {
    expect(r[1]).toMatchObject({ kind: 'date', computed: 10, met: true });
  });
  it('a number cell 2023.12 against a date is December 2023', () => {
    expect(r[2]).toMatchObject({ kind: 'date', met: false });
  });
  it('the text 2023.10 against an amount is the amount, not October', () => {
    expect(r[3]).toMatchObject({ kind: 'forward', computed: 10, met: true });
  });
});
