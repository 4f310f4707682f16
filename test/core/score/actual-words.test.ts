/** Actuals written as words against numeric targets: numbers inside the words, "无"/"零", "暂无数据". */
import { pickQuantity, saysNotAvailable, scoreIndicator } from '../../../src/core/score/indicator';
import type { NumberValue, QualitativeValue, Unit } from '../../../src/core/parse/types';
import { MOF_2020, resolveRuleSet } from '../../../src/core/rules';
import { date, num, qual, range } from '../helpers/values';

const R = MOF_2020;
const POINTS: Unit = { name: '个百分点', dimension: 'percent', factor: 0.01, base: '%' };

/** Words with the quantities the parser reads inside them (as the parser engineer will supply them). */
function words(text: string, tier: QualitativeValue['tier'], quantities: NumberValue[]): QualitativeValue {
  return { ...qual(text, tier), quantities };
}
const points = (n: number): NumberValue => ({ kind: 'number', raw: `${n}个百分点`, comparator: null, direction: null, value: n / 100, written: n, unit: POINTS });

describe('a number inside words', () => {
  it('is scored like a number actual, not by the words (完成90% against ≥95% → 9.47)', () => {
    const s = scoreIndicator(num(95, '%', '>='), words('完成90%，较上年提高2个百分点', 'met', [num(90, '%'), points(2)]), 10, 10, R);
    expect(s).toMatchObject({ kind: 'forward', computed: 9.47, met: false });
    expect(s.formula?.zh).toBe('10 × 90% ÷ 95%');
    expect(s.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'number-in-text', shown: '90%' }]);
  });

  it('meets the target when the number does, with the same over-achievement flag as a number', () => {
    expect(scoreIndicator(num(90, '%', '>='), words('满意度96%', 'met', [num(96, '%')]), 10, 10, R)).toMatchObject({ computed: 10, met: true, overAchieved: false });
    expect(scoreIndicator(num(100, '人', '>='), words('培训150人', null, [num(150, '人')]), 10, 10, R)).toMatchObject({ computed: 10, met: true, overAchieved: true });
  });

  it('takes the first quantity that compares with the target, skipping other units', () => {
    const s = scoreIndicator(num(90, '%', '>='), words('培训500人，满意度85%', 'met', [num(500, '人'), num(85, '%')]), 10, null, R);
    expect(s.computed).toBe(9.44);
    expect(scoreIndicator(num(500, '人', '>='), words('培训3天共450人', null, [num(3, '天'), num(450, '人')]), 10, null, R).computed).toBe(9);
  });

  it('reads a percentage-point change only against a target in points', () => {
    // "提高2个百分点" is not a level of 2% against ≥95%: no quantity compares, the words' tier stands.
    expect(scoreIndicator(num(95, '%', '>='), words('较上年提高2个百分点', 'met', [points(2)]), 10, null, R)).toMatchObject({ computed: 10, met: true });
    const pointsTarget: NumberValue = { ...points(2), comparator: '>=', direction: 'forward' };
    expect(scoreIndicator(pointsTarget, words('提高1个百分点', 'met', [points(1)]), 10, null, R).computed).toBe(5);
  });

  it('converts units and honours reverse targets', () => {
    expect(scoreIndicator(num(2, '万元', '>='), words('共支出15000元', null, [num(15000, '元')]), 10, null, R).computed).toBe(7.5);
    expect(scoreIndicator(num(5, '%', '<='), words('投诉率8%', null, [num(8, '%')]), 10, null, R)).toMatchObject({ kind: 'reverse', computed: 6.25, met: false });
    expect(scoreIndicator(num(5, '%', '<='), words('投诉率3%', null, [num(3, '%')]), 10, null, R)).toMatchObject({ computed: 10, met: true });
  });

  it('falls back to a bare number in the words when no unit compares', () => {
    expect(scoreIndicator(num(100, '%', '>='), words('完成率97', 'met', [num(97)]), 10, null, R).computed).toBe(9.7);
  });

  it('scores a range target on the number', () => {
    expect(scoreIndicator(range(90, 100, '%'), words('达标率81%', 'met', [num(81, '%')]), 10, null, R)).toMatchObject({ kind: 'range', computed: 9, met: false });
    expect(scoreIndicator(range(90, 100, '%'), words('达标率95%', 'met', [num(95, '%')]), 10, null, R)).toMatchObject({ computed: 10, met: true });
  });

  it('keeps the words’ tier when no quantity compares (today’s behaviour)', () => {
    const s = scoreIndicator(num(95, '%', '>='), words('完成3项', 'met', [num(3, '个')]), 10, 10, R);
    expect(s).toMatchObject({ computed: 10, met: true });
    expect(s.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'text-for-number' }]);
    expect(scoreIndicator(num(95, '%', '>='), qual('完成', 'met'), 10, 10, R).computed).toBe(10);
  });

  it('does not take a target quoted in words that say it was missed ("未达到95%")', () => {
    const s = scoreIndicator(num(95, '%', '>='), words('未达到95%', 'missed', [num(95, '%')]), 10, null, R);
    expect(s).toMatchObject({ computed: 5.99, met: false, tier: 'missed' });
    expect(s.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'text-for-number' }]);
    // …but a measured shortfall in such words is still scored on its number.
    expect(scoreIndicator(num(95, '%', '>='), words('完成90%，未达到目标', 'missed', [num(90, '%')]), 10, null, R).computed).toBe(9.47);
  });

  it('leaves qualitative and date targets alone', () => {
    expect(scoreIndicator(qual('有效'), words('有效率90%', 'met', [num(90, '%')]), 10, null, R)).toMatchObject({ kind: 'qualitative', computed: 10 });
    expect(scoreIndicator(date(2023, 12, 31, '<='), words('2023年完成3项', 'met', [num(3, '个')]), 10, null, R)).toMatchObject({ kind: 'date', computed: 10 });
  });
});

