import { normalizeText, parseChineseNumeral, parseNumberLoose, parseWeightHeading } from '../../../src/core/parse';

describe('parseNumberLoose', () => {
  const cases: [string | number | null, number | null][] = [
    ['项目支出：1165.56', 1165.56],
    ['  其中：  一般公共预算：2673.41', 2673.41],
    ['按收入性质分：2030.12', 2030.12],
    ['项目支出：1025.20', 1025.2],
    ['其他资金：0', 0],
    ['纳入专户管理的非税收入拨款：', null],
    ['其中：基本支出：-3.5', -3.5],
    ['基本-支出 12', 12],
    ['合计：1,165.56万元', 1165.56],
    ['金额：１２３．４', 123.4],
    ['', null],
    [null, null],
    [42, 42],
    [NaN, null],
  ];
  it.each(cases)('%j → %j', (input, expected) => expect(parseNumberLoose(input)).toBe(expected));
});

describe('parseWeightHeading', () => {
  const cases: [string, number | null][] = [
    ['产出指标\n\n(40分)', 40],
    ['效益指标\n\n（20分）\n　', 20],
    ['满意度\n指标\n（10分）', 10],
    ['成本指标（20分）', 20],
    ['产出指标（４０分）', 40],
    ['项目产出(12.5分)', 12.5],
    ['产出指标50分', 50],
    ['产出指标', null],
    ['分值', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', (input, expected) => expect(parseWeightHeading(input)).toBe(expected));
});

describe('normalizeText', () => {
  it('folds widths, comparator glyphs, spaces and 百分比', () => {
    expect(normalizeText('≧ ９５％')).toBe('>=95%');
    expect(normalizeText('≦5％')).toBe('<=5%');
    expect(normalizeText('═１００百分比')).toBe('=100%');
    expect(normalizeText('＞＝９０')).toBe('>=90');
    expect(normalizeText('≥=90')).toBe('>=90');
    expect(normalizeText('=>90')).toBe('>=90');
    expect(normalizeText('９０～１００')).toBe('90~100');
    expect(normalizeText('ＡＢＣ\u3000d\u200be\u0007')).toBe('ABCde');
  });
});

describe('parseChineseNumeral', () => {
  const cases: [string, number | null][] = [
    ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['三万', 30000], ['一千二百三十四', 1234],
    ['一二', null], ['般', null], ['', null],
  ];
  it.each(cases)('%s → %j', (input, expected) => expect(parseChineseNumeral(input)).toBe(expected));
});
