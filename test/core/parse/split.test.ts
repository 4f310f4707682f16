import { comparableValues, convert, parseSplitTarget, parseValue, sameDimension, type NumberValue, type Unit } from '../../../src/core/parse';
import { dateOf } from '../../../src/core/parse/date';

const cell = (value: string | number | null, numberFormat?: string) => ({ value, numberFormat });

describe('parseSplitTarget (指标性质 | 指标值 | 度量单位)', () => {
  it('combines a Yunnan count target', () => {
    expect(parseSplitTarget(cell('≧'), cell(735), cell('人次'))).toMatchObject({
      kind: 'number', comparator: '>=', direction: 'forward', value: 735, written: 735, unit: { name: '人次', dimension: 'count' }, raw: '≧735人次',
    });
  });

  it('applies a % unit cell to a plain number', () => {
    expect(parseSplitTarget(cell('═'), cell(100), cell('%'))).toMatchObject({
      kind: 'number', comparator: '=', direction: 'equal', value: 1, written: 100, unit: { name: '%', dimension: 'percent', factor: 0.01 },
    });
    expect(parseSplitTarget(cell('≦'), cell(5), cell('百分比'))).toMatchObject({ comparator: '<=', value: 0.05, unit: { name: '%' } });
  });

  it('does not apply % twice to a %-formatted cell', () => {
    expect(parseSplitTarget(cell('≧'), cell(0.95, '0%'), cell('%'))).toMatchObject({ value: 0.95, written: 95 });
    expect(parseSplitTarget(cell('≧'), cell('95%'), cell('%'))).toMatchObject({ value: 0.95, written: 95 });
  });

  it('converts money units', () => {
    expect(parseSplitTarget(cell('≦'), cell(38.77), cell('万元'))).toMatchObject({ value: 387700, unit: { name: '万元', dimension: 'money' } });
  });

  it('keeps a bare dotted year-month as written when the nature is a word (定性指标 | 2023.12), so it still reads as a month', () => {
    expect(parseSplitTarget(cell('定性指标'), { value: 2023.12, text: '2023.12', numberFormat: 'General' }, null)).toMatchObject({ kind: 'number', raw: '2023.12' });
    expect(dateOf(parseSplitTarget(cell('定性指标'), { value: 2023.12, text: '2023.12', numberFormat: 'General' }, null))).toMatchObject({ year: 2023, month: 12 });
  });

  it('reads nature words', () => {
    expect(parseSplitTarget(cell('正向指标'), cell(10), cell('个'))).toMatchObject({ comparator: '>=', direction: 'forward' });
    expect(parseSplitTarget(cell('反向指标'), cell(3), cell('%'))).toMatchObject({ comparator: '<=', direction: 'reverse' });
    expect(parseSplitTarget(cell('定量'), cell(10), cell('个'))).toMatchObject({ comparator: null, direction: null, value: 10 });
    expect(parseSplitTarget(cell('大于等于'), cell(10), null)).toMatchObject({ comparator: '>=' });
    expect(parseSplitTarget(null, cell(10), null)).toMatchObject({ comparator: null, value: 10 });
  });

  it('keeps a comparator written in the value cell', () => {
    expect(parseSplitTarget(cell('定量'), cell('≤5'), cell('天'))).toMatchObject({ comparator: '<=', value: 5, unit: { name: '天' } });
  });

  it('reads 定性 targets', () => {
    expect(parseSplitTarget(cell('定性'), cell('有效'), null)).toEqual({ kind: 'qualitative', raw: '有效', text: '有效', tier: 'met', placeholder: false });
    expect(parseSplitTarget(cell('定性'), cell('是否及时'), null)).toMatchObject({ kind: 'qualitative', placeholder: true });
    expect(parseSplitTarget(cell('定性'), null, null)).toMatchObject({ kind: 'qualitative', placeholder: true, tier: null });
  });

  it('applies the unit cell to ranges and keeps dates', () => {
    expect(parseSplitTarget(cell('定量'), cell('90-100'), cell('%'))).toMatchObject({ kind: 'range', low: 0.9, high: 1 });
    expect(parseSplitTarget(cell('≦'), cell('2023年12月31日'), null)).toMatchObject({ kind: 'date', comparator: '<=' });
  });

  it('reports empty and conflicting cells', () => {
    expect(parseSplitTarget(cell('≧'), cell(null), cell('%')).kind).toBe('empty');
    expect(parseSplitTarget(cell('≧'), cell('5天'), cell('%'))).toMatchObject({ kind: 'invalid', reason: 'unit-mismatch' });
    expect(parseSplitTarget(cell('≧'), cell('#N/A'), cell('%'))).toMatchObject({ kind: 'invalid', reason: 'error-value' });
  });
});

describe('units: sameDimension and convert', () => {
  const u = (s: string): Unit => {
    const p = parseValue({ value: `1${s}` });
    if (p.kind !== 'number' || !p.unit) throw new Error(`no unit in ${s}`);
    return p.unit;
  };
  it('compares dimensions', () => {
    expect(sameDimension(u('万元'), u('元'))).toBe(true);
    expect(sameDimension(u('人'), u('个'))).toBe(true); // people counted in 个
    expect(sameDimension(u('%'), u('‰'))).toBe(true);
    expect(sameDimension(u('天'), u('个月'))).toBe(true);
    expect(sameDimension(u('公里'), u('米'))).toBe(true);
    expect(sameDimension(u('公里'), u('吨'))).toBe(false);
    expect(sameDimension(u('%'), u('个'))).toBe(false);
    expect(sameDimension(null, null)).toBe(true);
    expect(sameDimension(u('个'), null)).toBe(false);
    // Units built elsewhere without `base` still compare.
    expect(sameDimension({ name: '天', dimension: 'time', factor: 1 }, u('小时'))).toBe(true);
  });
  it('converts between units', () => {
    expect(convert(2, u('万元'), u('元'))).toBe(20000);
    expect(convert(20000, u('元'), u('万元'))).toBe(2);
    expect(convert(1, u('亿元'), u('万元'))).toBe(10000);
    expect(convert(97, u('%'), u('‰'))).toBeCloseTo(970, 9);
    expect(convert(3, u('公里'), u('米'))).toBe(3000);
    expect(convert(48, u('小时'), u('天'))).toBe(2);
    expect(convert(1, u('%'), u('个'))).toBeNull();
  });
});

describe('comparableValues', () => {
  const n = (s: string): NumberValue => {
    const p = parseValue({ value: s });
    if (p.kind !== 'number') throw new Error(s);
    return p;
  };
  it('puts target and actual in the target unit', () => {
    expect(comparableValues(n('=100%'), n('=97%'))).toEqual({ target: 100, actual: 97, unitAssumed: false });
    expect(comparableValues(n('≥2万元'), n('15000元'))).toEqual({ target: 2, actual: 1.5, unitAssumed: false });
  });
  it('reads a unitless actual in the target unit ("≥50个" / "50")', () => {
    expect(comparableValues(n('≥50个'), n('48'))).toEqual({ target: 50, actual: 48, unitAssumed: true });
    expect(comparableValues(n('≥95%'), n('98'))).toEqual({ target: 95, actual: 98, unitAssumed: true });
    expect(comparableValues(n('≥95%'), n('0.98'))).toEqual({ target: 95, actual: 98, unitAssumed: true });
  });
  it('reads a unitless target in the actual unit', () => {
    expect(comparableValues(n('735'), n('735人次'))).toEqual({ target: 735, actual: 735, unitAssumed: true });
  });
  it('returns null when units do not convert', () => {
    expect(comparableValues(n('≥50个'), n('50天'))).toBeNull();
  });
});