describe('pickQuantity', () => {
  it('prefers a convertible unit, then a bare number, else nothing', () => {
    const t = num(95, '%', '>=');
    expect(pickQuantity(t, [num(3, '天'), num(90, '%'), num(80, '%')])?.written).toBe(90);
    expect(pickQuantity(t, [num(3, '天'), num(88)])?.written).toBe(88);
    expect(pickQuantity(t, [num(3, '天'), points(2)])).toBeNull();
    expect(pickQuantity(num(500), [num(3, '天'), num(450, '人')])?.written).toBe(3);
  });
});

describe('"无", "零", "没有" against a numeric target', () => {
  it.each(['无', '零', '没有', '无。'])('"%s" is 0 against a forward or equal target above 0', (text) => {
    const s = scoreIndicator(num(10, '个', '>='), qual(text, text === '没有' ? 'missed' : 'met'), 10, 10, R);
    expect(s).toMatchObject({ kind: 'forward', computed: 0, met: false, ratio: 0 });
    expect(s.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'text-for-number' }]);
    expect(scoreIndicator(num(95, '%', '='), qual(text, 'met'), 10, 10, R)).toMatchObject({ kind: 'equal', computed: 0, met: false });
    expect(scoreIndicator(num(10, '个'), qual(text, 'met'), 10, 10, R).computed).toBe(0);
  });

  it('is met against a reverse target or a target of 0', () => {
    expect(scoreIndicator(num(5, '起', '<='), qual('无', 'met'), 10, null, R)).toMatchObject({ kind: 'reverse', computed: 10, met: true });
    expect(scoreIndicator(num(3, '%', '<'), qual('零', 'met'), 10, null, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(num(0, '个', '='), qual('没有', 'missed'), 10, null, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(num(0, '个'), qual('无', 'met'), 10, null, R)).toMatchObject({ computed: 10, met: true });
  });

  it('is 0 against a range with a lower bound above 0 and met when the range starts at 0', () => {
    expect(scoreIndicator(range(90, 100, '%'), qual('无', 'met'), 10, null, R).computed).toBe(0);
    expect(scoreIndicator(range(0, 2, '个'), qual('无', 'met'), 10, null, R).computed).toBe(10);
  });

  it('does not read longer words containing 无 as 0', () => {
    expect(scoreIndicator(num(10, '个', '>='), qual('无异常', 'met'), 10, null, R).computed).toBe(10);
  });
});

