/** analyseSelfEvaluation on located tables: which cell is the target, not-applicable rows, 按百分制折算. */
import { locateForms } from '../../../src/core/locate';
import { analyseSelfEvaluation } from '../../../src/core/score/form';
import { cellNumber } from '../../../src/core/score/cells';
import { MOF_2020 } from '../../../src/core/rules';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { sheet, workbook } from '../locate/grid';
import { bound } from '../helpers/bound';

const analyse = (rows: CellValue[][]) => analyseSelfEvaluation(locateForms(workbook(sheet(rows)))[0] as SelfEvaluationForm, MOF_2020);
const HEAD = ['一级指标', '二级指标', '三级指标', '年初指标值', '调整指标值', '实际完成值', '分值', '得分'];

describe('the target cell', () => {
  const a = analyse([HEAD, ['产出指标', '数量指标', '甲', '≥10个', '≥12个', '11个', 50, 50], [null, null, '乙', '≥90%', null, '92%', 50, 50]]);
  it('is the adjusted value when written', () => {
    expect(a.indicators[0].targetCell?.a1).toBe('E2');
    expect(a.indicators[0].result.computed).toBe(45.83);
  });
  it('is the 年初 value when 调整指标值 is blank', () => {
    expect(a.indicators[1].targetCell?.a1).toBe('D3');
    expect(a.indicators[1].result).toMatchObject({ computed: 50, problems: [] });
  });
});

describe('not-applicable rows', () => {
  const rows = (total: CellValue): CellValue[][] => [
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    ['产出指标', '数量指标', '甲', '≥6个', '5个', 60, 50],
    [null, '成本指标', '乙', '—', '—', 0, 0],
    [null, '时效指标', '丙', '不适用', '不适用', 20, '不适用'],
    ['效益指标', '社会效益', '丁', '≥90%', '95%', 20, 20],
    ['总分', null, null, null, null, 100, total],
  ];

  it('are marked, unscored, free of problems, and their "不适用" is not a format error', () => {
    const a = analyse(rows(70));
    expect(a.indicators.map((i) => [i.notApplicable, i.leaf])).toEqual([[false, true], [true, false], [true, false], [false, true]]);
    expect(a.indicators[2]).toMatchObject({ result: { computed: null, problems: [] }, stated: { value: null, readable: true }, weight: { value: 20 } });
    expect(a.total).toMatchObject({ computed: 70, rescale: 1 });
  });

  it('scale the total when the stated total is the scaled sum (70 of 80 → 87.5)', () => {
    expect(analyse(rows(87.5)).total).toMatchObject({ computed: 87.5, rescale: 1.25 });
    expect(analyse(rows('87.5（折算）')).total).toMatchObject({ computed: 87.5, rescale: 1.25 });
  });
});

describe('cellNumber', () => {
  it('reads a number followed by a bracketed note', () => {
    expect(cellNumber(bound('H9', '92.59（按百分制折算）'))).toEqual({ value: 92.59, readable: true });
    expect(cellNumber(bound('H9', '95(优)'))).toEqual({ value: 95, readable: true });
    expect(cellNumber(bound('H9', '约95分左右'))).toEqual({ value: 95, readable: false });
  });
});
