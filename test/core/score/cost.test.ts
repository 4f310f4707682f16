/** DOMAIN: reverse applies to "cost-type amounts": a money target without a comparator under a 成本 heading. */
import { locateForms } from '../../../src/core/locate';
import { analyseSelfEvaluation, costAsReverse } from '../../../src/core/score/form';
import { parseText } from '../../../src/core/parse';
import { MOF_2020 } from '../../../src/core/rules';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import type { NumberValue } from '../../../src/core/parse/types';
import { sheet, workbook } from '../locate/grid';
import { num, qual } from '../helpers/values';

const analyse = (rows: CellValue[][]) => analyseSelfEvaluation(locateForms(workbook(sheet(rows)))[0] as SelfEvaluationForm, MOF_2020);
const HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
const row = (level1: string, level2: string) => ({ level1, level2 });

describe('costAsReverse', () => {
  it.each([
    ['成本指标', '经济成本指标'],
    ['成本指标', '社会成本指标'],
    ['成本指标', '生态环境成本指标'],
    ['产出指标', '成本指标'],
    ['成本指标（20分）', ''],
  ])('makes a bare money target reverse under %s / %s', (l1, l2) => {
    const v = costAsReverse(num(1500, '万元'), row(l1, l2));
    expect(v).toMatchObject({ kind: 'number', comparator: null, direction: 'reverse', value: 15000000 });
  });

  it('covers money per unit ("80元/平方米") as the parser reads it', () => {
    const t = parseText('80元/平方米');
    expect(costAsReverse(t, row('产出指标', '经济成本指标'))).toMatchObject({ direction: 'reverse' });
    expect(costAsReverse(parseText('50万元/公里'), row('成本指标', '经济成本指标'))).toMatchObject({ direction: 'reverse' });
  });

  it('leaves explicit comparators, other units, other headings and other kinds alone', () => {
    const forward = num(1500, '万元', '>=');
    expect(costAsReverse(forward, row('成本指标', '经济成本指标'))).toBe(forward);
    const equal = num(1500, '万元', '=');
    expect(costAsReverse(equal, row('成本指标', '经济成本指标'))).toBe(equal);
    const count = num(3, '个');
    expect(costAsReverse(count, row('成本指标', '经济成本指标'))).toBe(count);
    const bare = num(1500);
    expect(costAsReverse(bare, row('成本指标', '经济成本指标'))).toBe(bare);
    const elsewhere = num(1500, '万元');
    expect(costAsReverse(elsewhere, row('产出指标', '数量指标'))).toBe(elsewhere);
    const words = qual('成本控制在预算内');
    expect(costAsReverse(words, row('成本指标', '经济成本指标'))).toBe(words);
  });

  it('never changes the shared parsed value', () => {
    const shared = parseText('1500万元') as NumberValue;
    costAsReverse(shared, row('成本指标', '经济成本指标'));
    expect(shared.direction).toBeNull();
  });
});

describe('cost rows on a form', () => {
  const a = analyse([
    HEAD,
    ['产出指标', '成本指标', '建设成本', '1500万元', '1520万元', 10, 9.87],
    [null, null, '运维成本', '1500万元', '1480万元', 10, 10],
    [null, '经济成本指标', '单位造价', '80元/平方米', '78元/平方米', 10, 10],
    [null, '数量指标', '资金投入', '1500万元', '1480万元', 10, 9.87],
    [null, '成本指标', '采购规模', '≥1500万元', '1480万元', 10, 9.87],
  ]);
  it('score a cost over its amount as a missed reverse target, under it as met', () => {
    expect(a.indicators[0].result).toMatchObject({ kind: 'reverse', computed: 9.87, met: false });
    expect(a.indicators[1].result).toMatchObject({ kind: 'reverse', computed: 10, met: true });
    expect(a.indicators[2].result).toMatchObject({ kind: 'reverse', computed: 10, met: true });
  });
  it('keep a money target outside 成本 rows, and an explicit comparator, forward', () => {
    expect(a.indicators[3].result).toMatchObject({ kind: 'forward', computed: 9.87, met: false });
    expect(a.indicators[4].result).toMatchObject({ kind: 'forward', computed: 9.87, met: false });
  });
});
