import { isPlaceholder, parseValue, qualitativeOutcome, qualitativeTier, sameQualitative } from '../../../src/core/parse';

describe('qualitativeTier', () => {
  const met = ['是', '完成', '已完成', '达成', '达到', '达成预期指标', '及时', '有效', '合格', '合规', '达标', '优', '优秀', '好', '良好', '较好',
    '显著', '明显提升', '提升', '改善', '提高', '优化', '消除', '无', '零', '100%', '满意', '未发生安全事故', '无安全事故', '按时完成', '良',
    '完成龙泉储备地块的签约拆除工作。', '有效 ', 'ＹＥＳ'];
  const partial = ['部分达成', '基本达成', '基本完成', '一般', '中', '基本', '部分完成', '有所提升', '有待提高'];
  const missed = ['否', '未完成', '未达成', '未达到', '差', '不及时', '无效', '不合格', '较差', '未达标', '不满意', '工作滞后'];
  it.each(met)('%s → met', (s) => expect(qualitativeTier(s)).toBe('met'));
  it.each(partial)('%s → partial', (s) => expect(qualitativeTier(s)).toBe('partial'));
  it.each(missed)('%s → missed', (s) => expect(qualitativeTier(s)).toBe('missed'));
  it.each(['定性', '是否及时', '', '中学', '其他'])('%j → null', (s) => expect(qualitativeTier(s)).toBeNull());
});

describe('isPlaceholder', () => {
  it.each(['定性', '定量', '定性指标', '是否及时', '隐患是否消除', '是否优化', '好/坏', '优良中低差', '高/中/低', '高中低', '达成/部分达成/未达成', '有无'])(
    '%s is a placeholder', (s) => expect(isPlaceholder(s)).toBe(true),
  );
  it.each(['有效', '及时', '良好', '显著提升', '1/3', '元/人'])('%s is not', (s) => expect(isPlaceholder(s)).toBe(false));
});

describe('qualitativeOutcome on a grade scale', () => {
  it.each([
    ['优', '良', 'partial'], ['好', '较好', 'partial'], ['好', '一般', 'partial'], ['高', '较高', 'partial'], ['优秀', '良好', 'partial'],
    ['好', '差', 'missed'], ['优', '差', 'missed'], ['高', '低', 'missed'],
    ['良', '优', 'met'], ['较好', '好', 'met'], ['好', '好', 'met'], ['定性好', '较好', 'partial'],
  ])('target %s, actual %s → %s', (t, a, tier) => expect(qualitativeOutcome(t, a)).toBe(tier));
  it('leaves words off a common scale to the word lists', () => {
    expect(qualitativeOutcome('明显', '较好')).toBe('met');
    expect(qualitativeOutcome('有效', '一般')).toBe('partial');
  });
});

describe('sameQualitative and qualitativeOutcome', () => {
  const same: [string, string][] = [
    ['是否优化', '优化'], ['隐患是否消除', '消除'], ['隐患是否消除', '隐患消除'], ['是否及时', '及时'], ['有效', '有效'],
    ['显著提升', '显著提升'], ['是否及时', '已及时'], ['定性有效', '有效'], ['定性是否及时', '及时'], ['是否得到改善', '改善'], ['是否优化', '优化。'],
  ];
  it.each(same)('%s / %s → same', (t, a) => {
    expect(sameQualitative(t, a)).toBe(true);
    expect(qualitativeOutcome(t, a)).toBe('met');
  });

  const notSame: [string, string][] = [['是否及时', '不及时'], ['有效', '无效'], ['是否优化', '未优化'], ['定性', '定性'], ['有效', '']];
  it.each(notSame)('%s / %s → not same', (t, a) => expect(sameQualitative(t, a)).toBe(false));

  it('reads 否/无 as the good answer when the target asks about something bad', () => {
    expect(qualitativeOutcome('是否发生安全事故', '否')).toBe('met');
    expect(qualitativeOutcome('是否发生安全事故', '无')).toBe('met');
    expect(qualitativeOutcome('是否发生安全事故', '是')).toBe('missed');
    expect(qualitativeOutcome('隐患是否消除', '否')).toBe('missed');
  });

  it('falls back to the actual tier', () => {
    expect(qualitativeOutcome('定性', '良好')).toBe('met');
    expect(qualitativeOutcome('定性', '一般')).toBe('partial');
    expect(qualitativeOutcome('有效', '基本有效')).toBe('partial');
  });
});

describe('parseValue: qualitative cells', () => {
  it('carries tier and placeholder', () => {
    expect(parseValue({ value: '是否及时' })).toEqual({ kind: 'qualitative', raw: '是否及时', text: '是否及时', tier: null, placeholder: true });
    expect(parseValue({ value: ' 良 好 ' })).toEqual({ kind: 'qualitative', raw: '良 好', text: '良好', tier: 'met', placeholder: false });
    expect(parseValue({ value: '一般' })).toMatchObject({ tier: 'partial' });
    expect(parseValue({ value: '十分满意' })).toMatchObject({ kind: 'qualitative', tier: 'met' });
  });
});
