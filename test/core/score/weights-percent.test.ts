/**
 * 权重 written as percents of the whole (sweep 2, D8): 0.3 in a %-formatted cell (shown "30%") is
 * 30 points when the form writes its weights that way; points stay points.
 */
import { locateForms } from '../../../src/core/locate';
import { analyseSelfEvaluation, weightScale } from '../../../src/core/score/form';
import { MOF_2020 } from '../../../src/core/rules';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { sheet, workbook } from '../locate/grid';

const HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '得分'];
const FUNDS: CellValue[][] = [
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '权重', '执行率', '得分'],
  [null, '年度资金总额', 500, 500, 460, 0.1, 0.92, 9.2],
];

/** Rows 3–6 (0-based) hold the indicators, row 7 the total; `pct` lists the [row, col] cells formatted 0%. */
function located(weights: CellValue[], total: CellValue, pct: [number, number][], budgetWeight: CellValue = 0.1): SelfEvaluationForm {
  const funds = FUNDS.map((r) => r.slice());
  funds[1][5] = budgetWeight;
  const rows: CellValue[][] = [
    ...funds,
    HEAD,
    ['产出指标', '数量指标', '补助覆盖户数', '≥2000户', '2100户', weights[0], 30],
    [null, '质量指标', '项目验收合格率', '≥95%', '93%', weights[1], 19.58],
    ['效益指标', '经济效益指标', '带动农户增收', '≥5%', '6%', weights[2], 30],
    ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '92%', weights[3], 10],
    ['总分', null, null, null, null, total, 98.78],
  ];
  const formats = pct.map(([r, c]) => [r, c, '0%'] as [number, number, string]);
  return locateForms(workbook(sheet(rows, { formats })))[0] as SelfEvaluationForm;
}

const ALL_PCT: [number, number][] = [[1, 5], [3, 5], [4, 5], [5, 5], [6, 5], [7, 5]];

describe('weights in %-formatted cells', () => {
  it('read as points out of 100: scores, total and checks as for 30 / 20 / 30 / 10', () => {
    const form = located([0.3, 0.2, 0.3, 0.1], 1, ALL_PCT);
    expect(weightScale(form)).toBe(100);
    const a = analyseSelfEvaluation(form, MOF_2020);
    expect(a.budget?.weight.value).toBe(10);
    expect(a.budget?.computed.score).toBe(9.2);
    expect(a.indicators.map((i) => i.weight.value)).toEqual([30, 20, 30, 10]);
    expect(a.indicators.map((i) => i.result.computed)).toEqual([30, 19.58, 30, 10]);
    expect(a.total).toMatchObject({ computed: 98.78, statedWeight: { value: 100, readable: true } });
    expect(a.grade).toBe('优');
  });

  it('the fractions adding up to 1 suffice when the 总分 row states no weight, or some cells lack the format', () => {
    expect(weightScale(located([0.3, 0.2, 0.3, 0.1], null, [[3, 5]]))).toBe(100);
  });

  it('every weight %-formatted, some rows blank: still percents', () => {
    const form = located([0.3, null, 0.3, 0.1], null, ALL_PCT);
    expect(weightScale(form)).toBe(100);
    expect(analyseSelfEvaluation(form, MOF_2020).indicators.map((i) => i.weight.value)).toEqual([30, null, 30, 10]);
  });

  it('text "30%" was already points: unchanged, with or without %-formatted cells around it', () => {
    const a = analyseSelfEvaluation(located(['30%', '20%', '30%', '10%'], '100%', [[1, 5]]), MOF_2020);
    expect(a.budget?.weight.value).toBe(10);
    expect(a.indicators.map((i) => i.weight.value)).toEqual([30, 20, 30, 10]);
    expect(a.total.statedWeight.value).toBe(100);
  });

  it('points stay points: no %-format, a stray %-format on one cell, or fractions not adding up to 1', () => {
    expect(weightScale(located([30, 20, 30, 10], 100, [], 10))).toBe(1);
    expect(weightScale(located([30, 20, 30, 10], 100, [[3, 5]], 10))).toBe(1);
    // A fraction of a point, plain: 0.3 in General cells summing to 1 is not shown as a percent.
    expect(weightScale(located([0.3, 0.2, 0.3, 0.1], 1, []))).toBe(1);
    // %-formatted on some rows only, adding up to 0.5: not the whole.
    expect(weightScale(located([0.3, 0.2, 0.5, 0.5], null, [[3, 5]], 0.5))).toBe(1);
    const a = analyseSelfEvaluation(located([30, 20, 30, 10], 100, [[6, 5]], 10), MOF_2020);
    expect(a.indicators.map((i) => i.weight.value)).toEqual([30, 20, 30, 10]);
  });
});