describe('"暂无", "暂无数据", "未统计": no figure', () => {
  it.each(['暂无', '暂无数据', '未统计', '尚未统计', '无数据', '暂无统计数据', '待测评'])('"%s" cannot be scored and counts as a missing actual', (text) => {
    const s = scoreIndicator(num(90, '%', '>='), qual(text, 'met'), 10, 10, R);
    expect(s).toMatchObject({ kind: 'forward', computed: null, met: null });
    expect(s.problems).toEqual([{ code: 'value-missing', field: 'actual', reason: 'not-available' }]);
    expect(scoreIndicator(qual('有效'), qual(text, 'met'), 10, 10, R)).toMatchObject({ kind: 'qualitative', computed: null });
    expect(scoreIndicator(range(90, 100, '%'), qual(text, null), 10, 10, R).computed).toBeNull();
  });

  it('is told apart from a miss and from "none"', () => {
    expect(saysNotAvailable(qual('暂无数据'))).toBe(true);
    expect(saysNotAvailable(qual('尚未完成'))).toBe(false);
    expect(saysNotAvailable(qual('未开展'))).toBe(false);
    expect(saysNotAvailable(qual('无'))).toBe(false);
    expect(saysNotAvailable(num(0))).toBe(false);
  });
});

describe('a bare target of 0', () => {
  it('is met only when the actual is not above 0 ("0起" like "=0起")', () => {
    expect(scoreIndicator(num(0, '起'), num(1, '起'), 10, 10, R)).toMatchObject({ kind: 'forward', computed: 0, met: false });
    expect(scoreIndicator(num(0), num(2), 10, 10, R)).toMatchObject({ computed: 0, met: false });
    expect(scoreIndicator(num(0, '次'), num(0, '次'), 10, 10, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(num(0), num(0), 10, 10, R).computed).toBe(10);
  });
  it('"≥0" stays a forward target any actual meets, "≤0" a reverse one', () => {
    expect(scoreIndicator(num(0, '个', '>='), num(3, '个'), 10, null, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(num(0, '起', '<='), num(1, '起'), 10, null, resolveRuleSet({ reverseFormula: 'ratio' }))).toMatchObject({ computed: 0, met: false });
  });
});

describe('strict comparators', () => {
  it('">95%" with exactly 95% keeps the full weight (DOMAIN treats > as forward like ≥)', () => {
    expect(scoreIndicator(num(95, '%', '>'), num(95, '%'), 10, null, R)).toMatchObject({ computed: 10, met: true });
  });
});

describe('comparators and changes the parser marks', () => {
  const soft = (written: number, unit: string): NumberValue => ({ ...num(written, unit, '>='), raw: `达到${written}${unit}`, softComparator: true });
  const change = (written: number, unit: string, how: 'increase' | 'decrease', comparator: '>=' | null = '>='): NumberValue => ({
    ...num(written, unit, comparator),
    raw: `${how === 'increase' ? '提高' : '下降'}${written}${unit}`,
    softComparator: true,
    change: how,
  });

  it('"达到97%" as an actual is a measurement: no comparator flag; "≥97%" still is flagged', () => {
    expect(scoreIndicator(num(95, '%', '>='), soft(97, '%'), 10, 10, R)).toMatchObject({ computed: 10, problems: [] });
    expect(scoreIndicator(num(95, '%', '>='), soft(90, '%'), 10, 10, R)).toMatchObject({ computed: 9.47, problems: [] });
    expect(scoreIndicator(num(95, '%', '>='), num(97, '%', '>='), 10, 10, R).problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'comparator' }]);
    expect(scoreIndicator({ kind: 'empty', raw: '' }, soft(97, '%'), 10, 10, R).problems).toEqual([{ code: 'value-missing', field: 'target' }]);
  });

  it('compares a change with a change the same way, and counts one the other way against it', () => {
    expect(scoreIndicator(change(5, '%', 'increase'), change(3, '%', 'increase'), 10, null, R)).toMatchObject({ computed: 6, met: false });
    expect(scoreIndicator(change(5, '%', 'increase'), change(6, '%', 'increase'), 10, null, R)).toMatchObject({ computed: 10, met: true });
    expect(scoreIndicator(change(5, '%', 'increase'), change(2, '%', 'decrease'), 10, null, R)).toMatchObject({ computed: 0, met: false });
    // A bare number against a change target is the change the clerk measured.
    expect(scoreIndicator(change(5, '%', 'increase'), num(4, '%'), 10, null, R).computed).toBe(8);
  });

  it('cannot score a change against a level target ("提高2个百分点" for ≥95%)', () => {
    const s = scoreIndicator(num(95, '%', '>='), change(2, '%', 'increase'), 10, 10, R);
    expect(s).toMatchObject({ computed: null, met: null });
    expect(s.problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'not-comparable' }]);
    expect(scoreIndicator(range(90, 100, '%'), change(2, '%', 'increase'), 10, 10, R).computed).toBeNull();
  });

  it('skips changes inside words unless the target asks for the same change', () => {
    const w = words('满意度92%，较上年提高3%', 'met', [num(92, '%'), change(3, '%', 'increase')]);
    expect(scoreIndicator(num(95, '%', '>='), w, 10, null, R).computed).toBe(9.68);
    expect(scoreIndicator(change(5, '%', 'increase'), w, 10, null, R).computed).toBe(6);
    expect(pickQuantity(num(95, '%', '>='), [change(3, '%', 'increase')])).toBeNull();
  });

  it('treats an actual the parser marks as holding no value (placeholder) as missing', () => {
    const s = scoreIndicator(num(90, '%', '>='), qual('统计中', null, true), 10, 10, R);
    expect(s).toMatchObject({ computed: null, problems: [{ code: 'value-missing', field: 'actual', reason: 'not-available' }] });
    expect(scoreIndicator(qual('是否及时', null, true), qual('是否及时', null, true), 10, 10, R).computed).toBeNull();
  });
});

