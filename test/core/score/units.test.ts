/** harmonise: bare numbers against multiplied units, multipliers without a unit. */
import { harmonise } from '../../../src/core/score/units';
import { scoreIndicator } from '../../../src/core/score';
import type { NumberValue, Unit } from '../../../src/core/parse/types';
import { MOF_2020 } from '../../../src/core/rules';

const R = MOF_2020;
const unit = (name: string, dimension: Unit['dimension'], factor: number, base: string): Unit => ({ name, dimension, factor, base });
const U = {
  万人次: unit('万人次', 'count', 1e4, '个'),
  万元: unit('万元', 'money', 1e4, '元'),
  亿元: unit('亿元', 'money', 1e8, '元'),
  万: unit('万', 'other', 1e4, ''),
  公里: unit('公里', 'other', 1e3, '米'),
  年: unit('年', 'time', 360, '天'),
  天: unit('天', 'time', 1, '天'),
};
function q(written: number, u: Unit | null, comparator: NumberValue['comparator'] = null): NumberValue {
  const dir = comparator === '<=' || comparator === '<' ? 'reverse' : comparator ? 'forward' : null;
  return { kind: 'number', raw: `${comparator ?? ''}${written}${u?.name ?? ''}`, comparator, direction: dir, value: written * (u?.factor ?? 1), written, unit: u };
}

describe('a bare number against a unit with a multiplier', () => {
  it('is read in the base unit when the unit reading is absurd and the base reading plausible', () => {
    expect(harmonise(q(1, U.万人次), q(12000, null))).toEqual({ ok: true, target: 10000, actual: 12000, unit: U.万人次, unitOmitted: { field: 'actual', shown: '12000人次' } });
    expect(harmonise(q(1500, U.万元), q(14980000, null))).toMatchObject({ actual: 14980000, unitOmitted: { field: 'actual', shown: '14980000元' } });
    expect(harmonise(q(1.5, U.万), q(16000, null))).toMatchObject({ actual: 16000, unitOmitted: { field: 'actual', shown: '16000' } });
    expect(harmonise(q(5, U.公里), q(5200, null))).toMatchObject({ actual: 5200, unitOmitted: { field: 'actual', shown: '5200米' } });
  });

  it('works the other way round for a bare target', () => {
    expect(harmonise(q(12000, null), q(1.2, U.万人次))).toMatchObject({ target: 12000, actual: 12000, unitOmitted: { field: 'target', shown: '12000人次' } });
  });

  it('keeps the unit reading when it is plausible, or when the base reading is not', () => {
    const ok = harmonise(q(1, U.万人次), q(1.2, null));
    expect(ok).toEqual({ ok: true, target: 10000, actual: 12000, unit: U.万人次 });
    // 15000 against 1.5亿元 is neither 15000亿元 nor 15000元 plausibly: left as written (in the unit).
    expect(harmonise(q(1.5, U.亿元), q(15000, null))).not.toHaveProperty('unitOmitted');
    // Exactly 1000 times is not over 1000.
    expect(harmonise(q(5, U.公里), q(5000, null))).not.toHaveProperty('unitOmitted');
    // Time units are not multipliers: a bare number against 年 counts years.
    expect(harmonise(q(1, U.年), q(5000, null))).toMatchObject({ actual: 5000 * 360 });
  });

  it('scores on the base reading with a value-format warning (≥1万人次 / 12000; ≥ and ≤1500万元)', () => {
    const a = scoreIndicator(q(1, U.万人次, '>='), q(11000, null), 10, 10, R);
    expect(a).toMatchObject({ computed: 10, met: true, overAchieved: false, ratio: 1.1 });
    expect(a.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'unit-omitted', shown: '11000人次' }]);
    // 12000 of 1万 is 120%: over-achieved by the ordinary rule, no longer 1200000%.
    expect(scoreIndicator(q(1, U.万人次, '>='), q(12000, null), 10, 10, R)).toMatchObject({ overAchieved: true, ratio: 1.2 });
    expect(scoreIndicator(q(1500, U.万元, '>='), q(14980000, null), 10, null, R)).toMatchObject({ computed: 9.99, met: false });
    expect(scoreIndicator(q(1500, U.万元, '<='), q(14800000, null), 10, null, R)).toMatchObject({ kind: 'reverse', computed: 10, met: true });
    expect(scoreIndicator(q(1500, U.万元, '<='), q(16000000, null), 10, null, R).computed).toBe(9.38);
  });

  it('adds no warning when the bare number reads in the unit', () => {
    expect(scoreIndicator(q(1500, U.万元, '>='), q(1480, null), 10, null, R)).toMatchObject({ computed: 9.87, problems: [] });
  });
});

describe('a multiplier without a unit ("98万")', () => {
  it('converts with money, counts and other units by its value', () => {
    expect(harmonise(q(100, U.万元), q(98, U.万))).toEqual({ ok: true, target: 1000000, actual: 980000, unit: U.万元 });
    expect(harmonise(q(5, U.万人次), q(5.2, U.万))).toMatchObject({ ok: true, target: 50000, actual: 52000 });
    expect(harmonise(q(1.5, U.万), q(16000, unit('人次', 'count', 1, '个')))).toMatchObject({ ok: true, target: 15000, actual: 16000 });
    expect(scoreIndicator(q(100, U.万元, '>='), q(98, U.万), 10, null, R)).toMatchObject({ computed: 9.8, problems: [] });
  });
  it('never with percent or time', () => {
    expect(harmonise(q(95, unit('%', 'percent', 0.01, '%')), q(98, U.万))).toMatchObject({ ok: false });
    expect(harmonise(q(1, U.年), q(2, U.万))).toMatchObject({ ok: false, targetUnit: '年', actualUnit: '万' });
  });
});

describe('units that do not convert', () => {
  it('still report a mismatch', () => {
    expect(harmonise(q(100, U.万元), q(3, U.天))).toEqual({ ok: false, targetUnit: '万元', actualUnit: '天' });
    expect(harmonise(q(5, U.公里), q(3, unit('千克', 'other', 1, '千克')))).toMatchObject({ ok: false });
  });
});

describe('a rate against a count (the form covers one year)', () => {
  const rate = (name: string) => unit(name, 'other', 1, name);
  const 次 = unit('次', 'count', 1, '个');
  it.each([
    ['次/月', 1, 12, 12],
    ['次/年', 2, 2, 2],
    ['次/季度', 1, 3, 4],
    ['次/周', 1, 50, 52],
  ])('%s: %p a period against %p in the year compares as %p a year', (name, per, count, yearly) => {
    expect(harmonise(q(per, rate(name), '>='), q(count, 次))).toEqual({ ok: true, target: yearly, actual: count, unit: 次 });
  });
  it('scores 12次 against 1次/月 as met, 10次 as 10/12 of the weight', () => {
    expect(scoreIndicator(q(1, rate('次/月'), '>='), q(12, 次), 10, 10, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(q(1, rate('次/月'), '>='), q(10, 次), 10, 10, R)).toMatchObject({ computed: 8.33, met: false });
  });
  it('a count against a rate works the other way round; other units still do not convert', () => {
    expect(harmonise(q(12, 次, '>='), q(1, rate('次/月')))).toMatchObject({ ok: true, target: 12, actual: 12 });
    expect(harmonise(q(1, rate('人/月'), '>='), q(12, 次))).toMatchObject({ ok: false });
  });
});
