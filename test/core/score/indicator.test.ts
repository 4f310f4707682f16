import fc from 'fast-check';
import { scoreIndicator } from '../../../src/core/score';
import { MOF_2020, resolveRuleSet } from '../../../src/core/rules';
import { date, empty, invalid, num, qual, range } from '../helpers/values';

const R = MOF_2020;

describe('forward and equal', () => {
  it('scores a missed equal target proportionally (seed H14)', () => {
    const s = scoreIndicator(num(100, '%', '='), num(97, '%', '='), 15, 15, R);
    expect(s.kind).toBe('equal');
    expect(s.computed).toBe(14.55);
    expect(s.met).toBe(false);
    expect(s.formula?.zh).toBe('15 × 97% ÷ 100%');
    // "=97%" still states a measurement; "≥96%" does not
    expect(s.problems).toEqual([]);
    expect(scoreIndicator(num(98, '%', '>='), num(96, '%', '>='), 10, 1, R).problems).toContainEqual({ code: 'value-format', field: 'actual', reason: 'comparator' });
  });

  it('caps a met forward target at the weight and flags over-achievement at 120%', () => {
    const s = scoreIndicator(num(100, '个', '>='), num(130, '个'), 10, 10, R);
    expect(s).toMatchObject({ kind: 'forward', computed: 10, met: true, overAchieved: true });
    expect(scoreIndicator(num(100, '个', '>='), num(119, '个'), 10, 10, R).overAchieved).toBe(false);
  });

  it('reads a bare target as forward and scores 9.8 for 96 of 98 (seed H19)', () => {
    expect(scoreIndicator(num(98, '%', '>='), num(96, '%', '>='), 10, 1, R).computed).toBe(9.8);
    expect(scoreIndicator(num(400, '个'), num(380, '个'), 10, null, R)).toMatchObject({ kind: 'forward', computed: 9.5 });
  });

  it('equal target 0 is full only when the actual is not above 0', () => {
    expect(scoreIndicator(num(0, '个', '='), num(0, '个'), 5, null, R).computed).toBe(5);
    expect(scoreIndicator(num(0, '个', '='), num(2, '个'), 5, null, R).computed).toBe(0);
  });

  it('never scores above the weight nor below 0', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e7, noNaN: true }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('>=', '=', '<=') as fc.Arbitrary<'>=' | '=' | '<='>, fc.constantFrom('ratio', 'linear', 'deduction'), (t, a, w, cmp, f) => {
        const rules = resolveRuleSet({ reverseFormula: f as 'ratio' });
        const s = scoreIndicator(num(t, '个', cmp), num(a, '个'), w, null, rules);
        expect(s.computed).not.toBeNull();
        expect(s.computed!).toBeGreaterThanOrEqual(0);
        expect(s.computed!).toBeLessThanOrEqual(w);
      }),
    );
  });
});

describe('units', () => {
  it('converts 万元 and 元', () => {
    expect(scoreIndicator(num(2, '万元', '>='), num(15000, '元'), 10, null, R).computed).toBe(7.5);
  });
  it('takes a bare number in the other side’s unit, percent by the closer reading', () => {
    expect(scoreIndicator(num(100, '%', '>='), num(97), 10, null, R).computed).toBe(9.7);
    expect(scoreIndicator(num(100, '%', '>='), num(0.97), 10, null, R).computed).toBe(9.7);
    expect(scoreIndicator(num(50, '个', '>='), num(40), 10, null, R).computed).toBe(8);
    expect(scoreIndicator(num(95), num(100, '%'), 10, null, R).computed).toBe(10);
  });
  it('reports units it cannot convert and computes nothing', () => {
    const s = scoreIndicator(num(100, '%', '>='), num(3, '天'), 10, 10, R);
    expect(s.computed).toBeNull();
    expect(s.problems).toContainEqual({ code: 'unit-mismatch', field: 'actual', targetUnit: '%', actualUnit: '天' });
  });
});

describe('reverse', () => {
  it('is met at or under the limit', () => {
    expect(scoreIndicator(num(5, '%', '<='), num(5, '%'), 10, null, R)).toMatchObject({ kind: 'reverse', computed: 10, met: true });
  });
  it('applies ratio, linear and deduction formulas', () => {
    const t = num(5, '%', '<=');
    const a = num(8, '%');
    expect(scoreIndicator(t, a, 10, null, R).computed).toBe(6.25);
    expect(scoreIndicator(t, a, 10, null, resolveRuleSet({ reverseFormula: 'linear' })).computed).toBe(4);
    expect(scoreIndicator(t, num(10, '%'), 10, null, resolveRuleSet({ reverseFormula: 'linear' })).computed).toBe(0);
    expect(scoreIndicator(t, a, 10, null, resolveRuleSet({ reverseFormula: 'deduction', deductionPerPoint: 2 })).computed).toBe(4);
    expect(scoreIndicator(t, num(20, '%'), 10, null, resolveRuleSet('hunan')).computed).toBe(0);
  });
});