describe('a number behind a label ("满意度85%", "培训520人": the parser reads a number with `label`)', () => {
  const labelled = (label: string, written: number, unit: string): NumberValue => ({ ...num(written, unit), raw: `${label}${written}${unit}`, label });
  it('is scored on its number, unflagged (the clerk measured it)', () => {
    const s = scoreIndicator(num(90, '%', '>='), labelled('满意度', 85, '%'), 10, 10, R);
    expect(s).toMatchObject({ computed: 9.44, met: false });
    expect(s.problems).toEqual([]);
    expect(scoreIndicator(num(500, '人', '>='), labelled('培训', 520, '人'), 10, 10, R)).toMatchObject({ computed: 10, met: true });
  });
  it('is not flagged when the label is the change the target asks for ("增长6%" for "较上年增长5%")', () => {
    const grow = (written: number, label: string): NumberValue => ({ ...num(written, '%', '>='), raw: `${label}${written}%`, softComparator: true, change: 'increase', label });
    expect(scoreIndicator(grow(5, '较上年增长'), grow(4, '增长'), 10, 10, R)).toMatchObject({ computed: 8, problems: [] });
  });
  it('gets one flag when it also carries a copied comparator', () => {
    const copied: NumberValue = { ...labelled('合格率', 95, '%'), comparator: '>=', direction: 'forward' };
    expect(scoreIndicator(num(95, '%', '>='), copied, 10, 10, R).problems).toEqual([{ code: 'value-format', field: 'actual', reason: 'comparator' }]);
  });
});
