import { isPlaceholder, parseValue, qualitativeOutcome, qualitativeTier, sameQualitative } from '../../../src/core/parse';
import { isNoData } from '../../../src/core/parse/qualitative';

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

describe('qualitativeOutcome: the actual restates the target', () => {
  const met: [string, string][] = [
    // Identical words are met whatever they start with.
    ['不断完善', '不断完善'], ['不断提高', '不断提高'], ['无', '无'], ['未发生', '未发生'], ['长期', '长期'], ['进一步规范', '进一步规范'],
    // Part of the target's words.
    ['较上年有所提高', '有所提高'], ['较上年有所提升', '有所提升'], ['同比有所增长', '有所增长'], ['持续发挥', '发挥'], ['显著提升', '提升'],
    ['一般及以上', '一般'], ['良好及以上', '良好'], ['制度不断完善', '不断完善'],
  ];
  it.each(met)('%s / %s → met', (t, a) => {
    expect(sameQualitative(t, a)).toBe(true);
    expect(qualitativeOutcome(t, a)).toBe('met');
  });

  const notRestated: [string, string][] = [
    ['无重大安全事故', '安全事故'], ['不发生安全事故', '发生安全事故'], ['零投诉', '投诉'], ['杜绝违规', '违规'], ['隐患是否消除', '隐患'],
    ['较上年有所提高', '较上年'], ['定性', '定性'], ['有效', '无效'], ['及时', '不及时'],
  ];
  it.each(notRestated)('%s / %s is not a restatement', (t, a) => expect(sameQualitative(t, a)).toBe(false));
});

describe('qualitativeOutcome: how much and which way', () => {
  const cases: [string, string, string | null][] = [
    // The same change, with no stronger amount asked than reported: met.
    ['逐步提高', '有所提高', 'met'], ['有所提高', '有所提高', 'met'], ['逐步提升', '有所提升', 'met'], ['持续改善', '有所改善', 'met'],
    ['进一步提高', '有所提升', 'met'], ['提高', '有所提高', 'met'], ['降低', '有所降低', 'met'], ['有所改善', '明显改善', 'met'],
    ['明显改善', '改善', 'met'], ['显著提升', '显著提高', 'met'], ['较上年增长', '增长', 'met'], ['优化', '进一步优化', 'met'],
    ['全面落实', '落实', 'met'], ['提高', '提升', 'met'], ['降低', '下降', 'met'], ['减少', '降低', 'met'],
    // A weaker amount than the target asks for: partial.
    ['明显改善', '有所改善', 'partial'], ['明显提升', '有所提升', 'partial'], ['显著提高', '较大提高', 'partial'], ['大幅提升', '略有提升', 'partial'],
    ['群众满意度明显提升', '满意度有所提升', 'partial'], ['显著提升', '有待提升', 'partial'], ['全面落实', '基本落实', 'partial'],
    ['显著', '较显著', 'partial'], ['明显', '较明显', 'partial'], ['显著', '较为显著', 'partial'], ['明显', '比较明显', 'partial'],
    ['显著', '一般', 'partial'], ['较显著', '一般', 'partial'], ['好', '比较好', 'partial'],
    // The opposite change, or none: missed.
    ['提高', '下降', 'missed'], ['减少', '增加', 'missed'], ['上升', '下降', 'missed'], ['增加', '减少了', 'missed'], ['提高', '有所下降', 'missed'],
    ['满意度提高', '满意度下降', 'missed'], ['成本降低', '成本上升', 'missed'], ['加强', '减弱', 'missed'], ['较上年有所提高', '有所下降', 'missed'],
    ['提高', '持平', 'missed'], ['增长', '与上年持平', 'missed'], ['降低', '无变化', 'missed'], ['提高', '未提高', 'missed'],
    ['显著', '不显著', 'missed'], ['明显', '不明显', 'missed'],
    // A change of something else is read on its own words.
    ['满意度提高', '投诉减少', 'met'],
  ];
  it.each(cases)('%s / %s → %s', (t, a, tier) => expect(qualitativeOutcome(t, a)).toBe(tier));

  it('leaves other words with 较 to the clerk (a stated score in either band stands)', () => {
    expect(qualitativeOutcome('科学', '较科学')).toBeNull();
    expect(qualitativeOutcome('完善', '较完善')).toBeNull();
    expect(qualitativeOutcome('满意', '较满意')).toBe('met');
  });

  it('leaves 较 alone when the target already has it or is long', () => {
    expect(qualitativeOutcome('较好', '好')).toBe('met');
    expect(qualitativeOutcome('较好', '较好')).toBe('met');
    expect(qualitativeOutcome('较上年提高', '提高')).toBe('met');
  });
});