describe('qualitative', () => {
  it('keeps a stated score inside the met band and proposes the top otherwise', () => {
    expect(scoreIndicator(qual('定性', null, true), qual('良好', 'met'), 10, 9, R)).toMatchObject({ kind: 'qualitative', computed: 9, met: true });
    expect(scoreIndicator(qual('定性', null, true), qual('良好', 'met'), 10, null, R).computed).toBe(10);
    expect(scoreIndicator(qual('定性', null, true), qual('良好', 'met'), 10, 5, R).computed).toBe(10);
  });
  it('partial band is [60%, 80%): its top is just under 80%', () => {
    const s = scoreIndicator(qual('有效'), qual('部分达成', 'partial'), 10, 8, R);
    expect(s.computed).toBe(7.99);
    expect(s.band).toEqual({ low: 6, high: 8, closedTop: false });
    expect(scoreIndicator(qual('有效'), qual('部分达成', 'partial'), 10, 6.5, R).computed).toBe(6.5);
    expect(scoreIndicator(qual('有效'), qual('未达成', 'missed'), 10, null, R).computed).toBe(5.99);
  });
  it('counts the target word repeated as the actual as met (是否及时 → 及时)', () => {
    expect(scoreIndicator(qual('是否及时'), qual('及时'), 10, 10, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(qual('隐患是否消除'), qual('消除'), 10, 10, R).met).toBe(true);
    expect(scoreIndicator(qual('是否及时'), qual('不及时'), 10, 10, R).met).not.toBe(true);
  });

  it('reads the actual against the target before its own tier: 否 to 是否发生安全事故 is met, 良 to 优 is not', () => {
    expect(scoreIndicator(qual('是否发生安全事故', null, true), qual('否', 'missed'), 10, 10, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(qual('优'), qual('良', 'met'), 10, 10, R)).toMatchObject({ tier: 'partial', computed: 7.99 });
  });
  it('reports an empty actual', () => {
    expect(scoreIndicator(qual('有效'), empty(), 10, null, R).problems).toContainEqual({ code: 'value-missing', field: 'actual' });
  });
});

describe('dates and ranges', () => {
  it('full weight on or before the date, partial tier when late', () => {
    expect(scoreIndicator(date(2023, 12, 31, '<='), date(2023, 11, null), 10, 10, R).computed).toBe(10);
    expect(scoreIndicator(date(2023, 12, null), date(null, 12, 20), 10, 10, R).computed).toBe(10);
    const late = scoreIndicator(date(2023, 6, 30), date(2023, 8, 1), 10, 10, R);
    expect(late).toMatchObject({ kind: 'date', computed: 7.99, tier: 'partial', met: false });
  });
  it('range: inside full, below proportional to low, above reverse against high', () => {
    expect(scoreIndicator(range(90, 100, '%'), num(95, '%'), 10, null, R).computed).toBe(10);
    expect(scoreIndicator(range(90, 100, '%'), num(81, '%'), 10, null, R).computed).toBe(9);
    expect(scoreIndicator(range(3, 5, '天'), num(10, '天'), 10, null, R).computed).toBe(5);
  });
});

describe('unreadable input', () => {
  it('unknown kind with no score when the target is empty or unreadable', () => {
    expect(scoreIndicator(empty(), num(5), 10, 10, R)).toMatchObject({ kind: 'unknown', computed: null });
    expect(scoreIndicator(invalid('见附件'), num(5), 10, 10, R).problems).toContainEqual({ code: 'value-format', field: 'target', reason: 'unreadable' });
  });
  it('scores words for a numeric target by their tier and flags them', () => {
    const s = scoreIndicator(num(100, '%', '>='), qual('完成', 'met'), 10, 10, R);
    expect(s.computed).toBe(10);
    expect(s.problems).toContainEqual({ code: 'value-format', field: 'actual', reason: 'text-for-number' });
  });
  it('no weight, no score', () => {
    expect(scoreIndicator(num(100, '%'), num(90, '%'), null, 9, R)).toMatchObject({ computed: null, problems: [{ code: 'value-missing', field: 'weight' }] });
  });
});