describe('qualitativeOutcome: all of it', () => {
  it.each([
    ['全覆盖', '100%', 'met'], ['全覆盖', '全部覆盖', 'met'], ['全覆盖', '已全覆盖', 'met'], ['全覆盖', '实现全覆盖', 'met'],
    ['全覆盖', '覆盖率100%', 'met'], ['实现全覆盖', '100%', 'met'], ['全部覆盖', '100%', 'met'], ['全部完成', '100%', 'met'],
    ['全覆盖', '98%', 'partial'], ['全覆盖', '部分覆盖', 'partial'], ['全覆盖', '基本覆盖', 'partial'], ['全覆盖', '0%', 'missed'],
  ])('%s / %s → %s', (t, a, tier) => expect(qualitativeOutcome(t, a)).toBe(tier));
});

describe('qualitativeOutcome: bad events ruled out', () => {
  it.each([
    ['无重大安全事故', '无', 'met'], ['无重大安全事故', '未发生', 'met'], ['无重大安全事故', '无安全事故', 'met'], ['是否发生安全事故', '否', 'met'],
    ['零投诉', '无投诉', 'met'], ['杜绝安全事故', '未发生安全事故', 'met'],
    ['无重大安全事故', '发生1起安全事故', 'missed'], ['无重大安全事故', '发生1起', 'missed'], ['不发生安全事故', '发生', 'missed'],
    ['零投诉', '有2起投诉', 'missed'], ['无违规违纪', '出现违规问题', 'missed'], ['是否发生安全事故', '发生1起', 'missed'],
  ])('%s / %s → %s', (t, a, tier) => expect(qualitativeOutcome(t, a)).toBe(tier));
});

describe('no figure yet', () => {
  const noData = ['暂无', '暂无数据', '无数据', '未统计', '待统计', '暂未统计', '尚未统计', '统计中', '正在统计', '暂缺', '尚无数据', '没有相关数据',
    '数据暂缺', '待定', '不详', '无法统计', 'N/A', '待评估', '未开展调查', '暂无统计数据', '暂无数据。'];
  it.each(noData)('%s has no tier and is marked', (s) => {
    expect(isNoData(s)).toBe(true);
    expect(isPlaceholder(s)).toBe(true);
    expect(qualitativeTier(s)).toBeNull();
    expect(qualitativeOutcome('有效', s)).toBeNull();
    expect(qualitativeOutcome(s, s)).toBeNull();
    expect(parseValue({ value: s })).toMatchObject({ kind: 'qualitative', tier: null, placeholder: true });
  });
  it.each(['无', '零', '没有', '暂未开展', '正在实施', '未完成', '无安全事故', '暂无安全事故发生', '未发生'])('%s is an answer, not missing data', (s) => {
    expect(isNoData(s)).toBe(false);
  });
  it('keeps the answers that need no figure', () => {
    expect(qualitativeOutcome('无重大安全事故', '无')).toBe('met');
    expect(qualitativeTier('暂未开展')).toBe('missed');
  });
});

describe('qualitativeOutcome: a number for words', () => {
  it.each([
    ['是否发生安全事故', '0', 'met'], ['是否发生安全事故', '0起', 'met'], ['是否发生安全事故', '1起', 'missed'], ['是否发生安全事故', '发生1起', 'missed'],
    ['无重大安全事故', '0起', 'met'], ['无重大安全事故', '2起', 'missed'], ['零发生', '0起', 'met'], ['零投诉', '3次', 'missed'],
    ['全覆盖', '100%', 'met'], ['全覆盖', '95%', 'partial'], ['及时', '100%', 'met'],
    ['有效', '0', null], ['有效', '95%', null], ['好', '3个', null], ['全覆盖', '12个', null],
  ])('%s / %s → %s', (t, a, tier) => expect(qualitativeOutcome(t, a)).toBe(tier));
});

describe('a target that is only 是 or 否', () => {
  it.each([
    ['否', '否', 'met'],
    ['是', '是', 'met'],
    ['否', '是', 'missed'], // 是否存在违规行为: the violation happened
    ['是', '否', 'missed'],
    ['无', '有', 'missed'],
    ['有', '没有', 'missed'],
  ])('%s answered %s is %s', (target, actual, tier) => {
    expect(qualitativeOutcome(target, actual)).toBe(tier);
  });
});
